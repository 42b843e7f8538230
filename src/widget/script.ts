/** Serves widget/dist/widget.js (built on first use when missing) with a long cache life and an ETag. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ensureWidgetBuilt, widgetFile } from '../../widget/build.ts';

let loaded: Promise<{ code: Buffer; etag: string }> | null = null;

const load = async () => {
  await ensureWidgetBuilt();
  const code = fs.readFileSync(widgetFile);
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"` };
};

/** Answers GET /widget.js: 304 when the browser's copy is current. */
export async function serveWidgetScript(req: FastifyRequest, reply: FastifyReply) {
  loaded ??= load().catch((err: unknown) => {
    loaded = null;
    throw err;
  });
  const { code, etag } = await loaded;
  reply
    .header('etag', etag)
    // Sites embed the script by a fixed URL: a day of cache, revalidated by ETag after that.
    .header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('x-content-type-options', 'nosniff');
  const match = req.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((m) => m.trim() === etag)) return reply.status(304).send();
  return reply.type('application/javascript; charset=utf-8').send(code);
}
