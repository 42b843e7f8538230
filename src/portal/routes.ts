import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { HeedError } from '../http/errors.ts';
import { Cursor, Email, errorResponses, IdParams, Limit, Line, Text } from '../http/schemas.ts';
import { csrfFor, exchangeLink, PORTAL_COOKIE, requestLink, resolveSession, revokeSession, sameSecret, type PortalCustomer } from './auth.ts';
import { COMMENT_MAX } from '../surveys/answer.ts';
import { listPortalTickets, portalAnswerSurvey, portalAttach, portalAttachment, portalReply, portalSolve, portalTicket } from './service.ts';
import { PortalSurveyJson, PortalTicketJson, PortalTicketListJson } from './schemas.ts';
import { portalPages } from './pages.ts';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const ContentType = z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/).catch('application/octet-stream');

/** The portal session of a request: `Authorization: Bearer` (API clients) or the cookie plus X-CSRF-Token on writes. */
async function portalCustomer(ctx: AppContext, req: FastifyRequest): Promise<PortalCustomer & { token: string; via: 'bearer' | 'cookie' }> {
  const h = req.headers.authorization;
  let token: string | undefined;
  let via: 'bearer' | 'cookie' = 'cookie';
  if (h) {
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m) throw new HeedError('unauthenticated', 'Authorization header must be "Bearer <portal token>"');
    token = m[1]!;
    via = 'bearer';
  } else token = req.cookies?.[PORTAL_COOKIE];
  if (!token) throw new HeedError('unauthenticated', 'sign in to the portal first: ask for a sign-in link');
  const found = await resolveSession(ctx.database.db, token);
  if (!found) throw new HeedError('unauthenticated', 'your portal session has expired or was ended; ask for a new sign-in link');
  // A cookie rides along with any request the browser makes, so writes must also prove they come from our page.
  if (via === 'cookie' && unsafe.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, csrfFor(token))) {
      throw new HeedError('csrf_failed', 'send the X-CSRF-Token header from GET /api/v1/portal/me with cookie-signed-in requests');
    }
  }
  return { ...found, token, via };
}

function cookieOptions(ctx: AppContext, req: FastifyRequest, expires?: Date) {
  const secure = ctx.config.cookieSecure === 'auto' ? req.protocol === 'https' : ctx.config.cookieSecure === 'true';
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires };
}

/** The customer portal: passwordless sign-in, the customer's tickets, replies, files and "mark solved". */
export function portalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pub = { access: 'public' as const };
  const who = (req: FastifyRequest) => portalCustomer(ctx, req);

  r.post('/api/v1/portal/login', {
    config: {
      ...pub,
      // Per client; the per-address limit (LINKS_PER_HOUR) is counted in portal_links and never shows in the answer.
      rateLimit: { hook: 'preHandler', max: 20, timeWindow: 15 * 60_000 },
    },
    schema: { tags: ['portal'], security: [], body: z.object({ email: Email }), response: { 202: z.object({}), ...errorResponses } },
  }, async (req, reply) => {
    await requestLink(db, ctx.jobs, { email: req.body.email, publicUrl: ctx.config.publicUrl });
    return reply.status(202).send({});
  });

  r.post('/api/v1/portal/session', {
    config: { ...pub, rateLimit: { hook: 'preHandler', max: 30, timeWindow: 15 * 60_000 } },
    schema: {
      tags: ['portal'],
      security: [],
      body: z.object({ token: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }),
      response: { 200: z.object({ token: z.string(), expiresAt: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const s = await exchangeLink(db, req.body.token);
    reply.setCookie(PORTAL_COOKIE, s.token, cookieOptions(ctx, req, s.expiresAt));
    return { token: s.token, expiresAt: s.expiresAt.toISOString() };
  });

  r.post('/api/v1/portal/logout', {
    config: pub,
    schema: { tags: ['portal'], response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    const c = await who(req);
    await revokeSession(db, c.sessionId);
    reply.clearCookie(PORTAL_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/api/v1/portal/me', {
    config: pub,
    schema: { tags: ['portal'], response: { 200: z.object({ customer: z.object({ id: z.string(), name: z.string().nullable() }).nullable(), csrfToken: z.string().nullable() }), ...errorResponses } },
  }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    // A first visit is not an error: "nobody" is an answer, as for the agents' GET /api/v1/auth/session.
    if (!req.headers.authorization && !req.cookies?.[PORTAL_COOKIE]) return { customer: null, csrfToken: null };
    const c = await who(req);
    return { customer: { id: c.customerId, name: c.name }, csrfToken: c.via === 'cookie' ? csrfFor(c.token) : null };
  });

  r.get('/api/v1/portal/tickets', {
    config: pub,
    schema: { tags: ['portal'], querystring: z.object({ cursor: Cursor, limit: Limit }), response: { 200: PortalTicketListJson, ...errorResponses } },
  }, async (req) => listPortalTickets(db, await who(req), req.query));

  r.get('/api/v1/portal/tickets/:id', {
    config: pub,
    schema: { tags: ['portal'], params: IdParams, response: { 200: PortalTicketJson, ...errorResponses } },
  }, async (req) => portalTicket(db, await who(req), req.params.id));

  r.post('/api/v1/portal/tickets/:id/messages', {
    config: pub,
    schema: {
      tags: ['portal'],
      params: IdParams,
      body: z.object({ body: Text(50_000).refine((s) => s.trim().length > 0, 'must not be empty') }),
      response: { 201: z.object({ messageId: z.string(), ticketId: z.string(), followUp: z.boolean(), status: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await portalReply(db, await who(req), req.params.id, req.body.body)));

  r.post('/api/v1/portal/tickets/:id/solve', {
    config: pub,
    schema: { tags: ['portal'], params: IdParams, response: { 200: z.object({ id: z.string(), status: z.string() }), ...errorResponses } },
  }, async (req) => portalSolve(db, await who(req), req.params.id));

  r.post('/api/v1/portal/tickets/:id/survey', {
    config: pub,
    schema: {
      tags: ['portal'],
      params: IdParams,
      body: z.object({
        rating: z.union([z.number().int().min(1).max(5), z.enum(['good', 'bad'])], { message: 'must be 1-5 or "good"/"bad"' }),
        comment: Text(COMMENT_MAX).nullable().optional(),
      }).strict(),
      response: { 200: PortalSurveyJson, ...errorResponses },
    },
  }, async (req) => portalAnswerSurvey(db, await who(req), req.params.id, { rating: req.body.rating, comment: req.body.comment ?? null }));

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.attachmentMaxBytes }, (_req, body, done) => done(null, body));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.post('/api/v1/portal/tickets/:id/attachments', {
      config: pub,
      bodyLimit: ctx.config.attachmentMaxBytes,
      // Authenticate before the body is read, so strangers cannot make us buffer files.
      onRequest: async (req) => {
        (req as FastifyRequest & { portal?: PortalCustomer }).portal = await who(req);
      },
      schema: {
        tags: ['portal'],
        params: IdParams,
        querystring: z.object({ filename: Line(255).refine((f) => !/[\\/]/.test(f), 'must be a file name without a path') }),
        response: { 201: z.object({ id: z.string(), ticketId: z.string(), messageId: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), createdAt: z.string() }), ...errorResponses },
      },
    }, async (req, reply) => {
      const c = (req as FastifyRequest & { portal?: PortalCustomer }).portal!;
      const data = req.body;
      if (!Buffer.isBuffer(data) || data.length === 0) throw new HeedError('validation_failed', 'body: send the file bytes as the request body', [{ field: 'body', message: 'empty' }]);
      const contentType = ContentType.parse(String(req.headers['content-type'] ?? '').split(';')[0]!.trim());
      return reply.status(201).send(await portalAttach(db, ctx.storage, c, { ticketId: req.params.id, filename: req.query.filename, contentType, data }));
    });
  });

  r.get('/api/v1/portal/attachments/:id', {
    config: pub,
    schema: { tags: ['portal'], params: IdParams },
  }, async (req, reply) => {
    const f = await portalAttachment(db, await who(req), req.params.id);
    const bytes = await ctx.storage.get(f.storage_key);
    const ascii = f.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return reply
      .header('content-type', f.content_type)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });

  portalPages(app, ctx);
}
