import type { Db, Queryable } from '../db/database.ts';
import { dbNow } from '../db/database.ts';
import type { Jobs, QueueSpec } from '../jobs/jobs.ts';
import type { Mailer } from './outbound.ts';

export const SYSTEM_MAIL_QUEUE = 'email.system';
export const systemMailQueueSpec: QueueSpec = { name: SYSTEM_MAIL_QUEUE, retryLimit: 5, retryDelaySeconds: 20, expireInSeconds: 120 };

export type SystemEmail = { kind: 'portal_link' | 'survey'; to: string; subject: string; text: string; html?: string; ticketId?: string | null };

/**
 * Queues mail that is not part of a ticket's conversation (a portal sign-in link, a survey invitation) in the
 * caller's transaction: the row is the record, the job sends it. Without a job queue (some tests) the row stays
 * queued. Returns the row's id.
 */
export async function queueSystemEmail(tx: Queryable, jobs: Jobs | undefined, mail: SystemEmail): Promise<string> {
  const row = await tx
    .insertInto('system_emails')
    .values({ kind: mail.kind, to_address: mail.to, subject: mail.subject, body_text: mail.text, body_html: mail.html ?? null, ticket_id: mail.ticketId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (jobs) await jobs.send(tx, SYSTEM_MAIL_QUEUE, { id: row.id });
  return row.id;
}

/**
 * The job sending one system email, from the workspace's first mailbox (or no-reply at the public host), marked
 * automatic. Idempotent; a permanent refusal (5xx) or no mail server fails it at once, other errors are retried.
 */
export async function sendSystemEmail(db: Db, mailer: Mailer | null, id: string, attempt: { retryCount: number; retryLimit: number }, publicUrl: string): Promise<void> {
  const row = await db.selectFrom('system_emails').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'queued') return;
  const fail = (error: string) =>
    db.updateTable('system_emails').set({ status: 'failed', error: error.slice(0, 1000), attempts: attempt.retryCount + 1 }).where('id', '=', id).execute();
  if (!mailer) {
    await fail('no outbound mail server: set OUTBOUND_SMTP_URL');
    return;
  }
  const mailbox = await db.selectFrom('mailboxes').select(['address', 'name']).orderBy('created_at').executeTakeFirst();
  const workspace = await db.selectFrom('workspace').select('name').executeTakeFirst();
  const from = mailbox ? { name: mailbox.name, address: mailbox.address } : { name: workspace?.name ?? 'Heed', address: `no-reply@${new URL(publicUrl).hostname}` };
  try {
    await mailer.sendMail({
      from,
      to: row.to_address,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html ?? undefined,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  } catch (err) {
    const e = err as Error & { responseCode?: number; response?: string };
    const answer = e.response ?? e.message;
    if ((typeof e.responseCode === 'number' && e.responseCode >= 500) || attempt.retryCount >= attempt.retryLimit) {
      await fail(answer);
      return;
    }
    await db.updateTable('system_emails').set({ error: answer.slice(0, 1000), attempts: attempt.retryCount + 1 }).where('id', '=', id).execute();
    throw err;
  }
  await db.updateTable('system_emails').set({ status: 'sent', sent_at: dbNow(), error: null, attempts: attempt.retryCount + 1 }).where('id', '=', id).execute();
}
