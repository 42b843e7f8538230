/**
 * Serves the built web app from Heed itself: hashed assets with a long cache life, and index.html for every
 * other GET that is not the API (the app routes in the browser). Unknown API paths still answer 404 in the
 * error catalogue's shape.
 */
import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

// Email HTML is shown in sandboxed frames: no scripts anywhere, images only from Heed (no tracking pixels).
const pageHeaders = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const apiLike = /^\/(api|healthz|readyz)(\/|$|\?)/;

/** Registers the app's files from `dir` (a Vite build) on `app`; call after the API routes. */
export async function registerWebApp(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, { root: dir, serve: false });
  const sendIndex = (reply: FastifyReply) => reply.headers(pageHeaders).sendFile('index.html', { cacheControl: false });
  const route = { config: { access: 'public' as const }, schema: { hide: true } };

  app.get('/assets/*', route, (req, reply) => {
    const file = (req.params as { '*': string })['*'];
    return reply.header('x-content-type-options', 'nosniff').sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
  });
  // Files Vite copies from web/public (icons) sit at the top of the build.
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'index.html') continue;
    app.get(`/${entry.name}`, route, (_req, reply) => reply.sendFile(entry.name, { maxAge: '1d' }));
  }
  app.get('/*', route, (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '/';
    // A missing file (a path with an extension) or an unknown API path is a 404, not the app.
    if (apiLike.test(req.url) || /\.[a-z0-9]+$/i.test(pathname)) return reply.callNotFound();
    return sendIndex(reply);
  });
}
