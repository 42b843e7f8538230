/** API problems keyed by the field they name (pure, so the tests can read it without a browser). */
import { ApiError } from '../../api/client.ts';

export type Problems = { fields: Record<string, string>; general: string | null };

/** The problems of a failed request, keyed by the field they name. */
export function problemsOf(err: unknown): Problems {
  if (!(err instanceof ApiError)) return { fields: {}, general: err instanceof Error ? err.message : String(err) };
  const fields: Record<string, string> = {};
  for (const p of err.fields()) fields[p.field.replace(/^body\./, '')] ??= p.message;
  if (Object.keys(fields).length === 0) {
    const m = /^([\w.[\]]+): (.+)$/.exec(err.message);
    if (m?.[1] && m[2]) fields[m[1]] = m[2];
  }
  return { fields, general: Object.keys(fields).length ? null : err.message };
}

/** The problem for a field: the field itself, or anything inside it ("periods" also shows "periods.1.start"). */
export function problemFor(p: Problems, field: string): string | undefined {
  if (p.fields[field]) return p.fields[field];
  const inner = Object.entries(p.fields).find(([k]) => k.startsWith(`${field}.`) || k.startsWith(`${field}[`));
  return inner ? `${inner[0].slice(field.length).replace(/^\./, '')}: ${inner[1]}`.replace(/^: /, '') : undefined;
}
