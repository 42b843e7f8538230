import { z } from 'zod';
import { Limit } from '../http/schemas.ts';

export const ListNotificationsQuery = z.object({
  /** true: only the ones not yet read. */
  unread: z.enum(['true', 'false']).optional(),
  limit: Limit,
});
