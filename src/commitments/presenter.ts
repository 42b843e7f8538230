import { z } from 'zod';
import type { Commitment } from '../db/types.ts';

export const CommitmentJson = z.object({
  id: z.string(),
  ticketId: z.string(),
  ownerId: z.string(),
  messageId: z.string().nullable(),
  text: z.string(),
  action: z.string().nullable(),
  dueAt: z.string(),
  /** false when the promise named no time and the workspace default applied. */
  dueStated: z.boolean(),
  status: z.enum(['open', 'kept', 'missed', 'cancelled']),
  source: z.enum(['reply', 'manual', 'survey']),
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  missedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Kept by its due time: true or false once kept (false once missed), null while open or when cancelled. */
  keptOnTime: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function keptOnTime(c: Commitment): boolean | null {
  if (c.status === 'missed') return false;
  if (c.status !== 'kept' || !c.completed_at) return null;
  return c.completed_at.getTime() <= c.due_at.getTime();
}

export const presentCommitment = (c: Commitment): z.infer<typeof CommitmentJson> => ({
  id: c.id,
  ticketId: c.ticket_id,
  ownerId: c.owner_id,
  messageId: c.message_id,
  text: c.text,
  action: c.action,
  dueAt: c.due_at.toISOString(),
  dueStated: c.due_stated,
  status: c.status,
  source: c.source,
  remindAt: iso(c.remind_at),
  remindedAt: iso(c.reminded_at),
  missedAt: iso(c.missed_at),
  completedAt: iso(c.completed_at),
  keptOnTime: keptOnTime(c),
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});
