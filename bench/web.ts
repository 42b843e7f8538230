// The web app's figures from issue 7, measured in Debian's chromium against a seeded workspace: the queue
// view interactive after sign-in, a 50-message ticket opened from the queue, and the JavaScript the first view
// ships (gzipped). Usage: node --import tsx bench/web.ts [--tickets N] [--db postgres|pglite] [--runs R]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import pg from 'pg';
import { chromium, type Page } from 'playwright-core';
import { openMigrated } from '../src/server.ts';
import { buildWeb } from '../web/build.ts';
import { loadSentences } from './corpus.ts';
import { freshTarget, type Target } from './databases.ts';
import { seed } from './seed.ts';
import { login, repoRoot, startServer } from './server.ts';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'postgres' },
    runs: { type: 'string', default: '5' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/' },
  },
});
const tickets = Number(values.tickets);
const runs = Number(values.runs);
const kind = values.db === 'pglite' ? 'pglite' : 'postgres';
const pgUrl = values['pg-url'].endsWith('/') ? values['pg-url'] : `${values['pg-url']}/`;
if (!Number.isInteger(tickets) || tickets < 100 || !Number.isInteger(runs) || runs < 1) throw new Error('--tickets ≥ 100 and --runs ≥ 1, whole numbers');
const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const admin = { email: 'bench-admin@heed.local', password: randomBytes(12).toString('base64url') };
const resultsDir = path.join(repoRoot, 'bench/results');
const MESSAGES = 50;

/**
 * PostgreSQL gets a database of its own (heed_bench_web), so this bench never drops the one bench/run.ts may be
 * using at the same time; PGlite gets a fresh data directory as in the main bench.
 */
async function target(): Promise<Target> {
  if (kind === 'pglite') return freshTarget('pglite', pgUrl);
  const name = 'heed_bench_web';
  const c = new pg.Client({ connectionString: `${pgUrl}postgres` });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-web-'));
  const databaseUrl = `${pgUrl}${name}`;
  return {
    kind,
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    databaseUrl,
    dataDir,
    describe: databaseUrl,
    size: () => 0,
    cleanup: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      // A 1M workspace takes 3.4 GB; nothing reads it after the run.
      const d = new pg.Client({ connectionString: `${pgUrl}postgres` });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`).finally(() => d.end());
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Clicks `click` in the page and waits, frame by frame, until `selector` holds `text`: the ms in between. The
 * page code is a string because tsx would wrap a function's inner arrows in a helper the page does not have.
 */
const clickAndWatch = `async ({ click, selector, text }) => {
  const el = document.querySelector(click);
  if (!el) throw new Error('nothing to click at ' + click);
  const t0 = performance.now();
  el.click();
  const seen = () => [...document.querySelectorAll(selector)].some((n) => (n.textContent || '').includes(text));
  await new Promise((resolve, reject) => {
    const check = () => (seen() ? resolve() : performance.now() - t0 > 30000 ? reject(new Error(selector + ' "' + text + '" not shown in 30 s')) : requestAnimationFrame(check));
    check();
  });
  // The frame that shows it: wait until it has been painted.
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  return performance.now() - t0;
}`;

async function clickUntilVisible(page: Page, click: string, selector: string, text: string): Promise<number> {
  return (await page.evaluate(`(${clickAndWatch})(${JSON.stringify({ click, selector, text })})`)) as number;
}

async function main() {
  say('building the web app');
  await buildWeb({ quiet: true });
  const t = await target();
  const { sentences } = loadSentences();
  say(`${kind}: seeding ${tickets.toLocaleString('en')} tickets into ${t.describe}`);
  const database = await openMigrated({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, poolSize: 1 });
  try {
    const info = await seed(database.db, { tickets, kind, sentences, admin, log: (l) => say(`${kind}: ${l}`) });
    say(`${kind}: seeded in ${info.seconds.total.toFixed(0)} s`);
  } finally {
    await database.close();
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const server = await startServer(t.env, path.join(resultsDir, `${stamp}-web-${kind}-server.log`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // The newest ticket gets 47 more messages (the seed gives each 3), alternating the customer and notes.
    const token = await login(server.url, admin.email, admin.password);
    const api = async (method: string, p: string, body?: unknown) => {
      const res = await fetch(`${server.url}${p}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const newest = (await api('GET', '/api/v1/tickets?sort=newest&limit=1')).items[0];
    const have = (await api('GET', `/api/v1/tickets/${newest.id}`)).messages.length;
    for (let i = have; i < MESSAGES; i++) {
      const last = i === MESSAGES - 1;
      const body = last ? 'Last message of fifty: the parcel is here.' : `Message ${i + 1} about the order, with a sentence or two of detail so it is not empty.`;
      await api('POST', `/api/v1/tickets/${newest.id}/messages`, i % 2 ? { kind: 'note', body } : { from: 'requester', kind: 'reply', body });
    }
    const detail = await api('GET', `/api/v1/tickets/${newest.id}`);
    if (detail.messages.length !== MESSAGES) throw new Error(`the ticket has ${detail.messages.length} messages, not ${MESSAGES}`);

    const page = browser.pages()[0] ?? (await browser.newPage());
    const scripts = new Map<string, number>();
    page.on('response', async (r) => {
      if (r.url().endsWith('.js') && r.ok()) scripts.set(r.url(), zlib.gzipSync(await r.body()).length);
    });
    const signInMs: number[] = [];
    const reloadMs: number[] = [];
    const openMs: number[] = [];
    let firstViewJs = 0;
    for (let run = 0; run < runs; run++) {
      await browser.clearCookies();
      await page.goto(`${server.url}/queue/all`);
      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Password').fill(admin.password);
      signInMs.push(await clickUntilVisible(page, 'form button[type=submit]', '.ticket-list .subject', newest.subject));
      if (run === 0) firstViewJs = [...scripts.values()].reduce((a, b) => a + b, 0);
      // A reload with the session: the same view, from a cold page.
      const t0 = Date.now();
      await page.reload();
      await page.locator('.ticket-list .ticket-row').first().waitFor();
      reloadMs.push(Date.now() - t0);
      openMs.push(await clickUntilVisible(page, `.ticket-list a[href="/tickets/${newest.id}"]`, '.message', 'Last message of fifty'));
      const shown = await page.locator('.timeline .message').count();
      if (shown !== MESSAGES) throw new Error(`the timeline shows ${shown} messages`);
    }
    const result = {
      kind,
      tickets,
      runs,
      signInToFirstRowMs: median(signInMs),
      reloadToFirstRowMs: median(reloadMs),
      open50MessageTicketMs: median(openMs),
      firstViewJsGzipBytes: firstViewJs,
      all: { signInMs, reloadMs, openMs },
      at: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(resultsDir, `${stamp}-web-${kind}.json`), JSON.stringify(result, null, 2));
    console.log(
      `web bench (${kind}, ${tickets.toLocaleString('en')} tickets, median of ${runs}): queue first row after sign-in ${result.signInToFirstRowMs.toFixed(0)} ms` +
        ` (reload ${result.reloadToFirstRowMs} ms), 50-message ticket ${result.open50MessageTicketMs.toFixed(0)} ms, first-view JS ${(firstViewJs / 1024).toFixed(1)} KB gzipped`,
    );
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await server.stop();
    await t.cleanup();
  }
}

await main();
