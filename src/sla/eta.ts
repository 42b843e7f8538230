import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { Ticket } from '../db/types.ts';
import { addBusinessMinutes } from './calendar.ts';
import { loadSettings } from './policies.ts';

const QUARTER = 15 * 60_000;
const roundUp = (d: Date) => new Date(Math.ceil(d.getTime() / QUARTER) * QUARTER);

/**
 * When the customer can expect a reply, to tell them honestly: the first-response target of the ticket's SLA, or
 * later when the queue ahead of them (tickets of the same team waiting for a first reply, due before this one)
 * needs more time than that: queue × minutes per inquiry ÷ available agents of the team, in business time.
 * Rounded up to the quarter hour. Stored on the ticket as expected_reply_by.
 */
export async function estimateReplyBy(tx: Queryable, ticket: Pick<Ticket, 'id' | 'team_id'>, at: Date): Promise<Date | null> {
  const clock = await tx
    .selectFrom('sla_clocks')
    .select(['due_at', 'calendar_id'])
    .where('ticket_id', '=', ticket.id)
    .where('metric', '=', 'first_response')
    .executeTakeFirst();
  if (!clock?.due_at || !clock.calendar_id) return null;
  const eta = await queueEstimate(tx, ticket, clock.due_at, clock.calendar_id, at);
  const expected = roundUp(eta > clock.due_at ? eta : clock.due_at);
  await tx.updateTable('tickets').set({ expected_reply_by: expected, first_expected_reply_by: expected }).where('id', '=', ticket.id).execute();
  return expected;
}

/** When the team gets to this ticket if it answers the queue ahead in order. */
export async function queueEstimate(tx: Queryable, ticket: Pick<Ticket, 'id' | 'team_id'>, dueBy: Date, calendarId: string, at: Date): Promise<Date> {
  const { rows } = await sql<{ ahead: number; agents: number; per: number }>`
    select
      (select count(*)::int from tickets t
        where t.team_id is not distinct from ${ticket.team_id} and t.id <> ${ticket.id}
          and t.waiting_since is not null and t.first_replied_at is null and t.status not in ('solved', 'closed')
          and t.next_due_at <= ${dueBy}) as ahead,
      (select count(*)::int from team_members m join agents a on a.id = m.agent_id
        where m.team_id = ${ticket.team_id} and a.active and a.availability = 'available') as agents,
      (select eta_minutes_per_inquiry from workspace) as per`.execute(tx);
  const { ahead, agents, per } = rows[0]!;
  const settings = await loadSettings(tx);
  const cal = settings.calendars.get(calendarId);
  if (!cal) return dueBy;
  return addBusinessMinutes(cal, at, (ahead * per) / Math.max(1, agents));
}
