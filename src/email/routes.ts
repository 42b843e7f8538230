import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { Email, errorResponses, IdParams, Limit, Line, Uuid } from '../http/schemas.ts';
import { dbNow } from '../db/database.ts';
import { recordInboundEmail } from './ingest.ts';
import { imapSettingsOf, presentImap, type ImapRow } from './imap.ts';
import { createMailbox, deleteMailbox, getMailbox, listMailboxes, updateMailbox } from './mailboxes.ts';
import type { Selectable } from 'kysely';
import type { InboundEmailsTable, MailboxesTable } from '../db/types.ts';

// IMAP settings: the password is accepted, never shown.
const ImapJson = z.object({
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  user: z.string(),
  folder: z.string(),
  afterImport: z.enum(['seen', 'move', 'delete']),
  moveTo: z.string().nullable(),
  enabled: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
const ImapFields = z.object({
  host: Line(253).refine((s) => !/\s/.test(s), 'must not contain spaces'),
  port: z.number().int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535'),
  secure: z.boolean(),
  user: Line(320),
  password: z.string().min(1, 'must not be empty').max(1000).refine((s) => !/[\u0000\r\n]/.test(s), 'must not contain NUL or line breaks'),
  folder: Line(255),
  afterImport: z.enum(['seen', 'move', 'delete']),
  moveTo: Line(255).nullable(),
  enabled: z.boolean(),
});
// host, user and password are required when a mailbox gets IMAP settings; the domain says so, for POST and PATCH alike.
const ImapBody = ImapFields.partial().strict();

const MailboxJson = z.object({ id: z.string(), address: z.string(), name: z.string(), teamId: z.string().nullable(), imap: ImapJson.nullable(), createdAt: z.string() });
const presentMailbox = (m: Selectable<MailboxesTable>, imap: ImapRow | undefined) => ({
  id: m.id,
  address: m.address,
  name: m.name,
  teamId: m.team_id,
  imap: presentImap(imap),
  createdAt: m.created_at.toISOString(),
});
const MailboxBody = z.object({ address: Email, name: Line(120), teamId: Uuid.nullable().optional(), imap: ImapBody.nullable().optional() });

const InboundJson = z.object({
  id: z.string(),
  receivedVia: z.string(),
  outcome: z.string(),
  reason: z.string().nullable(),
  messageId: z.string().nullable(),
  from: z.string().nullable(),
  subject: z.string().nullable(),
  sizeBytes: z.number(),
  ticketId: z.string().nullable(),
  retriedAt: z.string().nullable(),
  createdAt: z.string(),
});
type InboundRow = Omit<Selectable<InboundEmailsTable>, 'raw'>;
const presentInbound = (r: InboundRow) => ({
  id: r.id,
  receivedVia: r.received_via,
  outcome: r.outcome,
  reason: r.reason,
  messageId: r.message_id,
  from: r.from_address,
  subject: r.subject,
  sizeBytes: r.size_bytes,
  ticketId: r.ticket_id,
  retriedAt: r.retried_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});
const InboundResultJson = z.object({ id: z.string(), outcome: z.string(), ticketId: z.string().nullable(), reason: z.string().nullable() });

export function emailRoutes(app: FastifyInstance, { database, storage, jobs, config }: AppContext): void {
  const { db } = database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'admin' as const };
  const actorOf = (req: Parameters<typeof principalOf>[0]) => ({ kind: 'agent' as const, id: principalOf(req).agentId });

  const present = async (m: Selectable<MailboxesTable>) => presentMailbox(m, (await imapSettingsOf(db, [m.id])).get(m.id));

  r.get('/api/v1/mailboxes', { schema: { tags: ['email'], response: { 200: z.object({ items: z.array(MailboxJson) }), ...errorResponses } } }, async () => {
    const mailboxes = await listMailboxes(db);
    const imap = await imapSettingsOf(db, mailboxes.map((m) => m.id));
    return { items: mailboxes.map((m) => presentMailbox(m, imap.get(m.id))) };
  });
  r.get('/api/v1/mailboxes/:id', { schema: { tags: ['email'], params: IdParams, response: { 200: MailboxJson, ...errorResponses } } }, async (req) =>
    present(await getMailbox(db, req.params.id)));
  r.post('/api/v1/mailboxes', { config: admin, schema: { tags: ['email'], body: MailboxBody, response: { 201: MailboxJson, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await present(await createMailbox(db, actorOf(req), req.body, jobs))));
  r.patch('/api/v1/mailboxes/:id', {
    config: admin,
    schema: { tags: ['email'], params: IdParams, body: MailboxBody.partial().strict(), response: { 200: MailboxJson, ...errorResponses } },
  }, async (req) => present(await updateMailbox(db, actorOf(req), req.params.id, req.body, jobs)));
  r.delete('/api/v1/mailboxes/:id', { config: admin, schema: { tags: ['email'], params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await deleteMailbox(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  const columns = ['id', 'received_via', 'outcome', 'reason', 'message_id', 'from_address', 'subject', 'size_bytes', 'ticket_id', 'retried_at', 'created_at', 'mailbox_id', 'envelope_from', 'envelope_to', 'body_hash', 'message_id_ref'] as const;

  r.get('/api/v1/channels/email/inbound', {
    config: admin,
    schema: {
      tags: ['email'],
      querystring: z.object({ outcome: z.enum(['ticketed', 'auto_reply', 'bounce', 'dead_letter', 'duplicate']).optional(), limit: Limit }),
      response: { 200: z.object({ items: z.array(InboundJson) }), ...errorResponses },
    },
  }, async (req) => {
    let q = db.selectFrom('inbound_emails').select(columns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(req.query.limit);
    if (req.query.outcome) q = q.where('outcome', '=', req.query.outcome);
    return { items: (await q.execute()).map(presentInbound) };
  });

  r.post('/api/v1/channels/email/inbound/:id/retry', {
    config: admin,
    schema: { tags: ['email'], params: IdParams, response: { 200: InboundResultJson, ...errorResponses } },
  }, async (req) => {
    const row = await db.selectFrom('inbound_emails').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row) throw notFound('inbound email');
    if (row.outcome !== 'dead_letter') throw new HeedError('rule_violation', 'only a dead letter can be retried');
    if (row.retried_at) throw new HeedError('conflict', 'this dead letter was already retried');
    const claimed = await db.updateTable('inbound_emails').set({ retried_at: dbNow() }).where('id', '=', row.id).where('retried_at', 'is', null).returning('id').executeTakeFirst();
    if (!claimed) throw new HeedError('conflict', 'this dead letter was already retried');
    return recordInboundEmail(db, storage, { raw: Buffer.from(row.raw), via: row.received_via, envelopeFrom: row.envelope_from, envelopeTo: row.envelope_to });
  });

  // Raw RFC 5322 for forwarding services; the body is the message itself.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.attachmentMaxBytes + 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/channels/email/inbound', {
      config: admin,
      bodyLimit: config.attachmentMaxBytes + 1024 * 1024,
      schema: { tags: ['email'], querystring: z.object({ to: Email.optional() }), response: { 201: InboundResultJson, ...errorResponses } },
    }, async (req, reply) => {
      const raw = req.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0) throw new HeedError('validation_failed', 'body: send the raw message (RFC 5322) as the request body', [{ field: 'body', message: 'empty' }]);
      const result = await recordInboundEmail(db, storage, { raw, via: 'api', envelopeTo: req.query.to ? [req.query.to] : [] });
      return reply.status(201).send(result);
    });
  });
}
