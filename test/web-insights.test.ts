/**
 * The Insights and Customer channels admin pages in a real browser against Heed serving the built app: repeated
 * inquiries recomputed into a knowledge gap, the CSAT table ("—" with no answers), widget origins added and saved
 * (a bad origin refused beside the field, nothing saved), axe-core on both pages. Screenshots in test-results/web/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { knowledgeTick } from '../src/knowledge/jobs.ts';
import { surveyTick } from '../src/surveys/send.ts';
import { createTicket, type TestApp } from './helpers.ts';
import { checkAccessibility, screenshot, signIn, startWebApp, withBrowser } from './browser.ts';

const refusals = { ignoreConsole: /status of 4\d\d/ };

describe('insights and customer channels in a real browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let base: string;
  const cardTickets: string[] = [];
  const hostile = '<img src=x onerror="window.__pwned=1"> too slow';

  before(async () => {
    ({ t, base } = await startWebApp());
    const seed = [
      ['My new card has not arrived', 'My new bank card has not arrived in the post yet.'],
      ['New card not arrived', 'The new bank card I ordered has not arrived in the post.'],
      ['Card has not arrived yet', 'My bank card has still not arrived in the post.'],
      ['Where is my new card', 'My new bank card has not arrived yet, it was sent by post.'],
    ];
    for (const [subject, body] of seed) cardTickets.push((await createTicket(t, { subject, body })).id);
    const art = await t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { status: 'published', title: 'Reset your password', body: 'Forgot your password or cannot sign in? Use the reset link on the sign-in page.' } });
    assert.equal(art.status, 201, JSON.stringify(art.body));
    await knowledgeTick(t.database.db);
    // One solved ticket gets a survey nobody has answered yet: CSAT has no value.
    const solved = await createTicket(t, { subject: 'Invoice address', body: 'Please change the address on my invoice.' });
    const s = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${solved.id}`, payload: { status: 'solved' } });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal(await surveyTick(t.database.db, undefined, { publicUrl: base }), 1);
    // Another, through the web form, answered badly with markup in the comment: shown as text.
    const web = await createTicket(t, { subject: 'Slow reply', body: 'Nobody answered for days.', channel: 'web' });
    assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${web.id}`, payload: { status: 'solved' } })).status, 200);
    assert.equal(await surveyTick(t.database.db, undefined, { publicUrl: base }), 1);
    const mail = await t.database.db.selectFrom('system_emails').select('body_text').where('ticket_id', '=', web.id).where('kind', '=', 'survey').executeTakeFirstOrThrow();
    const token = /\/survey\/([A-Za-z0-9_-]{43})\?/.exec(mail.body_text)![1]!;
    const answer = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 2, comment: hostile }, as: null });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  });
  after(async () => {
    await t?.close();
  });

  it('shows repeated inquiries as knowledge gaps after a recompute, and the CSAT table, accessibly', async () => {
    await withBrowser(refusals, async ({ page }) => {
      await signIn(page, base, t.admin);
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Insights' }).click();
      await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Recompute now' }).click();
      await page.getByRole('status').getByText('Recomputed.').waitFor();
      const gaps = page.getByRole('table', { name: 'Knowledge gaps' });
      const row = gaps.getByRole('row', { name: /card/i }).first();
      await row.waitFor();
      const api = (await t.call({ method: 'GET', url: '/api/v1/insights/repeated-inquiries?minSize=2' })).body.groups as { label: string; size: number; ticketIds: string[]; articleId: string | null }[];
      const card = api.find((g) => g.ticketIds.filter((id) => cardTickets.includes(id)).length >= 2);
      assert.ok(card && card.articleId === null, `the card tickets are a knowledge gap: ${JSON.stringify(api)}`);
      const shownRow = gaps.getByRole('row', { name: new RegExp(card.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
      assert.equal(await shownRow.getByRole('cell').first().textContent(), String(card.size));
      const write = shownRow.getByRole('link', { name: /Write an article/ });
      assert.equal(await write.getAttribute('href'), '/admin/articles');
      await page.getByRole('heading', { name: 'Answered by an article' }).waitFor();

      const csat = page.getByRole('region', { name: 'Customer satisfaction' });
      const table = csat.locator('table.csat-table').first();
      await table.waitFor();
      assert.equal((await table.locator('.csat-value').textContent())?.trim(), '0%');
      assert.equal((await table.locator('tbody td').first().textContent())?.trim(), '1 / 2');
      assert.equal(await csat.locator('.csat-comment').textContent(), hostile);
      assert.equal(await csat.locator('img').count(), 0, 'the comment is text, not markup');
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      await checkAccessibility(page, 'admin insights');
      await screenshot(page, 'admin-insights');
      // By channel: the API ticket's survey has no answer, so its CSAT is "—".
      await csat.getByLabel('Group by').selectOption('channel');
      await csat.locator('h3').nth(1).waitFor();
      assert.equal(await csat.locator('h3').count(), 2);
      const unanswered = csat.locator('section.csat-group').filter({ has: page.locator('td', { hasText: /^0 \/ 1$/ }) });
      assert.equal((await unanswered.locator('.csat-value').textContent())?.trim(), '—');
      assert.equal((await unanswered.locator('tbody td').nth(3).textContent())?.trim(), '—', 'no mean either');
      await checkAccessibility(page, 'admin insights by channel');
    });
  });

  it('saves widget origins and shows a refused origin beside the field, accessibly', async () => {
    await withBrowser(refusals, async ({ page }) => {
      await signIn(page, base, t.admin);
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Customer channels' }).click();
      await page.getByRole('heading', { name: 'Customer channels', level: 1 }).waitFor();
      const form = page.getByRole('form', { name: 'Channel settings' });
      await form.getByLabel('Site origin').fill('https://shop.example');
      await form.getByRole('button', { name: 'Add site' }).click();
      await form.getByRole('button', { name: 'Remove https://shop.example' }).waitFor();
      await form.getByLabel('Days between surveys').fill('14');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByRole('status').getByText('Saved.').waitFor();
      const saved = (await t.call({ method: 'GET', url: '/api/v1/workspace' })).body;
      assert.deepEqual([saved.widgetOrigins, saved.surveyQuietDays], [['https://shop.example'], 14]);

      await page.reload();
      await page.getByRole('list', { name: 'Allowed sites' }).getByText('https://shop.example').waitFor();
      assert.equal(await form.getByLabel('Days between surveys').inputValue(), '14');
      const snippet = await page.getByLabel('Embed code').textContent();
      assert.equal(snippet, `<script src="${base}/widget.js" data-heed-title="Contact us" async></script>`);
      for (const href of ['/support/new', '/portal', '/help']) assert.equal(await page.locator(`a[href="${href}"]`).count(), 1, href);

      await form.getByLabel('Site origin').fill('not a url');
      await form.getByRole('button', { name: 'Add site' }).click();
      await form.getByRole('button', { name: 'Save settings' }).click();
      const problem = form.locator('.field.invalid').filter({ has: page.getByLabel('Site origin') }).locator('.field-error');
      await problem.getByText(/^not a url: must be an origin/).waitFor();
      assert.equal(await form.getByLabel('Site origin').getAttribute('aria-invalid'), 'true');
      const after = (await t.call({ method: 'GET', url: '/api/v1/workspace' })).body;
      assert.deepEqual(after.widgetOrigins, ['https://shop.example'], 'nothing half-written');
      await checkAccessibility(page, 'admin customer channels with an error');
      // Without the bad origin, an out-of-range number of days is refused beside its own field.
      await form.getByRole('button', { name: 'Remove not a url' }).click();
      await form.getByLabel('Days between surveys').fill('400');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.locator('.field.invalid').filter({ has: page.getByLabel('Days between surveys') }).locator('.field-error').waitFor();
      assert.equal(await form.getByLabel('Site origin').getAttribute('aria-invalid'), null);
      assert.equal((await t.call({ method: 'GET', url: '/api/v1/workspace' })).body.surveyQuietDays, 14);
      await screenshot(page, 'admin-customer-channels');
    });
  });
});
