import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';

describe('ticket list pagination', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    const priorities = ['low', 'normal', 'high', 'urgent'];
    for (let i = 0; i < 23; i++) await createTicket(t, { priority: priorities[i % 4], subject: `Seed ${i}` });
  });
  after(() => t.close());

  async function walk(query: string, during?: () => Promise<void>) {
    const seen: { id: string; priority: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/tickets?${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.call({ method: 'GET', url });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
      if (during) await during();
    } while (cursor && pages < 50);
    return seen;
  }

  for (const sort of ['newest', 'oldest', 'updated', 'priority']) {
    it(`${sort}: every ticket exactly once, in order, while new tickets are inserted between pages`, async () => {
      const before = await walk(`sort=${sort}`);
      const total = before.length;
      const inserted: string[] = [];
      const seen = await walk(`sort=${sort}`, async () => {
        inserted.push((await createTicket(t, { priority: 'urgent', subject: 'Arrived mid-walk' })).id);
      });
      const ids = seen.map((s) => s.id);
      assert.equal(new Set(ids).size, ids.length, 'no ticket twice');
      for (const b of before) assert.ok(ids.includes(b.id), 'no ticket that existed is skipped');
      assert.ok(ids.length >= total);
      if (sort === 'priority') {
        const rank = { urgent: 4, high: 3, normal: 2, low: 1 } as Record<string, number>;
        for (let i = 1; i < seen.length; i++) {
          const a = seen[i - 1]!;
          const b = seen[i]!;
          assert.ok(rank[a.priority]! > rank[b.priority]! || (a.priority === b.priority && a.createdAt <= b.createdAt), `order at ${i}`);
        }
      }
      if (sort === 'newest') for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1]!.createdAt >= seen[i]!.createdAt);
      if (sort === 'oldest') for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1]!.createdAt <= seen[i]!.createdAt);
    });
  }

  it('refuses a limit over 100 and a cursor it did not issue', async () => {
    const big = await t.call({ method: 'GET', url: '/api/v1/tickets?limit=101' });
    assert.equal(big.status, 400);
    assert.match(big.body.error.message, /limit/);
    const forged = await t.call({ method: 'GET', url: '/api/v1/tickets?cursor=bm90LWEtY3Vyc29y' });
    assert.equal(forged.status, 400);
    assert.match(forged.body.error.message, /cursor/);
  });
});
