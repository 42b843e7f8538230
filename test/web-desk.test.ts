/**
 * The web app's desk work beyond the first rounds: queues that reload in place under live events, filters and
 * sort kept in the URL, tags and custom fields edited in the side panel, the customer's other tickets, and
 * attachments on the timeline and from the composer. Pure logic first, then a real browser (Debian's chromium
 * through playwright-core) against Heed serving the built app on a fresh database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { keepSelection, reloadPlan } from '../web/src/lib/listReload.ts';
import { applyFilters, filtersSearch, readFilters } from '../web/src/lib/filters.ts';
import { customFieldChanges, describeEvent } from '../web/src/lib/timeline.ts';
import type { HeedEvent } from '../web/src/api/types.ts';
import { addPicked, fileSize, looseFiles } from '../web/src/lib/files.ts';
import { addTags, fieldNameProblem, fieldText, fieldValue } from '../web/src/lib/ticketFields.ts';
import { createTicket, type Caller, type TestApp } from './helpers.ts';
import { checkAccessibility, shots, signIn, startWebApp, withBrowser } from './browser.ts';

describe('web desk logic', () => {
  it('refetches as many rows as were loaded, in pages the API accepts', () => {
    assert.deepEqual(reloadPlan(0, 25), [25]);
    assert.deepEqual(reloadPlan(10, 25), [25]);
    assert.deepEqual(reloadPlan(50, 25), [50]);
    assert.deepEqual(reloadPlan(250, 25), [100, 100, 50]);
  });

  it('keeps the same item selected after a reload, or the same position when it left', () => {
    assert.equal(keepSelection({ key: 'b', index: 1 }, ['new', 'a', 'b', 'c']), 2);
    assert.equal(keepSelection({ key: 'gone', index: 2 }, ['a', 'b', 'c', 'd']), 2);
    assert.equal(keepSelection({ key: 'gone', index: 5 }, ['a', 'b']), 1);
    assert.equal(keepSelection({ key: null, index: -1 }, ['a']), -1);
    assert.equal(keepSelection({ key: 'a', index: 0 }, []), -1);
  });

  it('adds typed tags the way the server stores them, and names a bad one', () => {
    assert.deepEqual(addTags(['refund'], ' VIP, late  refund'), { tags: ['refund', 'vip', 'late'] });
    assert.match((addTags([], 'no!') as { problem: string }).problem, /"no!" is not a tag/);
    assert.match((addTags([], ' , ') as { problem: string }).problem, /Type a tag/);
    const many = Array.from({ length: 30 }, (_, i) => `t${i}`);
    assert.match((addTags(many, 'one-more') as { problem: string }).problem, /at most 30/);
  });

  it('keeps a custom field\'s type when its text is edited', () => {
    assert.equal(fieldValue('3', 2), 3);
    assert.equal(fieldValue('three', 2), 'three');
    assert.equal(fieldValue('false', true), false);
    assert.deepEqual(fieldValue('{"a":1}', { a: 0 }), { a: 1 });
    assert.equal(fieldValue('12', 'A-1'), '12');
    assert.equal(fieldText(2), '2');
    assert.equal(fieldText(null), '');
    assert.equal(fieldNameProblem(' ', {}), 'Name the field.');
    assert.match(fieldNameProblem('order', { order: 1 }) ?? '', /already has/);
    assert.equal(fieldNameProblem('carrier', { order: 1 }), null);
  });

  it('reads filters from the URL, dropping what the API would refuse, and narrows the view\'s query', () => {
    assert.deepEqual(readFilters('?status=open&priority=loud&tag=%20Refund&sort=oldest&x=1'), { status: 'open', tag: 'refund', sort: 'oldest' });
    assert.deepEqual(readFilters('?tag=a%20b&sort=random'), {});
    assert.equal(filtersSearch({ sort: 'due', status: 'pending' }), '?status=pending&sort=due');
    assert.equal(filtersSearch({}), '');
    const mine = { ownerId: 'me', sort: 'updated', open: 'true' };
    assert.deepEqual(applyFilters(mine, {}), mine);
    assert.deepEqual(applyFilters(mine, { status: 'solved', sort: 'oldest' }), { ownerId: 'me', sort: 'oldest', status: 'solved' });
    assert.deepEqual(applyFilters(mine, { tag: 'vip' }), { ...mine, tag: 'vip' });
  });

  it('sizes files, finds those on no shown message, and skips a file picked twice', () => {
    assert.equal(fileSize(512), '512 bytes');
    assert.equal(fileSize(1025), '2 KB');
    assert.equal(fileSize(3.4 * 1024 * 1024), '3.4 MB');
    const files = [{ id: 'a', messageId: 'm1' }, { id: 'b', messageId: null }, { id: 'c', messageId: 'gone' }];
    assert.deepEqual(looseFiles(files, ['m1']).map((f) => f.id), ['b', 'c']);
    const f1 = { name: 'a.png', size: 3, lastModified: 1 };
    const f2 = { name: 'a.png', size: 4, lastModified: 1 };
    assert.deepEqual(addPicked([f1], [f1, f2]), [f1, f2]);
  });

  it('says which custom fields an edit changed', () => {
    assert.deepEqual(customFieldChanges({ order: 'A-17', boxes: 2 }, { boxes: 3, carrier: 'DHL' }), ['boxes from 2 to 3', 'carrier set to DHL', 'order removed']);
    assert.deepEqual(customFieldChanges({ a: 1 }, { a: 1 }), []);
    const e: HeedEvent = { id: 1, action: 'ticket.updated', actor: { type: 'agent', id: 'ag' }, before: { customFields: { boxes: 2 } }, after: { customFields: { boxes: 3 } }, createdAt: '2026-11-28T10:00:00Z' };
    assert.equal(describeEvent(e, { agent: () => 'Olive' }), 'Olive changed the custom fields (boxes from 2 to 3)');
  });
});

/** axe-core on the page as it is (no serious or critical violations), then a screenshot for a person to look at. */
async function checkPage(page: Page, name: string): Promise<void> {
  await checkAccessibility(page, name);
  await page.screenshot({ path: path.join(shots, `desk-${name}.png`), fullPage: true });
}

describe('web desk in a real browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let base: string;
  let olive: Caller;
  const tickets: { id: string; number: number }[] = [];

  before(async () => {
    ({ t, base } = await startWebApp());
    olive = t.admin;
    for (let i = 1; i <= 30; i++) tickets.push(await createTicket(t, { subject: `Parcel question ${String(i).padStart(2, '0')}` }));
  });

  after(async () => {
    await t?.close();
  });

  it('reloads a queue in place when a live event arrives, keeping loaded pages and the selection', async () => {
    await withBrowser(async ({ page }) => {
      const streaming = page.waitForResponse((r) => r.url().endsWith('/api/v1/stream') && r.status() === 200);
      await signIn(page, base, olive);
      await page.getByRole('link', { name: /^All tickets/ }).click();
      const list = page.getByRole('list', { name: 'All tickets: tickets' });
      await list.getByText('Parcel question 30').waitFor();
      await streaming;
      assert.equal(await list.locator('.ticket-row').count(), 25);
      await page.getByRole('button', { name: 'Load more' }).click();
      await list.getByText('Parcel question 01').waitFor();
      assert.equal(await list.locator('.ticket-row').count(), 30);
      for (let i = 0; i < 3; i++) await page.keyboard.press('j');
      assert.equal(await list.locator('.ticket-row.selected .subject').textContent(), 'Parcel question 28');

      await createTicket(t, { subject: 'Arrived while looking' });
      await list.getByText('Arrived while looking').waitFor({ timeout: 5_000 });
      // As many rows as were loaded come back (the oldest slips behind "Load more"), not just the first page.
      assert.equal(await list.locator('.ticket-row').count(), 30, 'the second page stays loaded');
      await list.getByText('Parcel question 02').waitFor();
      assert.equal(await list.locator('.ticket-row.selected .subject').textContent(), 'Parcel question 28', 'the same ticket stays selected');
    });
  });

  it('filters and sorts a queue, keeping the choice in the URL', async () => {
    await createTicket(t, { subject: 'Fragile vase cracked', priority: 'urgent', tags: ['fragile'] });
    await createTicket(t, { subject: 'Fragile lamp bent', priority: 'high', tags: ['fragile'] });
    await createTicket(t, { subject: 'Urgent but sturdy', priority: 'urgent' });
    await withBrowser(async ({ page }) => {
      await signIn(page, base, olive);
      await page.getByRole('link', { name: /^All tickets/ }).click();
      const list = page.getByRole('list', { name: 'All tickets: tickets' });
      await list.getByText('Urgent but sturdy').waitFor();
      const subjects = () => list.locator('.subject').allTextContents();

      await page.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await page.waitForURL(/priority=urgent/);
      await list.getByText('Fragile lamp bent').waitFor({ state: 'detached' });
      await list.getByText('Fragile vase cracked').waitFor();
      assert.deepEqual(await subjects(), ['Urgent but sturdy', 'Fragile vase cracked']);
      await page.getByLabel('Tag', { exact: true }).fill('Fragile');
      await page.getByLabel('Tag', { exact: true }).press('Enter');
      await page.waitForURL(/tag=fragile/);
      await list.getByText('Urgent but sturdy').waitFor({ state: 'detached' });
      // The filtered list replaces the old one: wait for its row, not only for the old row to go.
      await list.getByText('Fragile vase cracked').waitFor();
      assert.deepEqual(await subjects(), ['Fragile vase cracked']);
      await checkPage(page, 'queue-filtered');

      // A reload keeps the filters; sort is applied on top.
      await page.reload();
      await list.getByText('Fragile vase cracked').waitFor();
      assert.equal(await page.getByLabel('Priority', { exact: true }).inputValue(), 'urgent');
      assert.equal(await page.getByLabel('Tag', { exact: true }).inputValue(), 'fragile');
      await page.getByLabel('Priority', { exact: true }).selectOption('');
      await page.getByLabel('Sort', { exact: true }).selectOption('oldest');
      await page.waitForURL((u) => u.search === '?tag=fragile&sort=oldest');
      await page.waitForFunction(() => document.querySelector('.ticket-list .subject')?.textContent === 'Fragile vase cracked' && document.querySelectorAll('.ticket-list .subject').length === 2);
      assert.deepEqual(await subjects(), ['Fragile vase cracked', 'Fragile lamp bent']);
      await page.getByLabel('Status', { exact: true }).selectOption('solved');
      await page.getByText('No tickets match these filters.').waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.waitForURL((u) => u.search === '');
      await list.getByText('Urgent but sturdy').waitFor();
    });
  });

  it('shows attachments on the timeline and uploads files with a message from the composer', async () => {
    const ticket = await createTicket(t, { subject: 'Photos of the dent' });
    const loose = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments?filename=invoice.pdf`, payload: Buffer.from('%PDF-1.4 invoice'), headers: { 'content-type': 'application/pdf' } });
    assert.equal(loose.status, 201, JSON.stringify(loose.body));
    await withBrowser(async ({ page }) => {
      await signIn(page, base, olive);
      await page.goto(`${base}/tickets/${ticket.id}`);
      await page.getByRole('heading', { name: 'Photos of the dent', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Files on this ticket' }).getByRole('link', { name: 'invoice.pdf' }).waitFor();

      const photo = Buffer.from('not really a jpeg, but bytes all the same');
      await page.locator('#composer-files').setInputFiles([
        { name: 'dent-front.jpg', mimeType: 'image/jpeg', buffer: photo },
        { name: 'dent-side.txt', mimeType: 'text/plain', buffer: Buffer.from('side view notes') },
      ]);
      const chosen = page.getByRole('list', { name: 'Files to send' });
      await chosen.getByText('dent-side.txt').waitFor();
      await checkPage(page, 'ticket-files');
      await page.getByRole('button', { name: 'Do not send dent-side.txt' }).click();
      assert.deepEqual(await chosen.locator('li').allTextContents().then((x) => x.map((s) => s.split(' ')[0])), ['dent-front.jpg']);
      await page.keyboard.press('n');
      await page.keyboard.type('Photo from the customer attached.');
      await page.getByRole('button', { name: 'Add note' }).click();
      const note = page.locator('.message.note', { hasText: 'Photo from the customer attached.' });
      const link = note.getByRole('list', { name: 'Attachments' }).getByRole('link', { name: 'dent-front.jpg' });
      await link.waitFor();
      assert.equal(await chosen.count(), 0, 'the sent files are no longer chosen');

      const stored = (await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).body;
      const noteId = stored.messages.find((m: { kind: string }) => m.kind === 'note').id;
      const file = stored.attachments.find((a: { filename: string }) => a.filename === 'dent-front.jpg');
      assert.equal(file.messageId, noteId);
      assert.equal(file.contentType, 'image/jpeg');
      assert.equal(stored.attachments.length, 2);
      // The link downloads the same bytes, with the browser's session.
      const href = await link.getAttribute('href');
      const got = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u!)).arrayBuffer())), href);
      assert.deepEqual(Buffer.from(got), photo);
    });
  });

  it('edits tags and custom fields in the side panel and links the customer\'s other tickets', async () => {
    const earlier = await createTicket(t, { subject: 'Earlier: wrong colour delivered', requester: { email: 'mo@example.com', name: 'Mo Buyer' } });
    const now = await createTicket(t, { subject: 'Second box missing', requester: { email: 'mo@example.com' }, customFields: { order: 'A-17', boxes: 2 } });
    await withBrowser(async ({ page }) => {
      await signIn(page, base, olive);
      await page.goto(`${base}/tickets/${now.id}`);
      await page.getByRole('heading', { name: 'Second box missing', level: 1 }).waitFor();
      const side = page.getByRole('complementary', { name: 'Ticket details' });

      await side.getByLabel('Add a tag').fill('Refund, vip');
      await side.getByRole('button', { name: 'Add', exact: true }).click();
      await side.getByRole('button', { name: 'Remove tag vip' }).waitFor();
      assert.deepEqual((await t.call({ method: 'GET', url: `/api/v1/tickets/${now.id}` })).body.tags, ['refund', 'vip']);
      await side.getByRole('button', { name: 'Remove tag vip' }).click();
      await side.getByRole('button', { name: 'Remove tag vip' }).waitFor({ state: 'detached' });
      assert.deepEqual((await t.call({ method: 'GET', url: `/api/v1/tickets/${now.id}` })).body.tags, ['refund']);
      await side.getByLabel('Add a tag').fill('no!');
      await side.getByRole('button', { name: 'Add', exact: true }).click();
      await side.getByRole('alert').getByText('"no!" is not a tag').waitFor();

      const boxes = side.getByLabel('boxes', { exact: true });
      assert.equal(await boxes.inputValue(), '2');
      await boxes.fill('3');
      await boxes.press('Enter');
      await side.getByLabel('New field name').fill('carrier');
      await side.getByLabel('New field value').fill('DHL');
      await side.getByRole('button', { name: 'Add field' }).click();
      await side.getByLabel('carrier', { exact: true }).waitFor();
      assert.deepEqual((await t.call({ method: 'GET', url: `/api/v1/tickets/${now.id}` })).body.customFields, { order: 'A-17', boxes: 3, carrier: 'DHL' });
      await page.locator('.event').getByText('changed the custom fields (boxes from 2 to 3)').waitFor();
      await side.getByRole('button', { name: 'Remove field order' }).click();
      await side.getByLabel('order', { exact: true }).waitFor({ state: 'detached' });
      assert.deepEqual((await t.call({ method: 'GET', url: `/api/v1/tickets/${now.id}` })).body.customFields, { boxes: 3, carrier: 'DHL' });

      await checkPage(page, 'ticket-fields');
      const other = side.getByRole('region', { name: 'Other tickets' });
      assert.equal(await other.getByRole('link').count(), 1, 'the open ticket is not listed among the others');
      await other.getByRole('link', { name: `#${earlier.number} Earlier: wrong colour delivered` }).click();
      await page.getByRole('heading', { name: 'Earlier: wrong colour delivered', level: 1 }).waitFor();
      await side.getByRole('region', { name: 'Other tickets' }).getByRole('link', { name: /Second box missing/ }).waitFor();
    });
  });
});
