import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgentJson, presentAgent } from '../agents/presenter.ts';
import { dbNow } from '../db/database.ts';
import { recordEvent } from '../events/record.ts';
import type { AppContext } from '../http/app.ts';
import { principalOf, SESSION_COOKIE } from '../http/auth.ts';
import { HeedError } from '../http/errors.ts';
import { Email, errorResponses, IdParams, Line, Uuid } from '../http/schemas.ts';
import { hashPassword, issueToken, resolveToken, revokeToken, verifyPassword } from './tokens.ts';
import { workspaceRoutes } from './workspace-routes.ts';

// Compared against when the email is unknown, so both cases take the time of one argon2 verification.
const decoyHash = hashPassword('heed-decoy-password');

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post('/api/v1/auth/login', {
    // Slows password guessing: 10 attempts a minute for one address from one client.
    config: {
      access: 'public',
      rateLimit: {
        hook: 'preHandler',
        max: 10,
        timeWindow: 60_000,
        keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
      },
    },
    schema: {
      tags: ['auth'],
      security: [],
      body: z.object({ email: Email, password: z.string().min(1, 'must not be empty').max(200) }),
      response: { 200: z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), agent: AgentJson }), ...errorResponses },
    },
  }, async (req, reply) => {
    const agent = await db.selectFrom('agents').selectAll().where('email', '=', req.body.email).where('active', '=', true).executeTakeFirst();
    const ok = await verifyPassword(agent?.password_hash ?? (await decoyHash), req.body.password);
    if (!agent || !ok) throw new HeedError('invalid_credentials', 'the email or password is wrong');
    const issued = await issueToken(db, { agentId: agent.id, kind: 'session', ttlHours: ctx.config.sessionTtlHours });
    const secure = ctx.config.cookieSecure === 'auto' ? req.protocol === 'https' : ctx.config.cookieSecure === 'true';
    reply.setCookie(SESSION_COOKIE, issued.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      expires: issued.expiresAt ?? undefined,
    });
    return { token: issued.token, csrfToken: issued.csrfToken!, expiresAt: issued.expiresAt!.toISOString(), agent: presentAgent(agent) };
  });

  // The web app asks who it is on start-up, so the CSRF token lives in memory rather than in storage a script could
  // read. Public, and "nobody" is an answer rather than a 401: a first visit is not an error.
  r.get('/api/v1/auth/session', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      response: { 200: z.object({ agent: AgentJson.nullable(), csrfToken: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = header ?? req.cookies?.[SESSION_COOKIE];
    const found = token ? await resolveToken(db, token) : null;
    if (!found) return { agent: null, csrfToken: null };
    const agent = await db.selectFrom('agents').selectAll().where('id', '=', found.agentId).executeTakeFirstOrThrow();
    // Only a cookie session needs (and has) a CSRF token; a bearer token is never sent by a browser on its own.
    return { agent: presentAgent(agent), csrfToken: header ? null : found.csrfToken };
  });

  r.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await revokeToken(db, principalOf(req).tokenId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  const TokenJson = z.object({ id: z.string(), name: z.string().nullable(), agentId: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });

  r.post('/api/v1/tokens', {
    config: { access: 'admin' },
    schema: {
      tags: ['auth'],
      body: z.object({ name: Line(120), agentId: Uuid.optional() }),
      response: { 201: TokenJson.extend({ token: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    const agentId = req.body.agentId ?? me.agentId;
    const agent = await db.selectFrom('agents').select('id').where('id', '=', agentId).where('active', '=', true).executeTakeFirst();
    if (!agent) throw new HeedError('reference_not_found', 'agentId: no active agent with this id');
    const issued = await db.transaction().execute(async (tx) => {
      const t = await issueToken(tx, { agentId, kind: 'api', name: req.body.name });
      await recordEvent(tx, { action: 'token.created', entity: 'token', entityId: t.id, actor: { kind: 'agent', id: me.agentId }, after: { name: req.body.name, agentId } });
      return t;
    });
    return reply.status(201).send({ id: issued.id, name: req.body.name, agentId, createdAt: new Date().toISOString(), lastUsedAt: null, token: issued.token });
  });

  r.get('/api/v1/tokens', {
    config: { access: 'admin' },
    schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(TokenJson) }), ...errorResponses } },
  }, async () => {
    const rows = await db.selectFrom('auth_tokens').selectAll().where('kind', '=', 'api').where('revoked_at', 'is', null).orderBy('created_at').execute();
    return {
      items: rows.map((t) => ({ id: t.id, name: t.name, agentId: t.agent_id, createdAt: t.created_at.toISOString(), lastUsedAt: t.last_used_at?.toISOString() ?? null })),
    };
  });

  r.delete('/api/v1/tokens/:id', {
    config: { access: 'admin' },
    schema: { tags: ['auth'], params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    const me = principalOf(req);
    await db.transaction().execute(async (tx) => {
      const t = await tx.updateTable('auth_tokens').set({ revoked_at: dbNow() }).where('id', '=', req.params.id).where('kind', '=', 'api').where('revoked_at', 'is', null).returning('id').executeTakeFirst();
      if (!t) throw new HeedError('not_found', 'token not found');
      await recordEvent(tx, { action: 'token.revoked', entity: 'token', entityId: t.id, actor: { kind: 'agent', id: me.agentId } });
    });
    return reply.status(204).send(null);
  });

  workspaceRoutes(app, ctx);
}
