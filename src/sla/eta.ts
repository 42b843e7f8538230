import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { Ticket } from '../db/types.ts';
import { addBusinessMinutes } from './calendar.ts';
import { loadSettings } from './policies.ts';
import type { ClockSummary } from './clocks.ts';

const QUARTER = 15 * 60_000;
const roundUp = (d: Date) => new Date(Math.ceil(d.getTime() / QUARTER) * QUARTER);

/**
 * When the customer can expect a reply, to tell them honestly: the first-response target of the ticket's SLA, or
 * later when the queue ahead of them (tickets of the same team waiting for a first reply, due before this one)
 * needs more time than that: queue × minutes per inquiry ÷ available agents of the team, in business time.
 * Rounded up to the quarter hour. The caller writes it to the ticket.
 */
export async function expectedReplyBy(tx: Queryable, ticket: Pick<Ticket, 'id' | 'team_id'>, at: Date, clocks: ClockSummary): Promise<Date | null> {
  if (!clocks.firstResponseDue || !clocks.calendarId) return null;
  const eta = await queueEstimate(tx, ticket, clocks.firstResponseDue, clocks.calendarId, at, { opening: true });
  return roundUp(eta > clocks.firstResponseDue ? eta : clocks.firstResponseDue);
}

// Beyond this many tickets ahead the estimate is days away anyway; counting further only costs time.
const QUEUE_COUNT_CAP = 5_000;

type Queue = { ahead: number; agents: number; per: number };

// A burst of new tickets counts the same long queue again and again, each count reading every ticket in it: in an
// email burst that was the intake's costliest statement. So a long count (LONG_QUEUE or more) is remembered for
// REMEMBER_MS per database and team, and a ticket being opened that is due no earlier than the counted one reuses
// it, plus the tickets opened on it since (each is ahead of the next). Tickets other processes open meanwhile are
// missed: at most a couple of seconds of intake, on a queue already hundreds long.
const LONG_QUEUE = 200;
const REMEMBER_MS = 2_000;
type Remembered = Queue & { dueBy: number; until: number };
const remembered = new WeakMap<object, Map<string, Remembered>>();

function rememberedFor(tx: Queryable): Map<string, Remembered> {
  // Every transaction of one Kysely instance shares its adapter: the key for "this database".
  const key = tx.getExecutor().adapter;
  let m = remembered.get(key);
  if (!m) remembered.set(key, (m = new Map()));
  return m;
}

/**
 * When the team gets to this ticket if it answers the queue ahead in order. `opening`: the ticket is being opened
 * now (not yet in the queue), so a remembered long count may serve.
 */
export async function queueEstimate(tx: Queryable, ticket: Pick<Ticket, 'id' | 'team_id'>, dueBy: Date, calendarId: string, at: Date, opts: { opening?: boolean } = {}): Promise<Date> {
  const memo = opts.opening ? rememberedFor(tx) : null;
  const team = ticket.team_id ?? '';
  const hit = memo?.get(team);
  let queue: Queue;
  if (hit && hit.until > performance.now() && dueBy.getTime() >= hit.dueBy) {
    queue = { ...hit };
    hit.ahead++;
  } else {
    queue = await countQueue(tx, ticket, dueBy);
    if (memo && queue.ahead >= LONG_QUEUE) memo.set(team, { ...queue, ahead: queue.ahead + 1, dueBy: dueBy.getTime(), until: performance.now() + REMEMBER_MS });
  }
  const { ahead, agents, per } = queue;
  const settings = await loadSettings(tx);
  const cal = settings.calendars.get(calendarId);
  if (!cal) return dueBy;
  return addBusinessMinutes(cal, at, (ahead * per) / Math.max(1, agents));
}

async function countQueue(tx: Queryable, ticket: Pick<Ticket, 'id' | 'team_id'>, dueBy: Date): Promise<Queue> {
  const { rows } = await sql<Queue>`
    select
      (select count(*)::int from (select 1 from tickets t
        where ${ticket.team_id === null ? sql`t.team_id is null` : sql`t.team_id = ${ticket.team_id}`} and t.id <> ${ticket.id}
          and t.waiting_since is not null and t.first_replied_at is null and t.status not in ('solved', 'closed')
          and t.next_due_at <= ${dueBy}
        limit ${QUEUE_COUNT_CAP}) ahead) as ahead,
      (select count(*)::int from team_members m join agents a on a.id = m.agent_id
        where m.team_id = ${ticket.team_id} and a.active and a.availability = 'available') as agents,
      (select eta_minutes_per_inquiry from workspace) as per`.execute(tx);
  return rows[0]!;
}
