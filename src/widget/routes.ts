/**
 * The embeddable chat widget: GET /widget.js, and the conversation API it talks to
 * (/api/v1/public/conversations…). CORS (only the site origins in `workspace.widget_origins`) is the public API's,
 * registered in src/public/cors.ts for every /api/v1/public/ path and the suggestion route.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { HeedError } from '../http/errors.ts';
import { errorResponses, Uuid } from '../http/schemas.ts';
import { decoyReceipt } from '../public/service.ts';
import { appHub } from '../realtime/app-hub.ts';
import { conversationStream } from './stream.ts';
import { ConversationJson, FileQuery, MessageBody, StartBody, StartJson, AttachmentRef } from './schemas.ts';
import { attachToConversation, continueConversation, conversationFile, conversationView, resolveConversation, startConversation } from './service.ts';
import { serveWidgetScript } from './script.ts';

const ContentType = z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/).catch('application/octet-stream');

/** The token from "Authorization: Bearer …", or from ?token= (EventSource cannot set headers). */
export function conversationToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h) return /^Bearer\s+(\S+)$/i.exec(h)?.[1] ?? '';
  const q = (req.query as { token?: unknown } | undefined)?.token;
  return typeof q === 'string' ? q : undefined;
}

/** Registers the widget script, its CORS and its conversation API. */
export function widgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.database;
  const { storage, config } = ctx;
  const hub = appHub(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pub = { access: 'public' as const };
  const base = '/api/v1/public/conversations';
  const ipLimit = (name: string, max: number) => ({ hook: 'preHandler' as const, max, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `${name}|${req.ip}` });

  r.get('/widget.js', { config: pub, schema: { hide: true } }, (req, reply) => serveWidgetScript(req, reply));

  r.post(base, {
    config: { ...pub, rateLimit: ipLimit('widget-start', 10) },
    schema: { tags: ['widget'], security: [], body: StartBody, response: { 201: StartJson, ...errorResponses } },
  }, async (req, reply) => {
    const { website, ...input } = req.body;
    if (website && website.trim()) {
      // The honeypot, as on the public form: answer as if it worked (a token that opens nothing), store nothing.
      req.log.info({ ip: req.ip }, 'widget: honeypot filled, nothing stored');
      const decoy = await decoyReceipt(db);
      return reply.status(201).send({ ...decoy, expectedReplyBy: null, token: `heed_c_${randomBytes(32).toString('base64url')}` });
    }
    const { ticket, token } = await startConversation(db, input);
    return reply.status(201).send({ reference: `#${ticket.number}`, number: ticket.number, expectedReplyBy: ticket.expected_reply_by, token });
  });

  r.get(`${base}/current`, {
    config: pub,
    schema: { tags: ['widget'], security: [{ bearer: [] }], response: { 200: ConversationJson, ...errorResponses } },
  }, async (req) => {
    const c = await resolveConversation(db, conversationToken(req), { touch: true });
    const { number: _n, ...view } = await conversationView(db, c);
    return view;
  });

  r.post(`${base}/current/messages`, {
    config: { ...pub, rateLimit: ipLimit('widget-post', 30) },
    schema: { tags: ['widget'], security: [{ bearer: [] }], body: MessageBody, response: { 201: z.object({ id: z.string(), reference: z.string() }), ...errorResponses } },
  }, async (req, reply) => {
    const c = await resolveConversation(db, conversationToken(req));
    const r = await continueConversation(db, c, req.body.body);
    const t = await db.selectFrom('tickets').select('number').where('id', '=', r.ticketId).executeTakeFirstOrThrow();
    return reply.status(201).send({ id: r.messageId, reference: `#${t.number}` });
  });

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.attachmentMaxBytes }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(`${base}/current/attachments`, {
      bodyLimit: config.attachmentMaxBytes,
      config: { ...pub, rateLimit: ipLimit('widget-file', 10) },
      schema: { tags: ['widget'], security: [{ bearer: [] }], querystring: FileQuery, response: { 201: z.object({ messageId: z.string(), attachment: AttachmentRef }), ...errorResponses } },
    }, async (req, reply) => {
      const c = await resolveConversation(db, conversationToken(req));
      const data = req.body;
      if (!Buffer.isBuffer(data) || data.length === 0) {
        throw new HeedError('validation_failed', 'body: send the file bytes as the request body', [{ field: 'body', message: 'empty' }]);
      }
      const contentType = ContentType.parse(String(req.headers['content-type'] ?? '').split(';')[0]!.trim());
      const result = await attachToConversation(db, storage, c, { filename: req.query.filename, contentType, data });
      return reply.status(201).send(result);
    });
  });

  r.get(`${base}/current/attachments/:id`, {
    config: pub,
    schema: { tags: ['widget'], security: [{ bearer: [] }], params: z.object({ id: Uuid }) },
  }, async (req, reply) => {
    const c = await resolveConversation(db, conversationToken(req));
    const a = await conversationFile(db, c, req.params.id);
    const bytes = await storage.get(a.storage_key);
    const ascii = a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return reply
      .header('content-type', a.content_type)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });

  r.get(`${base}/current/stream`, {
    config: pub,
    schema: {
      tags: ['widget'],
      security: [{ bearer: [] }],
      description: 'Server-Sent Events for this conversation: {"type":"changed"} whenever it changes (refetch /current). The token may come as ?token=.',
      querystring: z.object({ token: z.string().max(300).optional(), maxSeconds: z.coerce.number().int().min(1).max(3600).default(900) }).strict(),
    },
  }, async (req, reply) => {
    const c = await resolveConversation(db, conversationToken(req), { touch: true });
    await conversationStream({ db, hub, conversation: c, req, reply, maxSeconds: req.query.maxSeconds });
  });
}
