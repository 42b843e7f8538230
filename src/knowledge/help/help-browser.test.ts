import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkNarrowPage, startWebApp, withBrowser } from '../../../test/browser.ts';
import type { TestApp } from '../../../test/helpers.ts';

describe('help center in a browser at 375 px', () => {
  let t: TestApp;
  let base: string;

  before(async () => {
    ({ t, base } = await startWebApp({ build: false }));
    const body = '# Before you start\n\nHave your order number ready.\n\n## Steps\n\n1. Open **Orders**\n2. Choose a parcel\n\n| Carrier | Days |\n|---|---|\n| Post | 3 |\n\n```\na-very-long-tracking-code-that-would-overflow-a-narrow-screen-if-nothing-wrapped-it-0123456789\n```\n';
    for (const [title, category] of [['Track your parcel', 'Shipping'], ['Change your address', null], ['Refund timing', 'Billing']] as const) {
      const r = await t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { title, body, category, status: 'published' } });
      assert.equal(r.status, 201);
    }
  });
  after(() => t?.close());

  it('home, article, feedback and search work without JavaScript, fit the screen and pass axe', async () => {
    // The 404 page answers 404 on purpose.
    await withBrowser({ ignoreConsole: /404/ }, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${base}/help`);
      await checkNarrowPage(page, 'help home');
      await page.getByRole('link', { name: 'Track your parcel' }).click();
      await page.waitForURL(/\/help\/articles\/track-your-parcel$/);
      await checkNarrowPage(page, 'help article');
      await page.getByRole('button', { name: 'Yes' }).click();
      await page.waitForURL(/thanks=1/);
      assert.ok(await page.getByText('Thanks for your feedback').isVisible());
      await checkNarrowPage(page, 'help article thanks');
      await page.getByRole('link', { name: 'All articles' }).click();
      await page.waitForURL(/\/help$/);
      await page.getByLabel('Search the help center').fill('parcel');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/help\/search\?q=parcel/);
      assert.ok(await page.getByRole('link', { name: 'Track your parcel' }).isVisible());
      await checkNarrowPage(page, 'help search');
      await page.goto(`${base}/help/articles/nope`);
      await checkNarrowPage(page, 'help 404');
      const a = await t.call({ method: 'GET', url: '/api/v1/knowledge/articles?q=Track' });
      assert.equal(a.body.items[0].helpfulYes, 1);
    });
  });
});
