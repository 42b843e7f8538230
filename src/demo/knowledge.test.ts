import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../test/helpers.ts';
import { indexPendingTickets } from '../knowledge/tickets-index.ts';
import { trainTagModel } from '../knowledge/tag-model.ts';
import { DEMO_ARTICLES, DEMO_MACROS } from './knowledge.ts';
import { seedDemo } from './seed.ts';

// Enough tickets that several intents have 5 or more solved tickets, the least the tag model learns a tag from.
const N = 60;
const suggest = (t: TestApp, body: string) => t.call({ method: 'POST', url: '/api/v1/knowledge/suggest', payload: { body }, as: null });
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('heed demo: help center and macros', () => {
  let t: TestApp;
  const lines: string[] = [];
  before(async () => {
    t = await testApp();
    await seedDemo(t.database.db, { tickets: N, log: (line) => lines.push(line) });
  });
  after(() => t.close());

  it('writes about 12 articles of 80-200 words, 10 published and 2 drafts, with distinct slugs', () => {
    assert.equal(DEMO_ARTICLES.length, 12);
    assert.equal(DEMO_ARTICLES.filter((a) => a.status === 'published').length, 10);
    assert.equal(new Set(DEMO_ARTICLES.map((a) => a.slug)).size, DEMO_ARTICLES.length);
    for (const a of DEMO_ARTICLES) {
      const n = words(a.body);
      assert.ok(n >= 80 && n <= 200, `${a.slug} has ${n} words`);
    }
  });

  it('stores the articles with their status, and the macros with their actions', async () => {
    const db = t.database.db;
    const rows = await db.selectFrom('articles').select(['slug', 'status', 'title', 'category', 'created_by']).execute();
    assert.equal(rows.length, DEMO_ARTICLES.length);
    for (const a of DEMO_ARTICLES) {
      const row = rows.find((r) => r.slug === a.slug);
      assert.ok(row, `article ${a.slug} exists`);
      assert.equal(row.status, a.status);
      assert.equal(row.category, a.category);
      assert.ok(row.created_by, 'written by a demo agent');
    }
    const events = await db.selectFrom('events').select('action').where('entity', 'in', ['article', 'macro']).execute();
    assert.equal(events.filter((e) => e.action === 'article.created').length, DEMO_ARTICLES.length);
    assert.equal(events.filter((e) => e.action === 'macro.created').length, DEMO_MACROS.length);

    const macros = (await t.call({ method: 'GET', url: '/api/v1/macros?limit=100' })).body.items as { name: string; actions: unknown[]; active: boolean; body: string }[];
    for (const m of DEMO_MACROS) {
      const got = macros.find((x) => x.name === m.name);
      assert.ok(got, `macro ${m.name} exists`);
      assert.deepEqual(got.actions, m.actions);
      assert.equal(got.active, true);
    }
    const onItsWay = macros.find((m) => m.name === 'Card on its way')!;
    for (const p of ['{{customer.firstName}}', '{{ticket.number}}', '{{agent.firstName}}']) assert.ok(onItsWay.body.includes(p), p);
    assert.deepEqual(macros.find((m) => m.name === 'Ask for ID verification')!.actions.at(-1), { type: 'set_status', status: 'pending' });
  });

  it('suggests the card-delivery article first for a card that has not arrived', async () => {
    const res = await suggest(t, "my card still hasn't arrived");
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items[0]?.slug, 'card-delivery');
  });

  it('answers other demo questions with their article', async () => {
    const cases: [string, string][] = [
      ['I think my card was stolen, what do I do?', 'lost-or-stolen-card'],
      ['My PIN is blocked after too many tries', 'pin-change-or-unblock'],
      ['The shop says they refunded me a week ago but I have no refund yet', 'refund-not-received'],
      ['Why did I get a worse exchange rate on the weekend?', 'exchange-rates-and-fees'],
      ['My transfer is still pending since yesterday', 'pending-transfer'],
    ];
    for (const [body, slug] of cases) assert.equal((await suggest(t, body)).body.items[0]?.slug, slug, body);
  });

  it('never suggests a draft, even for a question only the draft answers', async () => {
    const drafts = DEMO_ARTICLES.filter((a) => a.status === 'draft');
    assert.equal(drafts.length, 2);
    for (const d of drafts) {
      const res = await suggest(t, `${d.title}\n${d.body}`);
      assert.equal(res.status, 200);
      assert.ok(!res.body.items.some((i: { slug: string }) => i.slug === d.slug), `${d.slug} is not suggested`);
    }
  });

  it('runs again without duplicating articles or macros', async () => {
    const again: string[] = [];
    await seedDemo(t.database.db, { tickets: 2, log: (line) => again.push(line) });
    const n = async (table: 'articles' | 'macros') => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;
    assert.equal(await n('articles'), DEMO_ARTICLES.length);
    assert.equal(await n('macros'), DEMO_MACROS.length);
    assert.ok(again.some((l) => l.includes('Help center') && l.includes('0 new')), 'the log says nothing new was written');
  });

  it('solved demo tickets carry tags, enough for the tag model to learn', async () => {
    const db = t.database.db;
    const untagged = await sql<{ n: number }>`select count(*)::int as n from tickets where status in ('solved', 'closed') and cardinality(tags) = 0`.execute(db);
    assert.equal(untagged.rows[0]!.n, 0, 'every solved or closed demo ticket has a tag');
    while ((await indexPendingTickets(db)) > 0);
    assert.ok((await trainTagModel(db)) > 0, 'the tag model trains on the solved demo tickets');
  });
});
