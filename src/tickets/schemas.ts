import { z } from 'zod';
import { Attributes, Email, Line, Text, Uuid } from '../http/schemas.ts';

export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export const Status = z.enum(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']);
export const ChannelEnum = z.enum(['email', 'web', 'chat', 'api', 'phone']);
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}_\-:.]+$/u, 'tags are letters, digits and _ - : . without spaces');
export const Tags = z.array(Tag).max(30).transform((t) => [...new Set(t)]);
export const Body = Text(200_000).refine((s) => s.trim().length > 0, 'must not be empty');

export const CreateTicketBody = z.object({
  subject: Line(300),
  body: Body,
  bodyHtml: Text(1_000_000).optional(),
  requester: z
    .object({ email: Email.optional(), id: Uuid.optional(), name: Line(200).optional() })
    .refine((r) => Boolean(r.email) !== Boolean(r.id), 'give exactly one of requester.email and requester.id'),
  channel: ChannelEnum.default('api'),
  priority: Priority.default('normal'),
  tags: Tags.default([]),
  customFields: Attributes.default({}),
  teamId: Uuid.optional(),
});
export type CreateTicketInput = z.infer<typeof CreateTicketBody>;

export const UpdateTicketBody = z.object({
  subject: Line(300).optional(),
  status: Status.optional(),
  priority: Priority.optional(),
  tags: Tags.optional(),
  customFields: Attributes.optional(),
  // Refused with a pointer to handoffs; declared so the refusal can say why.
  ownerId: z.unknown().optional(),
  teamId: z.unknown().optional(),
}).strict();
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;

export const MessageBody = z.object({
  body: Body,
  bodyHtml: Text(1_000_000).optional(),
  kind: z.enum(['reply', 'note']).default('reply'),
  /** `requester` records a message the customer sent through an integration. */
  from: z.enum(['agent', 'requester']).default('agent'),
  status: Status.optional(),
  /** Files uploaded to the ticket beforehand (POST …/attachments without messageId) that this message carries. */
  attachmentIds: z.array(Uuid).max(20).optional(),
});
export type MessageInput = z.infer<typeof MessageBody>;

export const ListQuery = z.object({
  status: Status.optional(),
  ownerId: Uuid.optional(),
  teamId: Uuid.optional(),
  requesterId: Uuid.optional(),
  tag: Tag.optional(),
  priority: Priority.optional(),
  bounced: z.enum(['true', 'false']).optional(),
  /** true: the customer spoke last (oldest wait first unless `sort` says otherwise); false: we did. */
  waitingOnUs: z.enum(['true', 'false']).optional(),
  /** Tickets whose next SLA due time is before this instant. */
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  /** Tickets with a running SLA clock past its target. */
  breached: z.enum(['true', 'false']).optional(),
  /** true: status is not solved or closed; false: it is. */
  open: z.enum(['true', 'false']).optional(),
  /** Tickets with a pending handoff addressed to the caller or to a team the caller belongs to. */
  handoffTo: z.literal('me', { message: "must be 'me'" }).optional(),
  sort: z.enum(['newest', 'oldest', 'updated', 'priority', 'due', 'waiting']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsQuery = z.infer<typeof ListQuery>;
