import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../web/build.ts';
import { dbKind, testApp, type Caller, type TestApp } from './helpers.ts';

/** Debian's chromium, driven by playwright-core (.ci/run installs it). */
export const chromiumPath = '/usr/bin/chromium';
/** Screenshots for a person to look at; not committed. */
export const shots = path.resolve(import.meta.dirname, '..', 'test-results', 'web');
/** The password testApp() gives every agent it creates. */
export const agentPassword = 'correct horse battery';

export type Browser = { ctx: BrowserContext; page: Page; errors: string[]; close(): Promise<void> };

export type BrowserOptions = {
  /** Console errors to leave out of `errors`, e.g. the browser's own line for a request the app refuses on purpose. */
  ignoreConsole?: RegExp;
  /** Also count every HTTP response of 400 or more as an error ("404 http://…"), for pages that show none. */
  failOnHttpErrors?: boolean;
};

/**
 * Checks that chromium is there, builds the desk app when it is missing (unless `build` is false: pages served
 * without it), makes the screenshot folder, and starts testApp() listening on a free port of 127.0.0.1.
 */
export async function startWebApp(opts: { build?: boolean } = {}): Promise<{ t: TestApp; base: string }> {
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium (.ci/run does this)`);
  if (opts.build !== false) await ensureWebBuilt(() => {});
  fs.mkdirSync(shots, { recursive: true });
  const t = await testApp();
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, base };
}

/**
 * A browser of its own (a fresh profile), at the desk's usual size. Page errors and console errors are collected
 * in `errors`, except console lines matching `ignoreConsole`; with `failOnHttpErrors`, refused responses too.
 */
export async function openBrowser(opts: BrowserOptions = {}): Promise<Browser> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !opts.ignoreConsole?.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  if (opts.failOnHttpErrors) {
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
  }
  return { ctx, page, errors, close: async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

type BrowserBody = (b: Browser) => Promise<void>;

/**
 * Opens a browser, runs `body` with it, then asserts that the browser collected no errors (the assertion's diff
 * lists them); closes the browser whether or not the body or the assertion failed. `acceptDialogs` accepts every
 * confirm() and alert() the page opens. The options may be left out. A test that uses two browsers at once keeps
 * its own frame.
 */
export async function withBrowser(...args: [BrowserBody] | [BrowserOptions & { acceptDialogs?: boolean }, BrowserBody]): Promise<void> {
  const opts: BrowserOptions & { acceptDialogs?: boolean } = args.length === 2 ? args[0] : {};
  const body = args.length === 2 ? args[1] : args[0];
  const b = await openBrowser(opts);
  if (opts.acceptDialogs) b.page.on('dialog', (d) => void d.accept());
  try {
    await body(b);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

/** A screenshot (the full page unless told) in test-results/web/, named after the database the tests run on. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${dbKind}-${name}.png`), fullPage });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is; fails on any serious or critical violation, naming them. */
export async function checkAccessibility(page: Page, name: string): Promise<void> {
  // evaluate() is not subject to the page's CSP, which (rightly) refuses injected script tags.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${name}: ${JSON.stringify(serious)}`);
}

/** A page for a phone: no wider than `width` (no sideways scrolling), then axe-core as checkAccessibility. */
export async function checkNarrowPage(page: Page, name: string, width = 375): Promise<void> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= width, `${name}: ${wide}px wide`);
  await checkAccessibility(page, name);
}

/** Signs in through the form and waits for the first queue. */
export async function signIn(page: Page, base: string, who: Caller): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My tickets', level: 1 }).waitFor();
}
