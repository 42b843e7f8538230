import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Caller } from './helpers.ts';

/** Debian's chromium, driven by playwright-core (.ci/run installs it). */
export const chromiumPath = '/usr/bin/chromium';
/** Screenshots for a person to look at; not committed. */
export const shots = path.resolve(import.meta.dirname, '..', 'test-results', 'web');
/** The password testApp() gives every agent it creates. */
export const agentPassword = 'correct horse battery';

export type Browser = { ctx: BrowserContext; page: Page; errors: string[]; close(): Promise<void> };

/**
 * A browser of its own (a fresh profile), at the desk's usual size. Page errors and console errors are collected
 * in `errors`, except console lines matching `ignoreConsole`.
 */
export async function openBrowser(opts: { ignoreConsole?: RegExp } = {}): Promise<Browser> {
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
  return { ctx, page, errors, close: async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
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

/** Signs in through the form and waits for the first queue. */
export async function signIn(page: Page, base: string, who: Caller): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My tickets', level: 1 }).waitFor();
}
