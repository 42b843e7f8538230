import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { Cursor, errorResponses, IdParams, Limit, Query } from '../http/schemas.ts';
import { createOrganization, getOrganization, listOrganizations, updateOrganization } from './organizations.ts';
import { OrganizationJson, presentOrganization } from './presenter.ts';
import { OrganizationBody } from './schemas.ts';

export function organizationRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.post('/api/v1/organizations', {
    schema: { tags: ['organizations'], body: OrganizationBody, response: { 201: OrganizationJson, ...errorResponses } },
  }, async (req, reply) =>
    reply.status(201).send(presentOrganization(await createOrganization(db, { kind: 'agent', id: principalOf(req).agentId }, req.body))));

  r.get('/api/v1/organizations', {
    schema: {
      tags: ['organizations'],
      querystring: z.object({ q: Query(200).optional(), limit: Limit, cursor: Cursor }),
      response: { 200: z.object({ items: z.array(OrganizationJson), nextCursor: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const page = await listOrganizations(db, { ...req.query, q: req.query.q || undefined });
    return { items: page.items.map(presentOrganization), nextCursor: page.nextCursor };
  });

  r.get('/api/v1/organizations/:id', {
    schema: { tags: ['organizations'], params: IdParams, response: { 200: OrganizationJson, ...errorResponses } },
  }, async (req) => presentOrganization(await getOrganization(db, req.params.id)));

  r.patch('/api/v1/organizations/:id', {
    schema: { tags: ['organizations'], params: IdParams, body: OrganizationBody.partial().strict(), response: { 200: OrganizationJson, ...errorResponses } },
  }, async (req) =>
    presentOrganization(await updateOrganization(db, { kind: 'agent', id: principalOf(req).agentId }, req.params.id, req.body)));
}
