import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app.ts';
import { principalOf } from '../../http/auth.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { presentTicket, TicketJson } from '../../tickets/presenter.ts';
import {
  ApplyParams,
  CreateMacroBody,
  ListMacrosQuery,
  MacroActionSchema,
  MacroJson,
  presentMacro,
  RenderBody,
  UpdateMacroBody,
} from './schemas.ts';
import { applyMacro, createMacro, deleteMacro, getMacro, listMacros, renderMacroForTicket, updateMacro } from './service.ts';

const tags = ['macros'];

/** Macros: admins write them, agents list, render and apply them. */
export function macroRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const admin = { access: 'admin' as const };
  const actorOf = (req: FastifyRequest) => ({ kind: 'agent' as const, id: principalOf(req).agentId });

  r.post('/api/v1/macros', {
    config: admin,
    schema: { tags, body: CreateMacroBody, response: { 201: MacroJson, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(presentMacro(await createMacro(db, actorOf(req), req.body))));

  r.get('/api/v1/macros', {
    schema: {
      tags,
      querystring: ListMacrosQuery,
      response: { 200: z.object({ items: z.array(MacroJson), nextCursor: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const { active, q, limit, cursor } = req.query;
    const page = await listMacros(db, { active: active === undefined ? undefined : active === 'true', q: q || undefined, limit, cursor });
    return { items: page.items.map(presentMacro), nextCursor: page.nextCursor };
  });

  r.get('/api/v1/macros/:id', {
    schema: { tags, params: IdParams, response: { 200: MacroJson, ...errorResponses } },
  }, async (req) => presentMacro(await getMacro(db, req.params.id)));

  r.patch('/api/v1/macros/:id', {
    config: admin,
    schema: { tags, params: IdParams, body: UpdateMacroBody, response: { 200: MacroJson, ...errorResponses } },
  }, async (req) => presentMacro(await updateMacro(db, actorOf(req), req.params.id, req.body)));

  r.delete('/api/v1/macros/:id', {
    config: admin,
    schema: { tags, params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await deleteMacro(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/macros/:id/render', {
    schema: {
      tags,
      params: IdParams,
      body: RenderBody,
      response: { 200: z.object({ body: z.string(), actions: z.array(MacroActionSchema) }), ...errorResponses },
    },
  }, async (req) => renderMacroForTicket(db, actorOf(req), req.params.id, req.body.ticketId));

  r.post('/api/v1/tickets/:ticketId/macros/:id/apply', {
    schema: { tags, params: ApplyParams, response: { 200: z.object({ body: z.string(), ticket: TicketJson }), ...errorResponses } },
  }, async (req) => {
    const { body, ticket } = await applyMacro(db, actorOf(req), req.params.ticketId, req.params.id);
    return { body, ticket: presentTicket(ticket) };
  });
}
