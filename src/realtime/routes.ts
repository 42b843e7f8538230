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
import { openEventStream } from './event-stream.ts';
import { announcePresence, PRESENCE_STATES } from './presence.ts';

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
    await openEventStream({
      req,
      reply,
      hub,
      name: 'agent stream',
      ready: { type: 'ready', agentId: me.agentId },
      translate: (d) => (d.kind === 'event' ? [d.json] : d.kind === 'gap' ? [{ type: 'resync' }] : 'close'),
      // A session signed out or an agent deactivated since the stream opened stops hearing events.
      stillThere: async () =>
        Boolean(
          await db
            .selectFrom('auth_tokens as t')
            .innerJoin('agents as a', 'a.id', 't.agent_id')
            .select('t.id')
            .where('t.id', '=', me.tokenId)
            .where('t.revoked_at', 'is', null)
            .where('a.active', '=', true)
            .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', dbNow())]))
            .executeTakeFirst(),
        ),
      maxSeconds: req.query.maxSeconds,
      maxBufferedBytes: MAX_BUFFERED_BYTES,
    });
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
