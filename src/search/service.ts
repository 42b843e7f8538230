import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { ticketColumns, type Ticket } from '../db/types.ts';

export type SearchHit = { ticket: Ticket; rank: number; snippet: string; matchedIn: 'subject' | 'message' | 'fuzzy' };

// Snippets are plain text; the matched words are wrapped in « » so a client can highlight them without HTML.
const headline = `StartSel=«,StopSel=»,MaxWords=30,MinWords=10,MaxFragments=2,FragmentDelimiter=" … "`;

// Relevance is judged among candidates, not among every match: a common word matches a third of all messages,
// and ranking a million of them would take seconds. The candidates are the newest matching subjects and
// messages. The query's words must stay visible to the planner (the CTE is NOT MATERIALIZED): it then walks
// the created_at index for a common word, which meets matches at once, and goes through the GIN index for a
// rare one. Hidden behind a materialized CTE, a rare word made it walk the whole index (0.7-1.2 s at 1M).
const candidates = 300;
const columns = sql.raw(ticketColumns.map((c) => `t.${c}`).join(', '));

type Row = Ticket & { rank: number; snippet: string; matched_in: 'subject' | 'message' };

/**
 * Full-text search over ticket subjects and every message (GIN-indexed tsvectors): candidates are ranked, best
 * match per ticket, subject matches weighted double. When nothing matches, falls back to trigram similarity of
 * each query word to the words of subjects, which forgives typos.
 */
export async function searchTickets(db: Db, q: string, limit: number): Promise<SearchHit[]> {
  const fts = await sql<Row>`
    with query as not materialized (select websearch_to_tsquery('english', ${q}) as q),
    subject_hits as (
      select t.id, t.subject_search from tickets t, query
      where t.subject_search @@ query.q order by t.created_at desc limit ${candidates}
    ),
    message_hits as (
      select m.id, m.ticket_id, m.search from messages m, query
      where m.search @@ query.q order by m.created_at desc limit ${candidates}
    ),
    -- Rank only the candidates, outside the scans: an expression in a sorted select list is computed for every row.
    hits as (
      select id as ticket_id, subject_search as doc, null::uuid as message_id, 2 as weight from subject_hits
      union all select ticket_id, search, id, 1 from message_hits
    ),
    best as (
      select distinct on (ticket_id) ticket_id, ts_rank(doc, query.q) * weight as rank, message_id
      from hits, query order by ticket_id, rank desc, message_id
    ),
    top as (select * from best order by rank desc, ticket_id limit ${limit})
    select ${columns}, top.rank::float8 as rank,
      case when top.message_id is null then 'subject' else 'message' end as matched_in,
      ts_headline('english', coalesce(left(m.body_text, 20000), t.subject), query.q, ${headline}) as snippet
    from top join tickets t on t.id = top.ticket_id left join messages m on m.id = top.message_id, query
    order by top.rank desc, t.id`.execute(db);
  if (fts.rows.length > 0) return fts.rows.map((r) => ({ ticket: r, rank: r.rank, snippet: r.snippet, matchedIn: r.matched_in }));

  // Each word must resemble a word of the subject (pg_trgm word similarity, served by the trigram index).
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 6);
  if (words.length === 0) return [];
  const matches = sql.join(words.map((w) => sql`${w} <% t.subject`), sql` and `);
  const score = sql.join(words.map((w) => sql`word_similarity(${w}, t.subject)`), sql` + `);
  // One dropped letter in a short word scores 0.5, under pg_trgm's default bar of 0.6: lower it for this query.
  const fuzzy = await db.transaction().execute(async (tx) => {
    await sql`set local pg_trgm.word_similarity_threshold = 0.45`.execute(tx);
    return sql<Ticket & { rank: number }>`
      select ${columns}, ((${score}) / ${words.length})::float8 as rank
      from tickets t where ${matches}
      order by rank desc, t.created_at desc limit ${limit}`.execute(tx);
  });
  return fuzzy.rows.map((r) => ({ ticket: r, rank: r.rank, snippet: r.subject, matchedIn: 'fuzzy' }));
}
