import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { HeedError } from '../http/errors.ts';
import { now } from '../time/clock.ts';

export type GroupBy = 'agent' | 'team' | 'none';
export type MeasuresQuery = { since?: Date; until?: Date; groupBy: GroupBy };

export type MeasureGroup = {
  /** The agent's or team's id; 'all' when not grouped; null for tickets without a team. */
  key: string | null;
  name: string;
  tickets: number;
  firstResponse: { count: number; medianBusinessMinutes: number | null; p90BusinessMinutes: number | null };
  resolution: { count: number; medianBusinessMinutes: number | null };
  slaAttainment: { met: number; breached: number; percent: number | null };
  commitments: { kept: number; keptOnTime: number; missed: number; percent: number | null };
  eta: { given: number; kept: number; percent: number | null };
};

export type Measures = { since: Date; until: Date; groups: MeasureGroup[] };

export const DEFAULT_PERIOD_DAYS = 30;
const DAY = 86_400_000;

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const minutes = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

// The grouping column of each source, chosen from fixed text (never from input). Commitments belong to their own
// owner (who may differ from the ticket's); everything else to the ticket's owner or team.
const ticketKey: Record<GroupBy, RawBuilder<string | null>> = {
  agent: sql`t.owner_id::text`,
  team: sql`t.team_id::text`,
  none: sql`'all'::text`,
};
const commitmentKey: Record<GroupBy, RawBuilder<string | null>> = { ...ticketKey, agent: sql`cm.owner_id::text` };

type Period = { since: Date; until: Date };
type Keyed = { key: string | null };

async function ticketCounts(db: Queryable, g: GroupBy, p: Period) {
  const { rows } = await sql<Keyed & { n: number }>`
    select ${ticketKey[g]} as key, count(*)::int as n from tickets t
    where t.created_at >= ${p.since} and t.created_at < ${p.until} group by 1`.execute(db);
  return rows;
}

/** Business minutes used by the clocks of one metric that stopped in the period (a stopped clock's elapsed time). */
async function clockTimes(db: Queryable, g: GroupBy, p: Period, metric: 'first_response' | 'resolution') {
  const { rows } = await sql<Keyed & { n: number; median: number | null; p90: number | null }>`
    select ${ticketKey[g]} as key, count(*)::int as n,
      percentile_cont(0.5) within group (order by c.elapsed_minutes) as median,
      percentile_cont(0.9) within group (order by c.elapsed_minutes) as p90
    from sla_clocks c join tickets t on t.id = c.ticket_id
    where c.metric = ${metric} and c.stopped_at >= ${p.since} and c.stopped_at < ${p.until}
    group by 1`.execute(db);
  return rows;
}

/** Clocks of every metric that stopped in the period: in time (met) or not. */
async function attainment(db: Queryable, g: GroupBy, p: Period) {
  const { rows } = await sql<Keyed & { met: number; breached: number }>`
    select ${ticketKey[g]} as key, count(*) filter (where c.met)::int as met, count(*) filter (where not c.met)::int as breached
    from sla_clocks c join tickets t on t.id = c.ticket_id
    where c.stopped_at >= ${p.since} and c.stopped_at < ${p.until} and c.met is not null
    group by 1`.execute(db);
  return rows;
}

/**
 * Promises kept (completed in the period) and missed (missed in the period and still missed). One kept late
 * counts as kept, not on time, and not again as missed.
 */
async function promises(db: Queryable, g: GroupBy, p: Period) {
  const { rows } = await sql<Keyed & { kept: number; on_time: number; missed: number }>`
    select ${commitmentKey[g]} as key,
      count(*) filter (where cm.status = 'kept')::int as kept,
      count(*) filter (where cm.status = 'kept' and cm.completed_at <= cm.due_at)::int as on_time,
      count(*) filter (where cm.status = 'missed')::int as missed
    from commitments cm join tickets t on t.id = cm.ticket_id
    where (cm.status = 'kept' and cm.completed_at >= ${p.since} and cm.completed_at < ${p.until})
       or (cm.status = 'missed' and cm.missed_at >= ${p.since} and cm.missed_at < ${p.until})
    group by 1`.execute(db);
  return rows;
}

/**
 * Reply times given to customers that came due in the period: the first reply was sent in the period, or none
 * was and the time given passed in it. Kept: the first reply went out by the FIRST time given (an honest update
 * later does not turn a slip into a kept promise).
 */
async function etas(db: Queryable, g: GroupBy, p: Period, at: Date) {
  const passedBy = new Date(Math.min(p.until.getTime(), at.getTime()));
  const { rows } = await sql<Keyed & { given: number; kept: number }>`
    select ${ticketKey[g]} as key, count(*)::int as given,
      count(*) filter (where t.first_replied_at <= t.first_expected_reply_by)::int as kept
    from tickets t
    where t.first_expected_reply_by is not null and (
      (t.first_replied_at >= ${p.since} and t.first_replied_at < ${p.until})
      or (t.first_replied_at is null and t.first_expected_reply_by >= ${p.since} and t.first_expected_reply_by < ${passedBy}))
    group by 1`.execute(db);
  return rows;
}

async function names(db: Queryable, g: GroupBy, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== '' && k !== 'all');
  if (g === 'none' || ids.length === 0) return new Map();
  const rows = g === 'agent'
    ? await db.selectFrom('agents').select(['id', 'name']).where('id', 'in', ids).execute()
    : await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function emptyGroup(key: string | null, name: string): MeasureGroup {
  return {
    key,
    name,
    tickets: 0,
    firstResponse: { count: 0, medianBusinessMinutes: null, p90BusinessMinutes: null },
    resolution: { count: 0, medianBusinessMinutes: null },
    slaAttainment: { met: 0, breached: 0, percent: null },
    commitments: { kept: 0, keptOnTime: 0, missed: 0, percent: null },
    eta: { given: 0, kept: 0, percent: null },
  };
}

/**
 * How well the desk follows through over a period (default: the last 30 days), per agent, per team or overall:
 * first response and resolution in business minutes, SLA attainment, promises kept on time, reply times kept.
 * Groups with nothing in the period are left out, except the one overall group.
 */
export async function computeMeasures(db: Queryable, q: MeasuresQuery): Promise<Measures> {
  const at = now();
  const until = q.until ?? at;
  const since = q.since ?? new Date(until.getTime() - DEFAULT_PERIOD_DAYS * DAY);
  if (since.getTime() >= until.getTime()) {
    throw new HeedError('validation_failed', 'since: must be before until', [{ field: 'since', message: 'must be before until' }]);
  }
  const p = { since, until };
  const g = q.groupBy;
  const [tickets, first, resolution, sla, kept, eta] = await Promise.all([
    ticketCounts(db, g, p),
    clockTimes(db, g, p, 'first_response'),
    clockTimes(db, g, p, 'resolution'),
    attainment(db, g, p),
    promises(db, g, p),
    etas(db, g, p, at),
  ]);
  const groups = new Map<string, MeasureGroup>();
  // '' stands for "no team" inside the map; the API says null.
  const group = (key: string | null) => {
    const k = key ?? '';
    let found = groups.get(k);
    if (!found) groups.set(k, (found = emptyGroup(key, '')));
    return found;
  };
  if (g === 'none') group('all');
  for (const r of tickets) group(r.key).tickets = r.n;
  for (const r of first) group(r.key).firstResponse = { count: r.n, medianBusinessMinutes: minutes(r.median), p90BusinessMinutes: minutes(r.p90) };
  for (const r of resolution) group(r.key).resolution = { count: r.n, medianBusinessMinutes: minutes(r.median) };
  for (const r of sla) group(r.key).slaAttainment = { met: r.met, breached: r.breached, percent: percent(r.met, r.met + r.breached) };
  for (const r of kept) group(r.key).commitments = { kept: r.kept, keptOnTime: r.on_time, missed: r.missed, percent: percent(r.on_time, r.kept + r.missed) };
  for (const r of eta) group(r.key).eta = { given: r.given, kept: r.kept, percent: percent(r.kept, r.given) };

  const named = await names(db, g, [...groups.keys()]);
  for (const [k, m] of groups) {
    m.name = g === 'none' ? 'Everyone' : k === '' ? 'No team' : named.get(k) ?? 'Unknown';
  }
  const list = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name) || String(a.key).localeCompare(String(b.key)));
  return { since, until, groups: list };
}
