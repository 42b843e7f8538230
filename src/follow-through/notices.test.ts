import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalDirectoryStorage } from '../attachments/storage.ts';
import { recordInboundEmail } from '../email/ingest.ts';
import { createMailbox } from '../email/mailboxes.ts';
import { createMailer, sendQueueSpec, workSendQueue } from '../email/outbound.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { HOUR, MINUTE, testClock, useClock } from '../time/clock.ts';
import { testApp, type TestApp } from '../../test/helpers.ts';
import { runDue, tickQueueSpec } from './scheduler.ts';
import { startSink, until } from '../../test/smtp-sink.ts';

// Tuesday 10:00 UTC = 11:00 in Berlin, where this workspace's business hours are (Mon-Fri 09:00-17:00).
const clock = testClock('2026-03-10T10:00:00Z');
useClock(clock);

const mail = (from: string, subject: string, id: string) =>
  Buffer.from(`From: ${from}\r\nTo: support@heed.test\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\nDate: Tue, 10 Mar 2026 10:00:00 +0000\r\n\r\nMy order has not arrived.\r\n`);

describe('what the customer is told: acknowledgement with the expected reply time, honest updates', () => {
  let t: TestApp;
  let jobs: Jobs;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let dir: string;
  let storage: LocalDirectoryStorage;

  before(async () => {
    t = await testApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-notices-'));
    storage = new LocalDirectoryStorage(dir);
    sink = await startSink();
    await createMailbox(t.database.db, { kind: 'system' }, { address: 'support@heed.test', name: 'Heed Support' });
    const w = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { timezone: 'Europe/Berlin' } });
    assert.equal(w.status, 200, JSON.stringify(w.body));
    jobs = await startJobs(t.database.db, [sendQueueSpec, tickQueueSpec], { pollSeconds: 0.5 });
    const mailer = createMailer(`smtp://127.0.0.1:${sink.port}?ignoreTLS=true`);
    await workSendQueue(t.database.db, jobs, storage, mailer);
  });
  after(async () => {
    await jobs.stop();
    await sink.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges a new email inquiry once, with the reply time in the customer zone, as automatic mail', async () => {
    const r = await recordInboundEmail(t.database.db, storage, { raw: mail('Ann <ann@example.com>', 'Where is my order?', 'ack-1@example.com'), via: 'api', envelopeTo: ['support@heed.test'] });
    assert.equal(r.outcome, 'ticketed');
    const ticket = (await t.call({ method: 'GET', url: `/api/v1/tickets/${r.ticketId}` })).body;
    assert.equal(ticket.expectedReplyBy, '2026-03-11T10:00:00.000Z');
    const first = await runDue(t.database.db, jobs, clock.now());
    assert.equal(first.acknowledgements, 1);
    assert.equal((await runDue(t.database.db, jobs, clock.now())).acknowledgements, 0, 'once');
    const ack = await until('the acknowledgement', () => sink.received.find((m) => m.subject?.includes('Where is my order?')));
    assert.equal(ack.headers.get('auto-submitted'), 'auto-replied');
    assert.match(ack.text ?? '', new RegExp(`#${ticket.number}`));
    assert.match(ack.text ?? '', /Wednesday 11 March, 11:00/); // 10:00 UTC is 11:00 in Berlin
    // The acknowledgement is on the ticket's timeline, from Heed itself, and is not the first response.
    const after = (await t.call({ method: 'GET', url: `/api/v1/tickets/${r.ticketId}` })).body;
    const notice = after.messages.find((m: { direction: string }) => m.direction === 'outbound');
    assert.deepEqual(notice.author, { type: 'system', id: null });
    assert.equal(after.firstRepliedAt, null);
    assert.equal(after.waitingSince, '2026-03-10T10:00:00.000Z');
  });

  it('never acknowledges an address that takes no replies', async () => {
    clock.set('2026-03-10T10:00:00Z');
    const r = await recordInboundEmail(t.database.db, storage, { raw: mail('noreply@shop.example', 'Receipt', 'ack-2@shop.example'), via: 'api', envelopeTo: ['support@heed.test'] });
    assert.equal(r.outcome, 'ticketed');
    await runDue(t.database.db, jobs, clock.now());
    const ticket = (await t.call({ method: 'GET', url: `/api/v1/tickets/${r.ticketId}` })).body;
    assert.equal(ticket.messages.filter((m: { direction: string }) => m.direction === 'outbound').length, 0);
    assert.ok(ticket.events.some((e: { action: string }) => e.action === 'ticket.acknowledgement_withheld'));
  });

  it('acknowledges at most five tickets an hour from one address, even when they are acknowledged in one batch', async () => {
    clock.set('2026-03-10T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await recordInboundEmail(t.database.db, storage, { raw: mail('busy@example.com', `Question ${i}`, `busy-${i}@example.com`), via: 'api', envelopeTo: ['support@heed.test'] });
      ids.push(r.ticketId!);
    }
    const done = await runDue(t.database.db, jobs, clock.now());
    assert.equal(done.acknowledgements, 5);
    const withheld = await t.database.db.selectFrom('events').select('ticket_id').where('action', '=', 'ticket.acknowledgement_withheld').where('ticket_id', 'in', ids).execute();
    assert.equal(withheld.length, 2);
  });

  it('when the promised time is about to pass without a reply, tells the customer a new time, honestly', async () => {
    clock.set('2026-03-10T10:00:00Z');
    const r = await recordInboundEmail(t.database.db, storage, { raw: mail('Bo <bo@example.com>', 'Refund please', 'eta-1@example.com'), via: 'api', envelopeTo: ['support@heed.test'] });
    await runDue(t.database.db, jobs, clock.now());
    clock.set(new Date(Date.parse('2026-03-11T10:00:00Z') - 31 * MINUTE));
    assert.equal((await runDue(t.database.db, jobs, clock.now())).etaUpdates, 0, 'not yet');
    clock.advance(2 * MINUTE); // 29 minutes before the promised time
    const update = await runDue(t.database.db, jobs, clock.now());
    assert.ok(update.etaUpdates >= 1);
    const ticket = (await t.call({ method: 'GET', url: `/api/v1/tickets/${r.ticketId}` })).body;
    assert.ok(Date.parse(ticket.expectedReplyBy) >= Date.parse('2026-03-11T10:00:00Z') + HOUR - 30 * MINUTE, ticket.expectedReplyBy);
    const mailOut = await until('the update', () => sink.received.find((m) => m.subject?.includes('Refund please') && /honest update/.test(m.text ?? '')));
    assert.match(mailOut.text ?? '', /sorry for the wait/);
    assert.equal((await runDue(t.database.db, jobs, clock.now())).etaUpdates, 0, 'once per slip');
    // Once an agent replies, no more updates.
    await t.call({ method: 'POST', url: `/api/v1/tickets/${r.ticketId}/messages`, payload: { body: 'Refund done.' } });
    clock.advance(3 * 24 * HOUR);
    await runDue(t.database.db, jobs, clock.now());
    const updated = (await t.call({ method: 'GET', url: `/api/v1/tickets/${r.ticketId}` })).body;
    assert.equal(updated.events.filter((e: { action: string }) => e.action === 'ticket.eta_updated').length, 1);
  });
});
