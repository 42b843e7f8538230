import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export type PgbenchResult = { tps: number; latencyMs: number | null; clients: number; seconds: number; command: string } | { error: string };

/** PostgreSQL's own single-row INSERT rate on the same server: pgbench -c 10 -j 2 on a tiny table. */
export async function runPgbench(databaseUrl: string, seconds: number, clients = 10): Promise<PgbenchResult> {
  return withTable(databaseUrl, async (table) => pgbench(databaseUrl, `insert into ${table} (note) values ('a single row');\n`, seconds, clients, 'simple'));
}

/** A SQL literal for a query parameter, so a captured statement can be replayed by pgbench. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  // An E'' string with colons escaped: pgbench would read ":name" inside a literal as one of its variables.
  const quote = (s: string) => `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\x3a')}'`;
  if (v instanceof Date) return quote(v.toISOString());
  if (Array.isArray(v)) return quote(`{${v.map((x) => `"${String(x).replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`);
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(String(v));
}

/**
 * PostgreSQL's ceiling for Heed's own create transaction: the statements the product sent for one create
 * (token lookup, then BEGIN … COMMIT), replayed by pgbench with literal values, without Node in the way.
 */
export async function runCreateReplay(
  databaseUrl: string,
  statements: { sql: string; parameters: unknown[] }[],
  newIds: string[],
  seconds: number,
  mode: 'extended' | 'prepared',
): Promise<PgbenchResult> {
  // Ids the application generated for new rows become fresh ones per transaction (from pgbench's :n).
  const value = (v: unknown) => (typeof v === 'string' && newIds.includes(v) ? `md5('${newIds.indexOf(v)}' || :n)::uuid` : literal(v));
  const inline = (q: { sql: string; parameters: unknown[] }) => q.sql.replace(/\$(\d+)/g, (_, i: string) => value(q.parameters[Number(i) - 1]));
  const [auth, ...tx] = statements.map(inline);
  const script = ['\\set n random(1, 9000000000000000000)\n', ...[auth, 'begin', ...tx, 'commit'].map((s) => `${s};\n`)].join('');
  return pgbench(databaseUrl, script, seconds, 10, mode);
}

async function pgbench(databaseUrl: string, script: string, seconds: number, clients: number, mode: 'simple' | 'extended' | 'prepared'): Promise<PgbenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-pgbench-'));
  const file = path.join(dir, 'script.sql');
  try {
    fs.writeFileSync(file, script);
    const args = ['-n', '-c', String(clients), '-j', '2', '-T', String(Math.round(seconds)), ...(mode === 'simple' ? [] : ['-M', mode]), '-f', file, databaseUrl];
    const { stdout } = await promisify(execFile)('pgbench', args, { maxBuffer: 1 << 20 });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    const lat = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
    if (!tps) return { error: `could not read tps from pgbench output:\n${stdout}` };
    return { tps: Number(tps), latencyMs: lat ? Number(lat) : null, clients, seconds, command: `pgbench ${args.slice(0, -2).join(' ')} script.sql <db>` };
  } catch (err) {
    return { error: (err as Error).message.slice(0, 2000) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function withTable(databaseUrl: string, fn: (table: string) => Promise<PgbenchResult>): Promise<PgbenchResult> {
  const table = 'bench_pgbench_insert';
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop table if exists ${table}; create table ${table} (id bigserial primary key, note text not null, created_at timestamptz not null default now())`);
    return await fn(table);
  } finally {
    await client.query(`drop table if exists ${table}`).catch(() => {});
    await client.end();
  }
}
