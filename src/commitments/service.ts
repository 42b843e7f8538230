import type { Db, Queryable, Tx } from '../db/database.ts';
import { dbNow } from '../db/database.ts';
import type { Commitment, CommitmentStatus, CommitmentsTable } from '../db/types.ts';
import type { Updateable } from 'kysely';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { lockTicket } from '../tickets/service.ts';
import { MINUTE, now } from '../time/clock.ts';
import { defaultCommitmentDue } from './time.ts';

export type CommitmentInput = { text: string; action?: string | null; dueAt?: Date | null };
export type CommitmentPatch = Partial<{ text: string; dueAt: Date; status: CommitmentStatus; ownerId: string }>;

/** A reminder an hour before the due time, or halfway there when the promise is shorter than two hours. */
export function reminderFor(created: Date, due: Date): Date | null {
  const span = due.getTime() - created.getTime();
  if (span <= 2 * MINUTE) return null;
  return new Date(span > 120 * MINUTE ? due.getTime() - 60 * MINUTE : created.getTime() + span / 2);
}

type NewRow = { text: string; action: string | null; due: Date | null; messageId: string | null; source: 'reply' | 'manual' | 'survey' };

/** Stores promises on a ticket, owned by the ticket's owner, in the caller's transaction. */
export async function recordCommitments(tx: Tx, actor: Actor, ticketId: string, items: NewRow[]): Promise<Commitment[]> {
  if (items.length === 0) return [];
  const ticket = await tx.selectFrom('tickets').select(['id', 'owner_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const at = now();
  const fallback = items.some((i) => !i.due) ? await defaultCommitmentDue(tx, ticketId, at) : null;
  const rows = await tx
    .insertInto('commitments')
    .values(
      items.map((i) => {
        const due = i.due ?? fallback!;
        return {
          ticket_id: ticketId,
          owner_id: ticket.owner_id,
          message_id: i.messageId,
          text: i.text,
          action: i.action,
          due_at: due,
          due_stated: i.due !== null,
          source: i.source,
          remind_at: reminderFor(at, due),
          created_by_id: actor.kind === 'agent' ? actor.id : null,
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .returningAll()
    .execute();
  for (const c of rows) {
    await recordEvent(tx, {
      action: 'commitment.created',
      entity: 'commitment',
      entityId: c.id,
      ticketId,
      actor,
      after: { text: c.text, dueAt: c.due_at, source: c.source, dueStated: c.due_stated },
    });
  }
  return rows;
}

/** An agent adds a promise by hand (one that was made on the phone, say). */
export async function addCommitment(db: Db, actor: Actor, ticketId: string, input: CommitmentInput): Promise<Commitment> {
  if (input.dueAt && input.dueAt.getTime() <= now().getTime()) throw new HeedError('validation_failed', 'dueAt: must be in the future');
  return db.transaction().execute(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.status === 'closed') throw new HeedError('ticket_closed', 'the ticket is closed: promises go on its follow-up');
    const [c] = await recordCommitments(tx, actor, ticketId, [
      { text: input.text, action: input.action ?? null, due: input.dueAt ?? null, messageId: null, source: 'manual' },
    ]);
    return c!;
  });
}

const finished = new Set<CommitmentStatus>(['kept', 'cancelled']);

/**
 * Edits, completes (kept) or cancels a promise. A missed promise can still be kept late; a kept or cancelled one
 * is final. Moving the due time of an open promise re-arms its reminder.
 */
export async function updateCommitment(db: Db, actor: Actor, id: string, patch: CommitmentPatch): Promise<Commitment> {
  const at = now();
  if (patch.dueAt && patch.dueAt.getTime() <= at.getTime()) throw new HeedError('validation_failed', 'dueAt: must be in the future');
  if (patch.status && patch.dueAt) throw new HeedError('validation_failed', 'dueAt: give a new due time or a status, not both');
  if (patch.status === 'missed' || patch.status === 'open') {
    throw new HeedError('validation_failed', `status: a promise becomes ${patch.status} by itself; set kept or cancelled`);
  }
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('commitments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('commitment');
    if (finished.has(before.status)) throw new HeedError('rule_violation', `the promise is already ${before.status}`);
    if (patch.ownerId) {
      const a = await tx.selectFrom('agents').select('id').where('id', '=', patch.ownerId).where('active', '=', true).executeTakeFirst();
      if (!a) throw new HeedError('reference_not_found', 'ownerId: no active agent with this id');
    }
    const values: Updateable<CommitmentsTable> = { text: patch.text, owner_id: patch.ownerId, status: patch.status };
    if (patch.status === 'kept' || patch.status === 'cancelled') values.completed_at = at;
    if (patch.dueAt && !patch.status) {
      values.due_at = patch.dueAt;
      values.due_stated = true;
      if (before.status === 'missed') values.status = 'open';
      values.remind_at = reminderFor(at, patch.dueAt);
      values.reminded_at = null;
      values.missed_at = null;
    }
    const diff = changes(
      { text: before.text, dueAt: before.due_at.toISOString(), status: before.status, ownerId: before.owner_id },
      { text: patch.text, dueAt: patch.dueAt?.toISOString(), status: values.status, ownerId: patch.ownerId },
    );
    if (!diff.changed) return before;
    const c = await tx
      .updateTable('commitments')
      .set({ ...values, updated_at: dbNow() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'commitment.updated', entity: 'commitment', entityId: id, ticketId: c.ticket_id, actor, before: diff.before, after: diff.after });
    return c;
  });
}

export type CommitmentQuery = { status?: CommitmentStatus; ownerId?: string; ticketId?: string; dueBefore?: Date; limit: number; after?: { due: Date; id: string } };

/** Promises, soonest due first (keyset by due time and id). */
export async function listCommitments(db: Queryable, q: CommitmentQuery): Promise<Commitment[]> {
  let s = db.selectFrom('commitments').selectAll().orderBy('due_at').orderBy('id').limit(q.limit);
  if (q.status) s = s.where('status', '=', q.status);
  if (q.ownerId) s = s.where('owner_id', '=', q.ownerId);
  if (q.ticketId) s = s.where('ticket_id', '=', q.ticketId);
  if (q.dueBefore) s = s.where('due_at', '<', q.dueBefore);
  if (q.after) {
    const a = q.after;
    s = s.where((eb) => eb.or([eb('due_at', '>', a.due), eb.and([eb('due_at', '=', a.due), eb('id', '>', a.id)])]));
  }
  return s.execute();
}

export async function getCommitment(db: Queryable, id: string): Promise<Commitment> {
  const c = await db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('commitment');
  return c;
}

