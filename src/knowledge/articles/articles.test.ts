import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers.ts';

const url = '/api/v1/knowledge/articles';

describe('knowledge articles API', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const create = (payload: Record<string, unknown>, as?: Parameters<TestApp['call']>[0]['as']) => t.call({ method: 'POST', url, payload, as });

  it('creates, reads, edits with versions and deletes (admin only)', async () => {
    const agent = await t.agent({ name: 'Kim Writer' });
    const c = await create({ title: 'Reset your password', body: '# Steps\n\n1. Click *Forgot*', tags: ['Account', 'account', ' Login '], category: 'Account' }, agent);
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.equal(c.body.slug, 'reset-your-password');
    assert.deepEqual(c.body.tags, ['account', 'login']);
    assert.equal(c.body.status, 'draft');
    assert.equal(c.body.locale, 'en');
    assert.equal(c.body.version, 1);
    assert.equal(c.body.url, null);
    assert.equal(c.body.publishedAt, null);
    assert.equal(c.body.views, 0);

    const got = await t.call({ method: 'GET', url: `${url}/${c.body.id}`, as: agent });
    assert.equal(got.status, 200);
    assert.equal(got.body.body, '# Steps\n\n1. Click *Forgot*');

    const p = await t.call({ method: 'PATCH', url: `${url}/${c.body.id}`, payload: { status: 'published', version: 1 }, as: agent });
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal(p.body.version, 2);
    assert.equal(p.body.url, '/help/articles/reset-your-password');
    assert.ok(p.body.publishedAt);
    const firstPublished = p.body.publishedAt;

    const stale = await t.call({ method: 'PATCH', url: `${url}/${c.body.id}`, payload: { title: 'Lost edit', version: 1 }, as: agent });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'conflict');
    assert.match(stale.body.error.message, /^version/);

    const p2 = await t.call({ method: 'PATCH', url: `${url}/${c.body.id}`, payload: { title: 'Reset a password', status: 'draft' } });
    assert.equal(p2.body.version, 3);
    const p3 = await t.call({ method: 'PATCH', url: `${url}/${c.body.id}`, payload: { status: 'published', version: 3 } });
    assert.equal(p3.body.publishedAt, firstPublished, 'published_at is set only the first time');

    const v = await t.call({ method: 'GET', url: `${url}/${c.body.id}/versions`, as: agent });
    assert.equal(v.status, 200);
    assert.deepEqual(v.body.items.map((i: { version: number }) => i.version), [4, 3, 2, 1]);
    assert.equal(v.body.items[3].title, 'Reset your password');
    assert.equal(v.body.items[3].status, 'draft');
    assert.deepEqual(v.body.items[3].changedBy, { id: agent.agentId, name: 'Kim Writer' });
    assert.equal(v.body.items[1].title, 'Reset a password');
    assert.equal(v.body.items[0].changedBy.name, 'Ada Admin');

    const events = await t.database.db.selectFrom('events').select(['action', 'actor_id']).where('entity', '=', 'article').where('entity_id', '=', c.body.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['article.created', 'article.updated', 'article.updated', 'article.updated']);

    const denied = await t.call({ method: 'DELETE', url: `${url}/${c.body.id}`, as: agent });
    assert.equal(denied.status, 403);
    const del = await t.call({ method: 'DELETE', url: `${url}/${c.body.id}` });
    assert.equal(del.status, 204);
    assert.equal((await t.call({ method: 'GET', url: `${url}/${c.body.id}` })).status, 404);
    assert.equal((await t.call({ method: 'DELETE', url: `${url}/${c.body.id}` })).status, 404);
    assert.equal((await t.call({ method: 'GET', url: `${url}/${c.body.id}/versions` })).status, 404);
  });

  it('derives slugs (accents folded, collisions suffixed) and refuses a taken or malformed explicit slug', async () => {
    const a = await create({ title: 'Crème brûlée: Ärger & Straße!', body: 'x' });
    assert.equal(a.body.slug, 'creme-brulee-arger-strasse');
    const b = await create({ title: 'Crème Brûlée — ärger, STRASSE', body: 'y' });
    assert.equal(b.body.slug, 'creme-brulee-arger-strasse-2');
    const c = await create({ title: 'crème brûlée ärger strasse', body: 'z' });
    assert.equal(c.body.slug, 'creme-brulee-arger-strasse-3');
    const zh = await create({ title: '如何重置密码', body: '步骤' });
    assert.equal(zh.status, 201);
    assert.match(zh.body.slug, /^article-[0-9a-f]{8}$/);
    assert.equal(zh.body.title, '如何重置密码');
    const emoji = await create({ title: '🎉🎉', body: 'party' });
    assert.match(emoji.body.slug, /^article-[0-9a-f]{8}$/);

    const taken = await create({ title: 'Other', body: 'x', slug: 'creme-brulee-arger-strasse' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'conflict');
    assert.match(taken.body.error.message, /^slug/);
    // Same slug in another locale is fine.
    const fr = await create({ title: 'Autre', body: 'x', slug: 'creme-brulee-arger-strasse', locale: 'fr', status: 'published' });
    assert.equal(fr.status, 201);
    assert.equal(fr.body.url, '/help/articles/creme-brulee-arger-strasse?locale=fr');

    for (const slug of ['Has-Caps', 'two--hyphens', '-lead', 'trail-', 'spa ce', 'ünï', '']) {
      const bad = await create({ title: 'Bad slug', body: 'x', slug });
      assert.equal(bad.status, 400, slug);
      assert.match(bad.body.error.message, /^slug/);
    }
    const moveToTaken = await t.call({ method: 'PATCH', url: `${url}/${b.body.id}`, payload: { slug: 'creme-brulee-arger-strasse' } });
    assert.equal(moveToTaken.status, 409);
    assert.match(moveToTaken.body.error.message, /^slug/);
    const after = await t.call({ method: 'GET', url: `${url}/${b.body.id}` });
    assert.equal(after.body.version, 1, 'a refused edit changes nothing');
  });

  it('refuses bad input with a clear error naming the field and writes nothing', async () => {
    const before = await t.database.db.selectFrom('articles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ body: 'x' }, /^title/],
      [{ title: '', body: 'x' }, /^title/],
      [{ title: 'x'.repeat(201), body: 'x' }, /^title/],
      [{ title: 'a\u0000b', body: 'x' }, /^title/],
      [{ title: 'ok' }, /^body/],
      [{ title: 'ok', body: 'x'.repeat(200_001) }, /^body/],
      [{ title: 'ok', body: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /^tags/],
      [{ title: 'ok', body: 'x', tags: ['x'.repeat(41)] }, /^tags/],
      [{ title: 'ok', body: 'x', status: 'archived' }, /^status/],
      [{ title: 'ok', body: 'x', locale: 'english' }, /^locale/],
      [{ title: 'ok', body: 'x', category: '' }, /^category/],
      [{ title: 'ok', body: 'x', views: 5 }, /views|unrecognized/i],
    ];
    for (const [payload, message] of cases) {
      const r = await create(payload);
      assert.equal(r.status, 400, JSON.stringify(payload).slice(0, 80));
      assert.equal(r.body.error.code, 'validation_failed');
      assert.match(r.body.error.message, message);
    }
    const huge = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'big', body: 'x'.repeat(3_000_000) }) });
    assert.equal(huge.statusCode, 413);
    const malformed = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' }, payload: '{"title":' });
    assert.equal(malformed.statusCode, 400);
    assert.equal((await t.call({ method: 'GET', url: `${url}/not-a-uuid` })).status, 400);
    assert.equal((await t.call({ method: 'PATCH', url: `${url}/00000000-0000-4000-8000-000000000000`, payload: { title: 'x' } })).status, 404);
    assert.equal((await t.call({ method: 'PATCH', url: `${url}/00000000-0000-4000-8000-000000000000`, payload: { version: 0 } })).status, 400);
    assert.equal((await t.call({ method: 'GET', url, as: null })).status, 401);
    const now = await t.database.db.selectFrom('articles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(now.n), Number(before.n));
  });

  it('lets one of two concurrent edits from the same version win; the other gets 409 and nothing is lost', async () => {
    const a = await create({ title: 'Race me', body: 'v1' });
    const edits = await Promise.all(
      ['first', 'second', 'third'].map((body) => t.call({ method: 'PATCH', url: `${url}/${a.body.id}`, payload: { body, version: 1 } })),
    );
    const statuses = edits.map((e) => e.status).sort();
    assert.deepEqual(statuses, [200, 409, 409]);
    const winner = edits.find((e) => e.status === 200)!;
    const now = await t.call({ method: 'GET', url: `${url}/${a.body.id}` });
    assert.equal(now.body.version, 2);
    assert.equal(now.body.body, winner.body.body);
    const v = await t.call({ method: 'GET', url: `${url}/${a.body.id}/versions` });
    assert.equal(v.body.items.length, 2);
  });

  it('stores script in title, body and category as plain text', async () => {
    const r = await create({ title: '<script>alert(1)</script>', body: '<img src=x onerror=alert(1)>', category: '<b>Cat</b>' });
    assert.equal(r.status, 201);
    assert.equal(r.body.title, '<script>alert(1)</script>');
    assert.equal(r.body.body, '<img src=x onerror=alert(1)>');
    assert.equal(r.body.category, '<b>Cat</b>');
    assert.equal(r.body.slug, 'script-alert-1-script');
  });

  it('lists newest updated first with filters and a keyset cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await create({ title: `Listing Widget ${i}`, body: 'b'.repeat(400), category: 'Listing', locale: 'de', status: i % 2 ? 'published' : 'draft' });
      ids.push(r.body.id);
    }
    await t.call({ method: 'PATCH', url: `${url}/${ids[0]}`, payload: { body: 'edited' } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string; summary: string; body?: string }[]; nextCursor: string | null } } = await t.call({
        method: 'GET',
        url: `${url}?locale=de&category=Listing&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      for (const item of page.body.items) {
        assert.equal(item.body, undefined);
        assert.ok(item.summary.length <= 280);
      }
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 5);
    assert.equal(seen[0], ids[0], 'the edited one is newest');
    assert.deepEqual(new Set(seen), new Set(ids));
    const published = await t.call({ method: 'GET', url: `${url}?locale=de&status=published` });
    assert.equal(published.body.items.length, 2);
    const q = await t.call({ method: 'GET', url: `${url}?q=${encodeURIComponent('listing WIDGET 3')}` });
    assert.deepEqual(q.body.items.map((i: { id: string }) => i.id), [ids[3]]);
    const pct = await t.call({ method: 'GET', url: `${url}?q=%25` });
    assert.equal(pct.status, 200);
    assert.equal(pct.body.items.length, 0, '% is matched literally');
    assert.equal((await t.call({ method: 'GET', url: `${url}?cursor=garbage` })).status, 400);
    assert.equal((await t.call({ method: 'GET', url: `${url}?limit=101` })).status, 400);
    assert.equal((await t.call({ method: 'GET', url: `${url}?status=gone` })).status, 400);
  });
});
