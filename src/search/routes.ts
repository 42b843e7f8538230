import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { errorResponses, Query } from '../http/schemas.ts';
import { presentTicket, TicketJson } from '../tickets/presenter.ts';
import { searchTickets } from './service.ts';

export function searchRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/search', {
    schema: {
      tags: ['search'],
      querystring: z.object({
        q: Query(200).refine((s) => s.length > 0, 'must not be empty'),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({
            ticket: TicketJson,
            rank: z.number(),
            snippet: z.string(),
            matchedIn: z.enum(['subject', 'message', 'fuzzy']),
          })),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => {
    const hits = await searchTickets(database.db, req.query.q, req.query.limit);
    return { items: hits.map((h) => ({ ...h, ticket: presentTicket(h.ticket) })) };
  });
}
