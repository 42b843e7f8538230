import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers.ts';

const api = '/api/v1/knowledge/articles';

describe('public help center', () => {
  let t: TestApp;
  let published: { id: string; slug: string };
  let draft: { id: string; slug: string };
  let hostile: { id: string; slug: string };
  const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const feedback = (slug: string, helpful: string, ip = '203.0.113.1', query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/help/articles/${slug}/feedback${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      payload: `helpful=${encodeURIComponent(helpful)}`,
    });

  before(async () => {
    t = await testApp();
    await t.database.db.updateTable('workspace').set({ name: 'Acme <Support>' }).execute();
    const mk = async (payload: Record<string, unknown>) => {
      const r = await t.call({ method: 'POST', url: api, payload });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body as { id: string; slug: string };
    };
    published = await mk({
      title: 'Track your parcel',
      body: '# Where is it\n\nOpen **Orders** and choose *Track*. [More](https://example.com/track) ![map](https://example.com/map.png)\n\n<script>alert("x")</script>\n\n[bad](javascript:alert(1)) <a href="#" onclick="steal()">c</a>',
      category: 'Shipping',
      status: 'published',
    });
    draft = await mk({ title: 'Secret draft parcel plan', body: 'Unreleased parcel pricing', category: 'Shipping' });
    hostile = await mk({ title: '<script>alert(1)</script> parcel', body: 'parcel <img src=x onerror=alert(1)>', category: '<b>Evil</b>', status: 'published' });
    await mk({ title: 'Opening hours', body: 'We open at nine.', status: 'published' });
    await mk({ title: 'Horaires parcel', body: 'Nous ouvrons à neuf heures.', status: 'published', locale: 'fr', slug: 'horaires' });
  });
  after(() => t.close());

  it('home lists published articles by category, escapes everything, and hides drafts', async () => {
    const r = await page('/help');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.equal(r.headers['cache-control'], 'public, max-age=60');
    const body = r.body;
    assert.match(body, /<html lang="en">/);
    assert.match(body, /<meta name="viewport"/);
    assert.match(body, /Acme &lt;Support&gt; help center/);
    assert.match(body, /<label for="help-q">/);
    assert.match(body, /<h2>Shipping<\/h2>/);
    assert.match(body, /<h2>General<\/h2>/);
    assert.match(body, /<h2>&lt;b&gt;Evil&lt;\/b&gt;<\/h2>/);
    assert.match(body, /href="\/help\/articles\/track-your-parcel">Track your parcel<\/a>/);
    assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt; parcel/);
    assert.doesNotMatch(body, /<script/i);
    assert.doesNotMatch(body, /Secret draft/);
    assert.doesNotMatch(body, /Horaires/, 'other locales are not on the English home');
    const fr = await page('/help?locale=fr');
    assert.match(fr.body, /<html lang="fr">/);
    assert.match(fr.body, /href="\/help\/articles\/horaires\?locale=fr"/);
    assert.equal((await page('/help?locale=<x>')).statusCode, 400);
  });

  it('renders an article from Markdown without scripts, handlers or javascript: links, and counts views', async () => {
    const r = await page(`/help/articles/${published.slug}`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<h1>Track your parcel<\/h1>/);
    assert.match(r.body, /<h2>Where is it<\/h2>/, 'the body headings sit under the title');
    assert.match(r.body, /<strong>Orders<\/strong>/);
    assert.match(r.body, /<img src="https:\/\/example.com\/map.png" alt="map" \/>/);
    assert.match(r.body, /<time datetime="\d{4}-\d\d-\d\dT/);
    assert.doesNotMatch(r.body, /<script|onclick|onerror|href="javascript:/i);
    assert.match(r.body, /<a rel="[^"]*">bad<\/a>/, 'the javascript: link loses its href');
    assert.match(r.body, /Was this helpful\?/);
    assert.match(r.body, /<form method="post" action="\/help\/articles\/track-your-parcel\/feedback"><input type="hidden" name="helpful" value="yes">/);
    assert.equal(r.headers['cache-control'], 'public, max-age=60');
    assert.match(String(r.headers['content-security-policy']), /default-src 'none'/);
    await page(`/help/articles/${published.slug}`);
    const a = await t.call({ method: 'GET', url: `${api}/${published.id}` });
    assert.equal(a.body.views, 2);

    const h = await page(`/help/articles/${hostile.slug}`);
    assert.equal(h.statusCode, 200);
    assert.match(h.body, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt; parcel<\/h1>/);
    assert.doesNotMatch(h.body, /<script|onerror/i);
  });

  it('shows a draft, a missing slug and an unknown path as the same HTML 404', async () => {
    const d = await page(`/help/articles/${draft.slug}`);
    const m = await page('/help/articles/no-such-article');
    const odd = await page('/help/articles/NOT%20A%20SLUG');
    const other = await page('/help/nothing/here');
    for (const r of [d, m, odd, other]) {
      assert.equal(r.statusCode, 404);
      assert.match(String(r.headers['content-type']), /text\/html/);
      assert.match(r.body, /<h1>Page not found<\/h1>/);
    }
    assert.equal(d.body, m.body);
    assert.doesNotMatch(d.body, /Secret/);
    const a = await t.call({ method: 'GET', url: `${api}/${draft.id}` });
    assert.equal(a.body.views, 0);
    assert.equal((await page('/help/articles/horaires')).statusCode, 404, 'a French slug is not an English article');
    assert.equal((await page('/help/articles/horaires?locale=fr')).statusCode, 200);
  });

  it('records feedback with its counter, redirects back with thanks, and refuses drafts and bad answers', async () => {
    const yes = await feedback(published.slug, 'yes');
    assert.equal(yes.statusCode, 303);
    assert.equal(yes.headers.location, `/help/articles/${published.slug}?thanks=1`);
    assert.equal(yes.headers['cache-control'], 'no-store');
    await feedback(published.slug, 'no');
    await feedback(published.slug, 'yes');
    const a = await t.call({ method: 'GET', url: `${api}/${published.id}` });
    assert.equal(a.body.helpfulYes, 2);
    assert.equal(a.body.helpfulNo, 1);
    const rows = await t.database.db.selectFrom('article_feedback').select(['helpful', 'source']).where('article_id', '=', published.id).execute();
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.source === 'help'));
    const thanks = await page(`/help/articles/${published.slug}?thanks=1`);
    assert.match(thanks.body, /Thanks for your feedback/);

    const fr = await feedback('horaires', 'yes', '203.0.113.1', '?locale=fr');
    assert.equal(fr.headers.location, '/help/articles/horaires?locale=fr&thanks=1');

    const toDraft = await feedback(draft.slug, 'yes');
    assert.equal(toDraft.statusCode, 404);
    assert.match(toDraft.body, /Page not found/);
    assert.equal(toDraft.headers['cache-control'], 'no-store');
    for (const bad of ['maybe', '', '<script>']) {
      const r = await feedback(published.slug, bad);
      assert.equal(r.statusCode, 400, bad);
      assert.match(String(r.headers['content-type']), /text\/html/);
      assert.doesNotMatch(r.body, /<script>/);
    }
    const huge = await t.app.inject({ method: 'POST', url: `/help/articles/${published.slug}/feedback`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' }, payload: `helpful=yes&x=${'a'.repeat(5000)}` });
    assert.equal(huge.statusCode, 413);
    const d = await t.call({ method: 'GET', url: `${api}/${draft.id}` });
    assert.equal(d.body.helpfulYes, 0);
    const after = await t.call({ method: 'GET', url: `${api}/${published.id}` });
    assert.equal(after.body.helpfulYes, 2, 'refused posts count nothing');
  });

  it('limits feedback per IP', async () => {
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const r = await feedback(published.slug, 'yes', '198.51.100.7');
      if (r.statusCode === 429) {
        limited += 1;
        assert.match(r.body, /Too many requests/);
      }
    }
    assert.ok(limited >= 5, `limited ${limited}`);
    assert.equal((await feedback(published.slug, 'yes', '198.51.100.8')).statusCode, 303, 'another address is not limited');
  });

  it('searches published articles only, escapes the query and snippets, and refuses over-long queries', async () => {
    const empty = await page('/help/search');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /Type a question/);
    const r = await page(`/help/search?q=${encodeURIComponent('parcel "><script>alert(1)</script>')}`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /value="parcel &quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    // Hostile text may show as text; never as a tag.
    assert.doesNotMatch(r.body, /<script|<img|<a href="#"/i);
    assert.match(r.body, /href="\/help\/articles\/track-your-parcel"/);
    assert.doesNotMatch(r.body, /Secret draft|Unreleased/);
    const plain = await page('/help/search?q=parcel');
    assert.match(plain.body, /Track your parcel/);
    assert.doesNotMatch(plain.body, /Secret draft/);
    assert.doesNotMatch(plain.body, /Horaires/);
    const long = await page(`/help/search?q=${'a'.repeat(501)}`);
    assert.equal(long.statusCode, 400);
    assert.match(String(long.headers['content-type']), /text\/html/);
    assert.match(long.body, /at most 500 characters/);
  });

  it('needs no sign-in', async () => {
    const r = await page('/help', { authorization: '' });
    assert.equal(r.statusCode, 200);
  });
});
