/**
 * The widget's conversations: a customer starts a chat ticket and gets a conversation token; whoever holds the
 * token may read that ticket's public thread and continue it, nothing else.
 */
import { fileProblem, storedType } from '../public/uploads.ts';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AttachmentStorage } from '../attachments/storage.ts';
import { findOrCreateByEmail } from '../customers/service.ts';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { addCustomerMessageInTx } from '../tickets/messages.ts';
import { openTicket } from '../tickets/service.ts';
import { now } from '../time/clock.ts';

/** How long a widget keeps its hold on a conversation. */
export const TOKEN_TTL_MS = 30 * 24 * 3600_000;
/** At most this many new conversations per address in ABUSE_WINDOW_MS (the per-IP limit is the route's). */
export const MAX_NEW_PER_ADDRESS = 5;
export const ABUSE_WINDOW_MS = 10 * 60_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export type Conversation = { ticketId: string; customerId: string; tokenHash: string };

/** Opens a chat ticket for the customer (found or created by email) and issues its conversation token. */
export async function startConversation(
  db: Db,
  input: { name: string; email: string; subject?: string; body: string },
): Promise<{ ticket: { id: string; number: number; expected_reply_by: Date | null }; token: string }> {
  return db.transaction().execute(async (tx) => {
    const customer = await findOrCreateByEmail(tx, { kind: 'system' }, input.email, input.name);
    if (!customer.created) await refuseFlood(tx, customer.id);
    const actor: Actor = { kind: 'customer', id: customer.id };
    const { ticket } = await openTicket(tx, actor, {
      subject: input.subject ?? subjectFrom(input.body),
      body: input.body,
      requesterId: customer.id,
      channel: 'chat',
    });
    const token = `heed_c_${randomBytes(32).toString('base64url')}`;
    await tx
      .insertInto('conversation_tokens')
      .values({ token_hash: digest(token), ticket_id: ticket.id, customer_id: customer.id, expires_at: new Date(now().getTime() + TOKEN_TTL_MS), last_seen_at: now() })
      .execute();
    return { ticket, token };
  });
}

/** A subject for a chat that has none: the start of its first line. */
export function subjectFrom(body: string): string {
  const line = body.trim().split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77).trimEnd()}…` : line || 'Chat conversation';
}

async function refuseFlood(tx: Tx, customerId: string): Promise<void> {
  const { count } = await tx
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('requester_id', '=', customerId)
    .where('channel', '=', 'chat')
    .where('created_at', '>', new Date(now().getTime() - ABUSE_WINDOW_MS))
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_NEW_PER_ADDRESS) throw new HeedError('rate_limited', 'email: too many new conversations from this address; please wait a few minutes');
}

/** The conversation a token holds, or a 401 when it is unknown or expired. Touches last_seen_at when asked. */
export async function resolveConversation(db: Queryable, token: string | undefined, opts: { touch?: boolean } = {}): Promise<Conversation> {
  if (!token || token.length < 20 || token.length > 200 || !/^[\w-]+$/.test(token)) {
    throw new HeedError('unauthenticated', 'send the conversation token as "Authorization: Bearer <token>"');
  }
  const hash = digest(token);
  const at = now();
  const row = opts.touch
    ? await db.updateTable('conversation_tokens').set({ last_seen_at: at }).where('token_hash', '=', hash).where('expires_at', '>', at).returning(['ticket_id', 'customer_id']).executeTakeFirst()
    : await db.selectFrom('conversation_tokens').select(['ticket_id', 'customer_id']).where('token_hash', '=', hash).where('expires_at', '>', at).executeTakeFirst();
  if (!row) throw new HeedError('unauthenticated', 'the conversation token is unknown or expired');
  return { ticketId: row.ticket_id, customerId: row.customer_id, tokenHash: hash };
}

/** Reads the public side of the conversation: its reference, status, ETA and public replies (never notes). */
export async function conversationView(db: Queryable, c: Conversation) {
  const t = await db.selectFrom('tickets').select(['id', 'number', 'status', 'expected_reply_by']).where('id', '=', c.ticketId).executeTakeFirst();
  if (!t) throw notFound('conversation');
  const messages = await db
    .selectFrom('messages as m')
    .leftJoin('agents as a', 'a.id', 'm.author_agent_id')
    .select(['m.id', 'm.direction', 'm.body_text', 'm.created_at', 'a.name as agentName'])
    .where('m.ticket_id', '=', c.ticketId)
    .where('m.kind', '=', 'reply')
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(200)
    .execute();
  messages.reverse();
  const files = messages.length
    ? await db
        .selectFrom('attachments')
        .select(['id', 'message_id', 'filename', 'size_bytes'])
        .where('message_id', 'in', messages.map((m) => m.id))
        .orderBy('created_at')
        .execute()
    : [];
  return {
    reference: `#${t.number}`,
    number: t.number,
    status: t.status,
    expectedReplyBy: t.expected_reply_by,
    messages: messages.map((m) => ({
      id: m.id,
      from: m.direction === 'inbound' ? ('customer' as const) : ('agent' as const),
      authorName: m.direction === 'outbound' && m.agentName ? m.agentName.trim().split(/\s+/)[0]! : null,
      body: m.body_text,
      createdAt: m.created_at,
      attachments: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, filename: f.filename, size: f.size_bytes })),
    })),
  };
}

/**
 * The customer's next message. A closed ticket starts a follow-up ticket (the status machine decides); the
 * token then follows the conversation to it. Runs `withMessage` in the same transaction.
 */
export async function continueConversation(
  db: Db,
  c: Conversation,
  body: string,
  withMessage?: (tx: Tx, ticketId: string, messageId: string) => Promise<void>,
): Promise<{ messageId: string; ticketId: string }> {
  return db.transaction().execute(async (tx) => {
    const r = await addCustomerMessageInTx(tx, { kind: 'customer', id: c.customerId }, { ticketId: c.ticketId, body, channel: 'chat' });
    if (r.followUp) await tx.updateTable('conversation_tokens').set({ ticket_id: r.ticket.id }).where('token_hash', '=', c.tokenHash).execute();
    await withMessage?.(tx, r.ticket.id, r.message.id);
    return { messageId: r.message.id, ticketId: r.ticket.id };
  });
}

/** A file from the customer: stored first, then a new customer message carrying it, in one transaction. */
export async function attachToConversation(
  db: Db,
  storage: AttachmentStorage,
  c: Conversation,
  file: { filename: string; contentType: string; data: Buffer },
) {
  // The same allow-list as the contact form: images, PDF, text, office documents, zip; never executables or HTML.
  const problem = fileProblem({ filename: file.filename, contentType: file.contentType, size: file.data.length }, Number.MAX_SAFE_INTEGER);
  if (problem) throw new HeedError('validation_failed', `filename: ${problem}`, [{ field: 'filename', message: problem }]);
  file = { ...file, contentType: storedType(file.filename, file.contentType) };
  const { key, sha256 } = await storage.put(file.data);
  let attachment: { id: string; filename: string; size_bytes: number } | undefined;
  const r = await continueConversation(db, c, `Sent a file: ${file.filename}`, async (tx, ticketId, messageId) => {
    attachment = await tx
      .insertInto('attachments')
      .values({ ticket_id: ticketId, message_id: messageId, filename: file.filename, content_type: file.contentType, size_bytes: file.data.length, sha256, storage_key: key })
      .returning(['id', 'filename', 'size_bytes'])
      .executeTakeFirstOrThrow();
    await recordEvent(tx, {
      action: 'attachment.added',
      entity: 'ticket',
      entityId: ticketId,
      ticketId,
      actor: { kind: 'customer', id: c.customerId },
      after: { attachmentId: attachment.id, filename: attachment.filename, sizeBytes: attachment.size_bytes },
    });
  });
  return { messageId: r.messageId, attachment: { id: attachment!.id, filename: attachment!.filename, size: attachment!.size_bytes } };
}

/** One of the conversation's public files (on a public reply of its ticket); 404 for anything else. */
export async function conversationFile(db: Queryable, c: Conversation, attachmentId: string) {
  const row = await db
    .selectFrom('attachments as f')
    .innerJoin('messages as m', 'm.id', 'f.message_id')
    .select(['f.filename', 'f.content_type', 'f.storage_key'])
    .where('f.id', '=', attachmentId)
    .where('f.ticket_id', '=', c.ticketId)
    .where('m.kind', '=', 'reply')
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}

/**
 * Where a chat customer is: 'present' when a widget holding this ticket's conversation was seen within
 * `withinMs`, 'away' when it was not, 'none' when the ticket has no widget conversation at all.
 */
export async function widgetPresence(db: Queryable, ticketId: string, withinMs: number): Promise<'present' | 'away' | 'none'> {
  const row = await db
    .selectFrom('conversation_tokens')
    .select(sql<Date | null>`max(last_seen_at)`.as('seen'))
    .select(sql<string>`count(*)`.as('n'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row || Number(row.n) === 0) return 'none';
  return row.seen && new Date(row.seen).getTime() > now().getTime() - withinMs ? 'present' : 'away';
}
