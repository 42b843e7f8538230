// The knowledge benchmark (issue 6): article suggestions, similar tickets and repeated-inquiry grouping at size.
// Seeds tickets (bench/seed.ts) and 5,000 articles, runs the product's own indexer until it has caught up, trains the
// tag model, groups 100,000 inquiries, calls similarTickets directly, then loads a running Heed over HTTP.
//   node --import tsx bench/knowledge.ts [--db postgres|pglite] [--tickets N] [--articles N] [--connections N] [--rate R]
// --rate holds the HTTP load at R requests/s in all (latency at a steady load); without it, as fast as Heed answers.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { computeGroups } from '../src/knowledge/groups.ts';
import { similarTickets } from '../src/knowledge/similar.ts';
import { suggestArticles } from '../src/knowledge/suggest.ts';
import { trainTagModel } from '../src/knowledge/tag-model.ts';
import { indexPendingTickets } from '../src/knowledge/tickets-index.ts';
import { openMigrated } from '../src/server.ts';
import { updateAgent } from '../src/agents/service.ts';
import type { DbKind } from './args.ts';
import { loadSentences } from './corpus.ts';
import { waitForQuiet } from './cpu.ts';
import { freshTarget, type Target } from './databases.ts';
import pg from 'pg';
import { loadInquiries, sampleTicketIds, seedKnowledge, type Inquiry } from './knowledge-data.ts';
import { runLoad, type LoadResult } from './load.ts';
import { seed } from './seed.ts';
import { login, repoRoot, startServer } from './server.ts';

const { values: v } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: 'string', default: 'postgres' },
    tickets: { type: 'string' },
    articles: { type: 'string', default: '5000' },
    macros: { type: 'string', default: '60' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rate: { type: 'string' },
    calls: { type: 'string', default: '600' },
    'index-batch': { type: 'string', default: '2000' },
    'index-budget': { type: 'string', default: '0' },
    reuse: { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/' },
  },
});
const kind = v.db as DbKind;
if (kind !== 'postgres' && kind !== 'pglite') throw new Error('--db must be postgres or pglite');
const num = (s: string | undefined, name: string, min: number) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
};
const N = num(v.tickets ?? (kind === 'postgres' ? '1000000' : '100000'), 'tickets', 100);
const A = num(v.articles, 'articles', 1);
const duration = num(v.duration, 'duration', 1);
const connections = num(v.connections, 'connections', 1);
const calls = num(v.calls, 'calls', 10);
const indexBatch = num(v['index-batch'], 'index-batch', 1);
const indexBudget = num(v['index-budget'], 'index-budget', 0);
const pgUrl = v['pg-url'].endsWith('/') ? v['pg-url'] : `${v['pg-url']}/`;

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${kind}: ${line}`);
const admin = { email: 'bench-admin@heed.local', password: randomBytes(12).toString('base64url') };
const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Latencies of a function called one call at a time over the inquiry mix (after a warm-up). */
async function timeCalls(name: string, inquiries: Inquiry[], n: number, fn: (q: Inquiry) => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await fn(inquiries[(i * 97) % inquiries.length]!);
  const quiet = await waitForQuiet(30);
  const ms: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(inquiries[(i * 7 + 11) % inquiries.length]!);
    ms.push(performance.now() - s);
  }
  const wall = (performance.now() - t0) / 1000;
  ms.sort((a, b) => a - b);
  const out = { name, calls: n, p50: r1(pct(ms, 0.5)), p95: r1(pct(ms, 0.95)), p99: r1(pct(ms, 0.99)), max: r1(ms.at(-1)!), perSec: r1(n / wall), load1: os.loadavg()[0], quiet };
  say(`${name}: p50 ${out.p50} ms, p95 ${out.p95} ms, p99 ${out.p99} ms, max ${out.max} ms, ${out.perSec} calls/s`);
  return out;
}

/**
 * Like freshTarget, but on PostgreSQL in a database of its own (heed_bench_knowledge): other benchmarks drop and
 * recreate heed_bench whenever they start, which would cut this long run off.
 */
async function ownTarget(k: DbKind, url: string): Promise<Target> {
  if (k !== 'postgres') return freshTarget(k, url);
  const name = 'heed_bench_knowledge';
  if (!v.reuse) {
    const c = new pg.Client({ connectionString: `${url}postgres` });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
    await c.end();
  }
  const databaseUrl = `${url}${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-kb-'));
  return {
    kind: k, env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, databaseUrl, dataDir, describe: databaseUrl,
    size: () => 0,
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

const result: Record<string, unknown> = { kind, tickets: N, articles: A, started: new Date().toISOString(), uptime: fs.readFileSync('/proc/loadavg', 'utf8').trim() };
const target = await ownTarget(kind, pgUrl);
const inquiries = loadInquiries();
say(`${inquiries.length} inquiries in the mix; fresh database ${target.describe}`);
try {
  let t = performance.now();
  // 1. Seed tickets (3 messages each, banking77 sentences combined, tagged with their intent), articles, macros.
  // With --reuse (PostgreSQL), the database a previous run left is measured again as it is.
  if (!v.reuse) {
  let database = await openMigrated({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
  const { sentences } = loadSentences();
  const info = await seed(database.db, { tickets: N, kind, sentences, admin, log: say });
  t = performance.now();
  await seedKnowledge(database.db, { articles: A, macros: Number(v.macros) });
  result.seed = { ...info.seconds, knowledgeSeconds: r1((performance.now() - t) / 1000) };
  say(`seeded ${info.tickets} tickets in ${info.seconds.total.toFixed(0)} s, ${A} articles in ${r1((performance.now() - t) / 1000)} s`);
  await database.close();
  }
  const database = await openMigrated({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 10 });
  const db = database.db;
  if (v.reuse) {
    const a = await db.selectFrom('agents').select('id').where('email', '=', admin.email).executeTakeFirstOrThrow();
    await updateAgent(db, { kind: 'system' }, a.id, { password: admin.password });
  } else {

  // 2. The indexer, exactly as the job runs it, until it returns 0 (or the budget runs out).
  t = performance.now();
  let indexed = 0;
  let last = t;
  let lastN = 0;
  const rates: { at: number; perSec: number }[] = [];
  for (;;) {
    const n = await indexPendingTickets(db, indexBatch);
    indexed += n;
    if (n === 0) break;
    if (indexed - lastN >= 50_000) {
      const now = performance.now();
      rates.push({ at: indexed, perSec: Math.round((indexed - lastN) / ((now - last) / 1000)) });
      say(`indexed ${indexed.toLocaleString('en')} (${rates.at(-1)!.perSec} tickets/s lately, load ${os.loadavg()[0]!.toFixed(2)})`);
      (last = now), (lastN = indexed);
    }
    if (indexBudget && performance.now() - t > indexBudget * 1000) {
      say(`index budget of ${indexBudget} s spent at ${indexed} tickets; benching at that size`);
      break;
    }
  }
  const indexSeconds = (performance.now() - t) / 1000;
  const sizes = await sql<{ ti: number; tt: number; kt: number }>`select (select count(*) from ticket_index)::int as ti,
    (select count(*) from ticket_terms)::int as tt, (select count(*) from knowledge_terms)::int as kt`.execute(db);
  result.index = { indexed, seconds: r1(indexSeconds), perSec: Math.round(indexed / indexSeconds), batch: indexBatch, rates, rows: sizes.rows[0] };
  say(`indexed ${indexed} tickets in ${r1(indexSeconds)} s (${Math.round(indexed / indexSeconds)}/s); rows ${JSON.stringify(sizes.rows[0])}`);
  for (const tb of ['ticket_index', 'ticket_terms', 'knowledge_terms']) await sql.raw(`analyze ${tb}`).execute(db);

  // 3. The tag model.
  t = performance.now();
  const examples = await trainTagModel(db);
  result.tagModel = { examples, seconds: r1((performance.now() - t) / 1000) };
  say(`tag model: ${examples} examples in ${r1((performance.now() - t) / 1000)} s`);

  // 4. Grouping the newest 100,000 indexed inquiries (a window over all of them; computeGroups takes the newest 100k).
  // Stored as the default window so the server's upkeep tick does not regroup during the HTTP runs.
  await waitForQuiet(30);
  t = performance.now();
  const groups = await computeGroups(db, { since: new Date(0), until: new Date(Date.now() + 86_400_000) }, { isDefault: true });
  const groupSeconds = (performance.now() - t) / 1000;
  result.groups = { seconds: r1(groupSeconds), groups: groups.length, grouped: groups.reduce((s, g) => s + g.size, 0), withArticle: groups.filter((g) => g.articleId).length, load1: os.loadavg()[0] };
  say(`grouping: ${groups.length} groups in ${r1(groupSeconds)} s`);

  }

  // 5. similarTickets called directly, one call at a time.
  result.similarDirect = await timeCalls('similarTickets()', inquiries, calls, (q) => similarTickets(db, { text: `${q.subject ?? ''}\n${q.body}`, limit: 5 }));
  result.suggestDirect = await timeCalls('suggestArticles()', inquiries, calls, (q) => suggestArticles(db, { subject: q.subject, body: q.body }));
  const ids = await sampleTicketIds(db, 2000);
  await database.close();

  // 6. A running Heed over HTTP.
  // The per-IP limit of the public suggest route reads X-Forwarded-For only when TRUST_PROXY says so.
  const server = await startServer({ ...target.env, TRUST_PROXY: 'true' }, path.join(resultsDir, `${stamp}-knowledge-${kind}-server.log`));
  try {
    const token = await login(server.url, admin.email, admin.password);
    const common = { url: server.url, token, duration, connections, warmupSeconds: 2, serverPid: server.proc.pid!, ...(v.rate ? { rate: num(v.rate, 'rate', 1) } : {}) };
    let n = 0;
    // Public route, limited to 120 a minute per client address: each request comes from its own customer address.
    const suggestReq = {
      method: 'POST',
      path: '/api/v1/knowledge/suggest',
      setupRequest: (req: { headers?: Record<string, string> }) => {
        const i = n++;
        const q = inquiries[(i * 7 + 3) % inquiries.length]!;
        const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        return { ...req, headers: { ...req.headers, 'x-forwarded-for': ip }, body: JSON.stringify({ ...(q.subject ? { subject: q.subject } : {}), body: q.body }) };
      },
    };
    const loads: LoadResult[] = [];
    say(`POST /api/v1/knowledge/suggest (${duration} s, ${connections} connections)`);
    loads.push(await runLoad({ ...common, name: 'suggest', request: suggestReq }));
    let m = 0;
    const path1 = (id: string) => `/api/v1/tickets/${id}/suggestions`;
    say(`GET /api/v1/tickets/:id/suggestions (${duration} s, ${connections} connections)`);
    loads.push(await runLoad({ ...common, name: 'ticket-suggestions', request: { method: 'GET', path: path1(ids[0]!), setupRequest: (req) => ({ ...req, path: path1(ids[m++ % ids.length]!) }) } }));
    for (const l of loads) say(`${l.name}: ${l.requests} requests, ${r1(l.reqPerSec)} req/s, p50 ${l.latencyMs.p50} ms, p95 ${l.latencyMs.p95} ms, p99 ${l.latencyMs.p99} ms, non-2xx ${l.non2xx}, cpu ${JSON.stringify(l.cpu)}${l.errorSamples.length ? ` errors: ${l.errorSamples.join(' | ')}` : ''}`);
    result.http = loads;
    // One fresh grouping over HTTP, the newest 100,000 of the whole history.
    await waitForQuiet(30);
    t = performance.now();
    const res = await fetch(`${server.url}/api/v1/insights/repeated-inquiries?fresh=true&since=1970-01-01T00:00:00Z&until=${new Date(Date.now() + 86_400_000).toISOString()}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { groups?: unknown[] };
    result.groupsHttp = { status: res.status, seconds: r1((performance.now() - t) / 1000), groups: body.groups?.length ?? null };
    say(`GET repeated-inquiries?fresh=true: ${res.status} in ${r1((performance.now() - t) / 1000)} s, ${body.groups?.length} groups`);
  } finally {
    await server.stop();
  }
} catch (err) {
  result.error = (err as Error).stack ?? String(err);
  say(`FAILED: ${(err as Error).stack}`);
  process.exitCode = 1;
} finally {
  await target.cleanup();
  const out = path.join(resultsDir, `${stamp}-knowledge-${kind}.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  say(`results: ${out}`);
}
