import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, IdParams, Text, Uuid } from '../http/schemas.ts';
import { acceptHandoff, cancelHandoff, declineHandoff, requestHandoff, type HandoffResult } from './handoff.ts';
import { HandoffJson, presentHandoff, presentTicket, TicketJson } from './presenter.ts';

const Result = z.object({ ticket: TicketJson, handoff: HandoffJson });
const present = (r: HandoffResult) => ({ ticket: presentTicket(r.ticket), handoff: presentHandoff(r.handoff) });
const actorOf = (req: FastifyRequest) => {
  const p = principalOf(req);
  return { agentId: p.agentId, role: p.role };
};

export function handoffRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const schema = { tags: ['handoffs'], params: IdParams, response: { 200: Result, 201: Result, ...errorResponses } };

  r.post('/api/v1/tickets/:id/handoff', {
    schema: {
      ...schema,
      body: z.object({ toAgentId: Uuid.optional(), toTeamId: Uuid.optional(), note: Text(10_000) }),
    },
  }, async (req, reply) => {
    const result = await requestHandoff(db, actorOf(req), { ticketId: req.params.id, ...req.body });
    return reply.status(201).send(present(result));
  });

  r.post('/api/v1/tickets/:id/handoff/accept', { schema }, async (req) =>
    present(await acceptHandoff(db, actorOf(req), req.params.id)));

  r.post('/api/v1/tickets/:id/handoff/decline', {
    schema: { ...schema, body: z.object({ reason: Text(5_000) }) },
  }, async (req) => present(await declineHandoff(db, actorOf(req), req.params.id, req.body.reason)));

  r.post('/api/v1/tickets/:id/handoff/cancel', { schema }, async (req) =>
    present(await cancelHandoff(db, actorOf(req), req.params.id)));
}
