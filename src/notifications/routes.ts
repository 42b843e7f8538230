import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { NotificationJson, presentNotification } from './presenter.ts';
import { ListNotificationsQuery } from './schemas.ts';
import { listNotifications, markRead } from './service.ts';

/** The signed-in agent's own notifications; another agent's are not found, not forbidden, so ids reveal nothing. */
export function notificationRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/api/v1/notifications', {
    schema: { tags: ['notifications'], querystring: ListNotificationsQuery, response: { 200: z.object({ items: z.array(NotificationJson) }), ...errorResponses } },
  }, async (req) => {
    const rows = await listNotifications(db, principalOf(req).agentId, { unread: req.query.unread === 'true', limit: req.query.limit });
    return { items: rows.map(presentNotification) };
  });

  r.post('/api/v1/notifications/:id/read', {
    schema: { tags: ['notifications'], params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await markRead(db, principalOf(req).agentId, req.params.id);
    return reply.status(204).send(null);
  });
}
