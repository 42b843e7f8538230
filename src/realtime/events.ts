/**
 * The small events signed-in agents are told about as they happen. They travel as PostgreSQL notifications on
 * one channel, issued inside the transaction of the change: PostgreSQL delivers a notification only when its
 * transaction commits, so a rolled-back change is never announced and every Heed process listening hears it.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { LiveEvent } from './types.ts';

export const CHANNEL = 'heed_events';
/** PostgreSQL refuses notification payloads of 8000 bytes or more; ours carry ids and kinds only. */
export const MAX_PAYLOAD_BYTES = 7900;

export type { LiveEvent, PresenceState } from './types.ts';

/** The agent behind an actor, for events that say who caused them. */
export const actorIdOf = (actor: { kind: string; id?: string }): string | null => (actor.kind === 'agent' && actor.id ? actor.id : null);

/** The payload of one event, refusing one too large to notify (a bug: payloads never carry message text). */
export function encodeEvent(event: LiveEvent): string {
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`live event ${event.type} is too large to notify`);
  return payload;
}

/** Reads a payload heard on the channel; anything that is not one of our events is ignored. */
export function decodeEvent(payload: string): LiveEvent | null {
  try {
    const e = JSON.parse(payload) as Partial<LiveEvent> | null;
    return e && typeof e.type === 'string' && typeof e.ticketId === 'string' ? (e as LiveEvent) : null;
  } catch {
    return null;
  }
}

/**
 * Announces an event once the caller's transaction commits (nothing is announced if it rolls back). Call it
 * with the transaction of the change, after the change is written.
 */
export async function publish(tx: Queryable, event: LiveEvent): Promise<void> {
  await sql`select ${notification(event)}`.execute(tx);
}

/** The notification as an expression, for a statement that writes the change and announces it in one round trip. */
export const notification = (event: LiveEvent) => sql`pg_notify(${CHANNEL}, ${encodeEvent(event)})`;

/** The same, with one field of the event taken from the statement itself (a ticket's number, which its insert draws). */
export const notificationWith = (event: LiveEvent, field: string, value: RawBuilder<unknown>) =>
  sql`pg_notify(${CHANNEL}, jsonb_set(${encodeEvent(event)}::jsonb, ${`{${field}}`}::text[], to_jsonb(${value}))::text)`;
