import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Named statements for PostgreSQL. Sent unnamed, a statement is parsed and planned on every run; on the email
 * intake's hot path that was a third of PostgreSQL's statement time (planning 3.9 s beside 8.9 s of execution,
 * pg_stat_statements). A named statement is parsed once per connection, and after five runs PostgreSQL keeps a
 * generic plan when it costs no more than planning each time.
 *
 * Only statements with parameters are named (begin, commit and DDL stay as they are), and only once a connection
 * has run the same text twice, so one-off texts (an IN list of an unusual length) do not fill the connection's
 * cache. A connection names at most MAX_NAMED texts, which bounds the server memory each one holds.
 */
const MAX_NAMED = 200;
const MAX_TRACKED = 2_000;

/** What one connection has named, has seen once, and will no longer name. Shared with the PGlite dialect. */
export type Memo = { names: Map<string, string>; seen: Set<string>; refused: Set<string>; count: number };

export const newMemo = (): Memo => ({ names: new Map(), seen: new Set(), refused: new Set(), count: 0 });

/** After an error that shows the statement's plan is stale (0A000), the text is sent unnamed from then on. */
export function refuse(memo: Memo, text: string) {
  memo.names.delete(text);
  memo.refused.add(text);
}

/** Wraps a pg pool so that the connections it lends to Kysely name the statements they repeat. */
export function namingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let lent = wrapped.get(client);
      if (!lent) {
        lent = namingClient(client);
        wrapped.set(client, lent);
      }
      return lent;
    },
    end: () => pool.end(),
  };
}

function namingClient(client: pg.PoolClient): PostgresPoolClient {
  const memo = newMemo();
  const query = async (text: string, values: unknown[]) => {
    const name = values.length ? nameFor(memo, text) : undefined;
    if (!name) return client.query(text, values);
    try {
      return await client.query({ name, text, values });
    } catch (err) {
      // "cached plan must not change result type": a table changed under the statement (a newer Heed migrated it).
      // This text is sent unnamed from now on; the caller sees the error once, as it would any failed statement.
      if ((err as { code?: string }).code === '0A000') refuse(memo, text);
      throw err;
    }
  };
  return {
    // Kysely calls query(sql, params) for statements and query(cursor) for streams; a cursor is passed through.
    query: ((textOrCursor: string | pg.Submittable, values?: readonly unknown[]) =>
      typeof textOrCursor === 'string' ? query(textOrCursor, [...(values ?? [])]) : client.query(textOrCursor)) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

/** The name to run `text` under, or undefined to send it unnamed (see the note at the top). */
export function nameFor(memo: Memo, text: string): string | undefined {
  const known = memo.names.get(text);
  if (known || memo.refused.has(text)) return known;
  if (!memo.seen.has(text)) {
    if (memo.seen.size >= MAX_TRACKED) memo.seen.clear();
    memo.seen.add(text);
    return undefined;
  }
  if (memo.count >= MAX_NAMED) return undefined;
  const name = `heed_${++memo.count}`;
  memo.names.set(text, name);
  memo.seen.delete(text);
  return name;
}
