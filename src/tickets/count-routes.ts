import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { COUNT_CAP, countViews, fixedViews, type ViewName } from './counts.ts';

const teamView = /^team:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isView = (v: string): v is ViewName => (fixedViews as readonly string[]).includes(v) || teamView.test(v);

const CountsQuery = z.object({
  /** Comma-separated view names; omitted: every view that needs no team. */
  views: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .refine((vs) => vs.length <= 30, 'at most 30 views')
    .refine((vs) => vs.every(isView), `each view is one of ${fixedViews.join(', ')} or team:<team id>`)
    .optional(),
});

const CountsJson = z.object({
  counts: z.record(z.string(), z.object({ count: z.number(), capped: z.boolean() })),
  /** Counts stop here: a capped view holds at least this many. */
  cap: z.number(),
});

/** GET /api/v1/tickets/counts: the signed-in agent's queue counts. */
export function countRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/counts', {
    schema: { tags: ['tickets'], querystring: CountsQuery, response: { 200: CountsJson, ...errorResponses } },
  }, async (req) => {
    const views = (req.query.views as ViewName[] | undefined) ?? [...fixedViews];
    return { counts: await countViews(database.db, principalOf(req).agentId, views), cap: COUNT_CAP };
  });
}
