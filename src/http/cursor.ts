import { HeedError } from './errors.ts';

/** Opaque keyset cursors: the sort key of the last row seen, base64url JSON. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    // fall through to the error below
  }
  throw new HeedError('validation_failed', 'cursor: not a cursor returned by this list', [{ field: 'cursor', message: 'invalid cursor' }]);
}
