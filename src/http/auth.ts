import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.ts';
import { resolveToken, type Principal } from '../auth/tokens.ts';
import { HeedError } from './errors.ts';

export type Access = 'public' | 'agent' | 'admin';
export const SESSION_COOKIE = 'heed_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; routes are for signed-in agents unless they say otherwise. */
    access?: Access;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw new HeedError('unauthenticated', 'Authorization header must be "Bearer <token>"');
  return m[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the caller on every request and enforces each route's declared access. */
export function registerAuth(app: FastifyInstance, db: Queryable): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const access: Access = req.routeOptions.config?.access ?? 'agent';
    if (access === 'public' || !req.routeOptions.url) return;
    const headerToken = bearer(req);
    const cookieToken = headerToken ? undefined : req.cookies?.[SESSION_COOKIE];
    const token = headerToken ?? cookieToken;
    if (!token) throw new HeedError('unauthenticated', 'sign in first: send "Authorization: Bearer <token>"');
    const found = await resolveToken(db, token);
    if (!found) throw new HeedError('unauthenticated', 'the token is unknown, expired or revoked');
    const principal: Principal = {
      agentId: found.agentId,
      role: found.role,
      via: cookieToken ? 'cookie' : found.kind,
      tokenId: found.tokenId,
      csrfToken: found.csrfToken,
    };
    if (principal.via === 'cookie' && unsafeMethods.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !found.csrfToken || !sameSecret(sent, found.csrfToken)) {
        throw new HeedError('csrf_failed', 'cookie sessions must send the X-CSRF-Token header given at sign-in');
      }
    }
    req.principal = principal;
    if (access === 'admin' && principal.role !== 'admin') {
      throw new HeedError('forbidden', 'only admins may do this');
    }
  });
}

/** The signed-in agent of a route that requires one. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new HeedError('unauthenticated', 'sign in first');
  return req.principal;
}
