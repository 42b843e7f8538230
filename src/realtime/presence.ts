/**
 * Collision detection: an agent says they are viewing, typing on, or leaving a ticket, and the others who
 * have it open are told. Presence is announced only, never stored: it is worth something for seconds.
 */
import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { CHANNEL, type PresenceState } from './events.ts';

export const PRESENCE_STATES = ['viewing', 'typing', 'left'] as const satisfies readonly PresenceState[];

/**
 * Announces an agent's presence on a ticket; 404 when there is no such ticket. One statement looks up the ticket
 * and the agent's name and notifies, since agents send this every few seconds while working.
 */
export async function announcePresence(db: Queryable, input: { ticketId: string; agentId: string; state: PresenceState }): Promise<void> {
  const { rows } = await sql<{ sent: boolean }>`
    select pg_notify(${CHANNEL}, json_build_object(
      'type', 'presence', 'ticketId', t.id, 'agentId', a.id, 'agentName', left(a.name, 200), 'state', ${input.state}::text
    )::text) is not null as sent
    from tickets t cross join agents a
    where t.id = ${input.ticketId} and a.id = ${input.agentId}`.execute(db);
  if (!rows.length) throw notFound('ticket');
}
