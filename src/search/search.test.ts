import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';

describe('search', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await testApp();
    ids.subject = (await createTicket(t, { subject: 'Refund for duplicate charge', body: 'I was billed twice for one order.' })).id;
    ids.body = (await createTicket(t, { subject: 'Question about my account', body: 'Can I get a refund on the annual plan?' })).id;
    ids.other = (await createTicket(t, { subject: 'Card delivery', body: 'My card has not arrived.' })).id;
    await t.call({ method: 'POST', url: `/api/v1/tickets/${ids.other}/messages`, payload: { body: 'We re-sent the card by express courier.' } });
  });
  after(() => t.close());

  const search = (q: string) => t.call({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });

  it('ranks a subject match above a match in a message, and returns a snippet with the words marked', async () => {
    const res = await search('refund');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items.map((i: { ticket: { id: string } }) => i.ticket.id), [ids.subject, ids.body]);
    assert.equal(res.body.items[0].matchedIn, 'subject');
    assert.equal(res.body.items[1].matchedIn, 'message');
    assert.match(res.body.items[1].snippet, /«refund»/);
  });

  it('searches every message of a ticket, agent replies included, with stemming', async () => {
    const res = await search('couriers');
    assert.deepEqual(res.body.items.map((i: { ticket: { id: string } }) => i.ticket.id), [ids.other]);
  });

  it('forgives a typo through the trigram fallback', async () => {
    const res = await search('refnd duplicat');
    assert.ok(res.body.items.length >= 1);
    assert.equal(res.body.items[0].ticket.id, ids.subject);
    assert.equal(res.body.items[0].matchedIn, 'fuzzy');
  });

  it('treats operators and quotes as text, never as SQL or a syntax error', async () => {
    for (const q of ["'; drop table tickets; --", '"unterminated', 'a & | ! ( )', 'refund -duplicate']) {
      const res = await search(q);
      assert.equal(res.status, 200, q);
    }
    const minus = await search('refund -duplicate');
    assert.deepEqual(minus.body.items.map((i: { ticket: { id: string } }) => i.ticket.id), [ids.body]);
    const still = await t.call({ method: 'GET', url: `/api/v1/tickets/${ids.subject}` });
    assert.equal(still.status, 200);
  });

  it('refuses an empty query with 400', async () => {
    const res = await search('  ');
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /q/);
  });
});
