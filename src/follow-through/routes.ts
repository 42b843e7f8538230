import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Instant } from '../commitments/schemas.ts';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { setFollowUp } from './follow-ups.ts';
import { computeMeasures, type Measures } from './measures.ts';

const FollowUpBody = z
  .object({
    /** Remind me at this time if the customer has not replied by then; null clears the reminder. */
    remindAt: Instant.nullable(),
  })
  .strict();
const FollowUpJson = z.object({ followUpAt: z.string().nullable(), agentId: z.string().nullable() });

const MeasuresQuery = z.object({
  since: Instant.optional(),
  until: Instant.optional(),
  groupBy: z.enum(['agent', 'team', 'none']).default('none'),
});
const Share = z.number().nullable();
const MeasuresJson = z.object({
  since: z.string(),
  until: z.string(),
  groups: z.array(
    z.object({
      key: z.string().nullable(),
      name: z.string(),
      tickets: z.number(),
      firstResponse: z.object({ count: z.number(), medianBusinessMinutes: z.number().nullable(), p90BusinessMinutes: z.number().nullable() }),
      resolution: z.object({ count: z.number(), medianBusinessMinutes: z.number().nullable() }),
      slaAttainment: z.object({ met: z.number(), breached: z.number(), percent: Share }),
      commitments: z.object({ kept: z.number(), keptOnTime: z.number(), missed: z.number(), percent: Share }),
      eta: z.object({ given: z.number(), kept: z.number(), percent: Share }),
    }),
  ),
});

const presentMeasures = (m: Measures): z.infer<typeof MeasuresJson> => ({ ...m, since: m.since.toISOString(), until: m.until.toISOString() });

export function followThroughRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.post('/api/v1/tickets/:id/follow-up', {
    schema: { tags: ['follow-through'], params: IdParams, body: FollowUpBody, response: { 200: FollowUpJson, ...errorResponses } },
  }, async (req) => {
    const at = req.body.remindAt === null ? null : new Date(req.body.remindAt);
    const set = await setFollowUp(db, { kind: 'agent', id: principalOf(req).agentId }, req.params.id, at);
    return { followUpAt: set.followUpAt ? set.followUpAt.toISOString() : null, agentId: set.agentId };
  });

  // Agents and admins alike: the measures are the team's own mirror, not a manager's secret.
  r.get('/api/v1/measures', {
    schema: { tags: ['follow-through'], querystring: MeasuresQuery, response: { 200: MeasuresJson, ...errorResponses } },
  }, async (req) => {
    const q = req.query;
    return presentMeasures(await computeMeasures(db, {
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
      groupBy: q.groupBy,
    }));
  });
}
