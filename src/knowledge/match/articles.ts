import { actionConcepts, concepts } from './concepts.ts';
import { confidence } from './confidence.ts';
import { wordVectors } from './embeddings.ts';
import { articleFields, features, lead, rankerModel, scoreAll, type ArticleFields } from './rerank.ts';
import { Speller } from './spelling.ts';
import { terms } from './text.ts';
import { idf, weigh, type Vector } from './vectors.ts';

/** What the matcher needs of an article; `key` (id and version) lets a rebuild reuse the text already read. */
export type ArticleDoc = { id: string; title: string; body: string; tags: string[]; category: string | null; key?: string };
export type Match = { id: string; score: number; passage: string; /** word matching: the article as a whole, its title and tags, its best passage */ parts: [number, number, number] };
export type Ranked = { matches: Match[]; confident: boolean };

/** How many articles the ranker looks at: the best of word matching, then, in a small help center, others. */
export const candidates = 20;

/**
 * How an inquiry is weighed against articles; exported so the evaluation script can try other values. A need the
 * inquiry names (#damage, #refund) counts double against the objects it names (lamp, sofa): articles are about
 * needs. An action or state any service has (#connect, #remove, #timing) counts 1.5: it says less about which
 * article. The score mixes the article as a whole, its title and tags, and its best passage. Chosen on the
 * Tallowbrook and Ferrow development sets together (scripts/knowledge-eval.ts); other field weightings (BM25F,
 * section headings as a field, title coverage, a penalty for title concepts the inquiry lacks, smaller passages)
 * were tried there and did not help both.
 */
export const tuning = { conceptBoost: 2, actionBoost: 1.5, whole: 0.5, title: 0.3, passage: 0.2, spell: true };

type Counts = Map<string, number>;
type Read = { head: Counts; title: Counts; titleOnly: Counts; passages: { text: string; counts: Counts }[]; fields?: ArticleFields };
type Postings = Map<string, { ids: Int32Array; weights: Float32Array }>;
type Building = Map<string, { ids: number[]; weights: number[] }>;

// Reading an article (tokens, stems, concepts) is the costly part of a rebuild; an unchanged article is not read
// again. Bounded: it holds the articles of the last index built, per key.
let reads = new Map<string, Read>();

function read(doc: ArticleDoc): Read {
  const hit = doc.key ? reads.get(doc.key) : undefined;
  if (hit) return hit;
  const tags = doc.tags.join(' ');
  const r: Read = {
    // The title counts three times and the tags twice in the article as a whole: they say what it is about.
    head: terms(`${doc.title} ${doc.title} ${doc.title} ${tags} ${tags} ${doc.category ?? ''}`),
    title: terms(`${doc.title} ${tags}`),
    titleOnly: terms(doc.title),
    passages: passagesOf(doc.body).map((text) => ({ text, counts: terms(text) })),
  };
  return r;
}

function add(p: Building, v: Vector, id: number): void {
  for (const [t, w] of v) {
    let e = p.get(t);
    if (!e) p.set(t, (e = { ids: [], weights: [] }));
    e.ids.push(id);
    e.weights.push(w);
  }
}

/**
 * The published articles of a workspace, indexed in memory for matching inquiries: each article as a whole
 * (title and tags weighted up), its title alone, and each passage (paragraph) of its body, each as postings
 * (term → articles or passages with the term's weight), so a query costs the postings of its own terms. Term
 * rarity is judged over passages, so a word that appears in every article ("order", "item") counts for little.
 */
export class ArticleIndex {
  private readonly docs: ArticleDoc[];
  private readonly units: number;
  private readonly df = new Map<string, number>();
  private readonly whole: Postings;
  private readonly title: Postings;
  private readonly passage: Postings;
  private readonly passageText: string[] = [];
  private readonly passageOf: number[] = [];
  private readonly speller: Speller;
  private readonly fields: (ArticleFields | undefined)[];
  private readonly position: Map<string, number>;
  private readonly wordDocs = new Map<number, number>();

  constructor(
    docs: ArticleDoc[],
    private readonly mix: { whole: number; title: number; passage: number } = tuning,
  ) {
    this.docs = docs;
    // Misspelt inquiry words are repaired against the articles' own words and the lexicon's.
    this.speller = new Speller(docs.flatMap((d) => [d.title, d.tags.join(' '), d.body]), Object.values(concepts).flat());
    const all = docs.map(read);
    const next = new Map<string, Read>();
    docs.forEach((d, i) => d.key && next.set(d.key, all[i]!));
    reads = next;
    let units = 0;
    const count = (c: Counts) => {
      units++;
      for (const t of c.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    };
    all.forEach((r) => {
      count(r.titleOnly);
      for (const p of r.passages) count(p.counts);
    });
    this.units = units;
    const idfOf = (t: string) => idf(this.units, this.df.get(t) ?? 0);
    const whole: Building = new Map();
    const title: Building = new Map();
    const passage: Building = new Map();
    all.forEach((r, i) => {
      const counts = new Map(r.head);
      for (const p of r.passages) for (const [t, c] of p.counts) counts.set(t, (counts.get(t) ?? 0) + c);
      add(whole, weigh(counts, idfOf), i);
      add(title, weigh(r.title, idfOf), i);
      for (const p of r.passages) {
        add(passage, weigh(p.counts, idfOf), this.passageText.length);
        this.passageText.push(p.text);
        this.passageOf.push(i);
      }
    });
    const pack = (b: Building): Postings => new Map([...b].map(([t, e]) => [t, { ids: Int32Array.from(e.ids), weights: Float32Array.from(e.weights) }]));
    this.whole = pack(whole);
    this.title = pack(title);
    this.passage = pack(passage);
    this.position = new Map(docs.map((d, i) => [d.id, i]));
    const wv = wordVectors();
    this.fields = all.map((r, i) => (wv ? (r.fields ??= articleFields(docs[i]!, wv)) : undefined));
    for (const f of this.fields) if (f) for (const id of f.ids[2]!) this.wordDocs.set(id, (this.wordDocs.get(id) ?? 0) + 1);
  }

  get size(): number {
    return this.docs.length;
  }

  /** The query as a vector in this index's term space. */
  vector(text: string): Vector {
    if (tuning.spell) text = this.speller.correct(text);
    return weigh(terms(text), (t) => idf(this.units, this.df.get(t) ?? 0) * boost(t));
  }

  /** The best `limit` articles sharing a term with the query, scored, best first. */
  match(text: string, limit = 50): Match[] {
    const q = this.vector(text);
    const n = this.docs.length;
    const whole = new Float64Array(n);
    const title = new Float64Array(n);
    const passages = new Float64Array(this.passageText.length);
    const touched: number[] = [];
    const touchedPassages: number[] = [];
    for (const [t, qw] of q) {
      const w = this.whole.get(t);
      if (w) for (let k = 0; k < w.ids.length; k++) {
        const a = w.ids[k]!;
        if (whole[a] === 0) touched.push(a);
        whole[a] = whole[a]! + qw * w.weights[k]!;
      }
      const ti = this.title.get(t);
      if (ti) for (let k = 0; k < ti.ids.length; k++) title[ti.ids[k]!] = title[ti.ids[k]!]! + qw * ti.weights[k]!;
      const p = this.passage.get(t);
      if (p) for (let k = 0; k < p.ids.length; k++) {
        const id = p.ids[k]!;
        if (passages[id] === 0) touchedPassages.push(id);
        passages[id] = passages[id]! + qw * p.weights[k]!;
      }
    }
    const bestScore = new Float64Array(n);
    const bestPassage = new Int32Array(n).fill(-1);
    for (const id of touchedPassages) {
      const a = this.passageOf[id]!;
      if (passages[id]! > bestScore[a]!) [bestScore[a], bestPassage[a]] = [passages[id]!, id];
    }
    const score = new Float64Array(n);
    for (const a of touched) score[a] = this.mix.whole * whole[a]! + this.mix.title * title[a]! + this.mix.passage * bestScore[a]!;
    touched.sort((x, y) => score[y]! - score[x]! || x - y);
    return touched.slice(0, limit).map((a) => ({
      id: this.docs[a]!.id,
      score: score[a]!,
      parts: [whole[a]!, title[a]!, bestScore[a]!] as [number, number, number],
      passage: bestPassage[a]! >= 0 ? this.passageText[bestPassage[a]!]! : this.firstPassage(a),
    }));
  }

  /**
   * The articles that answer an inquiry, best first, scored by the learned ranker (the probability that each is
   * the one), and whether the best is sure enough to offer a customer. Without the shipped model files, word
   * matching alone.
   */
  rank(text: string, limit = 50): Ranked {
    const wv = wordVectors();
    const model = rankerModel();
    // Fewer than three articles leave no lead worth reading: word matching decides.
    if (!wv || !model || this.docs.length < 3) {
      const matches = this.match(text, limit);
      return { matches, confident: confidence(matches) };
    }
    const cands = this.candidatesFor(text);
    const feats = features(text, cands, wv, this.rarity);
    const { scores, probabilities } = scoreAll(model, feats);
    const order = cands.map((_, i) => i).sort((x, y) => scores[y]! - scores[x]! || x - y);
    const matches = order.slice(0, limit).map((i) => ({ ...cands[i]!.match, score: probabilities[i]! }));
    return { matches, confident: lead(scores) >= model.confident };
  }

  /** How rare a word (by vector id) is among the articles: inverse document frequency. */
  readonly rarity = (id: number): number => idf(this.docs.length, this.wordDocs.get(id) ?? 0);

  /** The candidates the ranker looks at, with what it needs of each. */
  candidatesFor(text: string): { match: Match; fields: ArticleFields }[] {
    const matched = this.match(text, candidates);
    const list = matched.map((m) => ({ match: m, fields: this.fields[this.position.get(m.id)!]! }));
    // Articles sharing no word with the inquiry can still be what it means.
    const seen = new Set(matched.map((m) => m.id));
    for (let i = 0; i < this.docs.length && list.length < candidates; i++) {
      const d = this.docs[i]!;
      if (!seen.has(d.id)) list.push({ match: { id: d.id, score: 0, passage: this.firstPassage(i), parts: [0, 0, 0] }, fields: this.fields[i]! });
    }
    return list;
  }

  /** The text of an article's first passage. */
  private firstPassage(article: number): string {
    return this.passageText[this.passageOf.indexOf(article)] ?? '';
  }
}

function boost(term: string): number {
  if (!term.startsWith('#')) return 1;
  return actionConcepts.has(term.slice(1)) ? tuning.actionBoost : tuning.conceptBoost;
}

/** Paragraphs of a Markdown body as plain text (markup stripped), short ones merged with the next. */
export function passagesOf(markdown: string): string[] {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|]+/g, ' ');
  const out: string[] = [];
  let carry = '';
  for (const para of plain.split(/\n\s*\n/)) {
    const t = `${carry} ${para.replace(/\s+/g, ' ')}`.trim();
    if (t.length < 120) carry = t;
    else {
      out.push(t);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out.length ? out : [''];
}
