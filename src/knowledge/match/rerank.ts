import fs from 'node:fs';
import path from 'node:path';
import type { ArticleDoc, Match } from './articles.ts';
import { cosine, wordIds, wordWeight, type WordVectors } from './embeddings.ts';

/**
 * The second look at an inquiry's candidate articles. Word matching (ArticleIndex) finds candidates and scores
 * shared words; this step also weighs words that are different but mean nearly the same, through word vectors:
 * for each word of the inquiry, how many words of the article's title, opening and body sit at each level of
 * similarity to it (a kernel-pooling ranker, after K-NRM: Xiong et al., SIGIR 2017), and the cosine of the
 * inquiry and the article as weighted averages of their words. A linear model over these features and the word
 * matching scores orders the candidates; its weights are learned by scripts/train-knowledge-model.ts on labelled
 * help centers of twenty-four trades (src/knowledge/train) and its softmax gives how sure the best one is.
 */
export const RANKER_FILE = path.join(import.meta.dirname, '../model/ranker.json');

// Kernel centres (cosine levels) and widths; the first is exact match.
const MU = [1, 0.9, 0.7, 0.5, 0.3, 0.1, -0.1];
const SIGMA = [0.001, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
const K = MU.length;
// The article's fields the ranker reads, in the order ArticleFields holds them.
const FIELD_NAMES = ['title', 'opening', 'body'];
const FIELDS = FIELD_NAMES.length;

export const FEATURES = [
  'whole', 'title', 'passage', 'relative',
  ...FIELD_NAMES.map((f) => `cos_${f}`),
  ...FIELD_NAMES.flatMap((f) => MU.map((m) => `kernel_${f}_${m}`)),
  ...FIELD_NAMES.map((f) => `align_${f}`),
];

/**
 * `confident`: the lead of the best article's score over the next one's from which the best is offered to a
 * customer. A lead, not a probability: a probability depends on how many weak candidates share it, so a help
 * center of five articles would look surer than one of five hundred.
 */
export type RankerModel = { features: string[]; weights: number[]; confident: number };

/** How far the best score is ahead of the second (0 with fewer than two). */
export function lead(scores: number[]): number {
  let a = -Infinity, b = -Infinity;
  for (const s of scores) if (s > a) (b = a), (a = s);
  else if (s > b) b = s;
  return b === -Infinity ? 0 : a - b;
}

/** What the ranker keeps of an article: its three fields as word ids with counts, and as unit average vectors. */
export type ArticleFields = { ids: Int32Array[]; counts: Float32Array[]; means: Float32Array[] };

function opening(body: string): string {
  return body.split('\n').find((l) => l.trim() && !l.trim().startsWith('#')) ?? '';
}

/** The weighted average of the words' vectors, unit length. */
function mean(ids: Map<number, number>, wv: WordVectors, rarity: (id: number) => number = () => 1): Float32Array {
  const v = new Float32Array(wv.dims);
  for (const [id, c] of ids) {
    const w = c * wordWeight(id) * rarity(id);
    const off = id * wv.dims;
    for (let i = 0; i < wv.dims; i++) v[i]! += w * wv.data[off + i]!;
  }
  let n = 0;
  for (let i = 0; i < wv.dims; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < wv.dims; i++) v[i]! /= n;
  return v;
}

export function articleFields(doc: ArticleDoc, wv: WordVectors): ArticleFields {
  const texts = [`${doc.title} ${doc.tags.join(' ')}`, `${doc.title} ${opening(doc.body)}`, `${doc.title} ${doc.body}`];
  const maps = texts.map((t) => wordIds(t, wv));
  return {
    ids: maps.map((m) => Int32Array.from(m.keys())),
    counts: maps.map((m) => Float32Array.from(m.values())),
    means: maps.map((m) => mean(m, wv)),
  };
}

// Kernel values by cosine, in steps of 1/1000 from -1 to 1 (exact match is the last step alone).
const STEPS = 1000;
const TABLE = new Float64Array((2 * STEPS + 1) * K);
for (let n = 0; n <= 2 * STEPS; n++) {
  const c = n / STEPS - 1;
  for (let j = 0; j < K; j++) TABLE[n * K + j] = Math.exp(-((c - MU[j]!) ** 2) / (2 * SIGMA[j]! ** 2));
}

/** The features of each candidate for one inquiry, in FEATURES order. */
export function features(
  text: string,
  candidates: { match: Match; fields: ArticleFields }[],
  wv: WordVectors,
  /** how rare a word is among this help center's articles (1 = in all of them) */
  rarity: (id: number) => number = () => 1,
): Float64Array[] {
  const q = wordIds(text, wv);
  const qIds = Int32Array.from(q.keys());
  const nq = qIds.length;
  const weightOf = (id: number) => q.get(id)! * wordWeight(id) * rarity(id);
  const total = qIds.reduce((s, id) => s + weightOf(id), 0) || 1;
  const qShare = Float64Array.from(qIds, (id) => weightOf(id) / total);
  const qMean = mean(q, wv, rarity);
  const top = Math.max(1e-9, ...candidates.map((c) => c.match.score));
  // Kernel values of (inquiry word, article word), once per distinct article word among the candidates.
  const slot = new Map<number, number>();
  for (const c of candidates) for (const ids of c.fields.ids) for (const id of ids) if (!slot.has(id)) slot.set(id, slot.size);
  const width = nq * K;
  const kern = new Float64Array(slot.size * width);
  const cosv = new Float64Array(slot.size * nq);
  const dims = wv.dims;
  for (const [id, at] of slot) {
    for (let qi = 0; qi < nq; qi++) {
      const c = qIds[qi] === id ? 1 : cosine(wv, qIds[qi]!, id);
      cosv[at * nq + qi] = c;
      const o = at * width + qi * K;
      const t = Math.round((Math.min(1, Math.max(-1, c)) + 1) * STEPS) * K;
      for (let j = 0; j < K; j++) kern[o + j] = TABLE[t + j]!;
    }
  }
  const sums = new Float64Array(width);
  const best = new Float64Array(nq);
  const alignAt = 4 + FIELDS + FIELDS * K;
  return candidates.map(({ match, fields }) => {
    const f = new Float64Array(FEATURES.length);
    f[0] = match.parts[0];
    f[1] = match.parts[1];
    f[2] = match.parts[2];
    f[3] = match.score / top;
    for (let fi = 0; fi < FIELDS; fi++) {
      const m = fields.means[fi]!;
      let s = 0;
      for (let i = 0; i < dims; i++) s += qMean[i]! * m[i]!;
      f[4 + fi] = s;
      sums.fill(0);
      best.fill(0);
      const ids = fields.ids[fi]!, counts = fields.counts[fi]!;
      for (let n = 0; n < ids.length; n++) {
        const at = slot.get(ids[n]!)!;
        for (let qi = 0; qi < nq; qi++) if (cosv[at * nq + qi]! > best[qi]!) best[qi] = cosv[at * nq + qi]!;
        const o = at * width;
        const c = counts[n]!;
        for (let x = 0; x < width; x++) sums[x]! += c * kern[o + x]!;
      }
      const base = 4 + FIELDS + fi * K;
      for (let qi = 0; qi < nq; qi++) for (let j = 0; j < K; j++) f[base + j]! += qShare[qi]! * Math.log1p(sums[qi * K + j]!);
      for (let qi = 0; qi < nq; qi++) f[alignAt + fi]! += qShare[qi]! * best[qi]!;
    }
    return f;
  });
}

/** Linear scores, and the softmax probability of each candidate. */
export function scoreAll(model: RankerModel, feats: Float64Array[]): { scores: number[]; probabilities: number[] } {
  const scores = feats.map((f) => f.reduce((s, x, i) => s + x * model.weights[i]!, 0));
  const max = Math.max(...scores);
  const ex = scores.map((s) => Math.exp(s - max));
  const z = ex.reduce((a, b) => a + b, 0);
  return { scores, probabilities: ex.map((e) => e / z) };
}

let loaded: RankerModel | null | undefined;

/** The shipped ranker, read once; null when absent. */
export function rankerModel(): RankerModel | null {
  if (loaded !== undefined) return loaded;
  if (!fs.existsSync(RANKER_FILE)) return (loaded = null);
  const m = JSON.parse(fs.readFileSync(RANKER_FILE, 'utf8')) as RankerModel;
  // Weights belong to one list of features: a model trained for another list would rank by nonsense.
  if (m.features.join() !== FEATURES.join()) throw new Error(`${RANKER_FILE} was trained for other features: run scripts/train-knowledge-model.ts`);
  return (loaded = m);
}

/** Puts another ranker in place of the shipped one (null: none), for training and evaluation. */
export function useRanker(m: RankerModel | null): void {
  loaded = m;
}
