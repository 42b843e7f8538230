import fs from 'node:fs';
import path from 'node:path';
import { normalise, stopWord } from './text.ts';

/**
 * Word vectors: the 60,000 most frequent English words as GloVe places them (built by
 * scripts/build-word-vectors.ts), unit length, stored as signed bytes. Two words used in the same contexts point
 * the same way ("sofa" and "couch", "broken" and "cracked"), which lets suggestions see that an inquiry and an
 * article talk about the same thing in different words.
 */
export const VECTORS_FILE = path.join(import.meta.dirname, '../model/word-vectors.bin');

/** `index`: word → vector id, which is also the word's frequency rank (0 = most frequent). */
export type WordVectors = { dims: number; index: Map<string, number>; data: Int8Array };

/** File layout: a 4-byte little-endian length, that many bytes of JSON header ({dims, words}), then the vectors. */
export function encodeVectors(words: string[], rows: number[][]): Buffer {
  const dims = rows[0]?.length ?? 0;
  const header = Buffer.from(JSON.stringify({ dims, words }), 'utf8');
  const out = Buffer.alloc(4 + header.length + words.length * dims);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  rows.forEach((v, i) => {
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    for (let d = 0; d < dims; d++) out.writeInt8(Math.max(-127, Math.min(127, Math.round((v[d]! / norm) * 127))), 4 + header.length + i * dims + d);
  });
  return out;
}

export function decodeVectors(buf: Buffer): WordVectors {
  const len = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + len).toString('utf8')) as { dims: number; words: string[] };
  const data = new Int8Array(buf.buffer, buf.byteOffset + 4 + len, header.words.length * header.dims);
  return { dims: header.dims, index: new Map(header.words.map((w, i) => [w, i])), data };
}

let loaded: WordVectors | null | undefined;

/** The shipped vectors, read once; null when the file is absent (suggestions then rank by words alone). */
export function wordVectors(): WordVectors | null {
  if (loaded === undefined) loaded = fs.existsSync(VECTORS_FILE) ? decodeVectors(fs.readFileSync(VECTORS_FILE)) : null;
  return loaded;
}

/** The words of a text that have vectors, stop words left out, as vector ids with counts. */
export function wordIds(text: string, wv: WordVectors): Map<number, number> {
  const out = new Map<number, number>();
  for (const w of normalise(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (stopWord(w)) continue;
    const id = wv.index.get(w);
    if (id !== undefined) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

/**
 * The weight of the word with vector id `id`: frequent words ("order", "help") weigh little, rare ones much
 * (smooth inverse frequency, with the vectors' frequency rank, which is the id, standing in for probability).
 */
export function wordWeight(id: number): number {
  const p = 1 / ((id + 10) * 13);
  return 1e-4 / (1e-4 + p);
}

/** The cosine of two words (their vectors are unit length, scaled by 127). */
export function cosine(wv: WordVectors, a: number, b: number): number {
  const d = wv.dims;
  const data = wv.data;
  const x = a * d, y = b * d;
  let s = 0;
  for (let i = 0; i < d; i++) s += data[x + i]! * data[y + i]!;
  return s / (127 * 127);
}
