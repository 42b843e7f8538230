import { predict, type Classifier } from './classifier.ts';
import { dot, topTerms, type Vector } from './vectors.ts';

export type Inquiry = { id: string; vector: Vector };
export type Group = { members: number[]; tag: string | null; centroid: Vector; keyTerms: string[] };

// An inquiry joins a known question (a tag of solved tickets) when the tag model gives it this probability; else it
// joins the nearest open cluster at this cosine to its centroid, or starts one. Both chosen by cross-validation
// inside banking77's training set (scripts/knowledge-eval.ts).
export const tagBelief = 0.3;
export const joinSimilarity = 0.3;

/**
 * Groups inquiries by the question underneath: first by the tag the workspace's tag model is sure of, then, for the
 * rest (new questions no tag covers yet), by single-pass clustering on word vectors. The number of groups falls out
 * of the thresholds; it is never given.
 */
export function groupInquiries(items: Inquiry[], model: Classifier | null, opts: { tagBelief?: number; joinSimilarity?: number } = {}): Group[] {
  const belief = opts.tagBelief ?? tagBelief;
  const join = opts.joinSimilarity ?? joinSimilarity;
  const byTag = new Map<string, Group>();
  const clusters: Group[] = [];
  // Each cluster's heaviest terms point at it, so an inquiry is compared only with clusters sharing a term.
  const postings = new Map<string, Set<number>>();
  const norms: number[] = [];
  items.forEach((item, i) => {
    if (model && item.vector.size > 0) {
      const [best] = predict(model, item.vector);
      if (best && best.p >= belief) {
        let g = byTag.get(best.label);
        if (!g) byTag.set(best.label, (g = { members: [], tag: best.label, centroid: new Map(), keyTerms: [] }));
        g.members.push(i);
        add(g.centroid, item.vector);
        return;
      }
    }
    const seen = new Set<number>();
    for (const t of item.vector.keys()) for (const c of postings.get(t) ?? []) seen.add(c);
    let bestCluster = -1;
    let bestSim = join;
    for (const c of seen) {
      const sim = dot(item.vector, clusters[c]!.centroid) / (norms[c] || 1);
      if (sim >= bestSim) [bestCluster, bestSim] = [c, sim];
    }
    if (bestCluster < 0) {
      clusters.push({ members: [], tag: null, centroid: new Map(), keyTerms: [] });
      norms.push(0);
      bestCluster = clusters.length - 1;
    }
    const g = clusters[bestCluster]!;
    g.members.push(i);
    add(g.centroid, item.vector);
    norms[bestCluster] = Math.sqrt(dot(g.centroid, g.centroid));
    for (const [t] of topTerms(item.vector, 8)) {
      let s = postings.get(t);
      if (!s) postings.set(t, (s = new Set()));
      s.add(bestCluster);
    }
  });
  const groups = [...byTag.values(), ...clusters];
  for (const g of groups) g.keyTerms = topTerms(g.centroid, 5).map(([t]) => t.replace(/_/g, ' '));
  return groups.sort((a, b) => b.members.length - a.members.length);
}

/** The member closest to its group's centroid (the most typical inquiry). */
export function medoid(group: Group, items: Inquiry[]): number {
  let best = group.members[0]!;
  let bestSim = -1;
  for (const i of group.members) {
    const s = dot(items[i]!.vector, group.centroid);
    if (s > bestSim) [best, bestSim] = [i, s];
  }
  return best;
}

function add(into: Vector, v: Vector): void {
  for (const [t, w] of v) into.set(t, (into.get(t) ?? 0) + w);
}

/** V-measure of a clustering against true classes (harmonic mean of homogeneity and completeness). */
export function vMeasure(predicted: string[], truth: string[]): { homogeneity: number; completeness: number; v: number } {
  const n = predicted.length;
  const joint = new Map<string, number>();
  const pc = new Map<string, number>();
  const tc = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = `${predicted[i]}\u0000${truth[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
    pc.set(predicted[i]!, (pc.get(predicted[i]!) ?? 0) + 1);
    tc.set(truth[i]!, (tc.get(truth[i]!) ?? 0) + 1);
  }
  const H = (m: Map<string, number>) => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let hTgivenP = 0;
  let hPgivenT = 0;
  for (const [k, c] of joint) {
    const [p, t] = k.split('\u0000') as [string, string];
    hTgivenP -= (c / n) * Math.log(c / pc.get(p)!);
    hPgivenT -= (c / n) * Math.log(c / tc.get(t)!);
  }
  const hT = H(tc);
  const hP = H(pc);
  const homogeneity = hT === 0 ? 1 : 1 - hTgivenP / hT;
  const completeness = hP === 0 ? 1 : 1 - hPgivenT / hP;
  const v = homogeneity + completeness === 0 ? 0 : (2 * homogeneity * completeness) / (homogeneity + completeness);
  return { homogeneity, completeness, v };
}
