import { z } from 'zod';

/** Schemas shared by many routes. */
export const Uuid = z.uuid({ message: 'must be a UUID' });
export const IdParams = z.object({ id: Uuid });
export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export const Email = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((e) => e.toLowerCase());
/** A printable single-line text: control characters are refused rather than stored. */
export const Line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');
export const Text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
export const Attributes = z
  .record(z.string().max(100), z.unknown())
  .refine((o) => JSON.stringify(o).length <= 32_000, 'must be at most 32,000 characters as JSON');
export const Limit = z.coerce.number().int().min(1).max(100).default(25);
export const Cursor = z.string().max(500).optional();
export const Timestamp = z.date().transform((d) => d.toISOString());
export const IsoTime = z.string();

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
