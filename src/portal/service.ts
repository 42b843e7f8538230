import { sql } from 'kysely';
import { fileProblem, storedType } from '../public/uploads.ts';
import type { Db, Queryable } from '../db/database.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { HeedError, notFound } from '../http/errors.ts';
import type { AttachmentStorage } from '../attachments/storage.ts';
import { addCustomerMessage, addCustomerMessageInTx } from '../tickets/messages.ts';
import { changeTicket } from '../tickets/service.ts';
import type { PortalCustomer } from './auth.ts';
import { ANSWER_DAYS, answerCustomerSurvey } from '../surveys/answer.ts';
import { now } from '../time/clock.ts';

const actorOf = (c: PortalCustomer): Actor => ({ kind: 'customer', id: c.customerId });

async function sharesOrganization(db: Queryable, c: PortalCustomer): Promise<boolean> {
  if (!c.organizationId) return false;
  const ws = await db.selectFrom('workspace').select('portal_organization_tickets').executeTakeFirst();
  return ws?.portal_organization_tickets === true;
}

/** The customer's tickets (and their organization's when the workspace allows it), newest first, keyset. */
export async function listPortalTickets(db: Queryable, c: PortalCustomer, q: { cursor?: string; limit: number }) {
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  const org = (await sharesOrganization(db, c)) ? c.organizationId : null;
  let query = db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.requester_id')
    .select(['t.id', 't.number', 't.subject', 't.status', 't.expected_reply_by', 't.updated_at', 'c.name', sql<string>`t.created_at::text`.as('key')])
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.limit + 1);
  query = org
    ? query.where((eb) => eb.or([eb('t.requester_id', '=', c.customerId), eb('c.organization_id', '=', org)]))
    : query.where('t.requester_id', '=', c.customerId);
  if (after) query = query.where(sql<boolean>`(t.created_at, t.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status,
      expectedReplyBy: r.expected_reply_by?.toISOString() ?? null,
      updatedAt: r.updated_at.toISOString(),
      requester: { name: r.name },
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.key, last.id]) : null,
  };
}

/** A ticket this customer may see, or a 404 (never a 403: another customer's ticket must not be confirmed). */
export async function visibleTicket(db: Queryable, c: PortalCustomer, id: string) {
  const t = await db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.requester_id')
    .select(['t.id', 't.number', 't.subject', 't.status', 't.expected_reply_by', 't.created_at', 't.updated_at', 't.requester_id', 'c.name', 'c.organization_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!t) throw notFound('ticket');
  if (t.requester_id === c.customerId) return t;
  if (t.organization_id && t.organization_id === c.organizationId && (await sharesOrganization(db, c))) return t;
  throw notFound('ticket');
}

const firstName = (name: string | null) => (name ?? '').trim().split(/\s+/)[0] || 'Support';

/** The ticket as its customer sees it: public replies only, their files, and the promises made to them. */
export async function portalTicket(db: Queryable, c: PortalCustomer, id: string) {
  const t = await visibleTicket(db, c, id);
  const messages = await db
    .selectFrom('messages as m')
    .leftJoin('agents as a', 'a.id', 'm.author_agent_id')
    .leftJoin('customers as c', 'c.id', 'm.author_customer_id')
    .select(['m.id', 'm.direction', 'm.channel', 'm.body_text', 'm.created_at', 'a.name as agentName', 'c.name as customerName'])
    .where('m.ticket_id', '=', t.id)
    .where('m.kind', '=', 'reply')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  // Only files carried by a public reply: notes' files and drafts never reach the customer.
  const files = await db
    .selectFrom('attachments as f')
    .innerJoin('messages as m', 'm.id', 'f.message_id')
    .select(['f.id', 'f.message_id', 'f.filename', 'f.content_type', 'f.size_bytes', 'f.created_at'])
    .where('f.ticket_id', '=', t.id)
    .where('m.kind', '=', 'reply')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  const promises = await db
    .selectFrom('commitments')
    .select(['id', 'text', 'due_at', 'status', 'completed_at'])
    .where('ticket_id', '=', t.id)
    .where('status', '!=', 'cancelled')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    expectedReplyBy: t.expected_reply_by?.toISOString() ?? null,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    requester: { name: t.name },
    messages: messages.map((m) => ({
      id: m.id,
      from: m.direction === 'outbound' ? ('agent' as const) : ('customer' as const),
      author: m.direction === 'outbound' ? firstName(m.agentName) : (m.customerName ?? null),
      channel: m.channel,
      body: m.body_text,
      createdAt: m.created_at.toISOString(),
    })),
    attachments: files.map((f) => ({
      id: f.id,
      messageId: f.message_id,
      filename: f.filename,
      contentType: f.content_type,
      sizeBytes: Number(f.size_bytes),
      createdAt: f.created_at.toISOString(),
    })),
    commitments: promises.map((p) => ({
      id: p.id,
      text: p.text,
      dueAt: p.due_at.toISOString(),
      status: p.status as 'open' | 'kept' | 'missed',
      completedAt: p.completed_at?.toISOString() ?? null,
    })),
    survey: await portalTicketSurvey(db, c, t.id),
  };
}

/** A customer's reply from the portal: the same path as an email reply (a closed ticket gets a follow-up). */
export async function portalReply(db: Db, c: PortalCustomer, ticketId: string, body: string) {
  await visibleTicket(db, c, ticketId);
  const r = await addCustomerMessage(db, actorOf(c), { ticketId, authorCustomerId: c.customerId, body, channel: 'web' });
  return { messageId: r.message.id, ticketId: r.ticket.id, followUp: r.followUp, status: r.ticket.status };
}

/** A file from the customer: stored, then carried by a short customer message in one transaction. */
export async function portalAttach(db: Db, storage: AttachmentStorage, c: PortalCustomer, input: { ticketId: string; filename: string; contentType: string; data: Buffer }) {
  await visibleTicket(db, c, input.ticketId);
  // The same allow-list as the contact form: images, PDF, text, office documents, zip; never executables or HTML.
  const problem = fileProblem({ filename: input.filename, contentType: input.contentType, size: input.data.length }, Number.MAX_SAFE_INTEGER);
  if (problem) throw new HeedError('validation_failed', `filename: ${problem}`, [{ field: 'filename', message: problem }]);
  input = { ...input, contentType: storedType(input.filename, input.contentType) };
  const { key, sha256 } = await storage.put(input.data);
  return db.transaction().execute(async (tx) => {
    const r = await addCustomerMessageInTx(tx, actorOf(c), { ticketId: input.ticketId, authorCustomerId: c.customerId, body: `Attached a file: ${input.filename}`, channel: 'web' });
    const row = await tx
      .insertInto('attachments')
      .values({ ticket_id: r.ticket.id, message_id: r.message.id, filename: input.filename, content_type: input.contentType, size_bytes: input.data.length, sha256, storage_key: key })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'attachment.added', entity: 'ticket', entityId: r.ticket.id, ticketId: r.ticket.id, actor: actorOf(c), after: { attachmentId: row.id, filename: row.filename, sizeBytes: row.size_bytes } });
    return { id: row.id, ticketId: r.ticket.id, messageId: r.message.id, filename: row.filename, contentType: row.content_type, sizeBytes: Number(row.size_bytes), createdAt: row.created_at.toISOString() };
  });
}

/** The customer marks their ticket solved, through the status machine, with themselves as the actor. */
export async function portalSolve(db: Db, c: PortalCustomer, ticketId: string) {
  await visibleTicket(db, c, ticketId);
  const t = await db.transaction().execute((tx) => changeTicket(tx, actorOf(c), ticketId, { status: 'solved' }));
  return { id: t.id, status: t.status };
}

/** A file the customer may download: on a public reply of a ticket they may see; anything else is a 404. */
export async function portalAttachment(db: Queryable, c: PortalCustomer, id: string) {
  const f = await db
    .selectFrom('attachments as f')
    .innerJoin('messages as m', 'm.id', 'f.message_id')
    .selectAll('f')
    .where('f.id', '=', id)
    .where('m.kind', '=', 'reply')
    .executeTakeFirst();
  if (!f) throw notFound('attachment');
  try {
    await visibleTicket(db, c, f.ticket_id);
  } catch (err) {
    if (err instanceof HeedError) throw notFound('attachment');
    throw err;
  }
  return f;
}

type SurveyLike = { id: string; scale: 'five' | 'binary'; rating: number | null; comment: string | null; answeredAt: Date | null; open: boolean };

/** A survey as the portal shows it: the binary scale's rating as "good"/"bad", dates as ISO strings. */
export function presentPortalSurvey(s: SurveyLike) {
  const rating = s.rating === null ? null : s.scale === 'binary' ? (s.rating >= 4 ? ('good' as const) : ('bad' as const)) : s.rating;
  return { id: s.id, scale: s.scale, rating, comment: s.comment, answeredAt: s.answeredAt?.toISOString() ?? null, open: s.open };
}

/** The survey of a ticket sent to this customer (never another customer's, even on a shared organization ticket), or null. */
export async function portalTicketSurvey(db: Queryable, c: PortalCustomer, ticketId: string) {
  const s = await db
    .selectFrom('surveys')
    .select(['id', 'scale', 'rating', 'comment', 'answered_at', 'sent_at'])
    .where('ticket_id', '=', ticketId)
    .where('customer_id', '=', c.customerId)
    .orderBy('sent_at', 'desc')
    .executeTakeFirst();
  if (!s) return null;
  const open = now().getTime() - s.sent_at.getTime() <= ANSWER_DAYS * 86_400_000;
  return presentPortalSurvey({ id: s.id, scale: s.scale, rating: s.rating, comment: s.comment, answeredAt: s.answered_at, open });
}

/** The customer answers their ticket's survey from the portal: the same rules as the emailed link; 404 without one. */
export async function portalAnswerSurvey(db: Db, c: PortalCustomer, ticketId: string, input: { rating: unknown; comment?: string | null }) {
  await visibleTicket(db, c, ticketId);
  const s = await portalTicketSurvey(db, c, ticketId);
  if (!s) throw notFound('survey');
  return presentPortalSurvey(await answerCustomerSurvey(db, c.customerId, s.id, input));
}
