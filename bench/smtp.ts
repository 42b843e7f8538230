/**
 * Inbound email benchmark: 10 client connections deliver messages of the corpus's median size to Heed's SMTP
 * server (`heed start` in its own process), on PostgreSQL and PGlite. Reports messages stored per second and
 * the latency of each delivery over a kept-open connection (MAIL FROM, RCPT TO, DATA → 250, which Heed sends
 * only after the message is committed). Heed's outbound relay is a counting SMTP server in this process, so the
 * acknowledgements Heed owes new tickets really go out while the intake runs; the report says how many had left by
 * the last message, how many in all, and how long after the last message the last one left.
 *
 * Before the measured run, `--seed` earlier emails (other customers) are filed the same way and marked solved.
 *
 *   node --import tsx bench/smtp.ts [--messages 3000] [--seed 5000] [--db postgres|pglite|both]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { knowledgeTick } from '../src/knowledge/jobs.ts';
import { SEND_QUEUE } from '../src/email/outbound.ts';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server.ts';
import { snapshot, waitForQuiet } from './cpu.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `heed start` in its own process, ready when it says it receives mail. */
async function startServer(env: Record<string, string>, logFile: string) {
  // BENCH_NODE_ARGS passes flags to Heed's process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, 'bin/heed.js'), 'start'], {
    env: { ...process.env, PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(logFile);
  proc.stderr.pipe(log);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Receiving email by SMTP')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`heed exited with ${code}; see ${logFile}`)));
  });
  return { pid: proc.pid!, stop: () => new Promise<void>((r) => { proc.once('exit', () => r()); proc.kill('SIGTERM'); }) };
}

const { values } = parseArgs({ options: { messages: { type: 'string', default: '3000' }, seed: { type: 'string', default: '5000' }, db: { type: 'string', default: 'both' }, connections: { type: 'string', default: '10' } } });
const total = Number(values.messages);
const seed = Number(values.seed);
const connections = Number(values.connections);
const corpus = path.resolve(repoRoot, '../shared/corpora/emails');

/** Bodies of the corpus's median size, as real customer text where the corpus has it. */
function medianSize(): number {
  const manifest = path.join(corpus, 'manifest.tsv');
  if (!fs.existsSync(manifest)) return 4000;
  const sizes = fs.readFileSync(manifest, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => Number(l.split('\t')[5])).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)]!;
}

async function prepare(kind: 'postgres' | 'pglite'): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-smtp-'));
  let env: Record<string, string> = { DATA_DIR: dataDir };
  let dropDb = async () => {};
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query('drop database if exists heed_bench_smtp with (force)');
    await admin.query('create database heed_bench_smtp');
    await admin.end();
    env = { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/heed_bench_smtp' };
    dropDb = async () => {
      const a = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await a.connect();
      await a.query('drop database if exists heed_bench_smtp with (force)');
      await a.end();
    };
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  await migrate(database.db);
  const owner = await database.db.insertInto('agents').values({ email: 'owner@heed.test', name: 'Owner', role: 'admin' }).returning('id').executeTakeFirstOrThrow();
  await database.db.updateTable('workspace').set({ default_owner_id: owner.id }).execute();
  await database.db.insertInto('mailboxes').values({ address: 'support@heed.test', name: 'Support' }).execute();
  await database.close();
  return { env, cleanup: async () => { await dropDb(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

/** The outbound relay: accepts and counts, keeps nothing (the customers' mail provider, as cheap as it gets). */
async function startRelay() {
  let count = 0;
  let historyCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, done) {
      stream.on('end', () => {
        // Only mail to the measured run's customers counts as an acknowledgement (the seeded history's customers
        // are at @example.org).
        if (session.envelope.rcptTo.some((r) => r.address.endsWith('@example.com'))) count++;
        else historyCount++;
        done();
      });
      stream.resume();
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return { port, count: () => count, history: () => historyCount, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Waits until nothing has arrived at the relay for `quietMs`; returns when the last one arrived (ms from now). */
async function drained(relay: { count(): number }, quietMs = 5_000): Promise<number> {
  const start = performance.now();
  let seen = relay.count();
  let lastArrival = start;
  while (performance.now() - Math.max(lastArrival, start) < quietMs && performance.now() - start < 300_000) {
    await new Promise((r) => setTimeout(r, 50));
    if (relay.count() !== seen) {
      seen = relay.count();
      lastArrival = performance.now();
    }
  }
  return lastArrival - start;
}

type Clients = ReturnType<typeof nodemailer.createTransport>[];

/** Sends `count` messages over the pooled clients; returns each delivery's latency and how many failed. */
async function deliver(clients: Clients, count: number, body: string, message: (i: number) => { from: string; id: string; subject: string }) {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (next < count) {
        const i = next++;
        const m = message(i);
        const start = performance.now();
        try {
          // Written out here rather than composed by nodemailer for each message: the load generator's own CPU is
          // not Heed's, and on a 2-core machine it competes with Heed for the same cores.
          await c.sendMail({ envelope: { from: m.from, to: ['support@heed.test'] }, raw: rawMessage(m, i, body) });
          latencies.push(performance.now() - start);
        } catch {
          failed++;
        }
      }
    }),
  );
  return { latencies, failed };
}

/** A plain-text email as a mail client sends it; every fifth answers an earlier one, so threading is exercised too. */
function rawMessage(m: { from: string; id: string; subject: string }, i: number, body: string): string {
  const lines = body.match(/.{1,76}(?:\s|$)/g) ?? [body];
  return [
    `From: ${m.from}`,
    'To: support@heed.test',
    `Subject: ${m.subject}`,
    `Message-ID: <${m.id}-${i}@example.com>`,
    ...(i % 5 === 4 ? [`In-Reply-To: <${m.id}-${i - 4}@example.com>`] : []),
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    ...lines.map((l) => l.trimEnd()),
    '',
  ].join('\r\n');
}

/**
 * The seeded history was filed through the same SMTP path; it is then marked solved (as a help desk's past mostly
 * is) and analysed, so the measured run meets tables, indexes and planner statistics of a desk in use instead of
 * empty ones. Heed is stopped meanwhile (PGlite allows one process).
 */
async function solveHistory(env: Record<string, string>) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! });
  // Solved a week and more ago: past the survey window, so the history's customers are not surveyed during the run.
  await sql`update tickets set status = 'solved', created_at = created_at - interval '9 days', solved_at = now() - interval '8 days',
    first_replied_at = coalesce(first_replied_at, now() - interval '9 days'),
    waiting_since = null, next_due_at = null, expected_reply_by = null, ack_pending = false`.execute(database.db);
  await sql`update sla_clocks set running_since = null, stopped_at = now(), met = true where stopped_at is null`.execute(database.db);
  // Mail the history still owed (a burst's last acknowledgements) had long left by now.
  await sql`update message_emails set delivery_status = 'sent', sent_at = now() where delivery_status = 'queued'`.execute(database.db);
  await sql`delete from pgboss.job where name = ${SEND_QUEUE} and state in ('created', 'retry')`.execute(database.db);
  // The history's upkeep (similar-ticket index, tag model, inquiry groups) happens here, as it would have over
  // the weeks the history took, rather than inside the measured minute.
  await knowledgeTick(database.db);
  await sql`vacuum analyze`.execute(database.db); // the update's dead rows are not the measured run's to clean
  await database.close();
}

async function run(kind: 'postgres' | 'pglite') {
  const target = await prepare(kind);
  const smtpPort = await freePort();
  const relay = await startRelay();
  const serverEnv = { ...target.env, INBOUND_SMTP_PORT: String(smtpPort), OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${relay.port}?ignoreTLS=true` };
  const logFile = path.join(os.tmpdir(), `heed-bench-smtp-${kind}.log`);
  const size = medianSize();
  const filler = 'Hello, my card payment was declined twice today although my balance is fine. Could you check what is wrong? ';
  // The body fills the message (headers ~270 bytes) to the corpus median.
  const body = filler.repeat(Math.ceil(size / filler.length)).slice(0, Math.max(100, size - 270));
  const connect = (): Clients => Array.from({ length: connections }, () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity }));
  if (seed) {
    const seeding = await startServer(serverEnv, logFile);
    const seedClients = connect();
    // Other senders than the measured run's, so the loop guard's hourly allowance is not already spent.
    const { failed } = await deliver(seedClients, seed, body, (i) => ({ from: `past${i % 2000}@example.org`, id: 'seed', subject: `Earlier question ${i}` }));
    for (const c of seedClients) c.close();
    if (failed) throw new Error(`${failed} of the seed messages failed`);
    await drained({ count: relay.history }, 5_000);
    await seeding.stop();
    await solveHistory(target.env);
  }
  const server = await startServer(serverEnv, logFile);
  await waitForQuiet(120); // Heed's start-up (migrations check, first upkeep ticks) is not part of the intake
  const historyBefore = relay.history();
  const clients = connect();
  const cpu0 = snapshot(server.pid);
  const t0 = performance.now();
  const { latencies, failed } = await deliver(clients, total, body, (i) => ({ from: `customer${i % 500}@example.com`, id: 'bench', subject: `Card declined ${i}` }));
  const seconds = (performance.now() - t0) / 1000;
  for (const c of clients) c.close();
  // Acknowledgements still owed keep leaving after the last message. (Not every new ticket gets one: the loop guard
  // holds back more than five automatic messages an hour to one address, and the bench's senders write often.)
  const ackByEnd = relay.count();
  const ackAfterMs = await drained(relay);
  const cpu1 = snapshot(server.pid);
  // CPU per stored message, intake and the acknowledgements' sending together (ticks are 10 ms): a cost that a
  // busy machine does not distort the way it distorts a rate.
  const perMessage = (ticks: number) => ((ticks * 10) / Math.max(1, latencies.length)).toFixed(2);
  await server.stop();
  await relay.close();
  await target.cleanup();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  return {
    kind, messages: total, failed, messageBytes: size, perSecond: Math.round(latencies.length / seconds), p50: pct(50), p95: pct(95), p99: pct(99),
    acks: `${ackByEnd} / ${relay.count()}, last +${(ackAfterMs / 1000).toFixed(1)} s${relay.history() > historyBefore ? ` (and ${relay.history() - historyBefore} to others)` : ''}`,
    heedCpu: perMessage(cpu1.server - cpu0.server), pgCpu: kind === 'postgres' ? perMessage(cpu1.postgres - cpu0.postgres) : '-',
  };
}

const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : ([values.db as 'postgres' | 'pglite'] as const);
const results = [];
for (const k of kinds) results.push(await run(k));
console.log(`\ninbound SMTP, ${connections} connections, ${total} messages of ~${results[0]?.messageBytes} bytes (corpus median), after ${seed} earlier emails filed and solved, ${new Date().toISOString()}`);
console.log('| database | stored/s | p50 ms | p95 ms | p99 ms | failed | acknowledgements out by the last message / in all, last one after it | CPU ms per message: Heed / PostgreSQL |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.kind} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.failed} | ${r.acks} | ${r.heedCpu} / ${r.pgCpu} |`);
