/**
 * The web app: its pure logic (coach underlines, queues, shortcuts, routes, timeline), and the agent's day in a
 * real browser (Debian's chromium through playwright-core) against Heed serving the built app on a fresh
 * database: sign in, queues, a ticket, the coach while typing, a reply, a handoff accepted by a second agent in
 * a second browser, a declined one, search, shortcuts, sign-out; axe-core on every main page; screenshots in
 * test-results/web/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { segmentText, spanStillFits } from '../web/src/lib/segments.ts';
import { countLabel, queueViews } from '../web/src/lib/queues.ts';
import { actionFor } from '../web/src/lib/keys.ts';
import { parseRoute } from '../web/src/lib/route.ts';
import { buildTimeline, describeEvent } from '../web/src/lib/timeline.ts';
import { channelLabel, elapsed, minutes, relative } from '../web/src/lib/format.ts';
import type { HeedEvent, Message } from '../web/src/api/types.ts';
import { applyPresence, PRESENCE_EXPIRES_MS, presenceLabel, presentAt, TYPING_FADES_MS } from '../web/src/hooks/livePresence.ts';
import { createTicket, dbKind, type Caller, type TestApp } from './helpers.ts';
import { checkAccessibility, openBrowser, shots, signIn, startWebApp, withBrowser } from './browser.ts';

describe('web app logic', () => {
  it('tracks who else is on a ticket: typing fades to viewing, silence and leaving remove them', () => {
    const bo = { agentId: 'bo', agentName: 'Bo' };
    const cy = { agentId: 'cy', agentName: 'Cy' };
    let others = applyPresence({}, { ...bo, state: 'viewing' }, 0);
    assert.equal(presenceLabel(presentAt(others, 1_000)), 'Bo is viewing');
    others = applyPresence(others, { ...bo, state: 'typing' }, 2_000);
    assert.equal(presenceLabel(presentAt(others, 3_000)), 'Bo is typing…');
    // a "viewing" beat while still typing keeps the typing, until it has been quiet for a while
    others = applyPresence(others, { ...bo, state: 'viewing' }, 4_000);
    assert.equal(presenceLabel(presentAt(others, 5_000)), 'Bo is typing…');
    assert.equal(presenceLabel(presentAt(others, 2_000 + TYPING_FADES_MS)), 'Bo is viewing');
    others = applyPresence(others, { ...cy, state: 'viewing' }, 20_000);
    assert.equal(presenceLabel(presentAt(others, 21_000)), 'Bo and Cy are viewing');
    others = applyPresence(others, { ...cy, state: 'typing' }, 22_000);
    assert.equal(presenceLabel(presentAt(others, 23_000)), 'Cy is typing… · Bo is viewing');
    assert.equal(presenceLabel(presentAt(others, 4_000 + PRESENCE_EXPIRES_MS)), 'Cy is viewing', 'Bo has not been heard from for too long');
    others = applyPresence(others, { ...cy, state: 'left' }, 30_000);
    assert.deepEqual(presentAt(others, 31_000).map((p) => p.name), ['Bo']);
    const many = ['Al', 'Bo', 'Cy'].reduce((o, n) => applyPresence(o, { agentId: n, agentName: n, state: 'viewing' }, 0), {});
    assert.equal(presenceLabel(presentAt(many, 1)), 'Al, Bo and Cy are viewing');
    assert.equal(presenceLabel([]), '');
  });

  it('splits a draft into plain runs and marked spans, clipping overlaps and dropping spans past the end', () => {
    const text = "We can't refund that. I'll call you.";
    const cases: { spans: { start: number; end: number }[]; want: [string, boolean][] }[] = [
      { spans: [], want: [[text, false]] },
      { spans: [{ start: 0, end: 21 }], want: [["We can't refund that.", true], [" I'll call you.", false]] },
      { spans: [{ start: 22, end: 36 }, { start: 0, end: 2 }], want: [['We', true], [" can't refund that. ", false], ["I'll call you.", true]] },
      { spans: [{ start: 0, end: 10 }, { start: 5, end: 14 }], want: [["We can't r", true], ['efun', true], ['d that. I\'ll call you.', false]] },
      { spans: [{ start: 27, end: 99 }, { start: 50, end: 60 }, { start: 4, end: 4 }], want: [["We can't refund that. I'll ", false], ['call you.', true]] },
    ];
    for (const c of cases) {
      const got = segmentText(text, c.spans.map((s, index) => ({ ...s, kind: 'x', index })));
      assert.deepEqual(got.map((s) => [s.text, s.span !== null]), c.want, JSON.stringify(c.spans));
      assert.equal(got.map((s) => s.text).join(''), text);
    }
    assert.deepEqual(segmentText('', []), [{ text: '', span: null }]);
    assert.equal(spanStillFits("We can't.", "We can't. Sorry", { start: 0, end: 9 }), true);
    assert.equal(spanStillFits("We can't.", "Sadly we can't.", { start: 0, end: 9 }), false);
  });

  it('defines the queue views and their queries, with a view per team of the agent', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    const views = queueViews({ id: 'me' }, [{ id: 't1', name: 'Cards', memberIds: ['me'] }, { id: 't2', name: 'Other', memberIds: ['x'] }], now);
    assert.deepEqual(views.map((v) => v.id), ['mine', 'waiting', 'due', 'breached', 'team-t1', 'all']);
    assert.deepEqual(views.find((v) => v.id === 'mine')!.query, { ownerId: 'me', sort: 'updated' });
    assert.deepEqual(views.find((v) => v.id === 'waiting')!.query, { waitingOnUs: 'true' });
    assert.deepEqual(views.find((v) => v.id === 'due')!.query, { sort: 'due', dueBefore: '2026-03-10T14:00:00.000Z' });
    assert.deepEqual(views.find((v) => v.id === 'breached')!.query, { breached: 'true', sort: 'due' });
    assert.equal(countLabel({ items: [1, 2, 3], nextCursor: null }), '3');
    assert.equal(countLabel({ items: new Array(50).fill(0), nextCursor: 'abc' }), '50+');
  });

  it('maps keys to shortcuts, ignoring them while the agent types', () => {
    const key = (k: string, over: Partial<Parameters<typeof actionFor>[0]> = {}) =>
      actionFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', targetEditable: false, ...over });
    const table: [string, ReturnType<typeof actionFor>][] = [['j', 'next'], ['k', 'previous'], ['r', 'reply'], ['n', 'note'], ['e', 'solve'], ['/', 'search'], ['?', 'help'], ['x', null]];
    for (const [k, want] of table) assert.equal(key(k), want, k);
    assert.equal(key('j', { targetTag: 'TEXTAREA' }), null);
    assert.equal(key('r', { targetEditable: true }), null);
    assert.equal(key('Escape', { targetTag: 'INPUT' }), 'escape');
    assert.equal(key('r', { ctrlKey: true }), null);
    assert.equal(key('Enter', { targetTag: 'A' }), null);
    assert.equal(key('Enter'), 'open');
  });

  it('reads routes from paths', () => {
    const id = '0b6f1c1e-52f4-4b8a-9d7e-0a8c1f3e2d10';
    assert.deepEqual(parseRoute(`/tickets/${id}`), { page: 'ticket', id });
    assert.deepEqual(parseRoute('/queue/waiting'), { page: 'queue', view: 'waiting' });
    assert.deepEqual(parseRoute('/search?q=refund%20kettle'), { page: 'search', q: 'refund kettle' });
    assert.deepEqual(parseRoute('/'), { page: 'queue', view: 'mine' });
    assert.deepEqual(parseRoute('/tickets/not-an-id'), { page: 'queue', view: 'mine' });
  });

  it('merges messages and events into one timeline and names what happened', () => {
    const msg = (id: string, at: string) => ({ id, createdAt: at, kind: 'reply', author: { type: 'customer', id: 'c' } }) as unknown as Message;
    const ev = (id: number, action: string, at: string, before: unknown = null, after: unknown = null) =>
      ({ id, action, createdAt: at, actor: { type: 'agent', id: 'a1' }, before, after }) as HeedEvent;
    const items = buildTimeline(
      [msg('m2', '2026-03-10T10:05:00.000Z'), msg('m1', '2026-03-10T10:00:00.000Z')],
      [ev(1, 'ticket.created', '2026-03-10T10:00:00.000Z'), ev(2, 'message.added', '2026-03-10T10:05:00.000Z'), ev(3, 'ticket.updated', '2026-03-10T10:06:00.000Z', { priority: 'normal' }, { priority: 'high' })],
    );
    assert.deepEqual(items.map((i) => (i.type === 'message' ? i.message.id : i.event.id)), ['m1', 1, 'm2', 3]);
    const names = { agent: (id: string | null) => (id === 'a1' ? 'Olive' : 'someone') };
    assert.equal(describeEvent(ev(3, 'ticket.updated', '', { priority: 'normal' }, { priority: 'high' }), names), 'Olive changed priority from normal to high');
    assert.equal(describeEvent(ev(4, 'handoff.declined', '', null, { reason: 'Not my area' }), names), 'Olive declined the handoff: “Not my area”');
    assert.equal(minutes(90), '1 h 30 min');
    assert.equal(minutes(240), '4 h');
    assert.equal(relative('2026-03-10T13:00:00Z', new Date('2026-03-10T10:00:00Z')), 'in 3 hr.');
    const at = new Date('2026-03-10T10:00:00Z');
    const waits: [string, string][] = [['2026-03-10T09:59:30Z', 'under a minute'], ['2026-03-10T09:48:00Z', '12 min'], ['2026-03-10T07:00:00Z', '3 h'], ['2026-03-06T09:00:00Z', '4 d']];
    for (const [since, want] of waits) assert.equal(elapsed(since, at), want, since);
    assert.equal(channelLabel('api'), 'API');
    assert.equal(channelLabel('on_site'), 'On site');
  });
});

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${dbKind}-${name}.png`), fullPage });
}

describe('web app in a real browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let base: string;
  let olive: Caller;
  let ravi: Caller;
  let kettle: { id: string; number: number };
  let toaster: { id: string; number: number };

  before(async () => {
    ({ t, base } = await startWebApp());
    // The admin is the workspace's default owner, so new tickets land with Olive.
    olive = t.admin;
    ravi = await t.agent({ name: 'Ravi Receiver' });
    kettle = await createTicket(t, {
      subject: 'Refund for a broken kettle',
      body: 'My kettle broke after two days. I want my money back.',
      bodyHtml: '<p>My kettle broke after <b>two days</b>.</p><script>parent.document.title = "pwned"</script><p>I want my money back.</p>',
      requester: { email: 'june.customer@example.com', name: 'June Customer' },
    });
    toaster = await createTicket(t, { subject: 'Toaster sparks when switched on', requester: { email: 'ola@example.com' } });
  });

  after(async () => {
    await t?.close();
  });

  it('takes an agent from sign-in through a coached reply, a handoff and search, accessibly', async () => {
    await withBrowser(async ({ page, errors }) => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Sign in to Heed' }).waitFor();
      await checkAccessibility(page, 'sign-in');
      await screenshot(page, 'signin');

      await page.getByLabel('Email').fill(olive.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('do not match').waitFor();
      errors.length = 0; // the browser logs the refused sign-in's 401 itself

      await signIn(page, base, olive);
      const queue = page.getByRole('list', { name: 'My tickets: tickets' });
      await queue.getByText('Refund for a broken kettle').waitFor();
      await queue.getByText('Toaster sparks when switched on').waitFor();
      const myCount = page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /My tickets/ });
      await page.waitForFunction(() => /My tickets\s*2/.test(document.querySelector('nav[aria-label="Queues"] a')?.textContent ?? ''));
      assert.match((await myCount.textContent()) ?? '', /My tickets\s*2 tickets/);
      await checkAccessibility(page, 'queue');
      await screenshot(page, 'queue');

      // Keyboard: j selects the first (newest activity) row, k/j move, Enter opens.
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      const selected = page.locator('.ticket-row.selected');
      assert.equal(await selected.count(), 1);
      const selectedSubject = await selected.locator('.subject').textContent();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: selectedSubject!, level: 1 }).waitFor();
      await page.goto(`${base}/tickets/${kettle.id}`); // a page reload keeps the session

      await page.getByRole('heading', { name: 'Refund for a broken kettle', level: 1 }).waitFor();
      const side = page.getByRole('complementary', { name: 'Ticket details' });
      await side.getByText('june.customer@example.com').waitFor();
      await side.getByText('First response').waitFor();
      // The customer's HTML arrives sanitised, in a frame that can run nothing.
      const frame = page.locator('iframe.message-html');
      assert.equal(await frame.getAttribute('sandbox'), 'allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      await page.frameLocator('iframe.message-html').getByText('two days').waitFor();
      assert.notEqual(await page.title(), 'pwned');
      await checkAccessibility(page, 'ticket');
      await screenshot(page, 'ticket', true);

      // r starts a reply; the coach underlines the exact words that dwell on the can't.
      await page.keyboard.press('r');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'composer-text');
      await page.keyboard.type("We can't refund that.");
      const mark = page.locator('.backdrop mark.coach-cant_focus');
      await mark.waitFor();
      // The underline covers exactly the words the coach names (whatever span its rules settle on).
      const read = await t.call({ method: 'POST', url: '/api/v1/coach', payload: { text: "We can't refund that.", ticketId: kettle.id } });
      const cant = read.body.findings.find((f: { kind: string }) => f.kind === 'cant_focus');
      assert.ok(cant, 'the coach flags the can\'t');
      assert.equal(await mark.textContent(), "We can't refund that.".slice(cant.start, cant.end));
      await page.locator('.finding.coach-cant_focus').getByText(cant.message).waitFor();
      await page.locator('.finding.coach-cant_focus .suggestion').getByText(cant.suggestion).waitFor();
      await checkAccessibility(page, 'ticket with coach');
      await screenshot(page, 'coach', true);

      // Sending is never blocked: the reply goes with its finding, and the promise it makes becomes a commitment.
      await page.keyboard.type(" What I can do is send you a replacement. I'll send you the return label by Friday.");
      await page.locator('.promises').getByText('the return label by Friday').waitFor();
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByRole('status').getByText('Reply sent.').waitFor();
      await page.locator('.message.agent').getByText("What I can do is send you a replacement").waitFor();
      await side.locator('.commitments').getByText('the return label by Friday').waitFor();
      assert.equal(await page.locator('#composer-text').inputValue(), '');

      // A note, then the priority changed inline.
      await page.keyboard.press('n');
      await page.keyboard.type('Customer sounds upset; offer express shipping.');
      await page.keyboard.press('Control+Enter');
      await page.locator('.message.note').getByText('offer express shipping').waitFor();
      await page.getByLabel('Priority').selectOption('high');
      await page.locator('.event').getByText('changed priority from normal to high').waitFor();
      const stored = await t.call({ method: 'GET', url: `/api/v1/tickets/${kettle.id}` });
      assert.equal(stored.body.priority, 'high');
      assert.deepEqual(stored.body.messages.map((m: { kind: string }) => m.kind), ['reply', 'reply', 'note']);

      // The handoff needs a note.
      await page.getByRole('button', { name: 'Hand off…' }).click();
      const dialog = page.getByRole('dialog', { name: `Hand off #${kettle.number}` });
      await dialog.getByLabel('Hand off to').selectOption(`agent:${ravi.agentId}`);
      await dialog.getByRole('button', { name: 'Hand off' }).click();
      await dialog.getByRole('alert').getByText('Write a note').waitFor();
      await dialog.getByLabel('Note for the next owner (required)').fill('June wants a refund; I offered a replacement and promised the label by Friday.');
      await checkAccessibility(page, 'handoff dialog');
      await screenshot(page, 'handoff');
      await dialog.getByRole('button', { name: 'Hand off' }).click();
      await page.getByRole('heading', { name: /asks Ravi Receiver to take over/ }).waitFor();
      await page.getByRole('button', { name: 'Cancel handoff' }).waitFor();

      // Search with /, then the shortcuts with ?.
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
      await page.keyboard.type('toaster');
      await page.keyboard.press('Enter');
      await page.getByRole('list', { name: 'Search results' }).getByText('Toaster sparks when switched on').waitFor();
      await checkAccessibility(page, 'search');
      await screenshot(page, 'search');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.getByText('Reply to the customer').waitFor();
      await checkAccessibility(page, 'shortcuts');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });

      // A tablet: nothing wider than the screen.
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.goto(`${base}/tickets/${kettle.id}`);
      await page.getByRole('heading', { name: 'Refund for a broken kettle', level: 1 }).waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the ticket page scrolls sideways on a tablet');
      await screenshot(page, 'tablet');
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });

  it('lets the receiving agent accept a handoff in a second browser, and decline another with a reason', async () => {
    await t.call({ method: 'POST', url: `/api/v1/tickets/${toaster.id}/handoff`, payload: { toAgentId: ravi.agentId, note: 'Electrical safety: please take this one.' } });
    await withBrowser(async ({ page }) => {
      await signIn(page, base, ravi);
      await page.getByText('Nothing here right now.').waitFor();
      await page.goto(`${base}/tickets/${kettle.id}`);
      await page.getByRole('heading', { name: /asks you to take over/ }).waitFor();
      await page.locator('.handoff-note').getByText('June wants a refund').waitFor();
      await checkAccessibility(page, 'handoff to accept');
      await page.getByRole('button', { name: 'Accept handoff' }).click();
      await page.getByRole('status').getByText('You own this ticket now.').waitFor();
      await page.getByRole('complementary', { name: 'Ticket details' }).getByText('Ravi Receiver (you)', { exact: true }).waitFor();
      await page.locator('.event').getByText('accepted the handoff').waitFor();
      // The queue counts follow the change without a reload.
      await page.waitForFunction(() => /My tickets\s*1/.test(document.querySelector('nav[aria-label="Queues"] a')?.textContent ?? ''));

      await page.goto(`${base}/tickets/${toaster.id}`);
      await page.getByRole('button', { name: 'Decline…' }).click();
      await page.getByRole('button', { name: 'Decline handoff' }).click();
      await page.getByRole('alert').getByText('Say why').waitFor();
      await page.getByLabel('Why are you declining? (required)').fill('I am not trained on electrical safety; ask the hardware team.');
      await page.getByRole('button', { name: 'Decline handoff' }).click();
      await page.locator('.event').getByText('declined the handoff: “I am not trained on electrical safety').waitFor();

      await page.getByRole('link', { name: /My tickets/ }).click();
      await page.getByRole('list', { name: 'My tickets: tickets' }).getByText('Refund for a broken kettle').waitFor();
      const kettleNow = await t.call({ method: 'GET', url: `/api/v1/tickets/${kettle.id}` });
      assert.equal(kettleNow.body.ownerId, ravi.agentId);
      const toasterNow = await t.call({ method: 'GET', url: `/api/v1/tickets/${toaster.id}` });
      assert.equal(toasterNow.body.ownerId, olive.agentId);
      assert.equal(toasterNow.body.handoffs[0].declineReason, 'I am not trained on electrical safety; ask the hardware team.');

      // Signing out ends the session: a reload shows the sign-in form again.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Heed' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in to Heed' }).waitFor();
    });
  });

  it('shows a message arriving live from another session, and who else is on the ticket', async (ctx) => {
    if (dbKind === 'postgres' && !(t.database as { url?: string }).url) {
      ctx.skip('testApp() does not give the app its PostgreSQL URL, which live updates need to LISTEN');
      return;
    }
    // Ravi owns the kettle ticket since the handoff; he has it open in his browser.
    const b = await openBrowser();
    const a = await openBrowser();
    try {
      await signIn(b.page, base, ravi);
      // The server answers the stream once it is listening, so its response means nothing after it is missed.
      const streaming = b.page.waitForResponse((r) => r.url().endsWith('/api/v1/stream') && r.status() === 200);
      await b.page.goto(`${base}/tickets/${kettle.id}`);
      await b.page.getByRole('heading', { name: 'Refund for a broken kettle', level: 1 }).waitFor();
      await b.page.locator('.message.agent').getByText('What I can do is send you a replacement').waitFor();
      await streaming;

      // The customer writes (through the API, as an email would arrive): it shows up without a reload.
      const started = Date.now();
      const sent = await t.call({ method: 'POST', url: `/api/v1/tickets/${kettle.id}/messages`, payload: { from: 'requester', kind: 'reply', body: 'Any news on the return label? The kettle is boxed up.' } });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      await b.page.locator('.message.customer').getByText('The kettle is boxed up.').waitFor({ timeout: 5_000 });
      console.log(`live message shown in the other browser ${Date.now() - started} ms after it was sent`);
      assert.equal(await b.page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no reload happened');

      // Olive opens the same ticket: Ravi is told, calmly, and told when she types and when she leaves.
      await signIn(a.page, base, olive);
      await a.page.goto(`${base}/tickets/${kettle.id}`);
      await a.page.getByRole('heading', { name: 'Refund for a broken kettle', level: 1 }).waitFor();
      const presence = b.page.locator('.presence');
      await presence.getByText('Ada Admin is viewing').waitFor({ timeout: 5_000 });
      // ...and she learns Ravi is there without waiting for his next beat.
      await a.page.locator('.presence').getByText('Ravi Receiver is viewing').waitFor({ timeout: 5_000 });
      await checkAccessibility(b.page, 'ticket with a colleague viewing');
      await a.page.locator('#composer-text').click();
      await a.page.keyboard.type('I can');
      await presence.getByText('Ada Admin is typing…').waitFor({ timeout: 5_000 });
      await screenshot(b.page, 'presence');
      await a.page.getByRole('link', { name: /My tickets/ }).click();
      await presence.waitFor({ state: 'hidden', timeout: 5_000 });

      // A new ticket for the team moves the open list and its count without a reload.
      await b.page.getByRole('link', { name: /^All tickets/ }).click();
      const all = b.page.getByRole('list', { name: 'All tickets: tickets' });
      await all.getByText('Refund for a broken kettle').waitFor();
      await createTicket(t, { subject: 'Blender lid cracked on arrival', requester: { email: 'lid@example.com' } });
      await all.getByText('Blender lid cracked on arrival').waitFor({ timeout: 5_000 });
      assert.deepEqual([...a.errors, ...b.errors], []);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves the app for page paths and keeps API answers as they were', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/tickets/${kettle.id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'self'/);
    assert.match(page.body, /<div id="root">/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    assert.ok(asset, 'index.html names its script');
    const js = await t.app.inject({ method: 'GET', url: asset });
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['cache-control'] as string, /immutable/);
    for (const url of ['/api/v1/nothing-here', '/assets/missing.js', '/favicon.ico']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(JSON.parse(res.body).error.code, 'route_not_found', url);
    }
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    const unauth = await t.app.inject({ method: 'GET', url: '/api/v1/tickets' });
    assert.equal(unauth.statusCode, 401);
  });
});
