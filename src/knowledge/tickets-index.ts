import { sql } from 'kysely';
import type { Db, Queryable } from '../db/database.ts';
import { terms } from './match/text.ts';
import { idf, toObject, topTerms, weigh } from './match/vectors.ts';

// Postings kept per ticket: its heaviest terms. A ticket's question rarely needs more words than this to be found.
export const postingsPerTicket = 40;
// A ticket whose number committed this far behind the watermark is still picked up.
const lateWindow = 1000;

/** The text the index reads of a ticket: its subject and the start of the customer's first message. */
export function ticketText(subject: string, body: string | null): string {
  const b = (body ?? '').slice(0, 3000);
  return b.toLowerCase().startsWith(subject.toLowerCase()) ? b : `${subject}\n${b}`;
}

/**
 * Reads up to `batch` tickets the index has not read yet: their terms, weighted by tf-idf, go to `ticket_index`
 * (for re-ranking and grouping) and their heaviest terms to `ticket_terms` (impact-ordered postings). One
 * transaction per batch; run by the knowledge job chain, one at a time. Returns how many it read.
 */
export async function indexPendingTickets(db: Db, batch = 500): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const state = await sql<{ indexed_number: number; indexed_docs: number }>`
      select indexed_number, indexed_docs from knowledge_state for update`.execute(tx);
    const { indexed_number: mark, indexed_docs: docs } = state.rows[0]!;
    const rows = await sql<{ id: string; number: number; subject: string; body: string | null }>`
      select t.id, t.number, t.subject,
        (select m.body_text from messages m where m.ticket_id = t.id and m.kind = 'reply'
          order by (m.direction = 'inbound') desc, m.created_at, m.id limit 1) as body
      from tickets t
      where t.number > ${mark - lateWindow}
        and not exists (select 1 from ticket_index i where i.ticket_id = t.id)
      order by t.number limit ${batch}`.execute(tx);
    if (rows.rows.length === 0) return 0;

    const counted = rows.rows.map((r) => ({ id: r.id, counts: terms(ticketText(r.subject, r.body)) }));
    const batchDf = new Map<string, number>();
    for (const c of counted) for (const t of c.counts.keys()) batchDf.set(t, (batchDf.get(t) ?? 0) + 1);
    const known = await dfOf(tx, [...batchDf.keys()]);
    const total = docs + counted.length;
    const idfOf = (t: string) => idf(total, (known.get(t) ?? 0) + (batchDf.get(t) ?? 0));

    const index: { ticket_id: string; terms: string }[] = [];
    const postings: { term: string; weight: number; ticket_id: string }[] = [];
    for (const c of counted) {
      const v = weigh(c.counts, idfOf);
      index.push({ ticket_id: c.id, terms: JSON.stringify(toObject(v)) });
      for (const [term, weight] of topTerms(v, postingsPerTicket)) postings.push({ term, weight, ticket_id: c.id });
    }
    // Column arrays through unnest: three parameters however large the batch, so the statement's text is the same
    // every time (a VALUES list of 5,000 rows is 15,000 parameters to compile, send and parse, planned afresh).
    await sql`
      insert into ticket_index (ticket_id, terms)
      select * from unnest(${index.map((r) => r.ticket_id)}::uuid[], ${index.map((r) => r.terms)}::jsonb[])
      on conflict (ticket_id) do nothing`.execute(tx);
    await sql`
      insert into ticket_terms (term, weight, ticket_id)
      select * from unnest(${postings.map((p) => p.term)}::text[], ${postings.map((p) => p.weight)}::real[], ${postings.map((p) => p.ticket_id)}::uuid[])
      on conflict do nothing`.execute(tx);
    await sql`
      insert into knowledge_terms (term, df)
      select * from unnest(${[...batchDf.keys()]}::text[], ${[...batchDf.values()]}::int[])
      on conflict (term) do update set df = knowledge_terms.df + excluded.df`.execute(tx);
    const top = Math.max(mark, ...rows.rows.map((r) => r.number));
    await sql`update knowledge_state set indexed_number = ${top}, indexed_docs = ${total}`.execute(tx);
    return counted.length;
  });
}

/** Document frequencies of the given terms among indexed tickets (absent terms are 0). */
export async function dfOf(db: Queryable, list: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (list.length === 0) return out;
  const r = await sql<{ term: string; df: number }>`select term, df from knowledge_terms where term = any(${list}::text[])`.execute(db);
  for (const row of r.rows) out.set(row.term, row.df);
  return out;
}

/** How many tickets the index has read. */
export async function indexedDocs(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select indexed_docs as n from knowledge_state`.execute(db);
  return r.rows[0]?.n ?? 0;
}
