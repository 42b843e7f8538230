// The Heed benchmark: seeds a workspace with bulk SQL, then measures ticket creation, the team queue page,
// full-text search, start-up time and idle memory on PGlite and PostgreSQL. See BENCHMARKS.md.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { openMigrated } from '../src/server.ts';
import { parseBenchArgs, type BenchArgs, type DbKind } from './args.ts';
import { loadSentences, pickSearchQueries, type SearchQuery, type Sentence } from './corpus.ts';
import { freshTarget, type Target } from './databases.ts';
import { waitForQuiet } from './cpu.ts';
import { diagnose } from './explain.ts';
import { runLoad } from './load.ts';
import { runCreateReplay, runPgbench } from './pgbench.ts';
import { checks, checkTable, loadTable, searchTable, type DbResult } from './report.ts';
import { createTicketRequest, probe, probeCreate, queuePath, queueRequest, searchPath, searchRequest } from './scenarios.ts';
import { countMatches, seed, type SeedInfo } from './seed.ts';
import { login, repoRoot, rssMb, sleep, startServer } from './server.ts';

const args = parseBenchArgs(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const admin = { email: 'bench-admin@heed.local', password: randomBytes(12).toString('base64url') };

const { sentences, source } = loadSentences();
const queries = pickSearchQueries(sentences);
say(`corpus: ${sentences.length} sentences from ${source}; search mix: ${queries.map((q) => q.q).join(', ')}`);

async function benchOne(kind: DbKind): Promise<DbResult> {
  const result: DbResult = { kind, loads: [], probes: { queue: [], search: [] }, errors: [] };
  const target = await freshTarget(kind, args.pgUrl);
  const logFile = path.join(resultsDir, `${stamp}-${kind}-server.log`);
  say(`${kind}: fresh database ${target.describe}; seeding ${args.tickets.toLocaleString('en')} tickets`);
  try {
    const database = await openMigrated({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
    let info: SeedInfo;
    try {
      info = await seed(database.db, { tickets: args.tickets, kind, sentences, admin, log: (l) => say(`${kind}: ${l}`) });
      result.matches = await countMatches(database.db, queries.map((q) => q.q));
    } finally {
      await database.close();
    }
    result.seed = { ...info, diskMb: (await target.size()) / 2 ** 20 };
    say(`${kind}: seeded in ${info.seconds.total.toFixed(0)} s (${result.seed.diskMb.toFixed(0)} MB on disk)`);
    await measureServer(target, info, result, logFile);
    if (!args.skip.has('startup')) await measureStartup(target, result, logFile);
    if (!args.skip.has('explain')) await measureDiagnostics(target, info, result);
  } catch (err) {
    result.errors.push((err as Error).stack ?? String(err));
    say(`${kind}: FAILED: ${(err as Error).message}`);
  } finally {
    if (kind === 'postgres' || !args.keep) await target.cleanup();
  }
  return result;
}

/** Starts the server on the seeded database, runs the load scenarios, and probes each query on its own. */
async function measureServer(target: Target, info: SeedInfo, result: DbResult, logFile: string) {
  result.commit = productCommit();
  const server = await startServer(target.env, logFile);
  try {
    const token = await login(server.url, admin.email, admin.password);
    const common = { url: server.url, token, duration: args.duration, connections: args.connections, warmupSeconds: 2, serverPid: server.proc.pid! };
    const createReq = createTicketRequest(sentences, info.sampleEmails, info.teamIds);
    const preflight = [
      await probe(server.url, token, queuePath(info.teamIds[0]!), 1),
      await probe(server.url, token, searchPath(queries[0]!.q), 1),
    ];
    const created = await probeCreate(server.url, token, createReq);
    for (const p of preflight) if (p.status !== 200) result.errors.push(`preflight ${p.path}: ${p.status} ${p.body}`);
    if (created.status !== 201) result.errors.push(`preflight POST /api/v1/tickets: ${created.status} ${created.body}`);

    if (!args.skip.has('queue')) {
      say(`${target.kind}: queue page (${args.duration} s, ${args.connections} connections)`);
      result.loads.push(await runLoad({ ...common, name: 'queue', request: queueRequest(info.teamIds) }));
    }
    if (!args.skip.has('search')) {
      say(`${target.kind}: search mix of ${queries.length} queries`);
      result.loads.push(await runLoad({ ...common, name: 'search', request: searchRequest(queries) }));
    }
    if (target.databaseUrl && !args.skip.has('pgbench')) {
      say(`${target.kind}: pgbench single-row insert`);
      await waitForQuiet();
      result.pgbench = await runPgbench(target.databaseUrl, Math.max(5, args.duration));
    }
    if (!args.skip.has('create')) {
      say(`${target.kind}: ticket create`);
      result.loads.push(await runLoad({ ...common, name: 'create', request: createReq }));
    }
    for (const l of result.loads) {
      say(`${target.kind}: ${l.name}: ${l.reqPerSec.toFixed(0)} req/s, p50 ${l.latencyMs.p50.toFixed(1)} ms, p95 ${l.latencyMs.p95.toFixed(1)} ms, p99 ${l.latencyMs.p99.toFixed(1)} ms, non-2xx ${l.non2xx}, errors ${l.errors}`);
      say(`${target.kind}: ${l.name}: CPU % of one core: server ${l.cpu.server}, postgres ${l.cpu.postgres}, load generator ${l.cpu.benchClient}, other ${l.cpu.other} (machine ${l.cpu.machineBusy} of ${l.cpu.cores * 100}; load avg ${l.cpu.loadAvg1})`);
    }
    for (const teamId of info.teamIds) result.probes.queue.push(await probe(server.url, token, queuePath(teamId), 5));
    for (const q of queries) result.probes.search.push({ ...(await probe(server.url, token, searchPath(q.q), 5)), ...q });
    await sleep(3000);
    result.rssAfterLoadMb = rssMb(server.proc.pid!).rss;
  } finally {
    await server.stop();
  }
}

/** EXPLAIN ANALYZE of the product's queries, and pgbench replaying its create transaction (PostgreSQL). */
async function measureDiagnostics(target: Target, info: SeedInfo, result: DbResult) {
  const db = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
  try {
    // A common, a medium, a rare word and a phrase: plans differ with how many rows match.
    const terms = [0, 6, 9, queries.length - 1].map((i) => queries[i]?.q).filter((q): q is string => Boolean(q));
    result.diagnostics = await diagnose(db.db, info.teamIds[0]!, terms);
    for (const p of result.diagnostics.plans) say(`${target.kind}: EXPLAIN ${p.label}: ${p.executionMs} ms execution, ${p.planningMs} ms planning`);
  } finally {
    await db.close();
  }
  if (!target.databaseUrl || args.skip.has('pgbench')) return;
  const statements = result.diagnostics.createStatements;
  result.createReplay = { statements: statements.length };
  for (const mode of ['extended', 'prepared'] as const) {
    await waitForQuiet();
    result.createReplay[mode] = await runCreateReplay(target.databaseUrl, statements, result.diagnostics.newIds, Math.max(5, args.duration), mode);
    say(`${target.kind}: pgbench replay of the create transaction (${statements.length} statements, -M ${mode}): ${JSON.stringify(result.createReplay[mode])}`);
  }
}

/** Time to first request and idle memory of fresh starts on the existing (seeded) data. */
async function measureStartup(target: Target, result: DbResult, logFile: string) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    await waitForQuiet(30);
    const server = await startServer(target.env, logFile);
    await sleep(5000);
    runs.push({ readyMs: server.readyMs, idleRssMb: rssMb(server.proc.pid!).rss });
    await server.stop();
  }
  const median = <T>(xs: T[], key: (x: T) => number) => xs.map(key).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  result.startup = { runs, readyMs: median(runs, (r) => r.readyMs), idleRssMb: median(runs, (r) => r.idleRssMb) };
  say(`${target.kind}: start → first request ${result.startup.readyMs.toFixed(0)} ms, idle RSS ${result.startup.idleRssMb.toFixed(0)} MB`);
}

const sh = (cmd: string) => {
  try {
    return execSync(cmd, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
/** The product version a server runs: others may commit while a long run goes on, so it is read at each start. */
const productCommit = () => `${sh('git rev-parse --short HEAD')}${sh('git status --porcelain -- src') ? ' + uncommitted changes in src/' : ''}`;

function environment(a: BenchArgs) {
  const pglite = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  return {
    date: new Date().toISOString(),
    args: { ...a, skip: [...a.skip] },
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    postgres: a.dbs.includes('postgres') ? sh(`psql "${a.pgUrl}postgres" -Atc "show server_version"`) : null,
    pglite: pglite.version,
    commit: productCommit(),
  };
}

const results: DbResult[] = [];
const env = environment(args);
for (const kind of args.dbs) results.push(await benchOne(kind));
const allChecks = results.flatMap((r) => checks(r, args.tickets));
const file = path.join(resultsDir, `${stamp}-${args.tickets}.json`);
fs.writeFileSync(file, JSON.stringify({ environment: env, queries, results, checks: allChecks }, null, 2));

const summary = [
  `Heed benchmark, ${args.tickets.toLocaleString('en')} tickets × 3 messages, ${args.connections} connections, ${args.duration} s per scenario (${env.date}, ${env.commit})`,
  loadTable(results),
  checkTable(allChecks),
  searchTable(results),
  ...results.map((r) => {
    const seedLine = r.seed
      ? `${r.kind} (product ${r.commit ?? '?'}): seed ${r.seed.seconds.total.toFixed(0)} s (load ${r.seed.seconds.load.toFixed(0)} s, indexes ${r.seed.seconds.indexes.toFixed(0)} s, vacuum analyze ${r.seed.seconds.vacuumAnalyze.toFixed(0)} s), ${r.seed.diskMb.toFixed(0)} MB on disk; server RSS after the load ${r.rssAfterLoadMb?.toFixed(0) ?? '—'} MB`
      : `${r.kind}: not seeded`;
    return [seedLine, ...r.errors.map((e) => `${r.kind}: ERROR ${e}`)].join('\n');
  }),
].join('\n\n');
console.log(`\n${summary}`);
fs.writeFileSync(file.replace(/\.json$/, '.md'), `${summary}\n`);
console.log(`\nResults: ${path.relative(repoRoot, file)} (and .md)`);
process.exitCode = results.some((r) => r.errors.length) ? 1 : 0;
