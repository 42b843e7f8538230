import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../test/helpers.ts';

const raw = (body: string) => Buffer.from(`From: Ana <ana@example.com>\r\nTo: help@heed.test\r\nSubject: No id here\r\n\r\n${body}\r\n`);
const post = (t: TestApp, payload: Buffer) => t.call({ method: 'POST', url: '/api/v1/channels/email/inbound', payload, headers: { 'content-type': 'message/rfc822' } });

describe('a message without a Message-ID', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    const mailbox = await t.call({ method: 'POST', url: '/api/v1/mailboxes', payload: { address: 'help@heed.test', name: 'Help' } });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
  });
  after(() => t.close());

  it('delivered twice with the same bytes is filed once (an IMAP re-read after a UIDVALIDITY change or a crash)', async () => {
    const first = await post(t, raw('My order never came.'));
    assert.equal(first.body.outcome, 'ticketed', JSON.stringify(first.body));
    const second = await post(t, raw('My order never came.'));
    assert.equal(second.body.outcome, 'duplicate', JSON.stringify(second.body));
    assert.equal(second.body.ticketId, first.body.ticketId);
    const n = await sql<{ n: number }>`select count(*)::int as n from messages where ticket_id = ${first.body.ticketId}`.execute(t.database.db);
    assert.equal(n.rows[0]!.n, 1);
  });

  it('with other bytes is a message of its own', async () => {
    const a = await post(t, raw('First question.'));
    const b = await post(t, raw('Second question.'));
    assert.equal(a.body.outcome, 'ticketed');
    assert.equal(b.body.outcome, 'ticketed');
    assert.notEqual(a.body.ticketId, b.body.ticketId);
  });
});
