import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { dbNow, type Db, type Queryable, type Tx } from '../db/database.ts';
import { ticketColumns, type Channel, type Ticket } from '../db/types.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { findOrCreateByEmail } from '../customers/service.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { htmlToText, sanitizeMessageHtml } from './html.ts';
import { chooseOwner, prepareNewTicket, type NewTicketFacts, type RoutingDecision } from './routing.ts';
import type { CreateTicketInput, UpdateTicketInput } from './schemas.ts';
import { transition } from './status.ts';
import { planClocks, syncClocks } from '../sla/clocks.ts';
import { expectedReplyBy } from '../sla/eta.ts';
import { loadSettings } from '../sla/policies.ts';
import { now } from '../time/clock.ts';
import { actorIdOf, notificationWith, publish } from '../realtime/events.ts';

export type NewTicket = {
  subject: string;
  body: string;
  bodyHtml?: string;
  requesterId: string;
  channel: Channel;
  priority?: Ticket['priority'];
  tags?: string[];
  customFields?: Record<string, unknown>;
  teamId?: string | null;
  followUpOfId?: string | null;
  /** Skip routing and give the ticket to this agent (a follow-up stays with the agent who knows it). */
  ownerId?: string;
  /** The support mailbox an email ticket came in through. */
  mailboxId?: string | null;
  /** Routing candidates and requester facts the caller has already read (prepareNewTicket's read, made elsewhere). */
  prepared?: NewTicketFacts;
};

/**
 * Writes the caller adds to the ticket's statement, saving a round trip: `ctes` are extra `name as (…)` clauses (they
 * may use the ticket's and message's ids, which the caller chose), `value` one expression over them that the
 * statement returns.
 */
export type AlongWithTicket = { ticketId: string; messageId: string; ctes: RawBuilder<unknown>; value: RawBuilder<unknown> };

/**
 * Opens a ticket with its first (customer) message, routed to one accountable owner, in the caller's
 * transaction. The ticket, its message, its SLA clocks, its event and its live announcement are written by one
 * statement, after one read of its facts and one of the queue ahead: ticket creation is the busiest write of a
 * help desk (every email, form and chat), and each round trip to the database counts.
 */
export async function openTicket(
  tx: Tx,
  actor: Actor,
  input: NewTicket,
  along?: AlongWithTicket,
): Promise<{ ticket: Ticket; messageId: string; along?: unknown }> {
  const [facts, settings] = await Promise.all([input.prepared ?? prepareNewTicket(tx, input.teamId, input.requesterId), loadSettings(tx)]);
  const routing: RoutingDecision = input.ownerId
    ? { ownerId: input.ownerId, teamId: input.teamId ?? null, reason: 'default_owner' }
    : chooseOwner(facts.candidates);
  const ticketId = along?.ticketId ?? randomUUID();
  const messageId = along?.messageId ?? randomUUID();
  const html = input.bodyHtml ? sanitizeMessageHtml(input.bodyHtml) : null;
  const at = now();
  const priority = input.priority ?? 'normal';
  const tags = input.tags ?? [];
  // The clocks and the expected reply time are worked out before the ticket is written, so that they are written
  // with it: the ticket's only other statement is the queue-ahead count the estimate needs.
  const clocks = planClocks(
    {
      id: ticketId, status: 'open', priority, team_id: routing.teamId, channel: input.channel, tags, created_at: at,
      last_public_from: 'customer', waiting_since: at, first_replied_at: null,
      organization_id: facts.requester?.organization_id ?? null,
      customer_expectations: facts.requester?.customer_expectations ?? null,
      organization_expectations: facts.requester?.organization_expectations ?? null,
    },
    new Map(),
    settings,
    at,
  );
  const expected = await expectedReplyBy(tx, { id: ticketId, team_id: routing.teamId }, at, clocks);
  // The number is drawn by the insert (the column's default); the announcement takes it from there.
  const created = { type: 'ticket.created' as const, ticketId, number: 0, ownerId: routing.ownerId, teamId: routing.teamId, actorId: actorIdOf(actor) };
  const announce = notificationWith(created, 'number', sql`t.number`);
  const { rows } = await sql<Ticket>`
    with t as (
      insert into tickets (id, subject, channel, priority, tags, custom_fields, requester_id, team_id, owner_id,
        follow_up_of_id, mailbox_id, created_at, updated_at, last_public_from, waiting_since, ack_pending, next_due_at,
        expected_reply_by, first_expected_reply_by)
      values (${ticketId}, ${input.subject}, ${input.channel}, ${priority}, ${tags}::text[],
        ${JSON.stringify(input.customFields ?? {})}::jsonb, ${input.requesterId}, ${routing.teamId}, ${routing.ownerId},
        ${input.followUpOfId ?? null}, ${input.mailboxId ?? null}, ${at}, ${at}, 'customer', ${at},
        ${input.channel === 'email' || input.channel === 'web'}, ${clocks.nextDue}, ${expected}, ${expected})
      returning ${sql.raw(ticketColumns.join(', '))}
    ),
    m as (
      insert into messages (id, ticket_id, kind, direction, channel, author_customer_id, body_text, body_html, created_at)
      values (${messageId}, ${ticketId}, 'reply', 'inbound', ${input.channel}, ${input.requesterId}, ${input.body}, ${html}, ${at})
    ),
    c as (
      insert into sla_clocks select * from jsonb_populate_recordset(null::sla_clocks, ${JSON.stringify(clocks.changed)}::jsonb)
    ),
    e as (
      insert into events (action, entity, entity_id, ticket_id, actor_kind, actor_id, after)
      select 'ticket.created', 'ticket', t.id, t.id, ${actor.kind}, ${actor.kind === 'system' ? null : actor.id}::uuid,
        jsonb_build_object('number', t.number, 'subject', t.subject, 'status', t.status, 'priority', t.priority,
          'ownerId', t.owner_id, 'teamId', t.team_id, 'routing', ${routing.reason}::text, 'messageId', ${messageId}::text,
          'followUpOfId', t.follow_up_of_id)
      from t
    )${along ? sql`, ${along.ctes}` : sql``}
    select t.*, ${announce} as notified${along ? sql`, ${along.value} as along` : sql``} from t`.execute(tx);
  const { notified: _, along: value, ...ticket } = rows[0]! as Ticket & { notified?: unknown; along?: unknown };
  return { ticket, messageId, along: value };
}

/** The API's ticket creation: matches or creates the requester, then opens the ticket. */
export async function createTicket(db: Db, actor: Actor, input: CreateTicketInput): Promise<Ticket> {
  return db.transaction().execute(async (tx) => {
    let requesterId: string;
    if (input.requester.id) {
      const c = await tx.selectFrom('customers').select('id').where('id', '=', input.requester.id).executeTakeFirst();
      if (!c) throw new HeedError('reference_not_found', 'requester.id: no such customer');
      requesterId = c.id;
    } else {
      requesterId = (await findOrCreateByEmail(tx, actor, input.requester.email!, input.requester.name)).id;
    }
    const body = input.body;
    const { ticket } = await openTicket(tx, actor, {
      subject: input.subject,
      body: body.trim() ? body : htmlToText(input.bodyHtml ?? ''),
      bodyHtml: input.bodyHtml,
      requesterId,
      channel: input.channel,
      priority: input.priority,
      tags: input.tags,
      customFields: input.customFields,
      teamId: input.teamId,
    });
    return ticket;
  });
}

export async function getTicket(db: Queryable, id: string): Promise<Ticket> {
  const t = await db.selectFrom('tickets').select(ticketColumns).where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('ticket');
  return t;
}

/** A ticket locked for the rest of the transaction, so concurrent changes to it happen one after another. */
export async function lockTicket(tx: Tx, id: string): Promise<Ticket> {
  const t = await tx.selectFrom('tickets').select(ticketColumns).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!t) throw notFound('ticket');
  return t;
}

/** Timestamps that follow a status: solved_at and closed_at. Closing keeps the time the ticket was solved. */
export function statusStamps(status: Ticket['status']) {
  if (status === 'solved') return { solved_at: dbNow(), closed_at: null };
  if (status === 'closed') return { solved_at: sql<Date>`coalesce(solved_at, now())`, closed_at: dbNow() };
  return { solved_at: null, closed_at: null };
}

/** Closing a ticket withdraws a handoff still waiting for an answer: nobody can take over a closed ticket. */
export async function cancelPendingHandoffOnClose(tx: Tx, actor: Actor, ticketId: string): Promise<void> {
  const h = await tx
    .updateTable('handoffs')
    .set({ status: 'cancelled', resolved_at: dbNow(), resolved_by_id: actor.kind === 'agent' ? actor.id : null })
    .where('ticket_id', '=', ticketId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  if (h) {
    await recordEvent(tx, { action: 'handoff.cancelled', entity: 'handoff', entityId: h.id, ticketId, actor, after: { reason: 'ticket closed' } });
  }
}

/** Edits subject, status, priority, tags and custom fields; ownership moves only by handoff. */
export async function updateTicket(db: Db, actor: Actor, id: string, patch: UpdateTicketInput): Promise<Ticket> {
  if (patch.ownerId !== undefined || patch.teamId !== undefined) {
    throw new HeedError('rule_violation', 'ownership moves by handoff: POST /api/v1/tickets/:id/handoff with a note', {
      field: patch.ownerId !== undefined ? 'ownerId' : 'teamId',
    });
  }
  return db.transaction().execute((tx) => changeTicket(tx, actor, id, patch));
}

/** updateTicket's work in the caller's transaction (macros apply their actions through it); ownership stays out. */
export async function changeTicket(tx: Tx, actor: Actor, id: string, patch: Omit<UpdateTicketInput, 'ownerId' | 'teamId'>): Promise<Ticket> {
  const before = await lockTicket(tx, id);
  if (before.status === 'closed') throw new HeedError('ticket_closed', 'the ticket is closed and cannot change');
  let statusValues = {};
  if (patch.status && patch.status !== before.status) {
    const decision = transition(before.status, { kind: 'set', to: patch.status });
    if (decision.outcome === 'changed') statusValues = { status: decision.status, ...statusStamps(decision.status) };
    if (decision.outcome === 'changed' && decision.status === 'closed') await cancelPendingHandoffOnClose(tx, actor, id);
  }
  const diff = changes<Record<string, unknown>>(
    { subject: before.subject, status: before.status, priority: before.priority, tags: before.tags, customFields: before.custom_fields },
    { subject: patch.subject, status: patch.status, priority: patch.priority, tags: patch.tags, customFields: patch.customFields },
  );
  if (!diff.changed) return before;
  const ticket = await tx
    .updateTable('tickets')
    .set({
      subject: patch.subject,
      priority: patch.priority,
      tags: patch.tags,
      custom_fields: patch.customFields && JSON.stringify(patch.customFields),
      updated_at: dbNow(),
      ...statusValues,
    })
    .where('id', '=', id)
    .returning(ticketColumns)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, { action: 'ticket.updated', entity: 'ticket', entityId: id, ticketId: id, actor, before: diff.before, after: diff.after });
  await publish(tx, { type: 'ticket.updated', ticketId: id, fields: Object.keys(diff.after), actorId: actorIdOf(actor) });
  if (patch.status !== undefined || patch.priority !== undefined || patch.tags !== undefined) {
    return { ...ticket, next_due_at: (await syncClocks(tx, id)).nextDue };
  }
  return ticket;
}
