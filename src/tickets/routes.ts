import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { addAgentMessage, addCustomerMessage } from './messages.ts';
import { MessageJson, presentMessage, presentTicket, presentTicketDetail, TicketDetailJson, TicketJson } from './presenter.ts';
import { listTickets, loadTicketDetail } from './queries.ts';
import { CreateTicketBody, ListQuery, MessageBody, UpdateTicketBody } from './schemas.ts';
import { createTicket, getTicket, updateTicket } from './service.ts';
import { HeedError } from '../http/errors.ts';
import { queueReplyEmail } from '../email/outbound.ts';
import { countRoutes } from './count-routes.ts';

export function ticketRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { database, jobs } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  countRoutes(app, ctx);

  r.post('/api/v1/tickets', {
    schema: { tags: ['tickets'], body: CreateTicketBody, response: { 201: TicketJson, ...errorResponses } },
  }, async (req, reply) => {
    const ticket = await createTicket(db, { kind: 'agent', id: principalOf(req).agentId }, req.body);
    return reply.status(201).send(presentTicket(ticket));
  });

  r.get('/api/v1/tickets', {
    schema: {
      tags: ['tickets'],
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(TicketJson), nextCursor: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const page = await listTickets(db, req.query, principalOf(req).agentId);
    return { items: page.items.map(presentTicket), nextCursor: page.nextCursor };
  });

  r.get('/api/v1/tickets/:id', {
    schema: { tags: ['tickets'], params: IdParams, response: { 200: TicketDetailJson, ...errorResponses } },
  }, async (req) => presentTicketDetail(await loadTicketDetail(db, await getTicket(db, req.params.id))));

  r.patch('/api/v1/tickets/:id', {
    schema: { tags: ['tickets'], params: IdParams, body: UpdateTicketBody, response: { 200: TicketJson, ...errorResponses } },
  }, async (req) => presentTicket(await updateTicket(db, { kind: 'agent', id: principalOf(req).agentId }, req.params.id, req.body)));

  r.post('/api/v1/tickets/:id/messages', {
    schema: {
      tags: ['tickets'],
      params: IdParams,
      body: MessageBody,
      response: { 201: z.object({ message: MessageJson, ticket: TicketJson, followUp: z.boolean() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    const b = req.body;
    let result;
    if (b.from === 'requester') {
      if (b.kind !== 'reply') throw new HeedError('rule_violation', 'a requester message is a reply; notes are written by agents', { field: 'kind' });
      if (b.status) throw new HeedError('rule_violation', 'the status follows a requester message; it cannot be set with it', { field: 'status' });
      if (b.attachmentIds?.length) throw new HeedError('rule_violation', 'attachmentIds: files go with agent messages', { field: 'attachmentIds' });
      const ticket = await getTicket(db, req.params.id);
      result = await addCustomerMessage(db, { kind: 'customer', id: ticket.requester_id }, { ticketId: ticket.id, body: b.body, bodyHtml: b.bodyHtml, channel: 'api' });
    } else {
      result = await addAgentMessage(db, {
        ticketId: req.params.id,
        agentId: me.agentId,
        kind: b.kind,
        body: b.body,
        bodyHtml: b.bodyHtml,
        status: b.status,
        attachmentIds: b.attachmentIds,
        // A public reply to an email ticket leaves as email, queued in the same transaction.
        afterStore: jobs && b.kind === 'reply' ? (tx, r) => queueReplyEmail(tx, jobs, r.ticket.id, r.message.id).then(() => {}) : undefined,
      });
    }
    return reply.status(201).send({ message: presentMessage(result.message), ticket: presentTicket(result.ticket), followUp: result.followUp });
  });
}
