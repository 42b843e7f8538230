import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';
import { testClock, useClock } from '../time/clock.ts';

// Tuesday 10 March 2026, 10:00 UTC.
const clock = testClock('2026-03-10T10:00:00Z');
useClock(clock);

describe('the coach on sent replies and on drafts', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it("a public reply keeps the coach's findings and turns its promises into commitments in the customer's time", async () => {
    const c = await t.call({ method: 'POST', url: '/api/v1/customers', payload: { name: 'Nina', emails: ['nina@example.com'], timezone: 'America/New_York' } });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const ticket = await createTicket(t, { requester: { id: c.body.id }, body: 'This is the third time my order arrived broken. I am really fed up.' });
    const r = await t.call({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: "I'll call you tomorrow by 5pm with the replacement details." },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const coach = r.body.message.coach;
    assert.equal(coach.language, 'en');
    assert.equal(coach.commitments.length, 1);
    // Tomorrow 17:00 in New York (EDT since 8 March) is 21:00 UTC.
    assert.equal(new Date(coach.commitments[0].due).toISOString(), '2026-03-11T21:00:00.000Z');
    // The customer complained and the reply does not acknowledge it.
    assert.ok(coach.findings.some((f: { kind: string }) => f.kind === 'no_acknowledgement'), JSON.stringify(coach.findings));
    const list = await t.call({ method: 'GET', url: `/api/v1/commitments?ticketId=${ticket.id}` });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.items.length, 1);
    const promise = list.body.items[0];
    assert.equal(promise.source, 'reply');
    assert.equal(promise.status, 'open');
    assert.equal(promise.messageId, r.body.message.id);
    assert.equal(promise.dueAt, '2026-03-11T21:00:00.000Z');
    assert.equal(promise.ownerId, ticket.ownerId);
    // The ticket page shows the coach reading with the message.
    const page = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    const sent = page.body.messages.find((m: { id: string }) => m.id === r.body.message.id);
    assert.deepEqual(sent.coach, coach);
  });

  it('a promise without a time is due at the end of the next business day; notes are not coached', async () => {
    const ticket = await createTicket(t);
    const r = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: "I'll check with the warehouse and get back to you." } });
    assert.equal(r.status, 201);
    const list = await t.call({ method: 'GET', url: `/api/v1/commitments?ticketId=${ticket.id}` });
    assert.ok(list.body.items.length >= 1);
    for (const p of list.body.items) {
      assert.equal(p.dueStated, false);
      assert.equal(p.dueAt, '2026-03-11T17:00:00.000Z');
    }
    const promises = list.body.items.length;
    const note = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: "I'll call them tomorrow.", kind: 'note' } });
    assert.equal(note.body.message.coach, null);
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/commitments?ticketId=${ticket.id}` })).body.items.length, promises);
  });

  it('POST /api/v1/coach reads a draft, with the ticket as context, and refuses bad input clearly', async () => {
    const ticket = await createTicket(t, { body: 'You charged me twice and nobody answers. This is unacceptable.' });
    const withContext = await t.call({ method: 'POST', url: '/api/v1/coach', payload: { text: 'The refund has been processed.', ticketId: ticket.id } });
    assert.equal(withContext.status, 200, JSON.stringify(withContext.body));
    assert.ok(withContext.body.findings.some((f: { kind: string }) => f.kind === 'no_acknowledgement'));
    const draft = 'Thanks for waiting. We will send the new card by Friday.';
    const plain = await t.call({ method: 'POST', url: '/api/v1/coach', payload: { text: draft, now: '2026-03-10T10:00:00Z', timeZone: 'Europe/Paris' } });
    assert.equal(plain.status, 200);
    assert.equal(plain.body.commitments.length, 1);
    assert.equal(plain.body.commitments[0].due, '2026-03-13T17:00:00+01:00');
    const { start, end, phrase } = plain.body.commitments[0];
    assert.equal(draft.slice(start, end), phrase);
    const bad = async (payload: Record<string, unknown>, status: number, field: RegExp) => {
      const r = await t.call({ method: 'POST', url: '/api/v1/coach', payload });
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.match(r.body.error.message, field);
    };
    await bad({ text: 'hi', timeZone: 'Mars/Base' }, 400, /timeZone/);
    await bad({ text: 'hi', now: 'tomorrow' }, 400, /now/);
    await bad({ text: 'hi', ticketId: '00000000-0000-4000-8000-000000000000' }, 404, /ticket/);
    await bad({ text: 'x'.repeat(1_000_001) }, 400, /text/);
    await bad({ text: 'a\u0000b' }, 400, /NUL/);
    for (const text of ['', '<script>alert(1)</script>', '🙂🙂🙂 \u0007\u001b[31m', 'Nous ne pouvons pas rembourser.', 'can\'t '.repeat(50_000)]) {
      const r = await t.call({ method: 'POST', url: '/api/v1/coach', payload: { text } });
      assert.equal(r.status, 200, `${text.slice(0, 20)}: ${JSON.stringify(r.body).slice(0, 200)}`);
      assert.ok(Array.isArray(r.body.findings));
    }
    const french = await t.call({ method: 'POST', url: '/api/v1/coach', payload: { text: 'Nous ne pouvons pas rembourser un article utilisé, veuillez appeler le service client.' } });
    assert.notEqual(french.body.language, 'en');
    assert.deepEqual(french.body.findings, []);
  });
});
