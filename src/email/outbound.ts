import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AttachmentStorage } from '../attachments/storage.ts';
import type { Db, Tx } from '../db/database.ts';
import { recordEvent } from '../events/record.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { widgetPresence } from '../widget/service.ts';

export const SEND_QUEUE = 'email.send';
/** A chat customer whose widget was seen this recently reads replies there; otherwise they are emailed too. */
export const WIDGET_PRESENT_MS = 2 * 60_000;
export const sendQueueSpec = { name: SEND_QUEUE, retryLimit: 6, retryDelaySeconds: 30, expireInSeconds: 120 };

/** Our Message-ID for an outbound message: it names the ticket, so replies find their way back. */
export const outboundMessageId = (ticketNumber: number, messageId: string, domain: string) => `heed.${ticketNumber}.${messageId}@${domain}`;
export const replyAddress = (mailbox: string, token: string) => mailbox.replace('@', `+${token}@`);

/**
 * Queues the email carrying an agent's public reply, in the reply's transaction. Tickets that came by email or
 * the web form are answered by email, from the mailbox they came through (or the first mailbox); chat tickets
 * too, when the customer's widget has not been seen for WIDGET_PRESENT_MS.
 */
export async function queueReplyEmail(tx: Tx, jobs: Jobs, ticketId: string, messageId: string): Promise<boolean> {
  const envelope = await replyEnvelope(tx, ticketId);
  if (!envelope) return false;
  await tx.insertInto('message_emails').values(outboundEmailRow(envelope, messageId)).execute();
  await jobs.send(tx, SEND_QUEUE, { messageId });
  return true;
}

/** Where and how a ticket's next outgoing email goes: the customer's address, our mailbox, the thread so far. */
export type ReplyEnvelope = {
  ticketId: string;
  number: number;
  to: string;
  mailbox: string;
  thread: { header: string; direction: string }[];
  cc: string[];
};

/**
 * The envelope of a reply on the ticket, in one read; null when the reply is not to be emailed (a channel
 * without email, a chat customer still on the page, no address or no mailbox).
 */
export async function replyEnvelope(tx: Tx, ticketId: string): Promise<ReplyEnvelope | null> {
  const found = await replyEnvelopes(tx, [ticketId]);
  if (!found.has(ticketId)) throw new Error(`ticket ${ticketId} not found`);
  return found.get(ticketId)!;
}

/** replyEnvelope for many tickets in one read (a batch of notices): ticket id → envelope or null. */
export async function replyEnvelopes(tx: Tx, ticketIds: string[]): Promise<Map<string, ReplyEnvelope | null>> {
  if (!ticketIds.length) return new Map();
  const { rows } = await sql<Omit<ReplyEnvelope, 'to' | 'mailbox'> & { channel: string; to: string | null; mailbox: string | null }>`
    select t.id as "ticketId", t.number, t.channel,
      (select value from customer_identities where customer_id = t.requester_id and kind = 'email' order by created_at limit 1) as "to",
      coalesce((select address from mailboxes where id = t.mailbox_id), (select address from mailboxes order by created_at limit 1)) as mailbox,
      coalesce((select json_agg(json_build_object('header', message_id_header, 'direction', direction) order by created_at)
        from message_emails where ticket_id = t.id), '[]') as thread,
      coalesce((select array_agg(address) from ticket_participants where ticket_id = t.id), '{}') as cc
    from tickets t where t.id = any(${ticketIds}::uuid[])`.execute(tx);
  const out = new Map<string, ReplyEnvelope | null>();
  for (const t of rows) {
    let emailed = t.channel === 'email' || t.channel === 'web';
    // A widget conversation continues by email once the customer has left the page (one ticket, one timeline).
    if (t.channel === 'chat') emailed = (await widgetPresence(tx, t.ticketId, WIDGET_PRESENT_MS)) === 'away';
    out.set(t.ticketId, emailed && t.to && t.mailbox ? { ticketId: t.ticketId, number: t.number, to: t.to, mailbox: t.mailbox, thread: t.thread, cc: t.cc } : null);
  }
  return out;
}

/** The queued outgoing email of a message: threading headers that keep the customer's client on one thread. */
export function outboundEmailRow(e: ReplyEnvelope, messageId: string) {
  const lastInbound = [...e.thread].reverse().find((m) => m.direction === 'inbound');
  return {
    message_id: messageId,
    ticket_id: e.ticketId,
    direction: 'outbound' as const,
    message_id_header: outboundMessageId(e.number, messageId, e.mailbox.split('@')[1]!),
    in_reply_to: lastInbound?.header ?? e.thread[e.thread.length - 1]?.header ?? null,
    reference_ids: e.thread.map((m) => m.header).slice(-20),
    from_address: e.mailbox,
    to_addresses: [e.to],
    cc_addresses: e.cc.filter((a) => a !== e.to).slice(0, 20),
    delivery_status: 'queued' as const,
  };
}

export type Mailer = Pick<Transporter, 'sendMail'> & { close?(): void };

/**
 * A nodemailer transport for OUTBOUND_SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS), pooled: connections
 * to the relay are kept open and reused. Without the pool every email opened its own connection and handshake
 * (~100 ms even to a relay on the same machine, more with TLS over a network), so a process sent ~10 emails a
 * second; with it, one connection sends the next email in a few milliseconds. `pool=false` in the URL turns it off.
 */
export const createMailer = (url: string): Mailer => {
  const u = new URL(url);
  if (!u.searchParams.has('pool')) u.searchParams.set('pool', 'true');
  return nodemailer.createTransport(u.toString());
};

type SmtpFailure = Error & { responseCode?: number; response?: string };

export type SendItem = { jobId: string; messageId: string; attempt: { retryCount: number; retryLimit: number } };

/** Works the send queue as Heed runs it: ten queued emails a fetch, sent together by sendQueuedEmails. */
export function workSendQueue(db: Db, jobs: Jobs, storage: AttachmentStorage, mailer: Mailer | null): Promise<void> {
  return jobs.workBatch<{ messageId: string }>(
    SEND_QUEUE,
    (batch) => sendQueuedEmails(db, storage, mailer, batch.map((j) => ({ jobId: j.meta.id, messageId: j.data.messageId, attempt: j.meta }))),
    { batchSize: 10 },
  );
}

/**
 * Sends a batch of queued emails, in order, over the pooled relay connection: one read for the batch's emails and
 * their files, and one write marking those sent. A permanent refusal (5xx) or a missing configuration marks an
 * email failed at once; other failures are returned by job id, to be retried by the queue with backoff, and the
 * last attempt marks it failed. An email already sent or given up is skipped: the job is idempotent.
 */
export async function sendQueuedEmails(db: Db, storage: AttachmentStorage, mailer: Mailer | null, items: SendItem[]): Promise<Map<string, Error>> {
  const failed = new Map<string, Error>();
  if (!items.length) return failed;
  const rows = await db
    .selectFrom('message_emails as e')
    .innerJoin('messages as m', 'm.id', 'e.message_id')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .leftJoin('mailboxes as b', 'b.address', 'e.from_address')
    .select(['e.message_id', 'e.ticket_id', 'e.message_id_header', 'e.in_reply_to', 'e.reference_ids', 'e.from_address', 'e.to_addresses', 'e.cc_addresses', 'e.delivery_status', 'm.body_text', 'm.body_html', 'm.author_agent_id', 't.subject', 't.number', 't.reply_token', 'b.name as mailboxName'])
    // The files travel in the same read.
    .select(sql<{ filename: string; content_type: string; storage_key: string }[]>`coalesce((select json_agg(json_build_object(
        'filename', a.filename, 'content_type', a.content_type, 'storage_key', a.storage_key) order by a.created_at)
      from attachments a where a.message_id = e.message_id), '[]')`.as('files'))
    .where('e.message_id', 'in', [...new Set(items.map((i) => i.messageId))])
    .execute();
  const byId = new Map(rows.map((r) => [r.message_id, r]));
  const sent: { id: string; attempts: number }[] = [];
  const fail = async (messageId: string, ticketId: string, attempts: number, error: string) => {
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('message_emails').set({ delivery_status: 'failed', delivery_error: error.slice(0, 1000), delivery_attempts: attempts }).where('message_id', '=', messageId).execute();
      await recordEvent(tx, { action: 'email.send_failed', entity: 'message', entityId: messageId, ticketId, actor: { kind: 'system' }, after: { error: error.slice(0, 300) } });
    });
  };
  for (const { jobId, messageId, attempt } of items) {
    const row = byId.get(messageId);
    if (!row || row.delivery_status !== 'queued' || sent.some((s) => s.id === messageId)) continue;
    const attempts = attempt.retryCount + 1;
    if (!mailer) {
      await fail(messageId, row.ticket_id, attempts, 'no outbound mail server: set OUTBOUND_SMTP_URL');
      continue;
    }
    const subject = /^re:/i.test(row.subject) ? row.subject : `Re: ${row.subject}`;
    try {
      await mailer.sendMail({
        from: { name: row.mailboxName ?? 'Support', address: row.from_address },
        to: row.to_addresses,
        cc: row.cc_addresses.length ? row.cc_addresses : undefined,
        replyTo: replyAddress(row.from_address, row.reply_token),
        subject: `${subject} [#${row.number}]`,
        text: row.body_text,
        html: row.body_html ?? undefined,
        messageId: `<${row.message_id_header}>`,
        inReplyTo: row.in_reply_to ? `<${row.in_reply_to}>` : undefined,
        references: row.reference_ids.map((r) => `<${r}>`),
        // Heed's own notices (acknowledgements, updates) are automatic mail: RFC 3834 says so, and auto-responders keep quiet.
        headers: row.author_agent_id ? undefined : { 'Auto-Submitted': 'auto-replied' },
        attachments: await Promise.all(row.files.map(async (f) => ({ filename: f.filename, contentType: f.content_type, content: await storage.get(f.storage_key) }))),
      });
      sent.push({ id: messageId, attempts });
    } catch (err) {
      const e = err as SmtpFailure;
      const answer = e.response ?? e.message;
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      if (permanent || attempt.retryCount >= attempt.retryLimit) {
        await fail(messageId, row.ticket_id, attempts, answer);
        continue;
      }
      await db.updateTable('message_emails').set({ delivery_error: answer.slice(0, 1000), delivery_attempts: attempts }).where('message_id', '=', messageId).execute();
      failed.set(jobId, e); // the queue retries with backoff
    }
  }
  if (sent.length) {
    await sql`update message_emails e set delivery_status = 'sent', sent_at = now(), delivery_error = null, delivery_attempts = v.attempts
      from unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.attempts)}::int[]) as v(id, attempts)
      where e.message_id = v.id`.execute(db);
  }
  return failed;
}
