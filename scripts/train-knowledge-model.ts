// Trains the article ranker of suggestions (src/knowledge/match/rerank.ts) on the labelled help centers in
// src/knowledge/train and writes src/knowledge/model/ranker.json. Deterministic: the same data, the same file.
//   node --import tsx scripts/train-knowledge-model.ts [--check]
// Prints a cross-trade evaluation first: each training help center ranked by a model trained on the others. The
// confidence threshold is set from those held-out rankings (92% of unanswerable inquiries below it).
// --check retrains and fails if the stored model differs. The evaluation sets (src/knowledge/eval) are never read.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ArticleIndex } from '../src/knowledge/match/articles.ts';
import { wordVectors } from '../src/knowledge/match/embeddings.ts';
import { FEATURES, RANKER_FILE, features, lead, scoreAll, type RankerModel } from '../src/knowledge/match/rerank.ts';
import { trainingSets, type LabelledSet } from './knowledge-sets.ts';

export const settings = { epochs: 6, rate: 0.05, unanswerableBelow: 0.92 };

type Example = { feats: Float64Array[]; right: number };

/**
 * Every inquiry of a set with the features of its candidates; `right` is the right one's position, -1 for an
 * unanswerable inquiry, -2 when the right article is not among the candidates (a miss, not a lesson).
 */
export function examplesOf(set: LabelledSet): Example[] {
  const wv = wordVectors();
  if (!wv) throw new Error('word vectors missing: run scripts/build-word-vectors.ts');
  const index = new ArticleIndex(set.docs);
  return set.inquiries.map((q) => {
    const text = `${q.subject ?? ''}\n${q.text}`;
    const cands = index.candidatesFor(text);
    const at = cands.findIndex((c) => c.match.id === q.article);
    return { feats: features(text, cands, wv, index.rarity), right: q.article === null ? -1 : at < 0 ? -2 : at };
  });
}

/** Softmax over each inquiry's candidates, the right one as target; AdaGrad, a fixed order. */
export function train(examples: Example[], opts = settings): number[] {
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  w[0] = w[1] = w[2] = 1;
  const g2 = new Array<number>(n).fill(0);
  const answerable = examples.filter((e) => e.right >= 0);
  let seed = 7;
  const order = answerable.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = answerable[i]!;
      const { probabilities } = scoreAll({ features: FEATURES, weights: w, confident: 1 }, e.feats);
      const grad = new Array<number>(n).fill(0);
      e.feats.forEach((f, k) => {
        const g = probabilities[k]! - (k === e.right ? 1 : 0);
        for (let d = 0; d < n; d++) grad[d]! += g * f[d]!;
      });
      for (let d = 0; d < n; d++) {
        g2[d]! += grad[d]! ** 2;
        w[d]! -= (opts.rate / Math.sqrt(g2[d]! + 1e-8)) * grad[d]!;
      }
    }
  }
  return w.map((x) => Math.round(x * 1e6) / 1e6);
}

/** Where each inquiry's right article ranks (0 = first), and the best candidate's lead over the next. */
export function judge(weights: number[], examples: Example[]): { rank: number; best: number }[] {
  return examples.map((e) => {
    const { scores } = scoreAll({ features: FEATURES, weights, confident: 1 }, e.feats);
    const rank = e.right === -1 ? -1 : e.right === -2 ? Infinity : scores.filter((s) => s > scores[e.right]!).length;
    return { rank, best: lead(scores) };
  });
}

/**
 * The ranker from labelled help centers, and a report: each help center ranked by a model trained on the others,
 * the threshold set from those held-out rankings, and what it gives.
 */
export function trainRanker(sets: LabelledSet[]): { model: RankerModel; report: string[] } {
  const examples = sets.map(examplesOf);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  const unanswerable: number[] = [];
  const answerable: { rank: number; best: number }[] = [];
  const report = ['each help center ranked by a model trained on the others: first / top 3'];
  sets.forEach((s, i) => {
    const judged = judge(train(examples.filter((_, j) => j !== i).flat()), examples[i]!);
    const ans = judged.filter((j) => j.rank >= 0);
    report.push(`  ${s.name.padEnd(12)} ${pct(ans.filter((j) => j.rank === 0).length, ans.length)} / ${pct(ans.filter((j) => j.rank < 3).length, ans.length)}`);
    answerable.push(...ans);
    unanswerable.push(...judged.filter((j) => j.rank < 0).map((j) => j.best));
  });
  unanswerable.sort((a, b) => a - b);
  const confident = Math.round(unanswerable[Math.floor(settings.unanswerableBelow * unanswerable.length)]! * 1000) / 1000;
  report.push(`  all          ${pct(answerable.filter((j) => j.rank === 0).length, answerable.length)} / ${pct(answerable.filter((j) => j.rank < 3).length, answerable.length)}` +
    `; confident from a lead of ${confident}: unanswerable not confident ${pct(unanswerable.filter((b) => b < confident).length, unanswerable.length)},` +
    ` answerable confident and right ${pct(answerable.filter((j) => j.rank === 0 && j.best >= confident).length, answerable.length)},` +
    ` confident and wrong ${pct(answerable.filter((j) => j.rank > 0 && j.best >= confident).length, answerable.length)}`);
  report.push(`${sets.length} help centers, ${answerable.length} answerable and ${unanswerable.length} unanswerable inquiries`);
  return { model: { features: FEATURES, weights: train(examples.flat()), confident }, report };
}

/** The file text of a model. */
export const modelText = (m: RankerModel) => `${JSON.stringify(m, null, 1)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, root: { type: 'string' } } });
  const { model, report } = trainRanker(trainingSets(values.root));
  console.log(report.join('\n'));
  const text = modelText(model);
  if (values.check) {
    const same = fs.existsSync(RANKER_FILE) && fs.readFileSync(RANKER_FILE, 'utf8') === text;
    console.log(same ? 'the stored model is reproduced' : 'the stored model differs from the retrained one');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(RANKER_FILE, text);
  console.log(`→ ${RANKER_FILE}`);
}
