import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { HeedError } from '../http/errors.ts';
import { errorResponses, IdParams, Text } from '../http/schemas.ts';
import { createCalendar, deleteCalendar, getCalendar, listCalendars, updateCalendar } from './calendars.ts';
import { holidaysFromIcs } from './ics.ts';
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy } from './policy-admin.ts';
import { requestResync } from './resync.ts';
import { CalendarBody, CalendarJson, PolicyBody, PolicyJson, presentCalendar, presentPolicy } from './schemas.ts';

const tags = ['sla'];

export function slaRoutes(app: FastifyInstance, { database, jobs }: AppContext): void {
  const { db } = database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'admin' as const };
  const actorOf = (req: FastifyRequest) => ({ kind: 'agent' as const, id: principalOf(req).agentId });
  const resync = () => requestResync(db, jobs);

  r.get('/api/v1/business-hours', { schema: { tags, response: { 200: z.object({ items: z.array(CalendarJson) }), ...errorResponses } } }, async () => ({
    items: (await listCalendars(db)).map(presentCalendar),
  }));
  r.get('/api/v1/business-hours/:id', { schema: { tags, params: IdParams, response: { 200: CalendarJson, ...errorResponses } } }, async (req) =>
    presentCalendar(await getCalendar(db, req.params.id)));
  r.post('/api/v1/business-hours', { config: admin, schema: { tags, body: CalendarBody, response: { 201: CalendarJson, ...errorResponses } } }, async (req, reply) => {
    const c = await createCalendar(db, actorOf(req), req.body);
    if (c.isDefault) await resync();
    return reply.status(201).send(presentCalendar(c));
  });
  r.patch('/api/v1/business-hours/:id', {
    config: admin,
    schema: { tags, params: IdParams, body: CalendarBody.partial().strict(), response: { 200: CalendarJson, ...errorResponses } },
  }, async (req) => {
    const c = await updateCalendar(db, actorOf(req), req.params.id, req.body);
    await resync();
    return presentCalendar(c);
  });
  r.delete('/api/v1/business-hours/:id', { config: admin, schema: { tags, params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await deleteCalendar(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  // Holidays from an iCalendar file (a public-holiday feed, say), added to the calendar's own.
  r.post('/api/v1/business-hours/:id/holidays/import', {
    config: admin,
    schema: { tags, params: IdParams, body: z.object({ ics: Text(2_000_000) }).strict(), response: { 200: CalendarJson, ...errorResponses } },
  }, async (req) => {
    let imported;
    try {
      imported = holidaysFromIcs(req.body.ics);
    } catch (err) {
      throw new HeedError('validation_failed', `ics: ${(err as Error).message}`);
    }
    const current = await getCalendar(db, req.params.id);
    const byDate = new Map(current.holidays.map((h) => [h.date, h]));
    for (const h of imported) if (!byDate.has(h.date)) byDate.set(h.date, h);
    const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
    const c = await updateCalendar(db, actorOf(req), req.params.id, { holidays });
    await resync();
    return presentCalendar(c);
  });

  r.get('/api/v1/sla-policies', { schema: { tags, response: { 200: z.object({ items: z.array(PolicyJson) }), ...errorResponses } } }, async () => ({
    items: (await listPolicies(db)).map(presentPolicy),
  }));
  r.get('/api/v1/sla-policies/:id', { schema: { tags, params: IdParams, response: { 200: PolicyJson, ...errorResponses } } }, async (req) =>
    presentPolicy(await getPolicy(db, req.params.id)));
  r.post('/api/v1/sla-policies', { config: admin, schema: { tags, body: PolicyBody, response: { 201: PolicyJson, ...errorResponses } } }, async (req, reply) => {
    const p = await createPolicy(db, actorOf(req), req.body);
    await resync();
    return reply.status(201).send(presentPolicy(p));
  });
  r.patch('/api/v1/sla-policies/:id', {
    config: admin,
    schema: { tags, params: IdParams, body: PolicyBody.partial().strict(), response: { 200: PolicyJson, ...errorResponses } },
  }, async (req) => {
    const p = await updatePolicy(db, actorOf(req), req.params.id, req.body);
    await resync();
    return presentPolicy(p);
  });
  r.delete('/api/v1/sla-policies/:id', { config: admin, schema: { tags, params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await deletePolicy(db, actorOf(req), req.params.id);
    await resync();
    return reply.status(204).send(null);
  });
}
