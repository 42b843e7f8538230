import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coachForTicket } from '../commitments/from-reply.ts';
import { TimeZone } from '../customers/schemas.ts';
import type { AppContext } from '../http/app.ts';
import { errorResponses, Text, Uuid } from '../http/schemas.ts';
import { CoachJson } from '../tickets/presenter.ts';
import { getTicket } from '../tickets/service.ts';
import { now } from '../time/clock.ts';

const CoachBody = z
  .object({
    text: Text(1_000_000),
    /** The moment the draft is read at (relative times such as "tomorrow"); default now. */
    now: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-03-10T10:00:00Z' }).optional(),
    /** The zone relative times are read in; default the customer's (with ticketId) or the workspace's. */
    timeZone: TimeZone.optional(),
    /** Reads the draft as a reply on this ticket: its last customer message is context. */
    ticketId: Uuid.optional(),
  })
  .strict();

/** The reply coach for a draft: findings with exact spans and suggestions, and the promises it makes. */
export function coachRoutes(app: FastifyInstance, { database }: AppContext): void {
  const { db } = database;
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/coach', {
    schema: { tags: ['coach'], body: CoachBody, response: { 200: CoachJson, ...errorResponses } },
  }, async (req) => {
    const b = req.body;
    if (b.ticketId) await getTicket(db, b.ticketId); // 404 for a ticket that does not exist
    return coachForTicket(db, b.ticketId ?? null, b.text, b.now ? new Date(b.now) : now(), b.timeZone);
  });
}
