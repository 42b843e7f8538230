import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { Ticket } from '../db/types.ts';
import { findOrCreateByEmail } from '../customers/service.ts';
import { normalizeIdentity } from '../customers/identities.ts';
import { recordEvent } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import { openTicket } from '../tickets/service.ts';
import { now } from '../time/clock.ts';
import type { AttachmentStorage } from '../attachments/storage.ts';

/** New tickets one address may open through the form and the widget in an hour. */
export const perAddressPerHour = 5;

export type PublicSubmission = { name?: string; email: string; subject: string; body: string; channel?: 'web' | 'chat' };
export type PublicFile = { filename: string; contentType: string; data: Buffer };
export type Submitted = { reference: string; number: number; expectedReplyBy: Date | null };

/** The reply time told to the customer: the follow-through ETA, else the SLA target, else none. */
const replyBy = (t: Ticket): Date | null => t.expected_reply_by ?? t.next_due_at ?? null;

/** Serialises submissions from one address across processes, so the count that follows cannot be raced past. */
async function lockAddress(tx: Tx, email: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`public-ticket:${normalizeIdentity('email', email)}`}, 0))`.execute(tx);
}

/** Refuses a known customer's submission past the hourly limit of form and widget tickets. */
async function checkAddressLimit(tx: Tx, customerId: string): Promise<void> {
  const since = new Date(now().getTime() - 3_600_000);
  const row = await tx
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('requester_id', '=', customerId)
    .where('channel', 'in', ['web', 'chat'])
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= perAddressPerHour) {
    throw new HeedError('rate_limited', `email: this address has sent ${perAddressPerHour} requests in the last hour; please wait before sending another, or reply to an earlier one`);
  }
}

/**
 * Opens a ticket from the public form, API or widget: finds or creates the customer by email, checks the
 * per-address limit and stores the ticket, its first message and any files in one transaction. File bytes are
 * written to storage first (content-addressed, so a failed transaction leaves no row pointing nowhere).
 */
export async function submitPublicTicket(db: Db, storage: AttachmentStorage, input: PublicSubmission, files: PublicFile[] = []): Promise<Submitted> {
  const stored: (PublicFile & { key: string; sha256: string })[] = [];
  for (const f of files) stored.push({ ...f, ...(await storage.put(f.data)) });
  return db.transaction().execute(async (tx) => {
    await lockAddress(tx, input.email);
    // A refusal rolls the whole transaction back, a customer created just now included.
    const customer = await findOrCreateByEmail(tx, { kind: 'system' }, input.email, input.name || undefined);
    if (!customer.created) await checkAddressLimit(tx, customer.id);
    const actor = { kind: 'customer' as const, id: customer.id };
    const { ticket, messageId } = await openTicket(tx, actor, {
      subject: input.subject,
      body: input.body,
      requesterId: customer.id,
      channel: input.channel ?? 'web',
    });
    for (const f of stored) {
      const row = await tx
        .insertInto('attachments')
        .values({ ticket_id: ticket.id, message_id: messageId, filename: f.filename, content_type: f.contentType, size_bytes: f.data.length, sha256: f.sha256, storage_key: f.key })
        .returning(['id', 'filename', 'size_bytes'])
        .executeTakeFirstOrThrow();
      await recordEvent(tx, { action: 'attachment.added', entity: 'ticket', entityId: ticket.id, ticketId: ticket.id, actor, after: { attachmentId: row.id, filename: row.filename, sizeBytes: row.size_bytes } });
    }
    return { reference: `#${ticket.number}`, number: ticket.number, expectedReplyBy: replyBy(ticket) };
  });
}

/** A believable answer for a bot that filled the honeypot: the next number, nothing stored. */
export async function decoyReceipt(db: Db): Promise<Submitted> {
  const row = await db.selectFrom('tickets').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  const next = Number(row?.n ?? 1000) + 1;
  return { reference: `#${next}`, number: next, expectedReplyBy: null };
}

/** The workspace's time zone, for telling a customer when to expect a reply. */
export async function workspaceZone(db: Db): Promise<{ timezone: string; name: string }> {
  const w = await db.selectFrom('workspace').select(['timezone', 'name']).executeTakeFirstOrThrow();
  return w;
}
