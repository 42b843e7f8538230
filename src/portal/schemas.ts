import { z } from 'zod';

/** One row of the customer's ticket list. */
export const PortalTicketItemJson = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  status: z.string(),
  expectedReplyBy: z.string().nullable(),
  updatedAt: z.string(),
  requester: z.object({ name: z.string().nullable() }),
});

export const PortalTicketListJson = z.object({ items: z.array(PortalTicketItemJson), nextCursor: z.string().nullable() });

/** The satisfaction survey of a ticket as its customer sees it (rating 1-5, or "good"/"bad" on the binary scale). */
export const PortalSurveyJson = z.object({
  id: z.string(),
  scale: z.enum(['five', 'binary']),
  rating: z.union([z.number(), z.enum(['good', 'bad'])]).nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
  open: z.boolean(),
});

/** A ticket as its customer sees it: public replies, their files and the promises made to the customer. */
export const PortalTicketJson = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  status: z.string(),
  expectedReplyBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  requester: z.object({ name: z.string().nullable() }),
  messages: z.array(z.object({
    id: z.string(),
    from: z.enum(['agent', 'customer']),
    author: z.string().nullable(),
    channel: z.string(),
    body: z.string(),
    createdAt: z.string(),
  })),
  attachments: z.array(z.object({
    id: z.string(),
    messageId: z.string().nullable(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    createdAt: z.string(),
  })),
  commitments: z.array(z.object({
    id: z.string(),
    text: z.string(),
    dueAt: z.string(),
    status: z.enum(['open', 'kept', 'missed']),
    completedAt: z.string().nullable(),
  })),
  survey: PortalSurveyJson.nullable(),
});
