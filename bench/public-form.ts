// Public form submissions: POST /api/v1/public/tickets with autocannon, 10 connections, against a Heed process on
// PostgreSQL with the per-IP limit off (PUBLIC_RATE_LIMIT_PER_MINUTE=0). Every request uses a new email address,
// so each one finds no customer, creates one and opens a ticket: the per-address limit is counted, never hit.
// Usage: node --import tsx bench/public-form.ts [--pg-url postgres://postgres@127.0.0.1:5432/] [--seconds 20]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import pg from 'pg';
import { login, repoRoot, startServer } from './server.ts';

const { values } = parseArgs({ options: { 'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/' }, seconds: { type: 'string', default: '20' } } });
const pgUrl = values['pg-url'].endsWith('/') ? values['pg-url'] : `${values['pg-url']}/`;
const seconds = Number(values.seconds);
// A database of its own, so this bench never drops another bench's database.
const dbName = 'heed_bench_public_form';

async function onServer(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: `${pgUrl}postgres` });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

await onServer(`drop database if exists ${dbName} with (force)`);
await onServer(`create database ${dbName}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-public-'));
const logFile = path.join(repoRoot, 'bench/results', `public-form-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const server = await startServer({ DATABASE_URL: `${pgUrl}${dbName}`, DATA_DIR: dataDir, PUBLIC_RATE_LIMIT_PER_MINUTE: '0' }, logFile);

const run = randomBytes(4).toString('hex');
let seq = 0;
const bodyFor = () =>
  JSON.stringify({
    name: `Bench Customer ${seq}`,
    email: `bench-${run}-${++seq}@example.com`,
    subject: 'My parcel has not arrived',
    body: 'Hello, I ordered a lamp ten days ago and the tracking page has not changed since Monday. Can you check where it is?',
  });

/** autocannon at 10 connections for `seconds`, after a 3 s warm-up. */
async function load(request: Request) {
  await autocannon({ url: server.url, connections: 10, duration: 3, requests: [request] });
  return autocannon({ url: server.url, connections: 10, duration: seconds, requests: [request] });
}

try {
  const request = { method: 'POST', path: '/api/v1/public/tickets', headers: { 'content-type': 'application/json' }, setupRequest: (req: Request) => ({ ...req, body: bodyFor() }) };
  const r = await load(request);
  const tickets = await (async () => {
    const c = new pg.Client({ connectionString: `${pgUrl}${dbName}` });
    await c.connect();
    const q = await c.query<{ n: string }>("select count(*)::text as n from tickets where channel = 'web'");
    await c.end();
    return Number(q.rows[0]!.n);
  })();
  console.log(JSON.stringify({
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    ticketsStored: tickets,
    statusCodes: r.statusCodeStats,
  }, null, 2));
  // The same machine at the same moment, through the agent API's ticket creation, as a yardstick for what the
  // public path adds (the address lock and the limit count) over creating a ticket at all.
  const password = /with the password (\S+)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
  if (password) {
    const token = await login(server.url, 'admin@heed.local', password);
    const agent = await load({
      method: 'POST',
      path: '/api/v1/tickets',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req: Request) => {
        const b = JSON.parse(bodyFor()) as { email: string; subject: string; body: string };
        return { ...req, body: JSON.stringify({ subject: b.subject, body: b.body, channel: 'web', requester: { email: b.email } }) };
      },
    });
    console.log(`agent API POST /api/v1/tickets, same run: ${agent.requests.average} req/s, p50 ${agent.latency.p50} ms, p99 ${agent.latency.p99} ms, non-2xx ${agent.non2xx}`);
  }
  console.log(r.requests.average >= 300 ? 'PASS: ≥ 300 req/s' : 'FAIL: below 300 req/s');
} finally {
  await server.stop();
  await onServer(`drop database if exists ${dbName} with (force)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
