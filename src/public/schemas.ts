import { z } from 'zod';
import { Email, Line, Text, wellFormed } from '../http/schemas.ts';

/** A customer's name: optional, one printable line of at most 200 characters. */
export const CustomerName = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
  .refine(wellFormed, 'must be well-formed Unicode');

/** What a customer writes: subject 1..200, body 1..20,000 characters. */
export const RequestFields = {
  name: CustomerName.optional(),
  email: Email,
  subject: Line(200),
  body: Text(20_000).refine((s) => s.trim().length > 0, 'must not be empty'),
};

/** `POST /api/v1/public/tickets`; `website` is the honeypot that people never see and bots fill in. */
export const PublicTicketBody = z.object({ ...RequestFields, website: z.string().max(10_000).optional() }).strict();

/** The receipt a customer is shown: the reference and when to expect a reply. */
export const ReceiptJson = z.object({
  reference: z.string(),
  number: z.number(),
  expectedReplyBy: z.string().nullable(),
});
