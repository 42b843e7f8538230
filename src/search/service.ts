import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { Ticket } from '../db/types.ts';

export type SearchHit = { ticket: Ticket; rank: number; snippet: string; matchedIn: 'subject' | 'message' | 'fuzzy' };

// Snippets are plain text; the matched words are wrapped in « » so a client can highlight them without HTML.
const headline = `StartSel=«,StopSel=»,MaxWords=30,MinWords=10,MaxFragments=2,FragmentDelimiter=" … "`;

/**
 * Full-text search over ticket subjects and every message (GIN-indexed tsvectors), best match per ticket,
 * subject matches weighted double. When nothing matches, falls back to trigram similarity on subjects,
 * which forgives typos.
 */
export async function searchTickets(db: Queryable, q: string, limit: number): Promise<SearchHit[]> {
  const fts = await sql<Ticket & { rank: number; snippet: string; matched_in: 'subject' | 'message' }>`
    with query as (select websearch_to_tsquery('english', ${q}) as q),
    hits as (
      select t.id as ticket_id, ts_rank(t.subject_search, query.q) * 2 as rank, null::uuid as message_id
      from tickets t, query where t.subject_search @@ query.q
      union all
      select m.ticket_id, ts_rank(m.search, query.q), m.id
      from messages m, query where m.search @@ query.q
    ),
    best as (
      select distinct on (ticket_id) ticket_id, rank, message_id from hits order by ticket_id, rank desc, message_id
    ),
    top as (select * from best order by rank desc, ticket_id limit ${limit})
    select t.*, top.rank::float8 as rank,
      case when top.message_id is null then 'subject' else 'message' end as matched_in,
      ts_headline('english', coalesce(left(m.body_text, 20000), t.subject), query.q, ${headline}) as snippet
    from top join tickets t on t.id = top.ticket_id left join messages m on m.id = top.message_id, query
    order by top.rank desc, t.id`.execute(db);
  if (fts.rows.length > 0) return fts.rows.map((r) => ({ ticket: r, rank: r.rank, snippet: r.snippet, matchedIn: r.matched_in }));

  const fuzzy = await sql<Ticket & { rank: number }>`
    select t.*, word_similarity(${q}, t.subject)::float8 as rank
    from tickets t where ${q} <% t.subject
    order by rank desc, t.created_at desc limit ${limit}`.execute(db);
  return fuzzy.rows.map((r) => ({ ticket: r, rank: r.rank, snippet: r.subject, matchedIn: 'fuzzy' }));
}
