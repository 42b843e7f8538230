import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AttachmentStorage } from '../attachments/storage.ts';
import { dbNow, type Db, type Tx } from '../db/database.ts';
import type { InboundOutcome } from '../db/types.ts';
import { createByEmail } from '../customers/service.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { addCustomerMessageInTx } from '../tickets/messages.ts';
import { openTicket } from '../tickets/service.ts';
import { classify, type Bounce } from './classify.ts';
import { gatherFacts } from './facts.ts';
import { parseEmail, type ParsedEmail } from './parse.ts';
import { routeInbound } from './route.ts';

export type InboundInput = {
  raw: Buffer;
  via: 'smtp' | 'imap' | 'api' | 'import';
  envelopeFrom?: string | null;
  envelopeTo?: string[];
};

export type InboundResult = { id: string; outcome: InboundOutcome; ticketId: string | null; reason: string | null };

/**
 * Stores one inbound email and files it: a message on a ticket (new or existing), the auto-reply log, the
 * bounce log, a duplicate of a message already stored, or the dead-letter list. The raw bytes are always kept.
 * Resolves only after the transaction has committed, so an SMTP 250 can follow it.
 */
export async function recordInboundEmail(db: Db, storage: AttachmentStorage, input: InboundInput): Promise<InboundResult> {
  let parsed: ParsedEmail;
  try {
    parsed = await parseEmail(input.raw);
  } catch (err) {
    return deadLetter(db, input, `unparseable: ${(err as Error).message}`.slice(0, 500));
  }
  // A message without a Message-ID gets one made from its bytes, so a second delivery of the same bytes (an IMAP
  // mailbox read again after its UIDVALIDITY changed, a crash between storing and moving the IMAP position) is
  // recognised as the duplicate it is, like any other.
  const mail: Identified = { ...parsed, messageId: parsed.messageId ?? generatedMessageId(input.raw) };
  try {
    return await db.transaction().execute((tx) => file(tx, storage, input, mail));
  } catch (err) {
    // Keep the message whatever went wrong while filing it; a dead letter can be retried by an admin.
    return deadLetter(db, input, `could not be filed: ${(err as Error).message}`.slice(0, 500), mail);
  }
}

/** A parsed email with the Message-ID it was sent with or, lacking one, the one made from its bytes. */
type Identified = ParsedEmail & { messageId: string };

async function file(tx: Tx, storage: AttachmentStorage, input: InboundInput, mail: Identified): Promise<InboundResult> {
  // Two deliveries of the same message are filed one after the other, so the second sees the first.
  await sql`select pg_advisory_xact_lock(hashtext(${mail.messageId}))`.execute(tx);
  const kind = classify(mail, input.envelopeFrom);
  const facts = await gatherFacts(tx, mail, input.envelopeTo ?? []);
  const decision = routeInbound(mail, kind, facts);
  const row = (outcome: InboundOutcome, extra: { ticketId?: string | null; messageId?: string | null; reason?: string | null }) =>
    insertInbound(tx, input, mail, { outcome, mailboxId: facts.mailbox?.id ?? null, ...extra });

  switch (decision.kind) {
    case 'duplicate':
      return row('duplicate', { ticketId: decision.ticketId, reason: 'same Message-ID, sender and content as a message already stored' });
    case 'dead_letter':
      return row('dead_letter', { reason: decision.reason });
    case 'bounce': {
      const ticketId = await recordBounce(tx, kind as Bounce, decision.ticketId);
      return row('bounce', { ticketId, reason: (kind as Bounce).reason });
    }
    case 'auto_reply': {
      const messageId = decision.ticketId ? await recordAutoReply(tx, mail, decision.ticketId) : null;
      return row('auto_reply', { ticketId: decision.ticketId, messageId, reason: 'reason' in kind ? kind.reason : null });
    }
    case 'reply':
    case 'new_ticket': {
      const sender = mail.from!;
      const customer = facts.senderCustomerId
        ? { id: facts.senderCustomerId }
        : await createByEmail(tx, { kind: 'system' }, sender.address, sender.name ?? undefined); // facts found none
      const actor: Actor = { kind: 'customer', id: customer.id };
      const mailboxId = facts.mailbox?.id ?? null;
      if (decision.kind === 'reply') {
        const r = await addCustomerMessageInTx(tx, actor, {
          ticketId: decision.ticketId,
          authorCustomerId: customer.id,
          body: mail.text,
          bodyHtml: mail.html ?? undefined,
          channel: 'email',
        });
        await storeAttachments(tx, storage, r.ticket.id, r.message.id, mail);
        const ids = { ticketId: r.ticket.id, messageId: r.message.id };
        const { rows } = await sql<{ id: string }>`with ${ticketedWrites(input, mail, facts.ownAddresses, mailboxId, ids)} select id from inbound`.execute(tx);
        return { id: rows[0]!.id, outcome: 'ticketed', ticketId: ids.ticketId, reason: null };
      }
      // The email's headers, participants and inbound record go in the ticket's own statement.
      const ids = { ticketId: randomUUID(), messageId: randomUUID() };
      const opened = await openTicket(
        tx,
        actor,
        {
          subject: mail.subject || '(no subject)',
          body: mail.text,
          bodyHtml: mail.html ?? undefined,
          requesterId: customer.id,
          channel: 'email',
          teamId: decision.teamId,
          mailboxId: decision.mailboxId,
          prepared: facts.newTicket,
        },
        { ...ids, ctes: ticketedWrites(input, mail, facts.ownAddresses, mailboxId, ids), value: sql`(select id from inbound)` },
      );
      await storeAttachments(tx, storage, ids.ticketId, ids.messageId, mail);
      return { id: opened.along as string, outcome: 'ticketed', ticketId: ids.ticketId, reason: null };
    }
  }
}

/** Copied addresses (not ours) take part in the ticket: their replies are accepted by [#number] too. */
function participants(mail: ParsedEmail, own: Set<string>): string[] {
  const others = [...mail.cc, ...mail.to].map((a) => a.address).filter((a) => !own.has(a) && !own.has(a.replace(/\+[^@]*@/, '@')));
  return [...new Set(others)].slice(0, 50);
}

async function storeAttachments(tx: Tx, storage: AttachmentStorage, ticketId: string, messageId: string, mail: ParsedEmail) {
  for (const a of mail.attachments.slice(0, 100)) {
    if (a.contentType.startsWith('message/delivery-status')) continue;
    const { key, sha256 } = await storage.put(a.content);
    await tx
      .insertInto('attachments')
      .values({ ticket_id: ticketId, message_id: messageId, filename: a.filename, content_type: a.contentType.slice(0, 200), size_bytes: a.content.length, sha256, storage_key: key })
      .execute();
  }
}

/** An automatic reply is kept on its ticket for the record; it changes no status and is never answered. */
async function recordAutoReply(tx: Tx, mail: ParsedEmail, ticketId: string): Promise<string> {
  const sender = mail.from?.address;
  const customer = sender
    ? await tx.selectFrom('customer_identities').select('customer_id').where('kind', '=', 'email').where('value', '=', sender).executeTakeFirst()
    : undefined;
  const m = await tx
    .insertInto('messages')
    .values({
      ticket_id: ticketId,
      kind: 'reply',
      direction: 'inbound',
      channel: 'email',
      author_customer_id: customer?.customer_id ?? null,
      body_text: mail.text,
      body_html: mail.html,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(tx, { action: 'message.auto_reply_recorded', entity: 'message', entityId: m.id, ticketId, actor: { kind: 'system' }, after: { from: sender ?? null, subject: mail.subject } });
  return m.id;
}

/** Marks the outbound message that bounced as failed and flags the address; returns its ticket. */
async function recordBounce(tx: Tx, bounce: Bounce, knownTicket: string | null): Promise<string | null> {
  const outbound = bounce.originalMessageIds.length
    ? await tx
        .selectFrom('message_emails')
        .select(['message_id', 'ticket_id'])
        .where('direction', '=', 'outbound')
        .where('message_id_header', 'in', bounce.originalMessageIds)
        .executeTakeFirst()
    : undefined;
  const ticketId = outbound?.ticket_id ?? knownTicket;
  if (bounce.action === 'delayed') return ticketId;
  if (outbound) {
    await tx
      .updateTable('message_emails')
      .set({ delivery_status: 'failed', delivery_error: (bounce.diagnostic ?? bounce.reason).slice(0, 1000) })
      .where('message_id', '=', outbound.message_id)
      .execute();
  }
  if (bounce.failedRecipients.length) {
    await tx
      .updateTable('customer_identities')
      .set({ bounced_at: dbNow(), bounce_reason: (bounce.diagnostic ?? bounce.reason).slice(0, 500) })
      .where('kind', '=', 'email')
      .where('value', 'in', bounce.failedRecipients)
      .execute();
  }
  if (ticketId) {
    await recordEvent(tx, {
      action: bounce.action === 'complaint' ? 'email.complaint' : 'email.bounced',
      entity: 'ticket',
      entityId: ticketId,
      ticketId,
      actor: { kind: 'system' },
      after: { recipients: bounce.failedRecipients, diagnostic: bounce.diagnostic, messageId: outbound?.message_id ?? null },
    });
  }
  return ticketId;
}

type Filed = { outcome: InboundOutcome; mailboxId?: string | null; ticketId?: string | null; messageId?: string | null; reason?: string | null };

/** The inbound record of a message: its raw bytes, where it came from and where it was filed. */
async function insertInbound(tx: Db | Tx, input: InboundInput, mail: ParsedEmail | undefined, r: Filed): Promise<InboundResult> {
  const { rows } = await inboundInsert(input, mail, r).execute(tx);
  return { id: rows[0]!.id, outcome: r.outcome, ticketId: r.ticketId ?? null, reason: r.reason ?? null };
}

function inboundInsert(input: InboundInput, mail: ParsedEmail | undefined, r: Filed) {
  return sql<{ id: string }>`
    insert into inbound_emails (received_via, mailbox_id, envelope_from, envelope_to, message_id, from_address, subject,
      body_hash, size_bytes, raw, outcome, reason, ticket_id, message_id_ref)
    values (${input.via}, ${r.mailboxId ?? null}::uuid, ${input.envelopeFrom ?? null}, ${(input.envelopeTo ?? []).slice(0, 100)}::text[],
      ${mail?.messageId ?? null}, ${mail?.from?.address ?? null}, ${mail?.subject ?? null},
      ${mail?.bodyHash ?? createHash('sha256').update(input.raw).digest('hex')}, ${input.raw.length}, ${input.raw},
      ${r.outcome}, ${r.reason ?? null}, ${r.ticketId ?? null}::uuid, ${r.messageId ?? null}::uuid)
    returning id`;
}

/**
 * The writes of a message filed on a ticket, as clauses of one statement: its email headers, the copied addresses
 * that take part in the ticket, and its inbound record (the clause named `inbound`, returning its id).
 */
function ticketedWrites(input: InboundInput, mail: Identified, own: Set<string>, mailboxId: string | null, ids: { ticketId: string; messageId: string }) {
  return sql`email as (
      insert into message_emails (message_id, ticket_id, direction, message_id_header, in_reply_to, reference_ids, from_address,
        to_addresses, cc_addresses, body_hash, new_text)
      values (${ids.messageId}::uuid, ${ids.ticketId}::uuid, 'inbound', ${mail.messageId}, ${mail.inReplyTo[0] ?? null},
        ${mail.references.slice(-50)}::text[], ${mail.from!.address}, ${mail.to.map((a) => a.address).slice(0, 100)}::text[],
        ${mail.cc.map((a) => a.address).slice(0, 100)}::text[], ${mail.bodyHash}, ${mail.newText})
    ),
    participants as (
      insert into ticket_participants (ticket_id, address)
      select ${ids.ticketId}::uuid, unnest(${participants(mail, own)}::text[]) on conflict do nothing
    ),
    inbound as (${inboundInsert(input, mail, { outcome: 'ticketed', mailboxId, ...ids })})`;
}

/** The Message-ID Heed gives a message that has none: the same bytes always get the same one. */
export function generatedMessageId(raw: Buffer): string {
  return `heed-generated-${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@heed.invalid`;
}

function deadLetter(db: Db, input: InboundInput, reason: string, mail?: ParsedEmail) {
  return insertInbound(db, input, mail, { outcome: 'dead_letter', reason });
}
