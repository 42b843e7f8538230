import { sql, type SelectQueryBuilder } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { messageColumns, ticketColumns, type DB, type Ticket } from '../db/types.ts';
import { decodeCursor, encodeCursor, type CursorPart } from '../http/cursor.ts';
import type { ListTicketsQuery } from './schemas.ts';
import { listAttachments } from '../attachments/service.ts';

type Row = Ticket & { ck: string };

/** Statuses where nothing is left to do; every other status is open. */
export const closedStatuses = ['solved', 'closed'] as const;

/**
 * A pending handoff addressed to the agent, or to a team they belong to (handoffs_to_agent_idx serves the first,
 * handoffs_one_pending the per-ticket look-up). No agent: no ticket matches.
 */
export function handoffToAgent(agentId: string | undefined) {
  if (!agentId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from handoffs h where h.ticket_id = tickets.id and h.status = 'pending' and (h.to_agent_id = ${agentId}
    or h.to_team_id in (select m.team_id from team_members m where m.agent_id = ${agentId})))`;
}
type Q = SelectQueryBuilder<DB, 'tickets', Row>;

/**
 * Keyset pagination for each sort: the cursor holds the sort key of the last row, so pages stay stable while
 * tickets are added. Timestamps travel as PostgreSQL text to keep their microseconds.
 */
const sorts = {
  newest: {
    key: sql<string>`created_at::text`,
    parts: ['timestamp', 'uuid'],
    order: (q: Q) => q.orderBy('created_at', 'desc').orderBy('id', 'desc'),
    after: (c: (string | number)[]) => sql<boolean>`(created_at, id) < (${c[0]}::timestamptz, ${c[1]}::uuid)`,
    cursor: (r: Row) => [r.ck, r.id],
  },
  oldest: {
    key: sql<string>`created_at::text`,
    parts: ['timestamp', 'uuid'],
    order: (q: Q) => q.orderBy('created_at', 'asc').orderBy('id', 'asc'),
    after: (c: (string | number)[]) => sql<boolean>`(created_at, id) > (${c[0]}::timestamptz, ${c[1]}::uuid)`,
    cursor: (r: Row) => [r.ck, r.id],
  },
  updated: {
    key: sql<string>`updated_at::text`,
    parts: ['timestamp', 'uuid'],
    order: (q: Q) => q.orderBy('updated_at', 'desc').orderBy('id', 'desc'),
    after: (c: (string | number)[]) => sql<boolean>`(updated_at, id) < (${c[0]}::timestamptz, ${c[1]}::uuid)`,
    cursor: (r: Row) => [r.ck, r.id],
  },
  // The queue order: most urgent first, then the longest waiting.
  priority: {
    key: sql<string>`created_at::text`,
    parts: ['int', 'timestamp', 'uuid'],
    order: (q: Q) => q.orderBy('priority_rank', 'desc').orderBy('created_at', 'asc').orderBy('id', 'asc'),
    after: (c: (string | number)[]) =>
      sql<boolean>`(priority_rank < ${c[0]} or (priority_rank = ${c[0]} and (created_at, id) > (${c[1]}::timestamptz, ${c[2]}::uuid)))`,
    cursor: (r: Row) => [r.priority_rank, r.ck, r.id],
  },
  // What falls due first: the earliest running SLA clock (tickets without one are left out).
  due: {
    key: sql<string>`next_due_at::text`,
    parts: ['timestamp', 'uuid'],
    order: (q: Q) => q.where('next_due_at', 'is not', null).orderBy('next_due_at', 'asc').orderBy('id', 'asc'),
    after: (c: (string | number)[]) => sql<boolean>`(next_due_at, id) > (${c[0]}::timestamptz, ${c[1]}::uuid)`,
    cursor: (r: Row) => [r.ck, r.id],
  },
  // Waiting on us, the longest wait first (tickets where the agent spoke last are left out).
  waiting: {
    key: sql<string>`waiting_since::text`,
    parts: ['timestamp', 'uuid'],
    order: (q: Q) => q.where('waiting_since', 'is not', null).orderBy('waiting_since', 'asc').orderBy('id', 'asc'),
    after: (c: (string | number)[]) => sql<boolean>`(waiting_since, id) > (${c[0]}::timestamptz, ${c[1]}::uuid)`,
    cursor: (r: Row) => [r.ck, r.id],
  },
} as const satisfies Record<string, { parts: CursorPart[] } & Record<string, unknown>>;

/** One page of tickets matching the filters, and the cursor of the next page (null at the end); `viewerId` is who "me" is. */
export async function listTickets(db: Queryable, f: ListTicketsQuery, viewerId?: string): Promise<{ items: Ticket[]; nextCursor: string | null }> {
  const sort = sorts[f.sort ?? (f.waitingOnUs === 'true' ? 'waiting' : 'newest')];
  let q = db.selectFrom('tickets').select(ticketColumns).select(sort.key.as('ck')) as Q;
  if (f.open) q = q.where('status', f.open === 'true' ? 'not in' : 'in', closedStatuses);
  if (f.handoffTo) q = q.where(handoffToAgent(viewerId));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
  if (f.teamId) q = q.where('team_id', '=', f.teamId);
  if (f.requesterId) q = q.where('requester_id', '=', f.requesterId);
  if (f.priority) q = q.where('priority', '=', f.priority);
  if (f.bounced) q = q.where('bounced', '=', f.bounced === 'true');
  if (f.tag) q = q.where(sql<boolean>`tags @> array[${f.tag}]::text[]`);
  // Every ticket whose last public message is the customer's, whatever its status: no inquiry goes unanswered.
  if (f.waitingOnUs) q = q.where('waiting_since', f.waitingOnUs === 'true' ? 'is not' : 'is', null);
  if (f.dueBefore) q = q.where('next_due_at', '<', new Date(f.dueBefore));
  if (f.breached) {
    const breached = sql<boolean>`exists (select 1 from sla_clocks c where c.ticket_id = tickets.id and c.breached_at is not null and c.stopped_at is null)`;
    q = q.where(f.breached === 'true' ? breached : sql<boolean>`not ${breached}`);
  }
  const after = decodeCursor(f.cursor, [...sort.parts]);
  if (after) q = q.where(sort.after(after));
  const rows = await sort.order(q).limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > f.limit && last ? encodeCursor(sort.cursor(last)) : null };
}

/** Everything the ticket page shows: requester with expectations, messages, handoffs and the audit trail. */
export async function loadTicketDetail(db: Queryable, ticket: Ticket) {
  const [requester, identities, messages, handoffs, events, attachments, emails, clocks] = await Promise.all([
    db.selectFrom('customers').selectAll().where('id', '=', ticket.requester_id).executeTakeFirstOrThrow(),
    db.selectFrom('customer_identities').select(['kind', 'value']).where('customer_id', '=', ticket.requester_id).orderBy('created_at').execute(),
    db.selectFrom('messages').select(messageColumns).where('ticket_id', '=', ticket.id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('handoffs').selectAll().where('ticket_id', '=', ticket.id).orderBy('created_at').execute(),
    db.selectFrom('events').selectAll().where('ticket_id', '=', ticket.id).orderBy('id', 'desc').limit(500).execute(),
    listAttachments(db, ticket.id),
    db.selectFrom('message_emails').selectAll().where('ticket_id', '=', ticket.id).execute(),
    db.selectFrom('sla_clocks').selectAll().where('ticket_id', '=', ticket.id).execute(),
  ]);
  const order = ['first_response', 'next_response', 'resolution'];
  clocks.sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric));
  return { ticket, requester: { ...requester, identities }, messages, handoffs, attachments, emails, clocks, events: events.reverse() };
}
export type TicketDetail = Awaited<ReturnType<typeof loadTicketDetail>>;
