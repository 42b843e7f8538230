import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DbKind } from './args.ts';

export type Target = {
  kind: DbKind;
  /** Environment for `heed start` pointing at this database. */
  env: Record<string, string>;
  databaseUrl?: string;
  dataDir: string;
  describe: string;
  /** Bytes the database takes on disk. */
  size(): number | Promise<number>;
  cleanup(): Promise<void>;
};

export const BENCH_DB = 'heed_bench';

/** A fresh, empty database: heed_bench dropped and created on PostgreSQL, or a new PGlite data directory. */
export async function freshTarget(kind: DbKind, pgUrl: string): Promise<Target> {
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: `${pgUrl}postgres` });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
      await admin.query(`create database ${BENCH_DB}`);
    } finally {
      await admin.end();
    }
    const databaseUrl = `${pgUrl}${BENCH_DB}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-pg-'));
    return {
      kind,
      env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
      databaseUrl,
      dataDir,
      describe: databaseUrl,
      size: async () => {
        const c = new pg.Client({ connectionString: databaseUrl });
        await c.connect();
        const r = await c.query<{ n: string }>('select pg_database_size(current_database())::text as n');
        await c.end();
        return Number(r.rows[0]!.n);
      },
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-pglite-'));
  return {
    kind,
    env: { DATA_DIR: dataDir },
    dataDir,
    describe: dataDir,
    size: () => dirSize(dataDir),
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}
