import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { NotificationsTable } from '../db/types.ts';

export const NotificationJson = z.object({
  id: z.string(),
  kind: z.string(),
  ticketId: z.string().nullable(),
  commitmentId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const presentNotification = (n: Selectable<NotificationsTable>): z.infer<typeof NotificationJson> => ({
  id: n.id,
  kind: n.kind,
  ticketId: n.ticket_id,
  commitmentId: n.commitment_id,
  body: n.body,
  createdAt: n.created_at.toISOString(),
  readAt: n.read_at ? n.read_at.toISOString() : null,
});
