import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, IdParams, Line, Uuid } from '../http/schemas.ts';
import { presentTeam, TeamJson } from './presenter.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.ts';

const TeamBody = z.object({
  name: Line(120),
  leadId: Uuid.nullable().optional(),
  memberIds: z.array(Uuid).max(500).optional(),
});

export function teamRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const actorOf = (req: Parameters<typeof principalOf>[0]) => ({ kind: 'agent' as const, id: principalOf(req).agentId });

  r.get('/api/v1/teams', {
    schema: { tags: ['teams'], response: { 200: z.object({ items: z.array(TeamJson) }), ...errorResponses } },
  }, async () => ({ items: (await listTeams(db)).map(presentTeam) }));

  r.get('/api/v1/teams/:id', {
    schema: { tags: ['teams'], params: IdParams, response: { 200: TeamJson, ...errorResponses } },
  }, async (req) => presentTeam(await getTeam(db, req.params.id)));

  r.post('/api/v1/teams', {
    config: { access: 'admin' },
    schema: { tags: ['teams'], body: TeamBody, response: { 201: TeamJson, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(presentTeam(await createTeam(db, actorOf(req), req.body))));

  r.patch('/api/v1/teams/:id', {
    config: { access: 'admin' },
    schema: { tags: ['teams'], params: IdParams, body: TeamBody.partial().strict(), response: { 200: TeamJson, ...errorResponses } },
  }, async (req) => presentTeam(await updateTeam(db, actorOf(req), req.params.id, req.body)));

  r.delete('/api/v1/teams/:id', {
    config: { access: 'admin' },
    schema: { tags: ['teams'], params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await deleteTeam(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
