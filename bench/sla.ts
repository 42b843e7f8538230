/**
 * Follow-through scheduler benchmark: N open tickets with running SLA clocks; `--due` of them fall due within a
 * one-minute window. A real `heed start` process fires the breaches; we report the delay from each due time to its
 * breach event (p50/p99/max), and then the server's CPU while nothing is due (the scheduler idling over N clocks).
 *
 *   node --import tsx bench/sla.ts [--tickets 100000] [--due 5000] [--db pglite|postgres|both] [--idle 30]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { cpuShare, snapshot, waitForQuiet } from './cpu.ts';
import { freshTarget, type Target } from './databases.ts';
import { startServer } from './server.ts';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    due: { type: 'string', default: '5000' },
    db: { type: 'string', default: 'both' },
    idle: { type: 'string', default: '30' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/' },
  },
});
const tickets = Number(values.tickets);
const dueCount = Math.min(Number(values.due), tickets);
const idleSeconds = Number(values.idle);
const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The window opens this long after seeding ends, so the server is up first.
const LEAD_SECONDS = 30;
const WINDOW_SECONDS = 60;

async function seed(target: Target): Promise<void> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : target.dataDir });
  const db = database.db;
  await migrate(db);
  const owner = await db.insertInto('agents').values({ email: 'owner@bench.test', name: 'Owner', role: 'admin' }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('workspace').set({ default_owner_id: owner.id }).execute();
  const policy = await db.selectFrom('sla_policies').select(['id', 'calendar_id']).where('is_default', '=', true).executeTakeFirstOrThrow();
  const t0 = performance.now();
  // Plain SQL: the bench is about the scheduler, not about creating tickets (bench/run.ts measures that).
  await sql`insert into customers (name) select 'Customer ' || g from generate_series(1, ${tickets}) g`.execute(db);
  await sql`insert into tickets (subject, channel, requester_id, owner_id, last_public_from, waiting_since)
    select 'Bench ticket ' || row_number() over (), 'api', id, ${owner.id}, 'customer', now() from customers`.execute(db);
  // The first `dueCount` tickets fall due evenly across the window; the rest in the coming days. Warnings are
  // already sent, so the window measures breaches alone.
  await sql`
    with numbered as (select id, row_number() over (order by id) as n from tickets)
    insert into sla_clocks (ticket_id, metric, policy_id, calendar_id, target_minutes, cycle_started_at, running_since, due_at, warned_at)
    select id, 'first_response', ${policy.id}, ${policy.calendar_id}, 480, now(), now(),
      case when n <= ${dueCount}
        then clock_timestamp() + make_interval(secs => ${LEAD_SECONDS} + (n - 1) * ${WINDOW_SECONDS}::float8 / ${dueCount})
        else now() + interval '2 days' + make_interval(secs => n) end,
      now()
    from numbered`.execute(db);
  await sql`update tickets t set next_due_at = c.due_at from sla_clocks c where c.ticket_id = t.id`.execute(db);
  await sql`analyze`.execute(db);
  console.log(`  seeded ${tickets} open tickets with running clocks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await database.close();
}

async function measure(target: Target) {
  const seededAt = Date.now();
  const server = await startServer({ ...target.env, LOG_LEVEL: 'warn' }, `/tmp/heed-bench-sla-${target.kind}.log`);
  console.log(`  server ready in ${(server.readyMs / 1000).toFixed(1)} s`);
  const windowEnd = seededAt + (LEAD_SECONDS + WINDOW_SECONDS + 10) * 1000;
  await sleep(Math.max(0, windowEnd - Date.now()));
  // Idle: nothing falls due for days; the scheduler still ticks over every open clock.
  await waitForQuiet(30, 30);
  const a = snapshot(server.proc.pid!);
  await sleep(idleSeconds * 1000);
  const cpu = cpuShare(a, snapshot(server.proc.pid!));
  await server.stop();
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : target.dataDir });
  const { rows } = await sql<{ fired: number; p50: number; p99: number; max: number }>`
    select count(*)::int as fired,
      percentile_cont(0.5) within group (order by d) as p50, percentile_cont(0.99) within group (order by d) as p99, max(d) as max
    from (select extract(epoch from e.created_at - c.due_at)::float8 as d
          from events e join sla_clocks c on c.ticket_id = e.ticket_id and c.metric = 'first_response'
          where e.action = 'sla.breached') x`.execute(database.db);
  const dup = await sql<{ n: number }>`select count(*)::int as n from (select ticket_id from events where action = 'sla.breached' group by ticket_id having count(*) > 1) d`.execute(database.db);
  await database.close();
  const r = rows[0]!;
  return { fired: r.fired, duplicates: dup.rows[0]!.n, p50: r.p50, p99: r.p99, max: r.max, idleServerCpu: cpu.server, idlePostgresCpu: cpu.postgres, load: cpu.loadAvg1 };
}

for (const kind of kinds) {
  console.log(`\n${kind}: ${tickets} open tickets, ${dueCount} falling due within ${WINDOW_SECONDS} s`);
  const target = await freshTarget(kind, values['pg-url']!);
  try {
    await seed(target);
    const m = await measure(target);
    console.log(
      `  breaches fired ${m.fired}/${dueCount} (duplicates ${m.duplicates}); delay from due time: p50 ${m.p50.toFixed(2)} s, p99 ${m.p99.toFixed(2)} s, max ${m.max.toFixed(2)} s`,
    );
    console.log(`  idle over ${idleSeconds} s: server ${m.idleServerCpu}% of one core, PostgreSQL processes ~${Math.max(0, m.idlePostgresCpu)}% (backends that exit meanwhile are not counted; load ${m.load})`);
  } finally {
    await target.cleanup();
  }
}
