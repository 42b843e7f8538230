import type { Queryable, Tx } from '../db/database.ts';
import { coachDraft, type CoachResult } from '../coach/coach.ts';
import type { Actor } from '../events/record.ts';
import { recordCommitments } from './service.ts';
import { extractorOptions, ticketTime } from './time.ts';

/** The customer's last public message on a ticket: what a reply answers (and whether it was a complaint). */
export async function lastCustomerMessage(db: Queryable, ticketId: string): Promise<string | null> {
  const m = await db
    .selectFrom('messages')
    .select('body_text')
    .where('ticket_id', '=', ticketId)
    .where('kind', '=', 'reply')
    .where('direction', '=', 'inbound')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return m?.body_text ?? null;
}

/** The coach's reading of a draft for a ticket, in the ticket's time (the customer's zone, the workspace's day). */
export async function coachForTicket(db: Queryable, ticketId: string | null, text: string, at: Date, timeZone?: string): Promise<CoachResult> {
  const time = await ticketTime(db, ticketId);
  const context = ticketId ? await lastCustomerMessage(db, ticketId) : null;
  return coachDraft(text, { ...extractorOptions({ ...time, timeZone: timeZone ?? time.timeZone }, at), context });
}

/**
 * Runs the coach on a public reply as it is sent (never blocking it): the findings are kept with the message for
 * coaching, and every promise in it becomes a tracked commitment on the ticket, in the reply's transaction.
 */
export async function reviewSentReply(tx: Tx, actor: Actor, ticketId: string, messageId: string, text: string, at: Date): Promise<CoachResult> {
  const result = await coachForTicket(tx, ticketId, text, at);
  await tx.updateTable('messages').set({ coach: JSON.stringify(result) }).where('id', '=', messageId).execute();
  await recordCommitments(
    tx,
    actor,
    ticketId,
    result.commitments.map((c) => ({ text: c.phrase, action: c.action, due: c.due ? new Date(c.due) : null, messageId, source: 'reply' as const })),
  );
  return result;
}
