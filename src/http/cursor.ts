import { HeedError } from './errors.ts';

/** What each position of a cursor must hold, checked before it reaches SQL. */
export type CursorPart = 'timestamp' | 'uuid' | 'int' | 'text';

const checks: Record<CursorPart, (v: unknown) => boolean> = {
  // PostgreSQL's text form of a timestamptz, as the list queries select it.
  timestamp: (v) =>
    typeof v === 'string' &&
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/.test(v),
  uuid: (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  int: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31,
  text: (v) => typeof v === 'string' && v.length <= 400 && !/[\u0000-\u001f]/.test(v),
};

/** Opaque keyset cursors: the sort key of the last row seen, base64url JSON. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor this list issued, or a 400 naming `cursor` for anything else. */
export function decodeCursor(cursor: string | undefined, parts: CursorPart[]): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === parts.length && parts.every((p, i) => checks[p](v[i]))) return v;
  } catch {
    // fall through to the error below
  }
  throw new HeedError('validation_failed', 'cursor: not a cursor returned by this list', [{ field: 'cursor', message: 'invalid cursor' }]);
}
