import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';
import { sendQueueSpec } from '../email/outbound.ts';
import { runDue, tickQueueSpec } from '../follow-through/scheduler.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { HOUR, MINUTE, testClock, useClock } from '../time/clock.ts';

// Tuesday 10:00 UTC; the default calendar is Monday to Friday 09:00-17:00 UTC, the default policy gives a
// normal ticket 480 business minutes to a first response and 1,440 to resolution.
const clock = testClock('2026-03-10T10:00:00Z');
useClock(clock);

describe('SLA clocks', () => {
  let t: TestApp;
  let jobs: Jobs;
  before(async () => {
    t = await testApp();
    jobs = await startJobs(t.database.db, [sendQueueSpec, tickQueueSpec], { pollSeconds: 60 });
  });
  after(async () => {
    await jobs.stop();
    await t.close();
  });
  const get = async (id: string) => (await t.call({ method: 'GET', url: `/api/v1/tickets/${id}` })).body;
  const clockOf = (ticket: { sla: { metric: string }[] }, metric: string) => ticket.sla.find((c) => c.metric === metric) as Record<string, any>;
  const fresh = async (overrides: Record<string, unknown> = {}) => {
    clock.set('2026-03-10T10:00:00Z');
    return createTicket(t, overrides);
  };

  it('a new ticket has first-response and resolution clocks in business time, and an expected reply time', async () => {
    const created = await fresh();
    const ticket = await get(created.id);
    assert.equal(clockOf(ticket, 'first_response').dueAt, '2026-03-11T10:00:00.000Z');
    assert.equal(clockOf(ticket, 'resolution').dueAt, '2026-03-13T10:00:00.000Z');
    assert.equal(clockOf(ticket, 'first_response').target, 480);
    assert.equal(ticket.nextDueAt, '2026-03-11T10:00:00.000Z');
    assert.equal(ticket.expectedReplyBy, '2026-03-11T10:00:00.000Z');
    assert.equal(ticket.waitingSince, '2026-03-10T10:00:00.000Z');
  });

  it('a priority change recomputes the targets', async () => {
    const created = await fresh();
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${created.id}`, payload: { priority: 'urgent' } });
    const ticket = await get(created.id);
    assert.equal(clockOf(ticket, 'first_response').dueAt, '2026-03-10T11:00:00.000Z');
    assert.equal(clockOf(ticket, 'resolution').dueAt, '2026-03-11T10:00:00.000Z');
  });

  it('pauses while the ticket waits on the customer and resumes with the business time left', async () => {
    const created = await fresh();
    clock.advance(HOUR); // Tue 11:00: 60 of 480 minutes used
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${created.id}`, payload: { status: 'pending' } });
    let ticket = await get(created.id);
    const paused = clockOf(ticket, 'first_response');
    assert.equal(paused.dueAt, null);
    assert.equal(paused.pausedAt, '2026-03-10T11:00:00.000Z');
    assert.equal(paused.usedMinutes, 60);
    clock.advance(24 * HOUR); // Wed 11:00, the customer answers
    const r = await t.call({ method: 'POST', url: `/api/v1/tickets/${created.id}/messages`, payload: { body: 'Here is the photo', from: 'requester' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ticket = await get(created.id);
    // 420 minutes left from Wed 11:00: 360 on Wednesday, 60 on Thursday.
    assert.equal(clockOf(ticket, 'first_response').dueAt, '2026-03-12T10:00:00.000Z');
    assert.equal(clockOf(ticket, 'first_response').pausedAt, null);
  });

  it('the first public reply stops the first-response clock; the next customer message starts next response', async () => {
    const created = await fresh();
    clock.advance(2 * HOUR);
    await t.call({ method: 'POST', url: `/api/v1/tickets/${created.id}/messages`, payload: { body: 'We are on it.' } });
    let ticket = await get(created.id);
    const first = clockOf(ticket, 'first_response');
    assert.equal(first.met, true);
    assert.equal(first.stoppedAt, '2026-03-10T12:00:00.000Z');
    assert.equal(ticket.firstRepliedAt, '2026-03-10T12:00:00.000Z');
    assert.equal(ticket.waitingSince, null);
    // An internal note is not a reply to the customer.
    await t.call({ method: 'POST', url: `/api/v1/tickets/${created.id}/messages`, payload: { body: 'note to self', kind: 'note' } });
    clock.advance(3 * HOUR); // Tue 15:00
    await t.call({ method: 'POST', url: `/api/v1/tickets/${created.id}/messages`, payload: { body: 'Still broken', from: 'requester' } });
    ticket = await get(created.id);
    const next = clockOf(ticket, 'next_response');
    assert.equal(next.target, 960);
    // 960 minutes from Tue 15:00: 120 on Tuesday, 480 on Wednesday, 360 on Thursday.
    assert.equal(next.dueAt, '2026-03-12T15:00:00.000Z');
    assert.equal(ticket.waitingSince, '2026-03-10T15:00:00.000Z');
  });

  it("honours a response time promised in the customer's expectations when it is shorter", async () => {
    clock.set('2026-03-10T10:00:00Z');
    const c = await t.call({ method: 'POST', url: '/api/v1/customers', payload: { name: 'Contract Co', emails: ['contract@example.com'], expectations: { responseTimeMinutes: 240, plan: 'Enterprise' } } });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const created = await createTicket(t, { requester: { id: c.body.id } });
    const ticket = await get(created.id);
    assert.equal(clockOf(ticket, 'first_response').dueAt, '2026-03-10T14:00:00.000Z');
    assert.equal(clockOf(ticket, 'resolution').target, 1440);
  });

  it('chooses the first policy whose conditions hold, and recomputes open tickets when a policy changes', async () => {
    const calendars = await t.call({ method: 'GET', url: '/api/v1/business-hours' });
    const calendarId = calendars.body.items[0].id;
    const fast = { firstResponse: 30, nextResponse: 30, resolution: 120 };
    const vip = await t.call({
      method: 'POST',
      url: '/api/v1/sla-policies',
      payload: { name: 'VIP', calendarId, conditions: { tags: ['vip'] }, targets: { urgent: fast, high: fast, normal: fast, low: fast } },
    });
    assert.equal(vip.status, 201, JSON.stringify(vip.body));
    const plain = await fresh();
    const tagged = await fresh({ tags: ['vip'] });
    assert.equal(clockOf(await get(tagged.id), 'first_response').dueAt, '2026-03-10T10:30:00.000Z');
    assert.equal(clockOf(await get(plain.id), 'first_response').dueAt, '2026-03-11T10:00:00.000Z');
    const changed = await t.call({ method: 'PATCH', url: `/api/v1/sla-policies/${vip.body.id}`, payload: { targets: { urgent: fast, high: fast, normal: { ...fast, firstResponse: 45 }, low: fast } } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(clockOf(await get(tagged.id), 'first_response').dueAt, '2026-03-10T10:45:00.000Z');
    await t.call({ method: 'DELETE', url: `/api/v1/sla-policies/${vip.body.id}` });
    assert.equal(clockOf(await get(tagged.id), 'first_response').dueAt, '2026-03-11T10:00:00.000Z');
  });

  it('warns the owner at 75% and notifies owner and team lead at the breach, each exactly once', async () => {
    const lead = await t.agent({ name: 'Lena Lead', availability: 'away' });
    const member = await t.agent({ name: 'Milo Member', availability: 'available' });
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Breach team', leadId: lead.agentId, memberIds: [member.agentId] } });
    assert.equal(team.status, 201, JSON.stringify(team.body));
    const created = await fresh({ teamId: team.body.id });
    assert.equal(created.ownerId, member.agentId);
    const db = t.database.db;
    const notes = async (agentId: string, kind: string) =>
      (await db.selectFrom('notifications').select('id').where('agent_id', '=', agentId).where('kind', '=', kind).where('ticket_id', '=', created.id).execute()).length;

    clock.set('2026-03-10T15:59:00Z');
    await runDue(db, jobs, clock.now());
    assert.equal(await notes(member.agentId, 'sla.warning'), 0, 'not before 75%');
    clock.set('2026-03-10T16:00:00Z'); // 360 of 480 minutes
    await runDue(db, jobs, clock.now());
    await runDue(db, jobs, clock.now());
    assert.equal(await notes(member.agentId, 'sla.warning'), 1);
    assert.equal(await notes(lead.agentId, 'sla.warning'), 0);

    clock.set('2026-03-11T10:00:00Z');
    await runDue(db, jobs, clock.now());
    await runDue(db, jobs, clock.now());
    assert.equal(await notes(member.agentId, 'sla.breached'), 1);
    assert.equal(await notes(lead.agentId, 'sla.breached'), 1);
    const ticket = await get(created.id);
    assert.equal(clockOf(ticket, 'first_response').breachedAt, '2026-03-11T10:00:00.000Z');
    const breachedList = await t.call({ method: 'GET', url: '/api/v1/tickets?breached=true&limit=100' });
    assert.ok(breachedList.body.items.some((x: { id: string }) => x.id === created.id));
    const events = ticket.events.filter((e: { action: string }) => e.action === 'sla.breached');
    assert.equal(events.length, 1);
    // A late reply stops the clock as missed.
    await t.call({ method: 'POST', url: `/api/v1/tickets/${created.id}/messages`, payload: { body: 'Sorry for the wait.' }, as: member });
    assert.equal(clockOf(await get(created.id), 'first_response').met, false);
  });

  it('lists tickets waiting on us, the longest wait first, including solved tickets the customer wrote to', async () => {
    clock.set('2026-03-16T09:00:00Z');
    const older = await createTicket(t, { subject: 'Older wait' });
    clock.advance(10 * MINUTE);
    const answered = await createTicket(t, { subject: 'Answered' });
    clock.advance(10 * MINUTE);
    const newer = await createTicket(t, { subject: 'Newer wait' });
    await t.call({ method: 'POST', url: `/api/v1/tickets/${answered.id}/messages`, payload: { body: 'Done', status: 'solved' } });
    const list = await t.call({ method: 'GET', url: '/api/v1/tickets?waitingOnUs=true&limit=100' });
    const ids = list.body.items.map((x: { id: string }) => x.id);
    assert.ok(!ids.includes(answered.id));
    assert.ok(ids.indexOf(older.id) < ids.indexOf(newer.id));
    const waits = list.body.items.map((x: { waitingSince: string }) => x.waitingSince);
    assert.deepEqual([...waits].sort(), waits, 'oldest wait first');
    await t.call({ method: 'POST', url: `/api/v1/tickets/${answered.id}/messages`, payload: { body: 'One more question', from: 'requester' } });
    const again = await t.call({ method: 'GET', url: '/api/v1/tickets?waitingOnUs=true&limit=100' });
    assert.ok(again.body.items.some((x: { id: string }) => x.id === answered.id));
  });

  it('refuses impossible calendars and unknown references with clear errors', async () => {
    const bad = async (payload: Record<string, unknown>, code: number, words: RegExp) => {
      const r = await t.call({ method: 'POST', url: '/api/v1/business-hours', payload });
      assert.equal(r.status, code, JSON.stringify(r.body));
      assert.match(r.body.error.message, words);
    };
    const week = [{ day: 1, start: '09:00', end: '17:00' }];
    await bad({ name: 'Mars', timeZone: 'Mars/Base', periods: week }, 400, /timeZone/);
    await bad({ name: 'Never', timeZone: 'UTC', periods: [] }, 400, /never open/);
    await bad({ name: 'Overlap', timeZone: 'UTC', periods: [...week, { day: 1, start: '16:00', end: '18:00' }] }, 400, /overlap/i);
    await bad({ name: 'Day 8', timeZone: 'UTC', periods: [{ day: 8, start: '09:00', end: '17:00' }] }, 400, /periods/);
    await bad({ name: 'Bad time', timeZone: 'UTC', periods: [{ day: 1, start: '9am', end: '17:00' }] }, 400, /HH:MM/);
    const ok = await t.call({ method: 'POST', url: '/api/v1/business-hours', payload: { name: 'Night desk', timeZone: 'Europe/Berlin', periods: [{ day: 5, start: '22:00', end: '06:00' }] } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:xmas\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const imported = await t.call({ method: 'POST', url: `/api/v1/business-hours/${ok.body.id}/holidays/import`, payload: { ics } });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual(imported.body.holidays, [{ date: '2026-12-25', name: 'Christmas Day' }]);
    const notIcs = await t.call({ method: 'POST', url: `/api/v1/business-hours/${ok.body.id}/holidays/import`, payload: { ics: 'hello' } });
    assert.equal(notIcs.status, 400);
    const targets = { firstResponse: 1, nextResponse: 1, resolution: 1 };
    const policy = await t.call({
      method: 'POST',
      url: '/api/v1/sla-policies',
      payload: { name: 'Ghost', calendarId: '00000000-0000-4000-8000-000000000000', targets: { urgent: targets, high: targets, normal: targets, low: targets } },
    });
    assert.equal(policy.status, 422);
    const policies = await t.call({ method: 'GET', url: '/api/v1/sla-policies' });
    const standard = policies.body.items.find((p: { isDefault: boolean }) => p.isDefault);
    assert.equal((await t.call({ method: 'DELETE', url: `/api/v1/sla-policies/${standard.id}` })).status, 422);
    assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/sla-policies/${standard.id}`, payload: { enabled: false } })).status, 422);
    const agent = await t.agent();
    const forbidden = await t.call({ method: 'POST', url: '/api/v1/business-hours', payload: { name: 'Mine', timeZone: 'UTC', periods: week }, as: agent });
    assert.equal(forbidden.status, 403);
  });
});
