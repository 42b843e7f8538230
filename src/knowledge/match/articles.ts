import { terms } from './text.ts';
import { dot, idf, weigh, type Vector } from './vectors.ts';

/** What the matcher needs of an article. */
export type ArticleDoc = { id: string; title: string; body: string; tags: string[]; category: string | null };
export type Match = { id: string; score: number; passage: string };

// A need the inquiry names (#damage, #refund) counts double against the objects it names (lamp, sofa): articles are
// about needs. Chosen on the Tallowbrook development set (+2 points first, +2 in the top 3).
const conceptBoost = 2;

type Indexed = { doc: ArticleDoc; whole: Vector; title: Vector; passages: { text: string; v: Vector }[] };

/**
 * The published articles of a workspace, indexed in memory for matching inquiries: each article as a whole
 * (title and tags weighted up), its title alone, and each passage (paragraph) of its body. Term rarity is judged
 * over passages, so a word that appears in every article ("order", "item") counts for little.
 */
export class ArticleIndex {
  private readonly items: Indexed[];
  private readonly passageCount: number;
  private readonly df = new Map<string, number>();

  constructor(
    docs: ArticleDoc[],
    private readonly mix = { whole: 0.5, title: 0.3, passage: 0.2 },
  ) {
    const split = docs.map((d) => ({ doc: d, passages: passagesOf(d.body) }));
    for (const { doc, passages } of split) {
      for (const unit of [doc.title, ...passages]) for (const t of terms(unit).keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.passageCount = split.reduce((n, s) => n + s.passages.length + 1, 0);
    const idfOf = (t: string) => idf(this.passageCount, this.df.get(t) ?? 0);
    this.items = split.map(({ doc, passages }) => {
      const head = `${doc.title} ${doc.title} ${doc.title} ${doc.tags.join(' ')} ${doc.tags.join(' ')} ${doc.category ?? ''}`;
      return {
        doc,
        whole: weigh(terms(`${head} ${passages.join(' ')}`), idfOf),
        title: weigh(terms(`${doc.title} ${doc.tags.join(' ')}`), idfOf),
        passages: passages.map((text) => ({ text, v: weigh(terms(text), idfOf) })),
      };
    });
  }

  get size(): number {
    return this.items.length;
  }

  /** The query as a vector in this index's term space. */
  vector(text: string): Vector {
    return weigh(terms(text), (t) => idf(this.passageCount, this.df.get(t) ?? 0) * (t.startsWith('#') ? conceptBoost : 1));
  }

  /** Every article scored against the query, best first. */
  match(text: string): Match[] {
    const q = this.vector(text);
    const out: Match[] = [];
    for (const it of this.items) {
      let best = 0;
      let passage = it.passages[0]?.text ?? '';
      for (const p of it.passages) {
        const s = dot(q, p.v);
        if (s > best) [best, passage] = [s, p.text];
      }
      const score = this.mix.whole * dot(q, it.whole) + this.mix.title * dot(q, it.title) + this.mix.passage * best;
      out.push({ id: it.doc.id, score, passage });
    }
    return out.sort((a, b) => b.score - a.score);
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
