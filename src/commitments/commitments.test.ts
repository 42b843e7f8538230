/**
 * Promises to customers through the API, and their life in moved time: reminded an hour before they fall due,
 * missed (and escalated to the team lead) when the time passes, kept on time or late, handed over with the ticket.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type Caller, type TestApp } from '../../test/helpers.ts';
import { sendQueueSpec } from '../email/outbound.ts';
import { runDue, tickQueueSpec } from '../follow-through/scheduler.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { HOUR, MINUTE, now, testClock, useClock } from '../time/clock.ts';

// Tuesday 10:00 UTC; the default calendar is Monday to Friday, 09:00-17:00 UTC.
const START = '2026-03-10T10:00:00.000Z';
const TOMORROW_17 = '2026-03-11T17:00:00.000Z';
const clock = testClock(START);
const systemClock = useClock(clock);

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

type CommitmentBody = {
  id: string;
  ticketId: string;
  ownerId: string;
  text: string;
  action: string | null;
  dueAt: string;
  dueStated: boolean;
  status: string;
  source: string;
  remindAt: string | null;
  remindedAt: string | null;
  missedAt: string | null;
  completedAt: string | null;
  keptOnTime: boolean | null;
  messageId: string | null;
};

describe('commitments', () => {
  let t: TestApp;
  let jobs: Jobs;
  let lead: Caller;
  let member: Caller;
  let teamId: string;

  before(async () => {
    t = await testApp();
    jobs = await startJobs(t.database.db, [sendQueueSpec, tickQueueSpec]);
    // The lead is a member of the team too; away, so that new tickets go to the member.
    lead = await t.agent({ name: 'Lena Lead', availability: 'away' });
    member = await t.agent({ name: 'Mo Member' });
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Cards', leadId: lead.agentId, memberIds: [member.agentId] } });
    assert.equal(team.status, 201, JSON.stringify(team.body));
    teamId = team.body.id;
  });
  after(async () => {
    await jobs.stop();
    await t.close();
    useClock(systemClock);
  });

  /** A ticket of the Cards team, owned by its one member, opened at START. */
  async function teamTicket() {
    clock.set(START);
    const ticket = await createTicket(t, { teamId });
    assert.equal(ticket.ownerId, member.agentId);
    return ticket;
  }
  const promise = async (ticketId: string, payload: Record<string, unknown>, as?: Caller) =>
    t.call({ method: 'POST', url: `/api/v1/tickets/${ticketId}/commitments`, payload, as });
  const patch = (id: string, payload: Record<string, unknown>, as?: Caller) => t.call({ method: 'PATCH', url: `/api/v1/commitments/${id}`, payload, as });
  const ofTicket = async (ticketId: string): Promise<CommitmentBody[]> => {
    const res = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticketId}/commitments` });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items;
  };
  const notesFor = (commitmentId: string) =>
    t.database.db.selectFrom('notifications').select(['agent_id', 'kind']).where('commitment_id', '=', commitmentId).orderBy('created_at').execute();

  it('adds a promise with a stated time: owned by the ticket owner, reminded an hour before, listed on the ticket', async () => {
    const ticket = await teamTicket();
    const res = await promise(ticket.id, { text: 'Send the replacement card', action: 'send the replacement card', dueAt: TOMORROW_17 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const c: CommitmentBody = res.body;
    assert.equal(c.ticketId, ticket.id);
    assert.equal(c.ownerId, member.agentId);
    assert.equal(c.text, 'Send the replacement card');
    assert.equal(c.action, 'send the replacement card');
    assert.equal(c.dueAt, TOMORROW_17);
    assert.equal(c.dueStated, true);
    assert.equal(c.status, 'open');
    assert.equal(c.source, 'manual');
    assert.equal(c.messageId, null);
    assert.equal(c.remindAt, new Date(Date.parse(TOMORROW_17) - HOUR).toISOString());
    assert.equal(c.keptOnTime, null);
    for (const k of ['remindedAt', 'missedAt', 'completedAt'] as const) assert.equal(c[k], null, k);

    assert.deepEqual((await ofTicket(ticket.id)).map((x) => x.id), [c.id]);
    const event = await t.database.db.selectFrom('events').select(['action', 'actor_id']).where('entity_id', '=', c.id).executeTakeFirstOrThrow();
    assert.deepEqual(event, { action: 'commitment.created', actor_id: t.admin.agentId });
  });

  it('a promise without a time is due at the end of the next business day, and says so', async () => {
    const ticket = await teamTicket();
    const res = await promise(ticket.id, { text: 'Look into the charge' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.dueStated, false);
    assert.equal(res.body.dueAt, TOMORROW_17, 'Tuesday 10:00 + one business day, at the 17:00 day end');
    assert.equal(res.body.action, null);
  });

  it('refuses a due time that is past, now, or without an offset; blank text; unknown and closed tickets', async () => {
    const ticket = await teamTicket();
    const bad: [Record<string, unknown>, string][] = [
      [{ text: 'Call back', dueAt: '2026-03-10T09:59:00Z' }, 'dueAt'],
      [{ text: 'Call back', dueAt: START }, 'dueAt'],
      [{ text: 'Call back', dueAt: '2026-03-11T17:00:00' }, 'dueAt'],
      [{ text: 'Call back', dueAt: 'tomorrow' }, 'dueAt'],
      [{ text: '   ' }, 'text'],
      [{ text: 'Call back', owner: 'me' }, 'owner'],
    ];
    for (const [payload, field] of bad) {
      const res = await promise(ticket.id, payload);
      assert.equal(res.status, 400, `${JSON.stringify(payload)} → ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.match(res.body.error.message, new RegExp(field));
    }
    // an offset other than Z is the same instant
    const offset = await promise(ticket.id, { text: 'Call back', dueAt: '2026-03-11T18:00:00+01:00' });
    assert.equal(offset.status, 201);
    assert.equal(offset.body.dueAt, TOMORROW_17);

    assert.equal((await promise(UNKNOWN, { text: 'Call back' })).status, 404);
    for (const status of ['solved', 'closed']) {
      assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status } })).status, 200);
    }
    const closed = await promise(ticket.id, { text: 'Call back' });
    assert.equal(closed.status, 422);
    assert.equal(closed.body.error.code, 'ticket_closed');
    assert.equal((await ofTicket(ticket.id)).length, 1, 'only the promise made before the ticket closed');
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/tickets/${UNKNOWN}/commitments` })).status, 404);
  });

  it('edits a promise: text, a new due time (re-arming the reminder), a new owner; kept is final', async () => {
    const ticket = await teamTicket();
    const other = await t.agent({ name: 'Otto Other' });
    const c = (await promise(ticket.id, { text: 'Refund the fee', dueAt: TOMORROW_17 })).body as CommitmentBody;
    const later = '2026-03-12T12:00:00.000Z';
    const moved = await patch(c.id, { text: 'Refund the late fee', dueAt: later });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.text, 'Refund the late fee');
    assert.equal(moved.body.dueAt, later);
    assert.equal(moved.body.remindAt, new Date(Date.parse(later) - HOUR).toISOString());

    const handed = await patch(c.id, { ownerId: other.agentId });
    assert.equal(handed.body.ownerId, other.agentId);

    for (const [payload, status, code] of [
      [{ status: 'missed' }, 400, 'validation_failed'],
      [{ status: 'open' }, 400, 'validation_failed'],
      [{ dueAt: '2026-03-09T12:00:00Z' }, 400, 'validation_failed'],
      [{ ownerId: 'bob' }, 400, 'validation_failed'],
      [{ ownerId: UNKNOWN }, 422, 'reference_not_found'],
      [{ colour: 'red' }, 400, 'validation_failed'],
      [{ status: 'kept', dueAt: '2026-03-13T12:00:00Z' }, 400, 'validation_failed'],
    ] as const) {
      const res = await patch(c.id, payload);
      assert.equal(res.status, status, `${JSON.stringify(payload)} → ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
    }
    assert.equal((await patch(UNKNOWN, { text: 'x' })).status, 404);

    clock.set('2026-03-11T09:30:00Z');
    const kept = await patch(c.id, { status: 'kept' });
    assert.equal(kept.status, 200);
    assert.equal(kept.body.status, 'kept');
    assert.equal(kept.body.completedAt, '2026-03-11T09:30:00.000Z');
    assert.equal(kept.body.keptOnTime, true);
    const again = await patch(c.id, { status: 'cancelled' });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'rule_violation');
    const actions = await t.database.db.selectFrom('events').select('action').where('entity_id', '=', c.id).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['commitment.created', 'commitment.updated', 'commitment.updated', 'commitment.updated']);
  });

  it('lists promises soonest due first, filtered, and pages through them with the cursor', async () => {
    const ticket = await teamTicket();
    const dues = ['2026-03-13T10:00:00.000Z', '2026-03-12T10:00:00.000Z', '2026-03-12T10:00:00.000Z', '2026-03-16T10:00:00.000Z'];
    const made: CommitmentBody[] = [];
    for (const [i, dueAt] of dues.entries()) made.push((await promise(ticket.id, { text: `Promise ${i}`, dueAt })).body);

    const all = await t.call({ method: 'GET', url: `/api/v1/commitments?ticketId=${ticket.id}&limit=100` });
    assert.equal(all.status, 200);
    const expected = [...made].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id)).map((c) => c.id);
    assert.deepEqual(all.body.items.map((c: CommitmentBody) => c.id), expected);
    assert.equal(all.body.nextCursor, null);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/commitments?ticketId=${ticket.id}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await t.call({ method: 'GET', url });
      assert.equal(page.status, 200, JSON.stringify(page.body));
      paged.push(...page.body.items.map((c: CommitmentBody) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, expected, 'the pages hold every promise once, in order (ties on the due time by id)');

    const before = await t.call({ method: 'GET', url: `/api/v1/commitments?ticketId=${ticket.id}&dueBefore=${encodeURIComponent('2026-03-13T10:00:00Z')}` });
    assert.deepEqual(before.body.items.map((c: CommitmentBody) => c.dueAt), ['2026-03-12T10:00:00.000Z', '2026-03-12T10:00:00.000Z']);
    const mine = await t.call({ method: 'GET', url: `/api/v1/commitments?ownerId=${member.agentId}&status=open&limit=100` });
    assert.ok(made.every((m) => mine.body.items.some((c: CommitmentBody) => c.id === m.id)));
    assert.ok(mine.body.items.every((c: CommitmentBody) => c.ownerId === member.agentId && c.status === 'open'));
    const nobody = await t.call({ method: 'GET', url: `/api/v1/commitments?ownerId=${lead.agentId}&ticketId=${ticket.id}` });
    assert.deepEqual(nobody.body.items, []);
  });

  it('in moved time: reminded at 16:00, missed at 17:00 with the owner told and the team lead escalated, once', async () => {
    const ticket = await teamTicket();
    const c = (await promise(ticket.id, { text: 'Call the customer back', dueAt: TOMORROW_17 })).body as CommitmentBody;
    const get = async () => (await ofTicket(ticket.id)).find((x) => x.id === c.id)!;

    clock.set('2026-03-11T15:59:00Z');
    await runDue(t.database.db, jobs, now());
    assert.equal((await get()).remindedAt, null, 'not yet: the reminder is due at 16:00');
    assert.deepEqual(await notesFor(c.id), []);

    clock.set('2026-03-11T16:00:00Z');
    const first = await runDue(t.database.db, jobs, now());
    assert.ok(first.reminders >= 1);
    assert.equal((await get()).remindedAt, '2026-03-11T16:00:00.000Z');
    assert.deepEqual(await notesFor(c.id), [{ agent_id: member.agentId, kind: 'commitment.reminder' }]);
    const inbox = await t.call({ method: 'GET', url: '/api/v1/notifications?unread=true', as: member });
    const reminder = inbox.body.items.find((n: { commitmentId: string }) => n.commitmentId === c.id);
    assert.ok(reminder, JSON.stringify(inbox.body));
    assert.equal(reminder.kind, 'commitment.reminder');
    assert.equal(reminder.ticketId, ticket.id);
    assert.match(reminder.body, /Call the customer back/);

    const twice = await runDue(t.database.db, jobs, now());
    assert.deepEqual(twice, { warnings: 0, breaches: 0, reminders: 0, missed: 0, followUps: 0, acknowledgements: 0, etaUpdates: 0 });
    assert.equal((await notesFor(c.id)).length, 1);

    clock.set('2026-03-11T16:59:59Z');
    await runDue(t.database.db, jobs, now());
    assert.equal((await get()).status, 'open', 'still open a second before the due time');

    clock.set(TOMORROW_17);
    const due = await runDue(t.database.db, jobs, now());
    assert.ok(due.missed >= 1);
    const missed = await get();
    assert.equal(missed.status, 'missed');
    assert.equal(missed.missedAt, TOMORROW_17);
    assert.equal(missed.keptOnTime, false);
    const notes = await notesFor(c.id);
    assert.deepEqual(
      notes.filter((n) => n.kind !== 'commitment.reminder').sort((a, b) => a.kind.localeCompare(b.kind)),
      [
        { agent_id: lead.agentId, kind: 'commitment.escalated' },
        { agent_id: member.agentId, kind: 'commitment.missed' },
      ],
    );
    const missedView = await t.call({ method: 'GET', url: '/api/v1/commitments?status=missed&limit=100' });
    assert.ok(missedView.body.items.some((x: CommitmentBody) => x.id === c.id));
    assert.ok(missedView.body.items.every((x: CommitmentBody) => x.status === 'missed'));
    const leadInbox = await t.call({ method: 'GET', url: '/api/v1/notifications', as: lead });
    assert.ok(leadInbox.body.items.some((n: { kind: string; commitmentId: string }) => n.kind === 'commitment.escalated' && n.commitmentId === c.id));

    const again = await runDue(t.database.db, jobs, now());
    assert.equal(again.missed, 0);
    assert.equal(again.reminders, 0);
    assert.equal((await notesFor(c.id)).length, 3, 'nothing fires twice');
    const events = await t.database.db.selectFrom('events').select('action').where('entity_id', '=', c.id).where('action', '=', 'commitment.missed').execute();
    assert.equal(events.length, 1);

    // Kept late: kept, but not on time.
    clock.set('2026-03-11T17:30:00Z');
    const late = await patch(c.id, { status: 'kept' });
    assert.equal(late.status, 200, JSON.stringify(late.body));
    assert.equal(late.body.status, 'kept');
    assert.equal(late.body.keptOnTime, false);
  });

  it('kept before the due time: kept on time, and neither reminded nor missed afterwards', async () => {
    const ticket = await teamTicket();
    const c = (await promise(ticket.id, { text: 'Unblock the card', dueAt: TOMORROW_17 })).body as CommitmentBody;
    clock.set('2026-03-11T12:00:00Z');
    const kept = await patch(c.id, { status: 'kept' }, member);
    assert.equal(kept.status, 200);
    assert.equal(kept.body.keptOnTime, true);
    assert.equal(kept.body.completedAt, '2026-03-11T12:00:00.000Z');
    clock.set('2026-03-11T18:00:00Z');
    await runDue(t.database.db, jobs, now());
    const after = (await ofTicket(ticket.id)).find((x) => x.id === c.id)!;
    assert.equal(after.status, 'kept');
    assert.equal(after.keptOnTime, true);
    assert.equal(after.remindedAt, null);
    assert.deepEqual(await notesFor(c.id), []);
  });

  it('a cancelled promise is not kept, not reminded and not missed', async () => {
    const ticket = await teamTicket();
    const c = (await promise(ticket.id, { text: 'Send a letter', dueAt: TOMORROW_17 })).body as CommitmentBody;
    const cancelled = await patch(c.id, { status: 'cancelled' });
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(cancelled.body.keptOnTime, null);
    clock.set('2026-03-12T09:00:00Z');
    await runDue(t.database.db, jobs, now());
    assert.equal((await ofTicket(ticket.id))[0]!.status, 'cancelled');
    assert.deepEqual(await notesFor(c.id), []);
  });

  it('a handoff moves the open promises to the new owner and leaves finished ones with who made them', async () => {
    const ticket = await teamTicket();
    const taker = await t.agent({ name: 'Tara Taker' });
    const open1 = (await promise(ticket.id, { text: 'Check the shipment', dueAt: TOMORROW_17 })).body as CommitmentBody;
    const open2 = (await promise(ticket.id, { text: 'Send the invoice', dueAt: '2026-03-12T17:00:00Z' })).body as CommitmentBody;
    const done = (await promise(ticket.id, { text: 'Confirm the address', dueAt: TOMORROW_17 })).body as CommitmentBody;
    assert.equal((await patch(done.id, { status: 'kept' })).status, 200);

    clock.advance(10 * MINUTE);
    const asked = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/handoff`, payload: { toAgentId: taker.agentId, note: 'Going on leave' }, as: member });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const before = await ofTicket(ticket.id);
    assert.ok(before.every((c) => c.ownerId === member.agentId), 'nothing moves until the handoff is accepted');
    const accepted = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/handoff/accept`, as: taker });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));

    const owners = new Map((await ofTicket(ticket.id)).map((c) => [c.id, c.ownerId]));
    assert.equal(owners.get(open1.id), taker.agentId);
    assert.equal(owners.get(open2.id), taker.agentId);
    assert.equal(owners.get(done.id), member.agentId);

    // the reminder now goes to the new owner
    clock.set('2026-03-11T16:00:00Z');
    await runDue(t.database.db, jobs, now());
    assert.deepEqual(await notesFor(open1.id), [{ agent_id: taker.agentId, kind: 'commitment.reminder' }]);
  });
});
