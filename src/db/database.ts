import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { namingPool } from './prepared.ts';
import type { DB } from './types.ts';

export type Db = Kysely<DB>;
/** The database's clock (the transaction's start time): every timestamp of one change agrees. */
export const dbNow = () => sql<Date>`now()`;
/** A LIKE pattern matching text that contains `fragment` literally (its %, _ and \\ are not wildcards). */
export const containing = (fragment: string) => `%${fragment.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
export type Tx = Transaction<DB>;
/** A handle that domain functions accept: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The server's URL (PostgreSQL): what needs a connection of its own, such as LISTEN, opens it from here. */
  url?: string;
  close(): Promise<void>;
};

// int8 (counts, identity ids) as JS numbers; Heed's values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type OpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL: name repeated statements (see prepared.ts). Default true. */
  namedStatements?: boolean;
  /** A PGlite data directory tarball to start from (tests use a migrated template). */
  pgliteTemplate?: Blob;
};

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in dataDir (or in memory). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // an idle client dropped by the server is replaced on next use
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: opts.namedStatements === false ? pool : namingPool(pool) }) });
    return { db, kind: 'postgres', url: opts.databaseUrl, close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  // Loaded only when used: a process on PostgreSQL never pays for the embedded engine.
  const [{ PGlite }, { pg_trgm }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('./pglite-dialect.ts'),
  ]);
  const pglite = await PGlite.create({
    dataDir,
    loadDataDir: opts.pgliteTemplate,
    extensions: { pg_trgm },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
