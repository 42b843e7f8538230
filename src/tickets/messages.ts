import { randomUUID } from 'node:crypto';
import { dbNow, type Db, type Tx } from '../db/database.ts';
import { messageColumns, ticketColumns, type Channel, type Message, type Ticket, type TicketStatus } from '../db/types.ts';
import { eventRow, type Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import { htmlToText, sanitizeMessageHtml } from './html.ts';
import { reviewSentReply } from '../commitments/from-reply.ts';
import { lockTicket, openTicket, statusStamps } from './service.ts';
import { transition, type StatusCause } from './status.ts';
import { syncClocks } from '../sla/clocks.ts';
import { now } from '../time/clock.ts';
import { actorIdOf, notification } from '../realtime/events.ts';

export type AgentMessageInput = {
  ticketId: string;
  agentId: string;
  kind: 'reply' | 'note';
  body: string;
  bodyHtml?: string;
  status?: TicketStatus;
  channel?: Channel;
  /** Files already uploaded to the ticket, not yet on a message, that this message carries (its email too). */
  attachmentIds?: string[];
  /** Runs in the message's transaction once it is stored (e.g. to queue the email that carries it). */
  afterStore?: (tx: Tx, result: MessageResult) => Promise<void>;
};

export type CustomerMessageInput = {
  ticketId: string;
  /** The customer who wrote (a participant copied on the ticket); the requester when not given. */
  authorCustomerId?: string;
  body: string;
  bodyHtml?: string;
  channel: Channel;
};

export type MessageResult = { message: Message; ticket: Ticket; followUp: boolean };

async function insertMessage(
  tx: Tx,
  actor: Actor,
  ticket: Ticket,
  values: Omit<Message, 'id' | 'search' | 'created_at' | 'ticket_id' | 'coach'> & { coach?: string | null },
  cause: StatusCause,
): Promise<MessageResult> {
  const decision = transition(ticket.status, cause);
  if (decision.outcome === 'follow_up') throw new Error('follow-ups are handled by the caller');
  const statusValues = decision.outcome === 'changed' ? { status: decision.status, ...statusStamps(decision.status) } : {};
  const at = now();
  const id = randomUUID();
  const event = eventRow({
    action: values.kind === 'note' ? 'message.note_added' : 'message.added',
    entity: 'message',
    entityId: id,
    ticketId: ticket.id,
    actor,
    before: decision.outcome === 'changed' ? { status: decision.from } : undefined,
    after: { kind: values.kind, direction: values.direction, ...(decision.outcome === 'changed' ? { status: decision.status } : {}) },
  });
  const live = notification({ type: 'message.added', ticketId: ticket.id, messageId: id, kind: values.kind, direction: values.direction, actorId: actorIdOf(actor) });
  // The message, the ticket's new state, the audit event and the live announcement: one statement.
  const { notified: _, ...updated } = await tx
    .with('m', (db) => db.insertInto('messages').values({ ...values, id, ticket_id: ticket.id }))
    .with('e', (db) => db.insertInto('events').values(event))
    .updateTable('tickets')
    .set({ updated_at: dbNow(), ...statusValues, ...publicTurn(ticket, values, at) })
    .where('id', '=', ticket.id)
    .returning([...ticketColumns, live.as('notified')])
    .executeTakeFirstOrThrow();
  // The message as stored: created_at is now(), the transaction's time, like the ticket's updated_at.
  const message: Message = {
    id,
    ticket_id: ticket.id,
    kind: values.kind,
    direction: values.direction,
    channel: values.channel,
    author_agent_id: values.author_agent_id,
    author_customer_id: values.author_customer_id,
    body_text: values.body_text,
    body_html: values.body_html,
    coach: values.coach ? JSON.parse(values.coach) : null,
    created_at: updated.updated_at,
  };
  updated.next_due_at = (await syncClocks(tx, ticket.id, at)).nextDue;
  return { message, ticket: updated, followUp: false };
}

/** Puts uploaded files on the message, in its transaction: each must be on this ticket and on no message yet. */
async function claimAttachments(tx: Tx, ticketId: string, messageId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const claimed = await tx
    .updateTable('attachments')
    .set({ message_id: messageId })
    .where('id', 'in', unique)
    .where('ticket_id', '=', ticketId)
    .where('message_id', 'is', null)
    .returning('id')
    .execute();
  if (claimed.length !== unique.length) {
    const missing = unique.filter((id) => !claimed.some((c) => c.id === id));
    throw new HeedError('reference_not_found', `attachmentIds: ${missing.join(', ')} is not a file of this ticket waiting for a message`);
  }
}

/**
 * Who spoke last in public: a customer's message starts (or continues) their wait on us; an agent's public reply
 * ends it and, the first time, counts as the first response. Internal notes change neither.
 */
function publicTurn(ticket: Ticket, values: { kind: 'reply' | 'note'; direction: 'inbound' | 'outbound' }, at: Date) {
  if (values.kind !== 'reply') return {};
  if (values.direction === 'inbound') return { last_public_from: 'customer' as const, waiting_since: ticket.waiting_since ?? at };
  return { last_public_from: 'agent' as const, waiting_since: null, first_replied_at: ticket.first_replied_at ?? at };
}

/** An agent's public reply or internal note; a reply may also set the status (e.g. pending, solved). */
export async function addAgentMessage(db: Db, input: AgentMessageInput): Promise<MessageResult> {
  return db.transaction().execute(async (tx) => {
    const ticket = await lockTicket(tx, input.ticketId);
    if (ticket.status === 'closed') {
      throw new HeedError('ticket_closed', 'the ticket is closed: a new customer message starts a follow-up ticket');
    }
    const actor: Actor = { kind: 'agent', id: input.agentId };
    const result = await insertMessage(
      tx,
      actor,
      ticket,
      {
        kind: input.kind,
        direction: 'outbound',
        channel: input.channel ?? (input.kind === 'note' ? 'web' : ticket.channel),
        author_agent_id: input.agentId,
        author_customer_id: null,
        body_text: input.body,
        body_html: input.bodyHtml ? sanitizeMessageHtml(input.bodyHtml) : null,
      },
      input.kind === 'note' ? { kind: 'agent_note', to: input.status } : { kind: 'agent_reply', to: input.status },
    );
    if (input.attachmentIds?.length) await claimAttachments(tx, ticket.id, result.message.id, input.attachmentIds);
    if (input.kind === 'reply') {
      const text = input.body.trim() ? input.body : htmlToText(input.bodyHtml ?? '');
      result.message.coach = await reviewSentReply(tx, actor, ticket.id, result.message.id, text, now());
    }
    await input.afterStore?.(tx, result);
    return result;
  });
}

/**
 * A message from the ticket's requester. It reopens a pending, on-hold or solved ticket; on a closed ticket it
 * starts a linked follow-up ticket, kept with the previous owner while that agent is active.
 */
export async function addCustomerMessage(db: Db, actor: Actor, input: CustomerMessageInput): Promise<MessageResult> {
  return db.transaction().execute((tx) => addCustomerMessageInTx(tx, actor, input));
}

export async function addCustomerMessageInTx(tx: Tx, actor: Actor, input: CustomerMessageInput): Promise<MessageResult> {
  const ticket = await lockTicket(tx, input.ticketId);
  const decision = transition(ticket.status, { kind: 'customer_message' });
  if (decision.outcome === 'follow_up') {
    const previousOwner = await tx
      .selectFrom('agents')
      .select('id')
      .where('id', '=', ticket.owner_id)
      .where('active', '=', true)
      .executeTakeFirst();
    const { ticket: followUp, messageId } = await openTicket(tx, actor, {
      subject: ticket.subject,
      body: input.body,
      bodyHtml: input.bodyHtml,
      requesterId: ticket.requester_id,
      channel: input.channel,
      priority: ticket.priority,
      tags: ticket.tags,
      teamId: ticket.team_id,
      followUpOfId: ticket.id,
      ownerId: previousOwner?.id,
      mailboxId: ticket.mailbox_id,
    });
    const message = await tx.selectFrom('messages').select(messageColumns).where('id', '=', messageId).executeTakeFirstOrThrow();
    return { message, ticket: followUp, followUp: true };
  }
  return insertMessage(
    tx,
    actor,
    ticket,
    {
      kind: 'reply',
      direction: 'inbound',
      channel: input.channel,
      author_agent_id: null,
      author_customer_id: input.authorCustomerId ?? ticket.requester_id,
      body_text: input.body,
      body_html: input.bodyHtml ? sanitizeMessageHtml(input.bodyHtml) : null,
    },
    { kind: 'customer_message' },
  );
}
