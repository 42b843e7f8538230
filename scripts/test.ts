/**
 * `npm test`: prepares a migrated template database, then runs every *.test.ts file on PGlite and, when
 * TEST_DATABASE_URL names a PostgreSQL server, on PostgreSQL too. Each test file copies the template into a
 * fresh database of its own. Ends with one line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { Kysely } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { PGliteDialect } from '../src/db/pglite-dialect.ts';
import { migrate } from '../src/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '..');
const cache = path.join(root, '.test-cache');
fs.mkdirSync(cache, { recursive: true });

const migrationsHash = createHash('sha256')
  .update(fs.readdirSync(path.join(root, 'src/db/migrations')).sort().map((f) => fs.readFileSync(path.join(root, 'src/db/migrations', f), 'utf8')).join('\n'))
  .digest('hex')
  .slice(0, 12);

function testFiles(args: string[]): string[] {
  if (args.length) return args.map((a) => path.resolve(a));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(path.join(root, 'src'));
  walk(path.join(root, 'test'));
  return out.sort();
}

async function main() {
  const args = process.argv.slice(2);
  const files = testFiles(args);
  const targets: { name: string; env: Record<string, string> }[] = [];

  targets.push({ name: 'pglite', env: { HEED_TEST_DB: 'pglite', HEED_TEST_PGLITE_TEMPLATE: await preparePglite() } });
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) targets.push({ name: 'postgres', env: { HEED_TEST_DB: 'postgres', HEED_TEST_PG_URL: pgUrl, HEED_TEST_PG_TEMPLATE: await preparePostgres(pgUrl) } });
  else console.log('TEST_DATABASE_URL is not set: running on PGlite only (set it to a PostgreSQL URL to run on both).');

  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const t of targets) {
    console.log(`\n=== ${files.length} test files on ${t.name} ===`);
    const countsFile = path.join(cache, `counts-${t.name}-${process.pid}.json`);
    const res = spawnSync(
      process.execPath,
      [
        '--import', 'tsx', '--test', '--test-concurrency=2',
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        `--test-reporter=${path.join(root, 'scripts/count-reporter.mjs')}`, `--test-reporter-destination=${countsFile}`,
        ...files,
      ],
      { stdio: 'inherit', env: { ...process.env, ...t.env }, cwd: root },
    );
    const counts = fs.existsSync(countsFile) ? JSON.parse(fs.readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
    fs.rmSync(countsFile, { force: true });
    if (res.status !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed
    console.log(`${t.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

async function preparePglite(): Promise<string> {
  const file = path.join(cache, `pglite-template-${migrationsHash}.tar.gz`);
  if (fs.existsSync(file)) return file;
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<never>({ dialect: new PGliteDialect(pglite) });
  await migrate(db as never);
  const tar = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(`${file}.tmp`, Buffer.from(await tar.arrayBuffer()));
  fs.renameSync(`${file}.tmp`, file);
  await pglite.close();
  return file;
}

async function preparePostgres(url: string): Promise<string> {
  const name = `heed_test_tmpl_${migrationsHash}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    await admin.query(`drop database if exists ${name}_building`);
    await admin.query(`create database ${name}_building`);
    const u = new URL(url);
    u.pathname = `/${name}_building`;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
    await migrate(database.db);
    await database.close();
    await admin.query(`alter database ${name}_building rename to ${name}`);
    return name;
  } finally {
    await admin.end();
  }
}

await main();
