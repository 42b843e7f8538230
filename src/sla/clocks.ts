import { sql, type QueryCreator } from 'kysely';
import type { Queryable, Tx } from '../db/database.ts';
import type { DB, SlaClock, SlaMetric, Ticket } from '../db/types.ts';
import { now } from '../time/clock.ts';
import { addBusinessMinutes, businessMinutesBetween, type Calendar } from './calendar.ts';
import { choosePolicy, loadSettings, targetMinutes, type Settings } from './policies.ts';

/** A warning goes out when this share of a target is used. */
export const WARN_AT = 0.75;

/** What the clocks of a ticket depend on: its state and what its requester was promised. */
export type ClockFacts = Pick<
  Ticket,
  'id' | 'status' | 'priority' | 'team_id' | 'channel' | 'tags' | 'created_at' | 'last_public_from' | 'waiting_since' | 'first_replied_at'
> & { organization_id: string | null; customer_expectations: unknown; organization_expectations: unknown };

type Wanted = { state: 'running' | 'paused' | 'stopped'; cycleStart: Date };

const closedStatuses = new Set(['solved', 'closed']);

/**
 * What each clock should be doing, from the ticket's state: first response runs until the first public reply;
 * next response runs while the customer waits on us after that; resolution runs until solved. All pause while the
 * ticket waits on the customer (pending), and stop when it is solved or closed.
 */
function wantedClocks(t: ClockFacts, existing: Map<SlaMetric, SlaClock>): Partial<Record<SlaMetric, Wanted>> {
  const closed = closedStatuses.has(t.status);
  const paused = t.status === 'pending';
  const live = (stop: boolean): Wanted['state'] => (stop || closed ? 'stopped' : paused ? 'paused' : 'running');
  const wanted: Partial<Record<SlaMetric, Wanted>> = {
    first_response: { state: live(t.first_replied_at !== null), cycleStart: existing.get('first_response')?.cycle_started_at ?? t.created_at },
    resolution: { state: live(false), cycleStart: existing.get('resolution')?.cycle_started_at ?? t.created_at },
  };
  if (t.first_replied_at && t.waiting_since && t.waiting_since > t.first_replied_at) {
    wanted.next_response = { state: live(false), cycleStart: t.waiting_since };
  } else if (existing.has('next_response')) {
    wanted.next_response = { state: 'stopped', cycleStart: existing.get('next_response')!.cycle_started_at };
  }
  return wanted;
}

const promisedMinutes = (t: ClockFacts): number | null => {
  const c = (t.customer_expectations ?? {}) as { responseTimeMinutes?: number };
  const o = (t.organization_expectations ?? {}) as { responseTimeMinutes?: number };
  return c.responseTimeMinutes ?? o.responseTimeMinutes ?? null;
};

const planOf = (t: ClockFacts): string | null =>
  ((t.customer_expectations ?? {}) as { plan?: string }).plan ?? ((t.organization_expectations ?? {}) as { plan?: string }).plan ?? null;

const CLOCK_TIMES = ['cycle_started_at', 'running_since', 'paused_at', 'due_at', 'warn_at', 'warned_at', 'breached_at', 'stopped_at'] as const;

/** A ticket's clock facts and its clocks as stored, in one read (the clocks come as JSON, their times as text). */
async function clockState(tx: Queryable, ticketId: string): Promise<{ facts: ClockFacts; clocks: SlaClock[] } | undefined> {
  const row = await tx
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.requester_id')
    .leftJoin('organizations as o', 'o.id', 'c.organization_id')
    .select([
      't.id', 't.status', 't.priority', 't.team_id', 't.channel', 't.tags', 't.created_at', 't.last_public_from', 't.waiting_since',
      't.first_replied_at', 'c.organization_id', 'c.expectations as customer_expectations', 'o.expectations as organization_expectations',
      sql<Record<string, unknown>[]>`(select coalesce(json_agg(k), '[]') from sla_clocks k where k.ticket_id = t.id)`.as('clocks'),
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { clocks, ...facts } = row;
  const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    facts,
    clocks: clocks.map((k) => ({ ...k, ...Object.fromEntries(CLOCK_TIMES.map((name) => [name, asDate(k[name])])) }) as unknown as SlaClock),
  };
}

export type SyncOptions = { settings?: Settings };
export type ClockSummary = { nextDue: Date | null; firstResponseDue: Date | null; calendarId: string | null };

/** A clock row to write: what `planClocks` found changed. */
export type ClockRow = ClockState & { ticket_id: string; metric: SlaMetric };
export type ClockPlan = ClockSummary & { changed: ClockRow[] };

/**
 * What a ticket's clocks should be at `at`, from its facts and its clocks as stored: the rows that changed and the
 * due times that follow. Pure: the caller reads and writes.
 */
export function planClocks(facts: ClockFacts, existing: Map<SlaMetric, SlaClock>, s: Settings, at: Date): ClockPlan {
  const policy = choosePolicy(s.policies, {
    teamId: facts.team_id,
    channel: facts.channel,
    tags: facts.tags,
    organizationId: facts.organization_id,
    plan: planOf(facts),
  });
  const calendar = s.calendars.get(policy.calendarId);
  if (!calendar) throw new Error(`SLA policy ${policy.name} has no calendar`);
  const promised = promisedMinutes(facts);
  let nextDue: Date | null = null;
  let firstResponseDue: Date | null = null;
  const changed: ClockRow[] = [];

  for (const [metric, want] of Object.entries(wantedClocks(facts, existing)) as [SlaMetric, Wanted][]) {
    const before = existing.get(metric);
    const next = advance(before, want, at, calendar);
    next.target_minutes = targetMinutes(policy, facts.priority, metric, promised);
    next.policy_id = policy.id;
    next.calendar_id = calendar.id;
    schedule(next, calendar, at);
    if (next.due_at && (!nextDue || next.due_at < nextDue)) nextDue = next.due_at;
    if (metric === 'first_response') firstResponseDue = next.due_at;
    if (!before || !sameClock(before, next)) changed.push({ ...next, ticket_id: facts.id, metric });
  }
  return { nextDue, firstResponseDue, calendarId: calendar.id, changed };
}

/**
 * Brings a ticket's SLA clocks in line with its state at `at`, in the caller's transaction (call it after every
 * change that can move a clock: new message, status, priority, team, tags, policy). Idempotent: running it twice
 * changes nothing. Returns the ticket's next due time and its first-response due time.
 */
export async function syncClocks(tx: Tx, ticketId: string, at: Date = now(), options: SyncOptions = {}): Promise<ClockSummary> {
  const [state, s] = await Promise.all([clockState(tx, ticketId), options.settings ?? loadSettings(tx)]);
  if (!state) return { nextDue: null, firstResponseDue: null, calendarId: null };
  const { changed, ...summary } = planClocks(state.facts, new Map(state.clocks.map((r) => [r.metric, r])), s, at);
  // The changed clocks and the ticket's next due time: one statement.
  const upsert = (db: QueryCreator<DB>) =>
    db
      .insertInto('sla_clocks')
      .values(changed)
      .onConflict((oc) =>
        oc.columns(['ticket_id', 'metric']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const k of Object.keys(changed[0]!)) if (k !== 'ticket_id' && k !== 'metric') set[k] = eb.ref(`excluded.${k}` as 'excluded.due_at');
          return set;
        }),
      );
  const writer = (changed.length > 0 ? tx.with('clocks', upsert) : tx) as Pick<QueryCreator<DB>, 'updateTable'>;
  await writer.updateTable('tickets').set({ next_due_at: summary.nextDue }).where('id', '=', ticketId).where('next_due_at', 'is distinct from', summary.nextDue).execute();
  return summary;
}

type ClockState = Omit<SlaClock, 'ticket_id' | 'metric'>;

/** Moves a clock from what it was to what it should be at `at`: start, new cycle, pause, resume or stop. */
function advance(before: SlaClock | undefined, want: Wanted, at: Date, cal: Calendar): ClockState {
  const fresh = !before || before.cycle_started_at.getTime() !== want.cycleStart.getTime();
  const c: ClockState = fresh
    ? {
        policy_id: null, calendar_id: null, target_minutes: 1, cycle_started_at: want.cycleStart,
        running_since: null, elapsed_minutes: 0, paused_at: null, due_at: null, warn_at: null, warned_at: null,
        breached_at: null, stopped_at: null, met: null,
      }
    : { ...before };
  if (fresh) c.running_since = want.cycleStart;
  const wasRunning = c.running_since !== null;
  if (want.state === 'running') {
    if (!wasRunning) c.running_since = at;
    c.paused_at = null;
    c.stopped_at = null;
    c.met = null;
    return c;
  }
  if (wasRunning) {
    c.elapsed_minutes += businessMinutesBetween(cal, c.running_since!, at);
    c.running_since = null;
  }
  if (want.state === 'paused') {
    c.paused_at = c.paused_at ?? at;
    c.stopped_at = null;
  } else if (!c.stopped_at) {
    c.stopped_at = at;
    c.paused_at = null;
  }
  return c;
}

/** Due and warning times of a running clock; none for a paused or stopped one. */
function schedule(c: ClockState, cal: Calendar, at: Date): void {
  if (c.stopped_at) {
    c.met = c.breached_at === null && c.elapsed_minutes <= c.target_minutes;
    c.due_at = c.running_since = null;
    c.warn_at = null;
    return;
  }
  if (!c.running_since) {
    c.due_at = c.warn_at = null;
    return;
  }
  const left = c.target_minutes - c.elapsed_minutes;
  c.due_at = addBusinessMinutes(cal, c.running_since, Math.max(0, left));
  const warnLeft = c.target_minutes * WARN_AT - c.elapsed_minutes;
  c.warn_at = c.warned_at || warnLeft <= 0 ? null : addBusinessMinutes(cal, c.running_since, warnLeft);
  // A longer target (priority lowered, policy changed) can lift a breach that has not happened yet.
  if (c.breached_at && c.due_at > at) c.breached_at = null;
}

function sameClock(a: ClockState, b: ClockState): boolean {
  const keys = Object.keys(b) as (keyof ClockState)[];
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
    return x === y;
  });
}
