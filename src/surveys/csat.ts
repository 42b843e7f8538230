import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';

export type GroupBy = 'agent' | 'team' | 'channel' | 'none';

export type CsatGroup = {
  key: string | null;
  name: string;
  responses: number;
  sent: number;
  responseRate: number | null;
  csat: number | null;
  mean: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  lowRatings: number;
  comments: { ticketNumber: number; rating: number; comment: string; answeredAt: Date }[];
};

const keyExpr = (g: GroupBy) =>
  g === 'agent' ? sql`s.agent_id::text` : g === 'team' ? sql`s.team_id::text` : g === 'channel' ? sql`s.channel` : sql`'all'`;
const nameExpr = (g: GroupBy) =>
  g === 'agent'
    ? sql`coalesce(max(a.name), 'No agent')`
    : g === 'team'
      ? sql`coalesce(max(tm.name), 'No team')`
      : g === 'channel'
        ? sql`s.channel`
        : sql`'All'`;

type Agg = { key: string | null; name: string; sent: number; responses: number; r1: number; r2: number; r3: number; r4: number; r5: number; total: number };
type CommentRow = { key: string | null; number: number; rating: number; comment: string; answered_at: Date };

/**
 * CSAT over the surveys SENT in [since, until): `sent` counts them, `responses` those answered; `csat` is the share
 * of responses rated 4 or 5 (binary: good, stored as 5), `mean` the average rating, `lowRatings` the responses
 * rated 1 or 2 (binary: bad, stored as 1), with the whole distribution and the 20 latest comments per group.
 */
export async function csatReport(db: Queryable, q: { since: Date; until: Date; groupBy: GroupBy }): Promise<CsatGroup[]> {
  const key = keyExpr(q.groupBy);
  const groupCols = q.groupBy === 'channel' ? sql`s.channel` : q.groupBy === 'none' ? sql`1` : key;
  const { rows } = await sql<Agg>`
    select ${key} as key, ${nameExpr(q.groupBy)} as name,
      count(*)::int as sent,
      count(s.rating)::int as responses,
      count(*) filter (where s.rating = 1)::int as r1, count(*) filter (where s.rating = 2)::int as r2,
      count(*) filter (where s.rating = 3)::int as r3, count(*) filter (where s.rating = 4)::int as r4,
      count(*) filter (where s.rating = 5)::int as r5,
      coalesce(sum(s.rating), 0)::int as total
    from surveys s
    left join agents a on a.id = s.agent_id
    left join teams tm on tm.id = s.team_id
    where s.sent_at >= ${q.since} and s.sent_at < ${q.until}
    group by ${groupCols}
    order by count(s.rating) desc, 2`.execute(db);
  const { rows: comments } = await sql<CommentRow>`
    select key, number, rating, comment, answered_at from (
      select ${key} as key, t.number, s.rating, s.comment, s.answered_at,
        row_number() over (partition by ${key} order by s.answered_at desc, s.id) as n
      from surveys s join tickets t on t.id = s.ticket_id
      where s.sent_at >= ${q.since} and s.sent_at < ${q.until} and s.comment is not null and s.rating is not null
    ) c where n <= 20
    order by answered_at desc`.execute(db);
  return rows.map((r) => {
    const responses = r.responses;
    return {
      key: r.key,
      name: r.name,
      responses,
      sent: r.sent,
      responseRate: r.sent > 0 ? round(responses / r.sent) : null,
      csat: responses > 0 ? round((r.r4 + r.r5) / responses) : null,
      mean: responses > 0 ? round(r.total / responses) : null,
      distribution: { '1': r.r1, '2': r.r2, '3': r.r3, '4': r.r4, '5': r.r5 },
      lowRatings: r.r1 + r.r2,
      comments: comments
        .filter((c) => c.key === r.key)
        .map((c) => ({ ticketNumber: c.number, rating: c.rating, comment: c.comment, answeredAt: new Date(c.answered_at) })),
    };
  });
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
