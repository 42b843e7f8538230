/**
 * A survey in a real browser (Debian's chromium through playwright-core): the one-click link from the email
 * records the rating, the customer sends a comment through the form (hostile text shows as text), axe-core on
 * both pages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { surveyTick } from '../src/surveys/send.ts';
import { checkAccessibility, chromiumPath, openBrowser, shots } from './browser.ts';
import { createTicket, dbKind, testApp, type TestApp } from './helpers.ts';

describe('a survey in a real browser', { timeout: 120_000 }, () => {
  let t: TestApp;
  let base: string;

  before(async () => {
    assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium (.ci/run does this)`);
    fs.mkdirSync(shots, { recursive: true });
    t = await testApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await t?.close();
  });

  it('records the click, takes a comment and passes axe', async () => {
    const tk = await createTicket(t, { subject: 'Parcel <b>lost</b>' });
    assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${tk.id}`, payload: { status: 'solved' } })).status, 200);
    assert.equal(await surveyTick(t.database.db, undefined, { publicUrl: base }), 1);
    const mail = await t.database.db.selectFrom('system_emails').select('body_text').where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
    const link = /(http:\/\/\S+\/survey\/[A-Za-z0-9_-]{43}\?rating=5)/.exec(mail.body_text)?.[1];
    assert.ok(link, mail.body_text);

    const b = await openBrowser();
    const { page } = b;
    try {
      await page.goto(link);
      await page.getByRole('heading', { name: 'Thanks for your answer', level: 1 }).waitFor();
      assert.match(await page.locator('main').innerText(), new RegExp(`#${tk.number} Parcel <b>lost</b>: 5 of 5`));
      await checkAccessibility(page, 'survey thanks');
      await page.screenshot({ path: path.join(shots, `${dbKind}-survey-thanks.png`), fullPage: true });
      const s = await t.database.db.selectFrom('surveys').select('rating').where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
      assert.equal(s.rating, 5);

      await page.getByLabel('Anything you would like to tell us? (optional)').fill('Fast and friendly <script>alert(1)</script>');
      await page.getByRole('button', { name: 'Send comment' }).click();
      await page.getByText('Thank you for taking the time to tell us.').waitFor();
      assert.equal(await page.locator('blockquote').innerText(), 'Fast and friendly <script>alert(1)</script>');
      assert.equal(await page.locator('main script').count(), 0);
      assert.equal(await page.getByRole('textbox').count(), 0, 'one comment per survey');
      await checkAccessibility(page, 'survey commented');
      const after = await t.database.db.selectFrom('surveys').select(['rating', 'comment']).where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
      assert.deepEqual(after, { rating: 5, comment: 'Fast and friendly <script>alert(1)</script>' });
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
});
