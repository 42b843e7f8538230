/**
 * GET /api/v1/stream: Server-Sent Events for signed-in agents (every ticket event, and presence on tickets);
 * POST /api/v1/tickets/:id/presence: "I am viewing / typing on / leaving this ticket".
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dbNow } from '../db/database.ts';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { appHub } from './app-hub.ts';
import type { Delivery } from './hub.ts';
import { announcePresence, PRESENCE_STATES } from './presence.ts';

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 3_000;
const UNAVAILABLE_RETRY_MS = 30_000;
/** A client this far behind is cut off; it reconnects and refreshes what it shows. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const StreamQuery = z.object({
  /** The server ends the stream after this long and the browser reconnects: streams move between processes. */
  maxSeconds: z.coerce.number().int().min(1).max(86_400).default(3_600),
});

const PresenceBody = z.object({ state: z.enum(PRESENCE_STATES) }).strict();

/** Registers the stream and presence routes, with the process's fan-out hub (closed when the app closes). */
export function realtimeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.database;
  const hub = appHub(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/stream', {
    schema: {
      tags: ['live'],
      description:
        'Server-Sent Events (text/event-stream). Each message is one JSON event: ticket.created, ticket.updated, message.added, ' +
        'handoff.requested, handoff.answered, presence; "ready" once listening, "resync" after events may have been missed. ' +
        'A comment line every 25 s keeps the connection open.',
      querystring: StreamQuery,
      response: errorResponses,
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    reply.hijack();
    const res = reply.raw;
    let closed = false;
    let unsubscribe = () => {};
    const timers: NodeJS.Timeout[] = [];
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      timers.forEach((t) => clearTimeout(t));
      if (!res.writableEnded) res.end();
    };
    // Until the head is written (once subscribed), deliveries wait here: the response arriving at the client
    // then means the client is already listening.
    let held: string[] | null = [];
    const write = (chunk: string) => {
      if (closed || res.destroyed) return close();
      if (held) return void held.push(chunk);
      res.write(chunk);
      if (res.writableLength > MAX_BUFFERED_BYTES) close();
    };
    const onDelivery = (d: Delivery) => {
      if (d.kind === 'event') write(`data: ${d.json}\n\n`);
      else if (d.kind === 'gap') write('data: {"type":"resync"}\n\n');
      else close();
    };
    req.raw.on('close', close);
    res.on('error', close);

    try {
      unsubscribe = await hub.subscribe(onDelivery);
    } catch (err) {
      // Said in the stream rather than as a 5xx: the browser keeps working and asks again later.
      req.log.error({ err }, 'live updates unavailable');
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      res.write(`retry: ${UNAVAILABLE_RETRY_MS}\n\ndata: {"type":"unavailable"}\n\n`);
      return close();
    }
    if (closed) return unsubscribe();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx would otherwise hold events back
    });
    const first = [`retry: ${RETRY_MS}\n\n`, `data: ${JSON.stringify({ type: 'ready', agentId: me.agentId })}\n\n`, ...held];
    held = null;
    write(first.join(''));

    const heartbeat = async () => {
      // A session signed out or an agent deactivated since the stream opened stops hearing events.
      const still = await db
        .selectFrom('auth_tokens as t')
        .innerJoin('agents as a', 'a.id', 't.agent_id')
        .select('t.id')
        .where('t.id', '=', me.tokenId)
        .where('t.revoked_at', 'is', null)
        .where('a.active', '=', true)
        .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', dbNow())]))
        .executeTakeFirst()
        .catch(() => ({ id: me.tokenId })); // a database hiccup is not a sign-out
      if (!still) return close();
      write(': keep-alive\n\n');
      if (!closed) timers[0] = setTimeout(() => void heartbeat(), HEARTBEAT_MS);
    };
    timers[0] = setTimeout(() => void heartbeat(), HEARTBEAT_MS);
    timers[1] = setTimeout(close, req.query.maxSeconds * 1000);
  });

  r.post('/api/v1/tickets/:id/presence', {
    config: {
      rateLimit: {
        hook: 'preHandler',
        max: 60,
        timeWindow: 60_000,
        keyGenerator: (req) => `presence|${req.principal?.agentId ?? req.ip}`,
      },
    },
    schema: { tags: ['live'], params: IdParams, body: PresenceBody, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await announcePresence(db, { ticketId: req.params.id, agentId: principalOf(req).agentId, state: req.body.state });
    return reply.status(204).send(null);
  });
}
