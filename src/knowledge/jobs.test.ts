import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';
import { knowledgeTick } from './jobs.ts';

// Regrouping reads the whole 30-day window; a tick must not redo it while nothing calls for it.
describe('knowledge upkeep pacing', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    for (const subject of ['Card not arrived', 'Where is my card', 'Refund please']) {
      const tk = await createTicket(t, { subject, body: `${subject}, thanks` }); // solved without tags: no tag model
      assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${tk.id}`, payload: { status: 'solved' } })).status, 200);
    }
  });
  after(() => t.close());

  it('groups once, then not again for new tickets or an untagged workspace until the grouping ages', async () => {
    const first = await knowledgeTick(t.database.db);
    assert.ok(first.indexed >= 3);
    assert.equal(first.trained, 0, 'too few tags for a model');
    assert.ok(first.grouped !== null, 'nothing stored yet: grouped');
    await createTicket(t, { subject: 'Card still missing', body: 'my card has still not arrived' });
    const second = await knowledgeTick(t.database.db);
    assert.equal(second.indexed, 1);
    assert.equal(second.trained, null, 'a failed training is not retried at once');
    assert.equal(second.grouped, null, 'a new ticket alone does not regroup');
    const later = await knowledgeTick(t.database.db, new Date(Date.now() + 11 * 60_000));
    assert.ok(later.grouped !== null, 'an aged grouping is renewed');
  });
});
