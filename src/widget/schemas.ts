/** Request and response shapes of the widget's conversation API. */
import { z } from 'zod';
import { Email, Line, Text } from '../http/schemas.ts';

export const BODY_MAX = 20_000;

const Body = Text(BODY_MAX).refine((s) => s.trim().length > 0, 'must not be empty');

export const StartBody = z
  .object({
    name: Line(200),
    email: Email,
    subject: Line(200).optional(),
    body: Body,
    /** The honeypot: hidden from people, so only a robot fills it in. */
    website: z.string().max(10_000).optional(),
  })
  .strict();

export const MessageBody = z.object({ body: Body }).strict();

export const StartJson = z.object({ reference: z.string(), number: z.number(), expectedReplyBy: z.date().nullable(), token: z.string() });

export const AttachmentRef = z.object({ id: z.string(), filename: z.string(), size: z.number() });

export const ConversationJson = z.object({
  reference: z.string(),
  status: z.string(),
  expectedReplyBy: z.date().nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      from: z.enum(['customer', 'agent']),
      authorName: z.string().nullable(),
      body: z.string(),
      createdAt: z.date(),
      attachments: z.array(AttachmentRef),
    }),
  ),
});

export const FileQuery = z.object({
  filename: Line(255)
    .refine((f) => !/[\\/]/.test(f), 'must be a file name without a path')
    .refine((f) => !blockedExtension.test(f), 'this kind of file (a program or script) cannot be sent; zip it or send another format'),
});

/** Files that run when opened: refused from anonymous senders. */
const blockedExtension = /\.(exe|com|bat|cmd|scr|pif|msi|msp|dll|cpl|jar|js|jse|vbs|vbe|wsf|wsh|ps1|psm1|hta|lnk|reg|sh|app|apk|iso|dmg)$/i;
