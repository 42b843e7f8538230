import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createAgent } from '../src/agents/service.ts';
import { issueToken } from '../src/auth/tokens.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createTicket } from '../src/tickets/service.ts';
import { checkAccessibility, withBrowser } from './browser.ts';
import { spawnHeed } from './heed-process.ts';
import { processDatabase } from './helpers.ts';
import { startSink, until } from './smtp-sink.ts';

describe('the customer portal in chromium, with the sign-in link delivered over real SMTP', () => {
  const customer = 'portal.browser@example.com';
  const hostile = '<img src=x onerror="window.__pwned=1">Card lost';
  let sink: Awaited<ReturnType<typeof startSink>>;
  let cleanup = async () => {};
  let heed: ChildProcess | undefined;
  let base = '';
  let agentToken = '';
  let ticketId = '';

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${agentToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    sink = await startSink();
    const created = await processDatabase('heed_portal');
    cleanup = created.cleanup;
    // Prepare the workspace before Heed starts (PGlite has one owner at a time): an agent with a token, a ticket.
    const database = await openDatabase(created.env.DATABASE_URL ? { databaseUrl: created.env.DATABASE_URL } : { dataDir: created.env.DATA_DIR });
    await migrate(database.db);
    const agent = await createAgent(database.db, { kind: 'system' }, { email: 'ada@heed.test', name: 'Ada Lovelace', role: 'admin', password: 'correct horse battery' });
    agentToken = (await issueToken(database.db, { agentId: agent.id, kind: 'api', name: 'browser' })).token;
    const ticket = await createTicket(database.db, { kind: 'system' }, {
      subject: hostile, body: 'I lost my card yesterday.', requester: { email: customer, name: 'Pat Portal' }, channel: 'email', priority: 'normal', tags: [], customFields: {},
    });
    ticketId = ticket.id;
    await database.close();
    const started = await spawnHeed({ ...created.env, OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    heed = started.proc;
    base = started.url;
    const reply = await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'We have blocked the card and will send a new one.' });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const note = await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: 'SECRET NOTE: check fraud flags', kind: 'note' });
    assert.equal(note.status, 201);
  });
  after(async () => {
    heed?.kill('SIGKILL');
    await sink?.close();
    await cleanup();
  });

  it('signs in by the emailed link, lists and opens the ticket, replies, uploads and marks it solved', { timeout: 120_000 }, () => withBrowser({ failOnHttpErrors: true }, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/portal`);
    await page.getByRole('heading', { name: 'Sign in to see your support requests' }).waitFor();
    await checkAccessibility(page, 'portal sign-in');
    await page.getByLabel('Email').fill(customer);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const mail = await until('the sign-in mail', () => sink.received.find((m) => m.text?.includes('/portal/auth?token=')));
    assert.equal((mail.to as { text: string }).text, customer);
    const link = /(http\S+\/portal\/auth\?token=\S+)/.exec(mail.text!)![1]!;
    // The link goes to the public URL Heed was given; open the same path on the address this test reaches it at.
    await page.goto(base + new URL(link).pathname + new URL(link).search);
    await page.getByRole('heading', { name: 'Your support requests' }).waitFor();
    const item = page.getByRole('link', { name: hostile });
    await item.waitFor();
    await checkAccessibility(page, 'portal ticket list');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scrolling on a phone (${width}px)`);

    await item.click();
    await page.getByRole('heading', { name: hostile }).waitFor();
    await page.getByText('We have blocked the card').waitFor();
    assert.equal(await page.getByText('SECRET NOTE').count(), 0, 'internal notes never show');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'hostile subject stayed text');
    await checkAccessibility(page, 'portal ticket page');

    await page.getByLabel('Your reply').fill('Thank you! <b>Got it</b>');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Thank you! <b>Got it</b>').waitFor();

    await page.getByLabel('Attach a file').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('receipt 42') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('link', { name: 'receipt.txt' }).waitFor();

    await page.getByRole('button', { name: 'Mark as solved' }).click();
    await until('the solved status', async () => ((await page.locator('p.meta').first().textContent()) ?? '').includes('Solved') || undefined);

    const seen = await api('GET', `/api/v1/tickets/${ticketId}`);
    assert.equal(seen.body.status, 'solved');
    const bodies = (seen.body.messages as { body: string; direction: string }[]).map((m) => [m.direction, m.body]);
    assert.deepEqual(bodies.at(-2), ['inbound', 'Thank you! <b>Got it</b>'], 'the portal reply is a message of the same ticket');
    assert.deepEqual(bodies.at(-1), ['inbound', 'Attached a file: receipt.txt']);
  }));
});
