/** Sparse tf-idf vectors: term → weight, length-normalised, so a dot product is a cosine similarity. */
export type Vector = Map<string, number>;

/** Inverse document frequency with add-one smoothing; an unseen term counts as rare. */
export function idf(docs: number, df: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** Weights term counts by sublinear tf × idf and scales the result to unit length. */
export function weigh(counts: Map<string, number>, idfOf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const w = (1 + Math.log(count)) * idfOf(term);
    if (w <= 0) continue;
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

/** The dot product of two sparse vectors (the cosine when both are unit length). */
export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [term, w] of small) {
    const x = large.get(term);
    if (x !== undefined) s += w * x;
  }
  return s;
}

/** The `n` heaviest terms of a vector, heaviest first. */
export function topTerms(v: Vector, n: number): [string, number][] {
  return [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/** A vector from the plain object it is stored as, and back. */
export const fromObject = (o: Record<string, number>): Vector => new Map(Object.entries(o));
export const toObject = (v: Vector): Record<string, number> => Object.fromEntries([...v].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]));
