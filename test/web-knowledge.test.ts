/**
 * The knowledge pieces of the web app, in a real browser (Debian's chromium through playwright-core) against Heed
 * serving the built app on a fresh database: an admin writes and publishes an article (safe preview, versions, a
 * stale save refused with a reload offer), writes a macro with a placeholder and an add_tag action (an unknown
 * placeholder refused beside the field); an agent uses the macro from a ticket's Suggestions panel (the composer
 * holds the customer's first name, the tag appears) and inserts an article link; axe-core on each page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../web/src/api/client.ts';
import { articleLinkText, isVersionConflict, tagList } from '../web/src/components/knowledge/api.ts';
import { parseMarkdown, parseInline, safeHref } from '../web/src/components/knowledge/markdown.ts';
import { createTicket, type Caller, type TestApp } from './helpers.ts';
import { checkAccessibility, screenshot, signIn, startWebApp, withBrowser } from './browser.ts';

describe('knowledge web logic', () => {
  it('reads Markdown into headings, paragraphs, lists and code, keeping HTML as text', () => {
    const blocks = parseMarkdown('# Reset\n\nFirst line\nsame paragraph <b>x</b>\n\n- one\n- **two**\n\n1. a\n2) b\n\n```\n<script>x</script>\n```\n## End ##');
    assert.deepEqual(blocks.map((b) => b.kind), ['heading', 'paragraph', 'list', 'list', 'code', 'heading']);
    assert.deepEqual(blocks[0], { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Reset' }] });
    assert.deepEqual(blocks[1], { kind: 'paragraph', content: [{ kind: 'text', text: 'First line same paragraph <b>x</b>' }] });
    assert.deepEqual(blocks[2], { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'strong', text: 'two' }]] });
    const ordered = blocks[3];
    assert.equal(ordered?.kind === 'list' && ordered.ordered, true);
    assert.deepEqual(blocks[4], { kind: 'code', text: '<script>x</script>' });
    assert.deepEqual(blocks[5], { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'End' }] });
  });

  it('keeps only safe links and reads inline marks', () => {
    assert.deepEqual(parseInline('see [docs](https://example.com/a) and `code` *now*'), [
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'docs', href: 'https://example.com/a' },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'code' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'now' },
    ]);
    const hostile = parseInline('[x](javascript:alert(1)) [y](data:text/html,hi)');
    assert.ok(hostile.every((p) => p.kind === 'text'), JSON.stringify(hostile));
    assert.equal(hostile.map((p) => p.text).join(''), '[x](javascript:alert(1)) [y](data:text/html,hi)');
    assert.equal(safeHref('javascript:alert(1)'), null);
    assert.equal(safeHref('data:text/html,hi'), null);
    assert.equal(safeHref('//evil.example/x'), null);
    assert.equal(safeHref('/help/articles/a'), '/help/articles/a');
    assert.equal(safeHref('mailto:help@example.com'), 'mailto:help@example.com');
  });

  it('builds link text, tag lists, and tells a stale version from a taken slug', () => {
    assert.equal(articleLinkText('Reset', '/help/articles/reset', 'https://desk.example'), 'Reset: https://desk.example/help/articles/reset');
    assert.equal(articleLinkText('Reset', 'https://help.example/a', 'https://desk.example'), 'Reset: https://help.example/a');
    assert.deepEqual(tagList(' router, wifi,,router , '), ['router', 'wifi']);
    assert.equal(isVersionConflict(new ApiError(409, 'conflict', 'version: the article is at version 2, not 1', [{ field: 'version', message: 'stale' }])), true);
    assert.equal(isVersionConflict(new ApiError(409, 'conflict', 'slug: "a" is already used', [{ field: 'slug', message: 'already used' }])), false);
    assert.equal(isVersionConflict(new Error('version')), false);
  });
});

// The browser logs refused requests itself; the app shows them, which the test checks.
const refusals = { ignoreConsole: /status of 4\d\d/ };

describe('knowledge in a real browser', { timeout: 240_000 }, () => {
  let t: TestApp;
  let base: string;
  let agent: Caller;

  before(async () => {
    ({ t, base } = await startWebApp());
    agent = await t.agent({ name: 'Sam Support' });
  });
  after(async () => {
    await t?.close();
  });

  it('lets an admin write, preview, publish and version an article, and shows a stale save clearly', async () => {
    await withBrowser({ ...refusals, acceptDialogs: true }, async ({ page }) => {
      await signIn(page, base, t.admin);
      const adminNav = page.getByRole('navigation', { name: 'Admin' });
      await adminNav.getByRole('link', { name: 'Articles' }).click();
      await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
      await page.getByText('No articles yet').waitFor();
      await page.getByRole('button', { name: 'New article' }).click();
      const form = page.getByRole('form', { name: 'New article' });
      await form.getByLabel('Title').fill('Reset your router');
      await form.getByLabel('Category').fill('Internet');
      await form.getByLabel('Tags').fill('router, wifi');
      await form.getByLabel('Status').selectOption('published');
      await form.getByLabel('Body (Markdown)').fill('# Before you start\n\nUnplug the **router** for 30 seconds. <img src=x onerror="window.__pwned=1">\n\n- Wait for the light\n- [Try again](javascript:window.__pwned=2)\n');
      await form.getByRole('button', { name: 'Preview' }).click();
      const preview = page.getByRole('region', { name: 'Preview of the article' });
      await preview.getByRole('heading', { name: 'Before you start' }).waitFor();
      assert.equal(await preview.locator('strong').textContent(), 'router');
      assert.equal(await preview.locator('li').count(), 2);
      assert.equal(await preview.locator('img, script, a').count(), 0, 'no HTML from the body, no javascript: link');
      assert.match((await preview.textContent()) ?? '', /<img src=x onerror/);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      await checkAccessibility(page, 'article preview');
      await form.getByRole('button', { name: 'Back to editing' }).click();
      await form.getByRole('button', { name: 'Create article' }).click();
      await page.getByRole('status').getByText('Saved: version 1, published.').waitFor();
      await page.getByRole('table', { name: 'Articles found' }).getByRole('row', { name: /Reset your router/ }).waitFor();

      const listed = (await t.call({ method: 'GET', url: '/api/v1/knowledge/articles' })).body.items as { id: string; slug: string; status: string; tags: string[]; url: string | null }[];
      assert.equal(listed.length, 1);
      const art = listed[0]!;
      assert.deepEqual([art.slug, art.status, art.tags, art.url], ['reset-your-router', 'published', ['router', 'wifi'], '/help/articles/reset-your-router']);
      const link = page.getByRole('link', { name: 'View in help center' });
      assert.equal(await link.getAttribute('href'), '/help/articles/reset-your-router');
      // The public help center, when it is there, shows the published article to anyone.
      const pub = await fetch(`${base}/help/articles/reset-your-router`);
      if (pub.status !== 404) {
        assert.equal(pub.status, 200);
        assert.match(await pub.text(), /Reset your router/);
      }

      // Versions: who saved, when.
      const versions = page.getByRole('table', { name: 'Saved versions' });
      await versions.getByRole('row', { name: /1 Reset your router Published Ada Admin/ }).waitFor();

      // A second editor (the API here) saves first; this editor's save is refused and offers a reload.
      const editForm = page.getByRole('form', { name: 'Edit article' });
      await editForm.getByLabel('Title').fill('Reset your router (mine)');
      const other = await t.call({ method: 'PATCH', url: `/api/v1/knowledge/articles/${art.id}`, payload: { title: 'Restart your router', version: 1 }, as: agent });
      assert.equal(other.status, 200, JSON.stringify(other.body));
      await editForm.getByRole('button', { name: 'Save article' }).click();
      const alert = editForm.getByRole('alert').filter({ hasText: 'Someone else saved this article' });
      await alert.waitFor();
      await checkAccessibility(page, 'article conflict');
      await screenshot(page, 'article-conflict');
      assert.equal((await t.call({ method: 'GET', url: `/api/v1/knowledge/articles/${art.id}` })).body.title, 'Restart your router', 'the stale save changed nothing');
      await alert.getByRole('button', { name: 'Reload article' }).click();
      await alert.waitFor({ state: 'detached' });
      assert.equal(await editForm.getByLabel('Title').inputValue(), 'Restart your router');
      await editForm.getByLabel('Category').fill('Home internet');
      await editForm.getByRole('button', { name: 'Save article' }).click();
      await page.getByRole('status').getByText('Saved: version 3, published.').waitFor();
      await versions.getByRole('row', { name: /2 Restart your router Published Sam Support/ }).waitFor();
      assert.equal(await versions.getByRole('row').count(), 4, 'a header and three versions');

      // A taken slug is shown beside the slug field, not as a version conflict.
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'New article' }).click();
      const second = page.getByRole('form', { name: 'New article' });
      await second.getByLabel('Title').fill('Another');
      await second.getByLabel('Address (slug)').fill('reset-your-router');
      await second.getByLabel('Body (Markdown)').fill('Text');
      await second.getByRole('button', { name: 'Create article' }).click();
      await second.locator('.field.invalid').getByText('already used').waitFor();
      assert.equal(await page.getByText('Someone else saved').count(), 0);

      // Filters: drafts only shows none; title search finds it.
      await page.getByRole('search').getByLabel('Status').selectOption('draft');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByText('No articles match.').waitFor();
      await page.getByRole('search').getByLabel('Status').selectOption('');
      await page.getByLabel('Title contains').fill('restart');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('table', { name: 'Articles found' }).getByRole('row', { name: /Restart your router/ }).waitFor();
      await checkAccessibility(page, 'admin articles');
      await screenshot(page, 'admin-articles');

      // Delete (confirmed): gone from the list and the API.
      // Hostile text in a title is shown as text.
      const hostile = 'Old <b>restart</b> notice <img src=x onerror="window.__pwned=3">';
      const doomed = await t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { title: hostile, body: 'Obsolete.' } });
      assert.equal(doomed.status, 201);
      await page.getByLabel('Title contains').fill('');
      await page.getByRole('button', { name: 'Find' }).click();
      const row = page.getByRole('table', { name: 'Articles found' }).getByRole('row', { name: /Old <b>restart<\/b> notice/ });
      assert.equal(await row.getByRole('rowheader').textContent(), hostile);
      assert.equal(await page.locator('img, b').count(), 0);
      await row.getByRole('button', { name: 'Delete' }).click();
      await row.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.equal((await t.call({ method: 'GET', url: `/api/v1/knowledge/articles/${doomed.body.id}` })).status, 404);
    });
  });

  it('lets an admin write a macro, and an agent use it and an article from the Suggestions panel', async () => {
    await withBrowser({ ...refusals, acceptDialogs: true }, async ({ page }) => {
      await signIn(page, base, t.admin);
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Macros' }).click();
      await page.getByRole('heading', { name: 'Macros', level: 1 }).waitFor();
      await page.getByText('No macros yet.').waitFor();
      await page.getByRole('button', { name: 'New macro' }).click();
      const form = page.getByRole('form', { name: 'New macro' });
      await form.getByLabel('Name').fill('Router restart steps');
      await form.getByLabel('Reply').fill('Hi {{customer.firstName}},\n\nPlease restart your router. (Ticket {{ticket.shoeSize}})');
      await form.getByRole('button', { name: 'Add action' }).click();
      await form.getByLabel('Tag for action 1').fill('router');
      await form.getByRole('button', { name: 'Add action' }).click();
      await form.getByLabel('Action 2', { exact: true }).selectOption('set_status');
      await form.getByLabel('Status for action 2').selectOption('pending');
      await form.getByRole('button', { name: 'Create macro' }).click();
      // An unknown placeholder is refused beside the reply, and nothing is stored.
      await form.locator('.field.invalid').getByText(/unknown placeholders: \{\{ticket\.shoeSize\}\}/).waitFor();
      assert.equal((await t.call({ method: 'GET', url: '/api/v1/macros' })).body.items.length, 0);
      await checkAccessibility(page, 'macro with an error');
      await screenshot(page, 'macro-editor-error');
      await form.getByLabel('Reply').fill('Hi {{customer.firstName}},\n\nPlease restart your router. (Ticket {{ticket.number}})');
      await form.getByRole('button', { name: 'Create macro' }).click();
      await page.getByRole('row', { name: /Router restart steps/ }).waitFor();
      const macros = (await t.call({ method: 'GET', url: '/api/v1/macros' })).body.items;
      assert.equal(macros.length, 1);
      assert.deepEqual(macros[0].actions, [{ type: 'add_tag', tag: 'router' }, { type: 'set_status', status: 'pending' }]);
      await checkAccessibility(page, 'admin macros');
      await screenshot(page, 'admin-macros');

      const spare = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: 'Spare macro', body: 'Hello' } });
      assert.equal(spare.status, 201);
      await page.reload();
      await page.getByRole('button', { name: 'Delete Spare macro' }).click();
      await page.getByRole('row', { name: /Spare macro/ }).waitFor({ state: 'detached' });
      assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${spare.body.id}` })).status, 404);
    });

    const ticket = await createTicket(t, {
      subject: 'My router keeps dropping the connection',
      body: 'The internet drops every hour; restarting the router helps for a while.',
      requester: { email: 'maria@example.com', name: 'María López' },
    }, agent);
    await withBrowser(refusals, async ({ page }) => {
      await signIn(page, base, agent);
      await page.goto(`${base}/tickets/${ticket.id}`);
      const panel = page.getByRole('region', { name: 'Suggestions' });
      await panel.getByRole('heading', { name: 'Suggestions' }).waitFor();
      await panel.getByRole('status').filter({ hasText: 'Looking for suggestions' }).waitFor({ state: 'detached' });
      assert.equal(await panel.getByRole('alert').count(), 0, `suggestions failed: ${await panel.textContent()}`);
      await checkAccessibility(page, 'ticket with suggestions');
      await screenshot(page, 'ticket-suggestions');

      // The macro: from the suggestions when offered, else from the panel's list of every macro.
      const suggested = panel.getByRole('button', { name: 'Use macro Router restart steps' });
      if (await suggested.count()) await suggested.click();
      else {
        await panel.getByLabel('Any macro').selectOption({ label: 'Router restart steps' });
        await panel.getByRole('button', { name: 'Use the chosen macro' }).click();
      }
      const composer = page.getByLabel('Reply to the customer');
      await page.waitForFunction(() => (document.querySelector('#composer-text') as HTMLTextAreaElement | null)?.value.includes('Please restart'));
      assert.equal(await composer.inputValue(), `Hi María,\n\nPlease restart your router. (Ticket ${ticket.number})`);
      await page.getByRole('list', { name: 'Tags' }).getByText('router', { exact: true }).waitFor();
      await page.waitForFunction(() => (document.querySelector('#ticket-status') as HTMLSelectElement | null)?.value === 'pending');
      const stored = (await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).body;
      assert.deepEqual([stored.tags, stored.status], [['router'], 'pending']);
      assert.equal(stored.messages.length, 1, 'using a macro sends nothing: only the customer\'s message');

      // The article: its link goes after the macro's text.
      const insert = panel.getByRole('button', { name: 'Insert link to Restart your router' });
      if (await insert.count()) {
        await insert.click();
        await page.waitForFunction(() => (document.querySelector('#composer-text') as HTMLTextAreaElement | null)?.value.includes('/help/articles/'));
        assert.equal(await composer.inputValue(), `Hi María,\n\nPlease restart your router. (Ticket ${ticket.number})\n\nRestart your router: ${base}/help/articles/reset-your-router`);
      } else {
        const s = (await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/suggestions` })).body;
        assert.fail(`the published article was not suggested: ${JSON.stringify(s)}`);
      }
      await checkAccessibility(page, 'ticket after using a macro');
      await screenshot(page, 'ticket-macro-used');
    });
  });
});
