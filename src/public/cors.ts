import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';

/** Paths a page on a configured site may call from the browser. */
export const isCorsPath = (url: string): boolean => {
  const p = url.split('?')[0]!;
  return p.startsWith('/api/v1/public/') || p === '/api/v1/knowledge/suggest';
};

const cacheMs = 5_000;

/** The workspace's widget origins, read at most every few seconds per process. */
export function originCache(db: Db): () => Promise<Set<string>> {
  let value: Set<string> | null = null;
  let at = 0;
  let pending: Promise<Set<string>> | null = null;
  return async () => {
    if (value && Date.now() - at < cacheMs) return value;
    pending ??= db
      .selectFrom('workspace')
      .select('widget_origins')
      .executeTakeFirstOrThrow()
      .then((w) => {
        value = new Set(w.widget_origins);
        at = Date.now();
        return value;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

/**
 * CORS for the public API and article suggestions, limited to the workspace's widget origins. Registered on the
 * root instance (the plugin is not encapsulated); every other path and origin gets no CORS headers, and a
 * preflight from them is answered 404.
 */
export function registerPublicCors(app: FastifyInstance, db: Db): void {
  const origins = originCache(db);
  void app.register(fastifyCors, {
    delegator: async (req: FastifyRequest) => {
      const origin = req.headers.origin;
      if (!origin || !isCorsPath(req.url)) return { origin: false };
      const allowed = await origins();
      if (!allowed.has(origin)) return { origin: false };
      return { origin, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization'], maxAge: 600 };
    },
  });
  // Preflights need no sign-in; the plugin answers allowed ones in its hook, the rest are not found here.
  for (const url of ['/api/v1/public/*', '/api/v1/knowledge/suggest']) {
    app.options(url, { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => reply.callNotFound());
  }
}
