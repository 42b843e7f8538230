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
// Half of a UTF-16 surrogate pair cannot be stored as text or JSON by PostgreSQL.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const wellFormed = (s: string) => !loneSurrogate.test(s);

/** A printable single-line text: control characters are refused rather than stored. */
export const Line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
    .refine(wellFormed, 'must be well-formed Unicode');
export const Text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .refine(wellFormed, 'must be well-formed Unicode');
/** A search or filter string: may be empty, never holds control characters. */
export const Query = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
    .refine(wellFormed, 'must be well-formed Unicode');

const maxDepth = 10;
/** Why a free JSON value cannot be stored (too deep, NUL or broken Unicode in a key or string), or null. */
function jsonProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000') || !wellFormed(v)) return 'must not contain NUL characters or broken Unicode';
    } else if (v && typeof v === 'object') {
      if (depth >= maxDepth) return `must not nest deeper than ${maxDepth} levels`;
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000') || !wellFormed(k)) return 'keys must not contain NUL characters or broken Unicode';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** Free attributes or custom fields: a JSON object of bounded size and depth. */
export const Attributes = z
  .unknown()
  .superRefine((v, ctx) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return;
    }
    const problem = jsonProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    else if (JSON.stringify(v).length > 32_000) ctx.addIssue({ code: 'custom', message: 'must be at most 32,000 characters as JSON' });
  })
  .transform((v) => v as Record<string, unknown>);
export const Limit = z.coerce.number().int().min(1).max(100).default(25);
export const Cursor = z.string().max(500).optional();

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
