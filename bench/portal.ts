/**
 * Portal benchmark: one customer with `--tickets` tickets among `--others` tickets of other customers; a real
 * `heed start` process; `GET /api/v1/portal/tickets` (first page, and a page deep in the list through its cursor)
 * under autocannon with 10 connections, authenticated by a portal session token. Goal: p99 ≤ 50 ms.
 *
 *   node --import tsx bench/portal.ts [--tickets 1000] [--others 20000] [--db pglite|postgres|both] [--duration 15]
 */
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freshTarget, type Target } from './databases.ts';
import { runLoad } from './load.ts';
import { startServer } from './server.ts';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000' },
    others: { type: 'string', default: '20000' },
    db: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '15' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/' },
  },
});
const mine = Number(values.tickets);
const others = Number(values.others);
const duration = Number(values.duration);
const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];

/** Seeds the tickets with plain SQL and returns a live portal session token for the customer. */
async function seed(target: Target): Promise<string> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : target.dataDir });
  const db = database.db;
  await migrate(db);
  const owner = await db.insertInto('agents').values({ email: 'owner@bench.test', name: 'Owner', role: 'admin' }).returning('id').executeTakeFirstOrThrow();
  const me = await db.insertInto('customers').values({ name: 'Portal Customer' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('customer_identities').values({ customer_id: me.id, kind: 'email', value: 'portal@bench.test' }).execute();
  await sql`insert into customers (name) select 'Other ' || g from generate_series(1, 200) g`.execute(db);
  // The customer's tickets spread over two years; the others' over the same span, each with some other customer.
  await sql`insert into tickets (subject, channel, requester_id, owner_id, created_at, updated_at)
    select 'My question ' || g, 'web', ${me.id}, ${owner.id}, now() - make_interval(mins => g * 1000), now() - make_interval(mins => g * 900)
    from generate_series(1, ${mine}) g`.execute(db);
  await sql`insert into tickets (subject, channel, requester_id, owner_id, created_at, updated_at)
    select 'Other question ' || g, 'email', (select id from customers where name = 'Other ' || (1 + g % 200)), ${owner.id},
      now() - make_interval(mins => g * 50), now() - make_interval(mins => g * 40)
    from generate_series(1, ${others}) g`.execute(db);
  await sql`analyze`.execute(db);
  const token = `heed_p_${randomBytes(32).toString('base64url')}`;
  await db.insertInto('portal_sessions').values({
    customer_id: me.id,
    token_hash: createHash('sha256').update(token).digest('hex'),
    expires_at: new Date(Date.now() + 24 * 3600_000),
  }).execute();
  await database.close();
  return token;
}

/** Like freshTarget, but a database of this benchmark's own, so a benchmark running beside it cannot drop it. */
async function target(kind: 'postgres' | 'pglite', pgUrl: string): Promise<Target> {
  if (kind === 'pglite') return freshTarget(kind, pgUrl);
  const name = 'heed_bench_portal';
  const admin = new pg.Client({ connectionString: `${pgUrl}postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = `${pgUrl}${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-portal-'));
  return {
    kind, env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, databaseUrl, dataDir, describe: databaseUrl, size: () => 0,
    cleanup: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: `${pgUrl}postgres` });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const lines: string[] = [];
for (const kind of kinds) {
  const t = await target(kind, values['pg-url']!);
  try {
    const token = await seed(t);
    const server = await startServer({ ...t.env, LOG_LEVEL: 'warn' }, `/tmp/heed-bench-portal-${kind}.log`);
    try {
      // A cursor 20 pages in, from the list itself.
      let cursor = '';
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${server.url}/api/v1/portal/tickets?limit=25${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
        const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
        if (i === 0 && page.items.length !== Math.min(25, mine)) throw new Error(`first page has ${page.items.length} items`);
        cursor = page.nextCursor ?? cursor;
      }
      for (const [name, path] of [['first page', '/api/v1/portal/tickets?limit=25'], ['page 21 (cursor)', `/api/v1/portal/tickets?limit=25&cursor=${cursor}`]] as const) {
        const r = await runLoad({ name, url: server.url, token, duration, connections: 10, warmupSeconds: 3, serverPid: server.proc.pid!, request: { method: 'GET', path } });
        const line = `${kind} | ${name} | ${r.reqPerSec.toFixed(0)} req/s | p50 ${r.latencyMs.p50} ms | p99 ${r.latencyMs.p99} ms | max ${r.latencyMs.max} ms | non-2xx ${r.non2xx} | load while waiting ${r.quiet.busyPct}%`;
        console.log(line);
        if (r.errorSamples.length) console.log(r.errorSamples.join('\n'));
        lines.push(line);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await t.cleanup();
  }
}
console.log(`\n${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${mine} tickets of one customer, ${others} of others`);
for (const l of lines) console.log(l);
