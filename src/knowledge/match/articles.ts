import { Speller } from './spelling.ts';
import { terms } from './text.ts';
import { actionConcepts, concepts } from './concepts.ts';
import { idf, weigh, type Vector } from './vectors.ts';

/** What the matcher needs of an article; `key` (id and version) lets a rebuild reuse the text already read. */
export type ArticleDoc = { id: string; title: string; body: string; tags: string[]; category: string | null; key?: string };
export type Match = { id: string; score: number; passage: string };

// A need the inquiry names (#damage, #refund) counts double against the objects it names (lamp, sofa): articles are
// about needs. Chosen on the Tallowbrook development set (+2 points first, +2 in the top 3).
export const tuning = { conceptBoost: 2, whole: 0.5, title: 0.3, passage: 0.2, heads: 0, headsInTitle: 0, bigramWeight: 1, spell: true, asking: 1, askingBigram: 1, actionBoost: 1.5, cover: 0, coverTags: false, coverConcept: 1, miss: 0, missTags: false, missAction: true, splitLines: false, passageMin: 120 };
const asking = new Set(['how', 'what', 'when', 'where', 'why', 'which', 'who', 'can', 'not', 'no', 'want', 'need', 'possibl', 'wai', 'anyon', 'someon']);

type Counts = Map<string, number>;
type Read = { head: Counts; title: Counts; titleOnly: Counts; heads: Counts; passages: { text: string; counts: Counts }[] };
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
    heads: terms(headingsOf(doc.body).join(' . ')),
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
  private readonly cover: Postings;
  private readonly titleConcepts: string[][] = [];
  private readonly passageText: string[] = [];
  private readonly passageOf: number[] = [];
  private readonly speller: Speller;

  constructor(
    docs: ArticleDoc[],
    private readonly mix = tuning,
  ) {
    this.docs = docs;
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
    const cover: Building = new Map();
    all.forEach((r, i) => {
      const counts = new Map(r.head);
      if (tuning.heads) for (const [t, c] of r.heads) counts.set(t, (counts.get(t) ?? 0) + c * tuning.heads);
      for (const p of r.passages) for (const [t, c] of p.counts) counts.set(t, (counts.get(t) ?? 0) + c);
      add(whole, weigh(counts, idfOf), i);
      const tt = new Map(r.title);
      if (tuning.headsInTitle) for (const [t, c] of r.heads) tt.set(t, (tt.get(t) ?? 0) + c * tuning.headsInTitle);
      add(title, weigh(tt, idfOf), i);
      this.titleConcepts.push([...(tuning.missTags ? r.title : r.titleOnly).keys()].filter((t) => t.startsWith('#') && (tuning.missAction || !actionConcepts.has(t.slice(1)))));
      {
        const ct = new Map<string, number>();
        for (const [t] of tuning.coverTags ? r.title : r.titleOnly) if (!t.includes('_')) ct.set(t, idfOf(t) * (t.startsWith('#') ? tuning.coverConcept : 1));
        let mass = 0;
        for (const w of ct.values()) mass += w;
        for (const [t, w] of ct) ct.set(t, w / (mass || 1));
        add(cover, ct, i);
      }
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
    this.cover = pack(cover);
  }

  get size(): number {
    return this.docs.length;
  }

  /** The query as a vector in this index's term space. */
  vector(text: string): Vector {
    if (tuning.spell) text = this.speller.correct(text);
    return weigh(terms(text), (t) => idf(this.units, this.df.get(t) ?? 0) * this.kind(t));
  }

  private kind(t: string): number {
    if (t.startsWith('#')) return actionConcepts.has(t.slice(1)) ? tuning.actionBoost : tuning.conceptBoost;
    const i = t.indexOf('_');
    if (i < 0) return asking.has(t) ? tuning.asking : 1;
    return asking.has(t.slice(0, i)) || asking.has(t.slice(i + 1)) ? tuning.askingBigram : tuning.bigramWeight;
  }

  /** The best `limit` articles sharing a term with the query, scored, best first. */
  match(text: string, limit = 50): Match[] {
    const q = this.vector(text);
    const n = this.docs.length;
    const whole = new Float64Array(n);
    const title = new Float64Array(n);
    const covered = new Float64Array(n);
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
      const co = this.cover.get(t);
      if (co) for (let k = 0; k < co.ids.length; k++) covered[co.ids[k]!] = covered[co.ids[k]!]! + co.weights[k]!;
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
    for (const a of touched) score[a] = this.mix.whole * whole[a]! + this.mix.title * title[a]! + this.mix.passage * bestScore[a]! + tuning.cover * covered[a]!;
    if (tuning.miss) for (const a of touched) {
      const tc = this.titleConcepts[a]!;
      if (tc.length === 0) continue;
      let missing = 0;
      for (const c of tc) if (!q.has(c)) missing++;
      score[a] = score[a]! * (1 - tuning.miss * (missing / tc.length));
    }
    touched.sort((x, y) => score[y]! - score[x]! || x - y);
    return touched.slice(0, limit).map((a) => ({
      id: this.docs[a]!.id,
      score: score[a]!,
      passage: this.passageText[bestPassage[a]! >= 0 ? bestPassage[a]! : this.firstPassage(a)] ?? '',
    }));
  }

  private firstPassage(article: number): number {
    return this.passageOf.indexOf(article);
  }
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
  for (const para of plain.split(tuning.splitLines ? /\n/ : /\n\s*\n/)) {
    const t = `${carry} ${para.replace(/\s+/g, ' ')}`.trim();
    if (t.length < tuning.passageMin) carry = t;
    else {
      out.push(t);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out.length ? out : [''];
}

/** The section headings of a Markdown body: `#` lines and lines that are wholly bold ("**Lost your receipt?**"). */
export function headingsOf(markdown: string): string[] {
  const out: string[] = [];
  for (const line of markdown.replace(/```[\s\S]*?```/g, ' ').split('\n')) {
    const m = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line) ?? /^\s*(?:\*\*|__)([^*_]+)(?:\*\*|__)\s*:?\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}
