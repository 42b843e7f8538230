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
  const eta = await queueEstimate(tx, ticket, clocks.firstResponseDue, clocks.calendarId, at);
  return roundUp(eta > clocks.firstResponseDue ? eta : clocks.firstResponseDue);
}

// Beyond this many tickets ahead the estimate is days away anyway; counting further only costs time.
const QUEUE_COUNT_CAP = 5_000;

/** When the team gets to this ticket if it answers the queue ahead in order. */
export async function queueEstimate(tx: Queryable, ticket: Pick<Ticket, 'id' | 'team_id'>, dueBy: Date, calendarId: string, at: Date): Promise<Date> {
  const { rows } = await sql<{ ahead: number; agents: number; per: number }>`
    select
      (select count(*)::int from (select 1 from tickets t
        where ${ticket.team_id === null ? sql`t.team_id is null` : sql`t.team_id = ${ticket.team_id}`} and t.id <> ${ticket.id}
          and t.waiting_since is not null and t.first_replied_at is null and t.status not in ('solved', 'closed')
          and t.next_due_at <= ${dueBy}
        limit ${QUEUE_COUNT_CAP}) ahead) as ahead,
      (select count(*)::int from team_members m join agents a on a.id = m.agent_id
        where m.team_id = ${ticket.team_id} and a.active and a.availability = 'available') as agents,
      (select eta_minutes_per_inquiry from workspace) as per`.execute(tx);
  const { ahead, agents, per } = rows[0]!;
  const settings = await loadSettings(tx);
  const cal = settings.calendars.get(calendarId);
  if (!cal) return dueBy;
  return addBusinessMinutes(cal, at, (ahead * per) / Math.max(1, agents));
}
