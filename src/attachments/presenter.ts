import { z } from 'zod';
import type { Attachment } from '../db/types.ts';

export const AttachmentJson = z.object({
  id: z.string(),
  ticketId: z.string(),
  messageId: z.string().nullable(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const presentAttachment = (a: Attachment): z.infer<typeof AttachmentJson> => ({
  id: a.id,
  ticketId: a.ticket_id,
  messageId: a.message_id,
  filename: a.filename,
  contentType: a.content_type,
  sizeBytes: Number(a.size_bytes),
  sha256: a.sha256,
  createdAt: a.created_at.toISOString(),
});
