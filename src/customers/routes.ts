import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { Cursor, errorResponses, IdParams, Limit, Query, Uuid } from '../http/schemas.ts';
import { presentTicket, TicketJson } from '../tickets/presenter.ts';
import { listTickets } from '../tickets/queries.ts';
import { CustomerJson, CustomerSummaryJson, presentCustomer, presentCustomerSummary } from './presenter.ts';
import { CustomerBody } from './schemas.ts';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './service.ts';

export function customerRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.post('/api/v1/customers', {
    schema: { tags: ['customers'], body: CustomerBody, response: { 201: CustomerJson, ...errorResponses } },
  }, async (req, reply) => {
    const c = await createCustomer(db, { kind: 'agent', id: principalOf(req).agentId }, req.body);
    return reply.status(201).send(presentCustomer(c));
  });

  r.get('/api/v1/customers', {
    schema: {
      tags: ['customers'],
      querystring: z.object({ q: Query(200).optional(), organizationId: Uuid.optional(), limit: Limit, cursor: Cursor }),
      response: { 200: z.object({ items: z.array(CustomerSummaryJson), nextCursor: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const page = await listCustomers(db, { ...req.query, q: req.query.q || undefined });
    return { items: page.items.map(presentCustomerSummary), nextCursor: page.nextCursor };
  });

  r.get('/api/v1/customers/:id', {
    schema: {
      tags: ['customers'],
      params: IdParams,
      response: { 200: CustomerJson.extend({ recentTickets: z.array(TicketJson) }), ...errorResponses },
    },
  }, async (req) => {
    const c = await getCustomer(db, req.params.id);
    const recent = await listTickets(db, { requesterId: c.id, sort: 'newest', limit: 10 });
    return { ...presentCustomer(c), recentTickets: recent.items.map(presentTicket) };
  });

  r.patch('/api/v1/customers/:id', {
    schema: { tags: ['customers'], params: IdParams, body: CustomerBody.strict(), response: { 200: CustomerJson, ...errorResponses } },
  }, async (req) => presentCustomer(await updateCustomer(db, { kind: 'agent', id: principalOf(req).agentId }, req.params.id, req.body)));
}
