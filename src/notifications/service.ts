import type { Queryable } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { now } from '../time/clock.ts';

export type NewNotification = { agentId: string; kind: string; ticketId?: string | null; commitmentId?: string | null; body: string };

/** Tells agents something in the caller's transaction (one statement for the whole batch). */
export async function notify(tx: Queryable, items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  await tx
    .insertInto('notifications')
    .values(items.map((n) => ({ agent_id: n.agentId, kind: n.kind, ticket_id: n.ticketId ?? null, commitment_id: n.commitmentId ?? null, body: n.body })))
    .execute();
}

export async function listNotifications(db: Queryable, agentId: string, opts: { unread?: boolean; limit: number }) {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.unread) q = q.where('read_at', 'is', null);
  return q.execute();
}

export async function markRead(db: Queryable, agentId: string, id: string): Promise<void> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: now() })
    .where('id', '=', id)
    .where('agent_id', '=', agentId)
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!r) {
    const exists = await db.selectFrom('notifications').select('id').where('id', '=', id).where('agent_id', '=', agentId).executeTakeFirst();
    if (!exists) throw notFound('notification');
  }
}
