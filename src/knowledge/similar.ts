import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { TicketStatus } from '../db/types.ts';
import { predict, type Classifier } from './match/classifier.ts';
import { terms } from './match/text.ts';
import { dot, fromObject, idf, topTerms, weigh, type Vector } from './match/vectors.ts';
import { dfOf, indexedDocs } from './tickets-index.ts';
import { tagModel } from './tag-model.ts';

export type SimilarTicket = { ticketId: string; number: number; subject: string; status: TicketStatus; score: number; solvedAt: Date | null };

// How much the tag model's belief that a candidate's tag is the inquiry's question adds to word similarity. Chosen by
// cross-validation inside banking77's training set (scripts/knowledge-eval.ts), never on its test set.
export const tagWeight = 2;
// Query terms used to gather candidates, postings read per term, candidates re-ranked.
const queryTerms = 12;
const postingsPerTerm = 400;
const candidates = 80;
const joined = 300;

/** The inquiry as a vector in the ticket index's term space (idf from the indexed tickets). */
export async function inquiryVector(db: Db, text: string): Promise<Vector> {
  const counts = terms(text);
  const [docs, df] = await Promise.all([indexedDocs(db), dfOf(db, [...counts.keys()])]);
  // Terms no indexed ticket has cannot find anything; leaving them out keeps the scale of the rest.
  for (const t of counts.keys()) if (!df.has(t)) counts.delete(t);
  return weigh(counts, (t) => idf(docs, df.get(t) ?? 0));
}

/**
 * Solved tickets most like an inquiry: candidates from the heaviest postings of the inquiry's heaviest terms, then
 * re-ranked by cosine similarity plus, when the workspace has a tag model, the model's belief that the
 * candidate's tags are the inquiry's question.
 */
export async function similarTickets(db: Db, input: { text: string; limit?: number; excludeTicketId?: string }): Promise<SimilarTicket[]> {
  const q = await inquiryVector(db, input.text);
  if (q.size === 0) return [];
  const top = topTerms(q, queryTerms);
  const rows = await sql<{ id: string; number: number; subject: string; status: TicketStatus; solved_at: Date | null; tags: string[]; terms: Record<string, number> }>`
    with q as (select * from unnest(${top.map(([t]) => t)}::text[], ${top.map(([, w]) => w)}::float8[]) as q(term, w)),
    hits as (
      select p.ticket_id, sum(q.w * p.weight) as score
      from q cross join lateral (
        select tt.ticket_id, tt.weight from ticket_terms tt where tt.term = q.term
        order by tt.weight desc limit ${postingsPerTerm}
      ) p
      group by p.ticket_id
    ),
    -- Only the best hits are joined to their tickets: joining all of them (thousands) cost more than the rest.
    best as (select ticket_id, score from hits order by score desc limit ${joined})
    select t.id, t.number, t.subject, t.status, t.solved_at, t.tags, i.terms
    from best h join tickets t on t.id = h.ticket_id join ticket_index i on i.ticket_id = h.ticket_id
    where t.status in ('solved', 'closed') and t.id is distinct from ${input.excludeTicketId ?? null}::uuid
    order by h.score desc limit ${candidates}`.execute(db);
  const model = await tagModel(db);
  return rerank(q, rows.rows, model)
    .slice(0, input.limit ?? 5)
    .map((r) => ({ ticketId: r.id, number: r.number, subject: r.subject, status: r.status, score: Math.round(r.score * 1000) / 1000, solvedAt: r.solved_at }));
}

/** Candidates ordered by cosine similarity plus the tag model's belief in their tags (pure). */
export function rerank<T extends { tags: string[]; terms: Record<string, number> }>(q: Vector, rows: T[], model: Classifier | null): (T & { score: number })[] {
  const belief = model ? new Map(predict(model, q).map((p) => [p.label, p.p])) : null;
  return rows
    .map((r) => {
      let score = dot(q, fromObject(r.terms));
      if (belief) score += tagWeight * Math.max(0, ...r.tags.map((t) => belief.get(t) ?? 0));
      return { ...r, score };
    })
    .sort((a, b) => b.score - a.score);
}
