import type { Queryable } from '../db/database.ts';

/** Who did something: an agent, a customer, or Heed itself. */
export type Actor = { kind: 'agent'; id: string } | { kind: 'customer'; id: string } | { kind: 'system' };

export type EventInput = {
  action: string;
  entity: 'ticket' | 'message' | 'handoff' | 'customer' | 'organization' | 'agent' | 'team' | 'workspace' | 'token' | 'commitment' | 'calendar' | 'sla_policy' | 'macro' | 'article';
  entityId: string;
  ticketId?: string | null;
  actor: Actor;
  before?: unknown;
  after?: unknown;
};

/** The row of one audit event, for a statement that writes it along with its change. */
export const eventRow = (e: EventInput) => ({
  action: e.action,
  entity: e.entity,
  entity_id: e.entityId,
  ticket_id: e.ticketId ?? null,
  actor_kind: e.actor.kind,
  actor_id: e.actor.kind === 'system' ? null : e.actor.id,
  before: e.before === undefined ? null : JSON.stringify(e.before),
  after: e.after === undefined ? null : JSON.stringify(e.after),
});

/** Writes one audit event; call it inside the transaction of the mutation it describes. */
export async function recordEvent(db: Queryable, e: EventInput): Promise<void> {
  await db.insertInto('events').values(eventRow(e)).execute();
}

/** The fields of `after` that differ from `before`, as a {before, after} pair for an event. */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) {
      b[k] = before[k];
      a[k] = v;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
