import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { HeedError } from '../http/errors.ts';
import { Email, errorResponses, IdParams, Line } from '../http/schemas.ts';
import { AgentJson, presentAgent } from './presenter.ts';
import { createAgent, getAgent, listAgents, updateAgent } from './service.ts';

const Password = z.string().min(10, 'must be at least 10 characters').max(200);
const Skills = z.array(Line(60)).max(50);
const AgentBody = z.object({
  email: Email,
  name: Line(120),
  role: z.enum(['admin', 'agent']).default('agent'),
  password: Password.optional(),
  skills: Skills.optional(),
  availability: z.enum(['available', 'away', 'offline']).optional(),
});
const AgentPatchBody = z
  .object({
    email: Email,
    name: Line(120),
    role: z.enum(['admin', 'agent']),
    password: Password,
    skills: Skills,
    availability: z.enum(['available', 'away', 'offline']),
    active: z.boolean(),
  })
  .partial()
  .strict();
// Fields agents may change on their own record; everything else needs an admin.
const selfEditable = new Set(['name', 'password', 'skills', 'availability']);

export function agentRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/api/v1/agents', {
    schema: {
      tags: ['agents'],
      querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(AgentJson) }), ...errorResponses },
    },
  }, async (req) => ({ items: (await listAgents(db, { includeInactive: req.query.includeInactive === 'true' })).map(presentAgent) }));

  r.get('/api/v1/agents/me', {
    schema: { tags: ['agents'], response: { 200: AgentJson, ...errorResponses } },
  }, async (req) => presentAgent(await getAgent(db, principalOf(req).agentId)));

  r.get('/api/v1/agents/:id', {
    schema: { tags: ['agents'], params: IdParams, response: { 200: AgentJson, ...errorResponses } },
  }, async (req) => presentAgent(await getAgent(db, req.params.id)));

  r.post('/api/v1/agents', {
    config: { access: 'admin' },
    schema: { tags: ['agents'], body: AgentBody, response: { 201: AgentJson, ...errorResponses } },
  }, async (req, reply) => {
    const agent = await createAgent(db, { kind: 'agent', id: principalOf(req).agentId }, req.body);
    return reply.status(201).send(presentAgent(agent));
  });

  r.patch('/api/v1/agents/:id', {
    schema: { tags: ['agents'], params: IdParams, body: AgentPatchBody, response: { 200: AgentJson, ...errorResponses } },
  }, async (req) => {
    const me = principalOf(req);
    if (me.role !== 'admin') {
      const refused = Object.keys(req.body).filter((k) => !selfEditable.has(k));
      if (req.params.id !== me.agentId) throw new HeedError('forbidden', 'only admins may change other agents');
      if (refused.length) throw new HeedError('forbidden', `only admins may change ${refused.join(', ')}`);
    }
    return presentAgent(await updateAgent(db, { kind: 'agent', id: me.agentId }, req.params.id, req.body));
  });

  r.delete('/api/v1/agents/:id', {
    config: { access: 'admin' },
    schema: { tags: ['agents'], params: IdParams, response: { 200: AgentJson, ...errorResponses } },
  }, async (req) => {
    const me = principalOf(req);
    // Agents are deactivated, never erased: their messages and events keep pointing at them.
    return presentAgent(await updateAgent(db, { kind: 'agent', id: me.agentId }, req.params.id, { active: false }));
  });
}
