/**
 * The widget in chromium, embedded by a page of another origin (a tiny node:http site on its own port): the
 * customer sees a suggested article, sends, sees the reference; an agent replies through the API and the reply
 * appears live; axe on the open panel; Esc closes it and focus returns to the launcher.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from './helpers.ts';
import { checkAccessibility, startWebApp, withBrowser } from './browser.ts';
import { buildWidget } from '../widget/build.ts';

describe('the chat widget on another site, in chromium', () => {
  let t: TestApp;
  let heed: string;
  let site: http.Server;
  let siteUrl: string;

  before(async () => {
    await buildWidget(); // the script as the source is now, not an older build
    ({ t, base: heed } = await startWebApp({ build: false }));
    const article = (a: Record<string, unknown>) => t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { status: 'published', ...a } });
    await article({ title: 'Damaged item on arrival', tags: ['damage', 'broken'], body: 'If your order arrived damaged or broken, report it within 7 days with photos. We send a replacement or refund.' });
    await article({ title: 'Reset your password', tags: ['login'], body: 'Forgot your password or cannot sign in? Use the reset link on the sign-in page; it expires after an hour.' });
    await article({ title: 'Return an item', tags: ['returns'], body: 'You can return most items within 30 days. Start a return from your orders page and print the label.' });
    // The shop's own CSS is hostile on purpose: it must not reach into the widget.
    const page = `<!doctype html><html lang="en"><head><title>Shop</title><style>*{font-size:40px !important;color:red !important}</style></head>
      <body><main><h1>Tallow Shop</h1><p>Welcome.</p></main>
      <script src="${heed}/widget.js" data-heed-title="Chat with us" data-heed-color="#0b6e4f" async></script></body></html>`;
    site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    // localhost, not 127.0.0.1: another host as well as another port.
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    await t.database.db.updateTable('workspace').set({ widget_origins: [siteUrl] }).execute();
  });
  after(async () => {
    await new Promise((resolve) => site.close(resolve));
    await t.close();
  });

  it('suggests an article, sends, shows the reference, and shows the agent reply live', () => withBrowser(async ({ page }) => {
    await page.goto(`${siteUrl}/`);
    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.click();
    assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
    const dialog = page.getByRole('dialog', { name: 'Chat with us' });
    await dialog.waitFor();
    const fontSize = await launcher.evaluate((el) => getComputedStyle(el).fontSize);
    assert.notEqual(fontSize, '40px', 'the site CSS leaked into the widget');

    await page.getByLabel('Your name').fill('Cleo <b>Customer</b>');
    await page.getByLabel('Email').fill('cleo.browser@example.com');
    await page.getByLabel('How can we help?').fill('my table arrived broken and damaged, the leg snapped');
    const suggestion = dialog.getByRole('link', { name: 'Damaged item on arrival' });
    await suggestion.waitFor();
    assert.match((await suggestion.getAttribute('href')) ?? '', new RegExp(`^${heed}/help/articles/`));
    await checkAccessibility(page, 'widget form with a suggestion');

    await dialog.getByRole('button', { name: 'Send' }).click();
    const status = dialog.getByRole('status');
    await status.filter({ hasText: /reference is #\d+/ }).waitFor();
    const number = Number(/#(\d+)/.exec((await status.textContent()) ?? '')![1]);
    const ticket = await t.database.db.selectFrom('tickets').select(['id', 'channel']).where('number', '=', number).executeTakeFirstOrThrow();
    assert.equal(ticket.channel, 'chat');
    const token = await page.evaluate(() => localStorage.getItem('heed-widget-conversation'));
    assert.match(token ?? '', /^heed_c_/);

    const agent = await t.agent({ name: 'Maria Lopez' });
    const reply = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, as: agent, payload: { kind: 'reply', body: 'Sorry about that! <img src=x onerror=alert(1)> A new leg is on its way.' } });
    assert.equal(reply.status, 201);
    const shown = dialog.getByRole('listitem').filter({ hasText: 'A new leg is on its way.' });
    await shown.waitFor({ timeout: 15_000 });
    assert.match((await shown.textContent()) ?? '', /Maria/);
    assert.ok(((await shown.textContent()) ?? '').includes('<img src=x onerror=alert(1)>'), 'hostile text shows as text');
    await checkAccessibility(page, 'widget conversation');

    // The customer answers from the chat; the ticket gets the message.
    await dialog.getByLabel('Your message').fill('Thank you!');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByRole('listitem').filter({ hasText: 'Thank you!' }).waitFor();
    const msgs = await t.database.db.selectFrom('messages').select('body_text').where('ticket_id', '=', ticket.id).orderBy('created_at').execute();
    assert.equal(msgs.at(-1)!.body_text, 'Thank you!');

    // A photo of the damage: attached from the chat, listed on the new message, downloadable with the token.
    await dialog.getByLabel('Attach a file').setInputFiles({ name: 'leg.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('fake jpeg bytes') });
    await dialog.getByRole('button', { name: 'Send' }).click();
    const fileButton = dialog.getByRole('button', { name: /leg\.jpg/ });
    await fileButton.waitFor();
    const files = await t.database.db.selectFrom('attachments').select(['filename', 'message_id']).where('ticket_id', '=', ticket.id).execute();
    assert.deepEqual(files.map((f) => f.filename), ['leg.jpg']);
    assert.ok(files[0]!.message_id);
    const [download] = await Promise.all([page.waitForEvent('download'), fileButton.click()]);
    assert.equal(download.suggestedFilename(), 'leg.jpg');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
    const focused = await page.evaluate(() => document.querySelector('[data-heed-widget]')?.shadowRoot?.activeElement?.className);
    assert.equal(focused, 'launcher', 'focus back on the launcher');

    // With the panel closed the conversation stays connected: a new reply marks the launcher.
    await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, as: agent, payload: { kind: 'reply', body: 'Anything else?' } });
    await page.getByRole('button', { name: /Chat with us.*new reply/ }).waitFor();

    // Back later: the widget reopens the same conversation from localStorage.
    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.getByRole('dialog', { name: 'Chat with us' }).getByRole('listitem').filter({ hasText: 'A new leg is on its way.' }).waitFor();
  }));
});
