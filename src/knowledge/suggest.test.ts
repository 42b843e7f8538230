import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';
import { knowledgeTick } from './jobs.ts';
import { articleIndex, knowledgeVersion } from './suggest.ts';
import { trainTagModel } from './tag-model.ts';

const article = (t: TestApp, a: Record<string, unknown>) => t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { status: 'published', ...a } });
const suggest = (t: TestApp, payload: object) => t.call({ method: 'POST', url: '/api/v1/knowledge/suggest', payload, as: null });

describe('article suggestions', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await testApp();
    ids.damage = (await article(t, { title: 'Damaged item on arrival', tags: ['damage', 'broken'], body: 'If your order arrived damaged or broken, report it within 7 days with photos. We send a replacement or refund.' })).body.id;
    ids.password = (await article(t, { title: 'Reset your password', tags: ['login'], body: 'Forgot your password or cannot sign in? Use the reset link on the sign-in page; it expires after an hour.' })).body.id;
    ids.returns = (await article(t, { title: 'Return an item', tags: ['returns'], body: 'You can return most items within 30 days. Start a return from your orders page and print the label.' })).body.id;
    ids.draft = (await article(t, { title: 'Secret upcoming sale', status: 'draft', body: 'Our winter sale starts on the 3rd: everything half price. Discount codes inside.' })).body.id;
  });
  after(() => t.close());

  it('puts the answering article first, with its title, a snippet and a score, and is confident about a clear match', async () => {
    const res = await suggest(t, { subject: 'Broken', body: 'my table arrived broken and damaged, the leg snapped' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items[0].articleId, ids.damage);
    assert.equal(res.body.items[0].title, 'Damaged item on arrival');
    assert.match(res.body.items[0].snippet, /damaged/);
    assert.ok(res.body.items[0].score > (res.body.items[1]?.score ?? 0));
    assert.equal(res.body.confident, true);
  });

  it('builds one index for concurrent requests of the same version, and a new one when an article changes', async () => {
    await sql`update knowledge_state set version = version + 1`.execute(t.database.db);
    const [a, b, c] = await Promise.all([articleIndex(t.database.db), articleIndex(t.database.db), articleIndex(t.database.db)]);
    assert.equal(a, b);
    assert.equal(b, c);
    assert.equal(a!.version, await knowledgeVersion(t.database.db));
    await sql`update knowledge_state set version = version + 1`.execute(t.database.db);
    assert.notEqual(await articleIndex(t.database.db), a);
  });

  it('is not confident when no article answers, rather than offering a wrong one', async () => {
    const res = await suggest(t, { body: 'Do you sponsor local football teams? We are raising money for a new kit.' });
    assert.equal(res.status, 200);
    assert.equal(res.body.confident, false);
  });

  it('never suggests a draft, and sees a draft once it is published (from any process: the trigger moves the version)', async () => {
    const before = await suggest(t, { body: 'when does the winter sale start, half price discount codes?' });
    assert.ok(!before.body.items.some((i: { articleId: string }) => i.articleId === ids.draft));
    await t.call({ method: 'PATCH', url: `/api/v1/knowledge/articles/${ids.draft}`, payload: { status: 'published' } });
    const after = await suggest(t, { body: 'when does the winter sale start, half price discount codes?' });
    assert.equal(after.body.items[0].articleId, ids.draft);
    await t.call({ method: 'PATCH', url: `/api/v1/knowledge/articles/${ids.draft}`, payload: { status: 'draft' } });
    const again = await suggest(t, { body: 'when does the winter sale start, half price discount codes?' });
    assert.ok(!again.body.items.some((i: { articleId: string }) => i.articleId === ids.draft));
  });

  it('honours limit, and treats HTML and other languages as text', async () => {
    const one = await suggest(t, { body: 'return password damaged', limit: 1 });
    assert.equal(one.body.items.length, 1);
    const html = await suggest(t, { body: '<script>alert(1)</script> I forgot my password' });
    assert.equal(html.status, 200);
    assert.equal(html.body.items[0].articleId, ids.password);
    const other = await suggest(t, { body: 'Мой заказ пришёл сломанным 你好' });
    assert.equal(other.status, 200);
    assert.equal(other.body.confident, false);
  });

  it('reads past a typo and a split word', async () => {
    const typo = await suggest(t, { body: 'the pasword is never acepted' });
    assert.equal(typo.body.items[0]?.articleId, ids.password);
    const split = await suggest(t, { body: 'new pass word please' });
    assert.equal(split.body.items[0]?.articleId, ids.password);
  });

  it('refuses an empty, blank, huge or malformed inquiry with an error naming the field', async () => {
    for (const [payload, field] of [
      [{ body: '' }, 'body'], [{ body: '   ' }, 'body'], [{ body: 'x'.repeat(20_001) }, 'body'], [{}, 'body'],
      [{ body: 'ok', limit: 0 }, 'limit'], [{ body: 'ok', limit: 'all' }, 'limit'], [{ body: 'ok', subject: 'a\u0000b' }, 'subject'],
      [{ body: 'ok', locale: 'english' }, 'locale'], [{ body: 'ok', extra: 1 }, 'body'],
    ] as const) {
      const res = await suggest(t, payload);
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.equal(res.body.error.code, 'validation_failed');
      if (field !== 'body' || !('extra' in payload)) assert.match(JSON.stringify(res.body.error), new RegExp(field), JSON.stringify(payload));
    }
  });
});

describe('similar tickets, the tag model and ticket suggestions', () => {
  let t: TestApp;
  const solved: Record<string, string> = {};
  before(async () => {
    t = await testApp();
    const seed = [
      ['card', 'My card has not arrived', 'I ordered a new card two weeks ago and it has still not arrived in the post'],
      ['card', 'Card still missing', 'still waiting on my card, when will it arrive?'],
      ['card', 'Where is my card', 'my card never came in the mail, can you check the delivery'],
      ['card', 'card delivery', 'how long does card delivery take, mine has not come'],
      ['card', 'No card yet', 'card not received yet after ordering it last month'],
      ['refund', 'Refund not showing', 'my refund has not appeared on my statement yet'],
      ['refund', 'Where is my refund', 'I returned the item but the refund is still missing'],
      ['refund', 'refund status', 'how long until the refund reaches my bank account'],
      ['refund', 'Refund', 'you promised a refund a week ago and I still have no money back'],
      ['refund', 'no refund', 'the refund for my cancelled order never arrived'],
    ];
    for (const [tag, subject, body] of seed) {
      const tk = await createTicket(t, { subject, body, tags: [tag] });
      await t.call({ method: 'PATCH', url: `/api/v1/tickets/${tk.id}`, payload: { status: 'solved' } });
      solved[subject!] = tk.id;
    }
    await createTicket(t, { subject: 'Card never arrived (open)', body: 'my card has not arrived and it never came' });
    const tick = await knowledgeTick(t.database.db);
    assert.ok(tick.indexed >= 11);
  });
  after(() => t.close());

  it('finds solved tickets like a new inquiry, never open ones and never itself', async () => {
    const tk = await createTicket(t, { subject: 'card?', body: 'I am still waiting for my card to arrive, it never came' });
    await knowledgeTick(t.database.db);
    const res = await t.call({ method: 'GET', url: `/api/v1/tickets/${tk.id}/suggestions` });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const similar = res.body.similarTickets as { ticketId: string; subject: string; status: string; score: number }[];
    assert.ok(similar.length > 0);
    assert.ok(similar.every((s) => s.status === 'solved' && s.ticketId !== tk.id));
    assert.ok(!similar.some((s) => s.subject.includes('(open)')));
    assert.ok(Object.values(solved).slice(0, 5).includes(similar[0]!.ticketId), `top match is a card ticket: ${similar[0]!.subject}`);
    assert.deepEqual(Object.keys(res.body).sort(), ['articles', 'confident', 'macros', 'similarTickets']);
  });

  it('trains a tag model from solved tickets that lifts tickets with the predicted tag', async () => {
    const examples = await trainTagModel(t.database.db);
    assert.equal(examples, 10);
    const row = await sql<{ n: number }>`select count(*)::int as n from knowledge_models`.execute(t.database.db);
    assert.equal(row.rows[0]!.n, 1);
    const tk = await createTicket(t, { subject: 'money back?', body: 'when do I get my money back for the return' });
    await knowledgeTick(t.database.db);
    const res = await t.call({ method: 'GET', url: `/api/v1/tickets/${tk.id}/suggestions` });
    const top = res.body.similarTickets[0];
    assert.ok(Object.values(solved).slice(5).includes(top.ticketId), `top match is a refund ticket: ${top.subject}`);
  });

  it('answers 404 for an unknown ticket and 400 for a bad id', async () => {
    assert.equal((await t.call({ method: 'GET', url: '/api/v1/tickets/00000000-0000-4000-8000-00000000dead/suggestions' })).status, 404);
    const bad = await t.call({ method: 'GET', url: '/api/v1/tickets/nope/suggestions' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
  });

  it('groups repeated inquiries, labels them, and recomputes on fresh=true', async () => {
    const res = await t.call({ method: 'GET', url: '/api/v1/insights/repeated-inquiries?fresh=true&minSize=3' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const groups = res.body.groups as { label: string; size: number; ticketIds: string[]; articleId: string | null; keyTerms: string[] }[];
    assert.ok(groups.length >= 2);
    assert.ok(groups.every((g) => g.size >= 3 && g.ticketIds.length === g.size && g.label.length > 0 && g.keyTerms.length > 0));
    const card = groups.find((g) => g.ticketIds.includes(solved['My card has not arrived']!));
    assert.ok(card, 'the card tickets form a group');
    assert.ok(!card.ticketIds.includes(solved['Refund not showing']!));
    assert.equal(card.articleId, null, 'no article answers it: a knowledge gap');
    const stored = await t.call({ method: 'GET', url: '/api/v1/insights/repeated-inquiries?minSize=3' });
    assert.deepEqual(stored.body.groups.map((g: { id: string }) => g.id).sort(), groups.map((g) => (g as unknown as { id: string }).id).sort());
  });

  it('refuses a window that ends before it starts, and bad parameters', async () => {
    const res = await t.call({ method: 'GET', url: '/api/v1/insights/repeated-inquiries?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z' });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /since/);
    for (const q of ['minSize=0', 'minSize=x', 'fresh=yes', 'since=yesterday', 'other=1']) {
      const r = await t.call({ method: 'GET', url: `/api/v1/insights/repeated-inquiries?${q}` });
      assert.equal(r.status, 400, q);
    }
  });
});
