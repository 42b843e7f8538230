/**
 * One LISTEN per Heed process on the events channel: a dedicated pg.Client on PostgreSQL (the pool's
 * connections come and go, a listener must stay), reconnected with backoff after a drop; PGlite's own listen()
 * in-process, since the embedded database serves this one process only.
 */
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import type { Database } from '../db/database.ts';
import { CHANNEL } from './events.ts';

export type Listener = { stop(): Promise<void> };

export type ListenOptions = {
  database: Database;
  /** The PostgreSQL URL for the dedicated connection (required on PostgreSQL). */
  databaseUrl?: string;
  onPayload(payload: string): void;
  /** Called when notifications may have been missed (the connection dropped and came back). */
  onGap(): void;
  log(line: string): void;
  /** First and longest wait between reconnection attempts. */
  backoffMs?: { min: number; max: number };
};

/** Starts listening; resolves once LISTEN is in effect, so nothing committed afterwards is missed. */
export async function startListener(opts: ListenOptions): Promise<Listener> {
  if (opts.database.kind === 'pglite') return listenPglite(opts);
  if (!opts.databaseUrl) throw new Error('live updates on PostgreSQL need the database URL for their own connection');
  return listenPostgres(opts.databaseUrl, opts);
}

type PgliteLike = { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> };

async function listenPglite(opts: ListenOptions): Promise<Listener> {
  // The Database handle does not expose the PGlite instance; its Kysely connection holds it. Taking the
  // connection through the executor also means no transaction is open while LISTEN runs.
  let unlisten: (() => Promise<void>) | undefined;
  await opts.database.db.getExecutor().provideConnection(async (conn) => {
    const pglite = (conn as unknown as { pg?: PgliteLike }).pg;
    if (!pglite || typeof pglite.listen !== 'function') throw new Error('the embedded database does not offer listen()');
    unlisten = await pglite.listen(CHANNEL, opts.onPayload);
    return conn.executeQuery(CompiledQuery.raw('select 1'));
  });
  return {
    stop: async () => {
      await unlisten?.().catch(() => {}); // the database may already be closed at shutdown
    },
  };
}

async function listenPostgres(url: string, opts: ListenOptions): Promise<Listener> {
  const { min, max } = opts.backoffMs ?? { min: 500, max: 30_000 };
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = min;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    // A dropped connection emits 'error' and/or 'end'; both lead to one reconnect.
    let lost = false;
    let ready = false;
    const onLost = (why: string) => {
      if (!ready || lost || stopped) return; // a failed connect is retried by reconnect()
      lost = true;
      client = null;
      c.end().catch(() => {});
      opts.log(`live updates: listener connection lost (${why}); reconnecting in ${delay} ms`);
      timer = setTimeout(() => void reconnect(), delay);
      delay = Math.min(delay * 2, max);
    };
    c.on('error', (err) => onLost(err.message));
    c.on('end', () => onLost('ended'));
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) opts.onPayload(n.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
    ready = true;
    client = c;
    delay = min;
  };

  const reconnect = async () => {
    if (stopped) return;
    try {
      await connect();
      opts.onGap(); // events committed while we were away were not heard
    } catch (err) {
      opts.log(`live updates: reconnect failed (${(err as Error).message}); next try in ${delay} ms`);
      timer = setTimeout(() => void reconnect(), delay);
      delay = Math.min(delay * 2, max);
    }
  };

  await connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
