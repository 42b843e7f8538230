import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { errorResponses } from '../http/schemas.ts';
import { presentTicket, TicketJson } from '../tickets/presenter.ts';
import { searchTickets } from './service.ts';

export function searchRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/search', {
    schema: {
      tags: ['search'],
      querystring: z.object({
        q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
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
