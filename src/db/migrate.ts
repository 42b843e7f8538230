import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered plain .sql files, forward-only; Kysely's Migrator runs each in a transaction under a lock. */
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const text = await fs.readFile(path.join(migrationsDir, file), 'utf8');
      out[file.replace(/\.sql$/, '')] = { up: (db) => sql.raw(text).execute(db).then(() => {}) };
    }
    return out;
  }
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrate(db: Db): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({
    db,
    provider: new SqlFileProvider(),
    migrationTableName: 'heed_migrations',
    migrationLockTableName: 'heed_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A cheap check at start: every migration file is already recorded as applied. */
async function upToDate(db: Db): Promise<boolean> {
  const files = (await fs.readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f));
  try {
    const { rows } = await sql<{ name: string }>`select name from heed_migrations`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return files.every((f) => applied.has(f.replace(/\.sql$/, '')));
  } catch {
    return false; // no migrations table yet
  }
}
