/**
 * Follow-ups ("remind me if the customer hasn't replied"), each agent's own notifications, and the follow-through
 * measures over a seeded set whose answers the test works out from the rows it made.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTicket, testApp, type Caller, type TestApp } from '../../test/helpers.ts';
import { sendQueueSpec } from '../email/outbound.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { notify } from '../notifications/service.ts';
import { now, testClock, useClock } from '../time/clock.ts';
import { runDue, tickQueueSpec } from './scheduler.ts';
import type { MeasureGroup } from './measures.ts';

const START = '2026-03-10T10:00:00.000Z';
const clock = testClock(START);
const systemClock = useClock(clock);
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
// Both suites run on the test clock; the process gets its own clock back only at the very end.
after(() => void useClock(systemClock));

describe('follow-ups and notifications', () => {
  let t: TestApp;
  let jobs: Jobs;
  let agent: Caller;
  before(async () => {
    t = await testApp();
    jobs = await startJobs(t.database.db, [sendQueueSpec, tickQueueSpec]);
    agent = await t.agent({ name: 'Fay Follower' });
  });
  after(async () => {
    await jobs.stop();
    await t.close();
  });

  const followUp = (ticketId: string, remindAt: string | null, as: Caller | undefined = agent) =>
    t.call({ method: 'POST', url: `/api/v1/tickets/${ticketId}/follow-up`, payload: { remindAt }, as });
  const stored = (ticketId: string) =>
    t.database.db.selectFrom('tickets').select(['follow_up_at', 'follow_up_agent_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const reply = async (ticketId: string, from: 'agent' | 'requester') => {
    const res = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticketId}/messages`, payload: { body: from === 'agent' ? 'Could you send a photo?' : 'Here it is.', from } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };

  it('sets a follow-up for the signed-in agent, refuses a past time, and clears it with null', async () => {
    clock.set(START);
    const ticket = await createTicket(t);
    const set = await followUp(ticket.id, '2026-03-11T10:00:00+01:00');
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body, { followUpAt: '2026-03-11T09:00:00.000Z', agentId: agent.agentId });
    assert.deepEqual(await stored(ticket.id), { follow_up_at: new Date('2026-03-11T09:00:00Z'), follow_up_agent_id: agent.agentId });

    for (const bad of ['2026-03-10T09:00:00Z', START, '2026-03-11T10:00:00', 'soon']) {
      const res = await followUp(ticket.id, bad);
      assert.equal(res.status, 400, `${bad}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.error.message, /remindAt/);
    }
    const missing = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/follow-up`, payload: {} });
    assert.equal(missing.status, 400);
    assert.equal((await stored(ticket.id)).follow_up_agent_id, agent.agentId, 'refusals changed nothing');

    const cleared = await followUp(ticket.id, null);
    assert.deepEqual(cleared.body, { followUpAt: null, agentId: null });
    assert.deepEqual(await stored(ticket.id), { follow_up_at: null, follow_up_agent_id: null });

    assert.equal((await followUp(UNKNOWN, '2026-03-11T10:00:00Z')).status, 404);
    for (const status of ['solved', 'closed']) await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status } });
    const closed = await followUp(ticket.id, '2026-03-11T10:00:00Z');
    assert.equal(closed.status, 422);
    assert.equal(closed.body.error.code, 'ticket_closed');
  });

  it('fires a follow-up only when the customer has not replied, once, and clears it either way', async () => {
    clock.set(START);
    const silent = await createTicket(t);
    const answered = await createTicket(t);
    const later = await createTicket(t);
    for (const x of [silent, answered, later]) await reply(x.id, 'agent');
    assert.equal((await followUp(silent.id, '2026-03-11T10:00:00Z')).status, 200);
    assert.equal((await followUp(answered.id, '2026-03-11T10:00:00Z')).status, 200);
    assert.equal((await followUp(later.id, '2026-03-12T10:00:00Z')).status, 200);
    clock.set('2026-03-10T15:00:00Z');
    await reply(answered.id, 'requester');

    const followUps = () =>
      t.database.db.selectFrom('notifications').select(['agent_id', 'ticket_id']).where('kind', '=', 'ticket.follow_up').execute();
    clock.set('2026-03-11T09:59:00Z');
    await runDue(t.database.db, jobs, now());
    assert.deepEqual(await followUps(), [], 'not due yet');

    clock.set('2026-03-11T10:00:00Z');
    const fired = await runDue(t.database.db, jobs, now());
    assert.equal(fired.followUps, 1);
    assert.deepEqual(await followUps(), [{ agent_id: agent.agentId, ticket_id: silent.id }]);
    assert.deepEqual(await stored(silent.id), { follow_up_at: null, follow_up_agent_id: null });
    assert.deepEqual(await stored(answered.id), { follow_up_at: null, follow_up_agent_id: null }, 'moot once the customer replied');
    assert.deepEqual(await stored(later.id), { follow_up_at: new Date('2026-03-12T10:00:00Z'), follow_up_agent_id: agent.agentId });

    assert.equal((await runDue(t.database.db, jobs, now())).followUps, 0);
    assert.equal((await followUps()).length, 1, 'fired once');
    const inbox = await t.call({ method: 'GET', url: '/api/v1/notifications', as: agent });
    assert.ok(inbox.body.items.some((n: { kind: string; ticketId: string }) => n.kind === 'ticket.follow_up' && n.ticketId === silent.id));
  });

  it('each agent sees and marks only their own notifications, newest first', async () => {
    const ann = await t.agent({ name: 'Ann' });
    const ben = await t.agent({ name: 'Ben' });
    await notify(t.database.db, [{ agentId: ann.agentId, kind: 'test', body: 'first for Ann' }, { agentId: ben.agentId, kind: 'test', body: 'for Ben' }]);
    // A later time of its own: two rows of one millisecond would tie, and a tie is ordered by id, at random.
    await notify(t.database.db, [{ agentId: ann.agentId, kind: 'test', body: 'second for Ann' }]);
    await sql`update notifications set created_at = created_at + interval '1 second' where body = 'second for Ann'`.execute(t.database.db);
    const list = async (who: Caller, query = '') => {
      const res = await t.call({ method: 'GET', url: `/api/v1/notifications${query}`, as: who });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items as { id: string; body: string; readAt: string | null; kind: string }[];
    };
    const annItems = await list(ann);
    assert.deepEqual(annItems.map((n) => n.body), ['second for Ann', 'first for Ann']);
    const benItems = await list(ben);
    assert.deepEqual(benItems.map((n) => n.body), ['for Ben']);

    const other = await t.call({ method: 'POST', url: `/api/v1/notifications/${benItems[0]!.id}/read`, as: ann });
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'not_found');
    assert.equal((await list(ben, '?unread=true')).length, 1, "Ann could not mark Ben's as read");
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/notifications/${UNKNOWN}/read`, as: ann })).status, 404);

    const read = await t.call({ method: 'POST', url: `/api/v1/notifications/${annItems[1]!.id}/read`, as: ann });
    assert.equal(read.status, 204);
    assert.equal(read.body, null);
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/notifications/${annItems[1]!.id}/read`, as: ann })).status, 204, 'reading twice is fine');
    assert.deepEqual((await list(ann, '?unread=true')).map((n) => n.body), ['second for Ann']);
    const all = await list(ann, '?unread=false');
    assert.ok(all.find((n) => n.body === 'first for Ann')?.readAt, 'read, with its time');
    assert.deepEqual((await list(ann, '?limit=1')).map((n) => n.body), ['second for Ann']);
    assert.equal((await t.call({ method: 'GET', url: '/api/v1/notifications?unread=yes', as: ann })).status, 400);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Measures: a seeded desk. Every expected figure below is worked out from these rows by the test itself.

type Stop = { minutes: number; at: string; met: boolean };
type TicketSeed = { team: 'X' | 'Y' | null; createdAt: string; fr?: Stop; res?: Stop; eta?: { expected: string; replied: string | null } };
type Who = 'P' | 'Q' | 'R' | 'admin';
type PromiseSeed = { ticket: number; owner: Who; status: 'open' | 'kept' | 'missed' | 'cancelled'; due: string; completed?: string; missed?: string };

const NOW = '2026-03-20T12:00:00.000Z';
const seedTickets: TicketSeed[] = [
  { team: 'X', createdAt: '2026-03-02T10:00:00Z', fr: { minutes: 30, at: '2026-03-02T10:30:00Z', met: true }, res: { minutes: 300, at: '2026-03-03T10:00:00Z', met: true }, eta: { expected: '2026-03-02T12:00:00Z', replied: '2026-03-02T10:30:00Z' } },
  { team: 'X', createdAt: '2026-03-03T10:00:00Z', fr: { minutes: 90, at: '2026-03-03T11:30:00Z', met: true }, res: { minutes: 1600, at: '2026-03-09T10:00:00Z', met: false }, eta: { expected: '2026-03-03T11:00:00Z', replied: '2026-03-03T11:30:00Z' } },
  { team: 'X', createdAt: '2026-03-04T10:00:00Z', fr: { minutes: 600, at: '2026-03-05T12:00:00Z', met: false }, eta: { expected: '2026-03-04T15:00:00Z', replied: null } },
  { team: 'Y', createdAt: '2026-03-05T10:00:00Z', fr: { minutes: 45, at: '2026-03-05T10:45:00Z', met: true }, res: { minutes: 200, at: '2026-03-05T14:00:00Z', met: true } },
  { team: null, createdAt: '2026-03-06T10:00:00Z', fr: { minutes: 10, at: '2026-03-06T10:10:00Z', met: true }, eta: { expected: '2026-03-25T10:00:00Z', replied: null } },
  { team: 'X', createdAt: '2026-02-02T10:00:00Z', fr: { minutes: 20, at: '2026-02-02T10:20:00Z', met: true }, res: { minutes: 100, at: '2026-02-03T10:00:00Z', met: true }, eta: { expected: '2026-02-02T12:00:00Z', replied: '2026-02-02T11:00:00Z' } },
  { team: 'Y', createdAt: '2026-03-07T10:00:00Z' },
  { team: 'X', createdAt: '2026-03-09T10:00:00Z', fr: { minutes: 75, at: '2026-03-09T11:15:00Z', met: true }, eta: { expected: '2026-03-09T11:00:00Z', replied: null } },
];
const seedPromises: PromiseSeed[] = [
  { ticket: 0, owner: 'P', status: 'kept', due: '2026-03-05T17:00:00Z', completed: '2026-03-05T12:00:00Z' },
  { ticket: 0, owner: 'P', status: 'kept', due: '2026-03-05T17:00:00Z', completed: '2026-03-06T09:00:00Z' },
  { ticket: 1, owner: 'Q', status: 'missed', due: '2026-03-06T17:00:00Z', missed: '2026-03-06T17:00:00Z' },
  { ticket: 1, owner: 'R', status: 'kept', due: '2026-03-10T17:00:00Z', completed: '2026-03-10T17:00:00Z' },
  { ticket: 2, owner: 'Q', status: 'open', due: '2026-03-25T17:00:00Z' },
  { ticket: 2, owner: 'Q', status: 'cancelled', due: '2026-03-08T17:00:00Z', completed: '2026-03-07T09:00:00Z' },
  { ticket: 3, owner: 'R', status: 'missed', due: '2026-03-06T17:00:00Z', missed: '2026-03-06T17:00:00Z' },
  { ticket: 5, owner: 'P', status: 'kept', due: '2026-02-04T17:00:00Z', completed: '2026-02-03T09:00:00Z' },
];

type Group = Omit<MeasureGroup, 'key' | 'name'>;

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const pos = p * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.round((v[lo]! + (v[hi]! - v[lo]!) * (pos - lo)) * 10) / 10;
}
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

describe('measures', () => {
  let t: TestApp;
  const agents = {} as Record<Who, Caller>;
  const teams = {} as Record<'X' | 'Y', string>;
  const owners: string[] = [];
  const ticketIds: string[] = [];

  before(async () => {
    t = await testApp();
    agents.admin = t.admin;
    for (const who of ['P', 'Q', 'R'] as const) agents[who] = await t.agent({ name: `Agent ${who}` });
    for (const [name, members] of [['X', [agents.P, agents.Q]], ['Y', [agents.R]]] as const) {
      const res = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: `Team ${name}`, memberIds: members.map((m) => m.agentId) } });
      teams[name] = res.body.id;
    }
    const db = t.database.db;
    for (const s of seedTickets) {
      clock.set(s.createdAt);
      const ticket = await createTicket(t, s.team ? { teamId: teams[s.team] } : {});
      ticketIds.push(ticket.id);
      owners.push(ticket.ownerId);
      for (const [metric, stop] of [['first_response', s.fr], ['resolution', s.res]] as const) {
        if (!stop) continue;
        await db.updateTable('sla_clocks')
          .set({ running_since: null, paused_at: null, due_at: null, warn_at: null, elapsed_minutes: stop.minutes, stopped_at: stop.at, met: stop.met })
          .where('ticket_id', '=', ticket.id).where('metric', '=', metric).execute();
      }
      await db.updateTable('tickets')
        .set({ expected_reply_by: s.eta?.expected ?? null, first_expected_reply_by: s.eta?.expected ?? null, first_replied_at: s.eta?.replied ?? null })
        .where('id', '=', ticket.id).execute();
    }
    for (const p of seedPromises) {
      await db.insertInto('commitments').values({
        ticket_id: ticketIds[p.ticket]!, owner_id: agents[p.owner].agentId, text: 'A promise', due_at: p.due, status: p.status,
        source: 'manual', completed_at: p.completed ?? null, missed_at: p.missed ?? null,
      }).execute();
    }
    clock.set(NOW);
  });
  after(() => t.close());

  /** The measures the seed should give, worked out row by row. */
  function expected(groupBy: 'agent' | 'team' | 'none', since: string, until: string): Map<string | null, Group> {
    const [from, to, at] = [Date.parse(since), Date.parse(until), Date.parse(NOW)];
    const inPeriod = (x: string | null | undefined) => x != null && Date.parse(x) >= from && Date.parse(x) < to;
    const keyOf = (i: number) => (groupBy === 'agent' ? owners[i]! : groupBy === 'team' ? (seedTickets[i]!.team ? teams[seedTickets[i]!.team!] : null) : 'all');
    const raw = new Map<string | null, { tickets: number; fr: number[]; res: number[]; met: number; breached: number; kept: number; onTime: number; missed: number; given: number; etaKept: number }>();
    const g = (key: string | null) => {
      if (!raw.has(key)) raw.set(key, { tickets: 0, fr: [], res: [], met: 0, breached: 0, kept: 0, onTime: 0, missed: 0, given: 0, etaKept: 0 });
      return raw.get(key)!;
    };
    if (groupBy === 'none') g('all');
    seedTickets.forEach((s, i) => {
      if (inPeriod(s.createdAt)) g(keyOf(i)).tickets++;
      for (const [stop, list] of [[s.fr, 'fr'], [s.res, 'res']] as const) {
        if (!stop || !inPeriod(stop.at)) continue;
        g(keyOf(i))[list].push(stop.minutes);
        if (stop.met) g(keyOf(i)).met++;
        else g(keyOf(i)).breached++;
      }
      if (s.eta) {
        const passed = s.eta.replied === null && Date.parse(s.eta.expected) >= from && Date.parse(s.eta.expected) < Math.min(to, at);
        if (inPeriod(s.eta.replied) || passed) {
          g(keyOf(i)).given++;
          if (s.eta.replied && Date.parse(s.eta.replied) <= Date.parse(s.eta.expected)) g(keyOf(i)).etaKept++;
        }
      }
    });
    for (const p of seedPromises) {
      const key = groupBy === 'agent' ? agents[p.owner].agentId : keyOf(p.ticket);
      if (p.status === 'kept' && inPeriod(p.completed)) {
        g(key).kept++;
        if (Date.parse(p.completed!) <= Date.parse(p.due)) g(key).onTime++;
      }
      if (p.status === 'missed' && inPeriod(p.missed)) g(key).missed++;
    }
    return new Map([...raw].map(([k, r]) => [k, {
      tickets: r.tickets,
      firstResponse: { count: r.fr.length, medianBusinessMinutes: percentile(r.fr, 0.5), p90BusinessMinutes: percentile(r.fr, 0.9) },
      resolution: { count: r.res.length, medianBusinessMinutes: percentile(r.res, 0.5) },
      slaAttainment: { met: r.met, breached: r.breached, percent: share(r.met, r.met + r.breached) },
      commitments: { kept: r.kept, keptOnTime: r.onTime, missed: r.missed, percent: share(r.onTime, r.kept + r.missed) },
      eta: { given: r.given, kept: r.etaKept, percent: share(r.etaKept, r.given) },
    }]));
  }

  async function measures(query: string, as?: Caller) {
    const res = await t.call({ method: 'GET', url: `/api/v1/measures${query}`, as });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { since: string; until: string; groups: (Group & { key: string | null; name: string })[] };
  }
  function assertMatches(got: Awaited<ReturnType<typeof measures>>, want: Map<string | null, Group>) {
    assert.deepEqual(got.groups.map((x) => x.key).sort(), [...want.keys()].sort(), 'the same groups');
    for (const { key, name: _name, ...figures } of got.groups) assert.deepEqual(figures, want.get(key), `group ${key}`);
  }

  const SINCE = new Date(Date.parse(NOW) - 30 * 86_400_000).toISOString();

  it('overall, over the last 30 days by default', async () => {
    const got = await measures('');
    assert.equal(got.since, SINCE);
    assert.equal(got.until, NOW);
    assertMatches(got, expected('none', SINCE, NOW));
    // A few figures read off the seed by hand, so the test does not only agree with itself.
    const all = got.groups[0]!;
    assert.equal(all.name, 'Everyone');
    assert.equal(all.tickets, 7);
    assert.equal(all.firstResponse.count, 6);
    assert.equal(all.firstResponse.medianBusinessMinutes, 60);
    assert.deepEqual(all.commitments, { kept: 3, keptOnTime: 2, missed: 2, percent: 40 });
    assert.deepEqual(all.eta, { given: 4, kept: 1, percent: 25 });
  });

  it('per agent (promises count for their own owner) and per team (null for tickets without one)', async () => {
    const byAgent = await measures('?groupBy=agent');
    assertMatches(byAgent, expected('agent', SINCE, NOW));
    const r = byAgent.groups.find((x) => x.key === agents.R.agentId)!;
    assert.equal(r.name, 'Agent R');
    assert.deepEqual(r.commitments, { kept: 1, keptOnTime: 1, missed: 1, percent: 50 });

    const byTeam = await measures('?groupBy=team');
    assertMatches(byTeam, expected('team', SINCE, NOW));
    assert.equal(byTeam.groups.find((x) => x.key === null)?.name, 'No team');
    assert.equal(byTeam.groups.find((x) => x.key === teams.Y)?.name, 'Team Y');
  });

  it('over a chosen period, readable by plain agents; a period that ends before it starts is refused', async () => {
    const since = '2026-01-01T00:00:00.000Z';
    const until = '2026-03-04T00:00:00.000Z';
    const got = await measures(`?since=${since}&until=${until}&groupBy=team`, agents.P);
    assert.equal(got.since, since);
    assertMatches(got, expected('team', since, until));
    assert.equal(got.groups.find((x) => x.key === teams.X)?.firstResponse.count, 3, 'the February ticket counts now');

    const empty = await measures('?since=2025-01-01T00:00:00Z&until=2025-02-01T00:00:00Z');
    assert.equal(empty.groups.length, 1);
    assert.equal(empty.groups[0]!.slaAttainment.percent, null, 'nothing to divide by');
    for (const q of [`?since=${NOW}&until=${NOW}`, '?since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z', '?since=yesterday', '?groupBy=org']) {
      const res = await t.call({ method: 'GET', url: `/api/v1/measures${q}` });
      assert.equal(res.status, 400, `${q}: ${JSON.stringify(res.body)}`);
    }
  });
});
