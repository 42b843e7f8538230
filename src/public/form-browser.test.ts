import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkNarrowPage, startWebApp, withBrowser } from '../../test/browser.ts';
import type { TestApp } from '../../test/helpers.ts';

describe('contact form in a browser at 375 px (the pages carry no script)', () => {
  let t: TestApp;
  let base: string;
  let dir: string;

  before(async () => {
    ({ t, base } = await startWebApp({ build: false }));
    const r = await t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { status: 'published', title: 'Damaged item on arrival', tags: ['damage', 'broken'], body: 'If your order arrived damaged or broken, report it within 7 days with photos. We send a replacement or refund.' } });
    assert.equal(r.status, 201);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-form-'));
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    fs.writeFileSync(path.join(dir, 'tool.exe'), 'MZ');
  });
  after(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('errors beside fields, suggestions, a refused file, then a sent request with its reference; axe-clean and fits a phone', async () => {
    // The two refused submissions answer 400 on purpose.
    await withBrowser({ ignoreConsole: /status of 400/ }, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${base}/support/new`);
      await checkNarrowPage(page, 'form');
      await page.getByLabel('Email address').fill('not an email');
      await page.getByLabel('Subject').fill('My table arrived <b>broken</b>');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForSelector('#email-error');
      assert.match(await page.locator('#email-error').innerText(), /must be an email address/);
      assert.equal(await page.getByLabel('Subject').inputValue(), 'My table arrived <b>broken</b>');
      await checkNarrowPage(page, 'form with errors');

      await page.getByLabel('Your name').fill('Sam <script>x</script>');
      await page.getByLabel('Email address').fill('sam.browser@example.com');
      await page.getByLabel('How can we help?').fill('The table arrived broken and damaged.\nThe leg snapped.');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('Did one of these answer your question?').waitFor();
      assert.ok(await page.getByRole('link', { name: 'Damaged item on arrival' }).isVisible());
      await checkNarrowPage(page, 'suggestions');

      await page.getByLabel('Attach files').setInputFiles([path.join(dir, 'photo.png'), path.join(dir, 'tool.exe')]);
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.waitForSelector('#attachments-error');
      assert.match(await page.locator('#attachments-error').innerText(), /tool\.exe is not a type we accept/);
      await checkNarrowPage(page, 'refused file');

      await page.getByLabel('Attach files').setInputFiles([path.join(dir, 'photo.png')]);
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByText('Thank you, we have your request').waitFor();
      const text = await page.locator('main').innerText();
      const number = Number(/Your reference is #(\d+)/.exec(text)?.[1]);
      assert.ok(number > 0, text);
      assert.match(text, /We'll reply by \w+day/);
      await checkNarrowPage(page, 'sent');

      const ticket = await t.database.db.selectFrom('tickets').select(['id', 'subject']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.equal(ticket.subject, 'My table arrived <b>broken</b>');
      const m = await t.database.db.selectFrom('messages').select('body_text').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
      assert.equal(m.body_text, 'The table arrived broken and damaged.\nThe leg snapped.');
      const files = await t.database.db.selectFrom('attachments').select('filename').where('ticket_id', '=', ticket.id).execute();
      assert.deepEqual(files.map((f) => f.filename), ['photo.png']);
    });
  });
});
