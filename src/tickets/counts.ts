/**
 * How many tickets (and promises) each queue view holds for one agent, for the counts beside the views. Each count
 * reads at most COUNT_CAP + 1 rows of an indexed predicate, so it stays fast however large the table grows; a view
 * past the cap reports the cap and `capped`.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { now, HOUR } from '../time/clock.ts';
import { closedStatuses, handoffToAgent } from './queries.ts';

export const COUNT_CAP = 10_000;
/** "Due soon": an SLA target within this many hours (the web app's Due soon view says the same). */
export const DUE_SOON_HOURS = 4;

export const fixedViews = ['mine', 'waiting', 'due', 'breached', 'handoffs', 'all', 'commitments', 'missed'] as const;
export type ViewName = (typeof fixedViews)[number] | `team:${string}`;
export type ViewCount = { count: number; capped: boolean };

const closed = sql.join(closedStatuses.map((s) => sql`${s}`));

/** The predicate of one view, over `tickets` (or `commitments` for the promise views). */
function viewSource(view: ViewName, agentId: string, at: Date): RawBuilder<unknown> {
  switch (view) {
    case 'mine':
      return sql`select 1 from tickets where owner_id = ${agentId} and status not in (${closed})`;
    case 'waiting':
      return sql`select 1 from tickets where waiting_since is not null`;
    case 'due':
      return sql`select 1 from tickets where next_due_at is not null and next_due_at < ${new Date(at.getTime() + DUE_SOON_HOURS * HOUR)}`;
    case 'breached':
      return sql`select 1 from tickets where exists (select 1 from sla_clocks c where c.ticket_id = tickets.id and c.breached_at is not null and c.stopped_at is null)`;
    case 'handoffs':
      return sql`select 1 from tickets where ${handoffToAgent(agentId)}`;
    case 'all':
      return sql`select 1 from tickets`;
    case 'commitments':
      return sql`select 1 from commitments where owner_id = ${agentId} and status = 'open'`;
    case 'missed':
      return sql`select 1 from commitments where owner_id = ${agentId} and status = 'missed'`;
    default:
      return sql`select 1 from tickets where team_id = ${view.slice('team:'.length)}`;
  }
}

/** Counts of the named views for the agent, each capped at `cap`, in one round trip. */
export async function countViews(db: Queryable, agentId: string, views: readonly ViewName[], cap = COUNT_CAP): Promise<Record<string, ViewCount>> {
  const unique = [...new Set(views)];
  if (unique.length === 0) return {};
  const at = now();
  const columns = unique.map((v, i) => sql`(select count(*) from (${viewSource(v, agentId, at)} limit ${cap + 1}) s)::int as ${sql.ref(`c${i}`)}`);
  const row = (await sql<Record<string, number>>`select ${sql.join(columns)}`.execute(db)).rows[0] ?? {};
  const out: Record<string, ViewCount> = {};
  unique.forEach((v, i) => {
    const n = Number(row[`c${i}`] ?? 0);
    out[v] = { count: Math.min(n, cap), capped: n > cap };
  });
  return out;
}
