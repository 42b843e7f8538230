/**
 * The queue views the web app shows: open tickets, handoffs waiting for me (directly or through a team), the
 * counts of every view (capped), and the session endpoint that gives a cookie session its CSRF token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTicket, testApp, type Caller, type TestApp } from '../../test/helpers.ts';
import { countViews } from './counts.ts';

describe('queue views', () => {
  let t: TestApp;
  let owner: Caller;
  let receiver: Caller;
  let teammate: Caller;
  let outsider: Caller;
  let teamId: string;

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();
  const list = (query: string, as: Caller) => t.call({ method: 'GET', url: `/api/v1/tickets?${query}`, as });
  const counts = (views: string, as: Caller) => t.call({ method: 'GET', url: `/api/v1/tickets/counts?views=${views}`, as });

  before(async () => {
    t = await testApp();
    owner = await t.agent({ name: 'Owner' });
    receiver = await t.agent({ name: 'Receiver' });
    teammate = await t.agent({ name: 'Teammate' });
    outsider = await t.agent({ name: 'Outsider' });
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Refunds', memberIds: [teammate.agentId] } });
    assert.equal(team.status, 201, JSON.stringify(team.body));
    teamId = team.body.id;
  });
  after(() => t?.close());

  it('open=true leaves out solved and closed tickets; open=false shows only them', async () => {
    const a = await createTicket(t, {}, owner);
    const b = await createTicket(t, {}, owner);
    const c = await createTicket(t, {}, owner);
    // Tickets created by an agent are owned by the workspace default; hand them to the owner first.
    for (const x of [a, b, c]) {
      await t.call({ method: 'POST', url: `/api/v1/tickets/${x.id}/handoff`, payload: { toAgentId: owner.agentId, note: 'yours' } });
      assert.equal((await t.call({ method: 'POST', url: `/api/v1/tickets/${x.id}/handoff/accept`, as: owner })).status, 200);
    }
    assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${b.id}`, payload: { status: 'solved' } })).status, 200);
    assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${c.id}`, payload: { status: 'solved' } })).status, 200);
    assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/tickets/${c.id}`, payload: { status: 'closed' } })).status, 200);

    assert.deepEqual(ids(await list(`ownerId=${owner.agentId}&open=true`, owner)), [a.id]);
    assert.deepEqual(ids(await list(`ownerId=${owner.agentId}&open=false`, owner)), [b.id, c.id].sort());
    assert.deepEqual(ids(await list(`ownerId=${owner.agentId}`, owner)), [a.id, b.id, c.id].sort());
    const n = await counts('mine', owner);
    assert.equal(n.status, 200, JSON.stringify(n.body));
    assert.deepEqual(n.body.counts.mine, { count: 1, capped: false });
  });

  it('handoffTo=me lists pending handoffs to me or to a team of mine, and drops them once answered', async () => {
    const direct = await createTicket(t);
    const viaTeam = await createTicket(t);
    const elsewhere = await createTicket(t);
    const hand = (id: string, payload: object) => t.call({ method: 'POST', url: `/api/v1/tickets/${id}/handoff`, payload: { note: 'Please take this', ...payload } });
    assert.equal((await hand(direct.id, { toAgentId: receiver.agentId })).status, 201);
    assert.equal((await hand(viaTeam.id, { toTeamId: teamId })).status, 201);
    assert.equal((await hand(elsewhere.id, { toAgentId: outsider.agentId })).status, 201);

    assert.deepEqual(ids(await list('handoffTo=me', receiver)), [direct.id]);
    assert.deepEqual(ids(await list('handoffTo=me', teammate)), [viaTeam.id]);
    assert.deepEqual(ids(await list('handoffTo=me', owner)), []);
    assert.deepEqual((await counts('handoffs', teammate)).body.counts.handoffs, { count: 1, capped: false });
    assert.deepEqual((await counts('handoffs', outsider)).body.counts.handoffs, { count: 1, capped: false });

    assert.equal((await t.call({ method: 'POST', url: `/api/v1/tickets/${direct.id}/handoff/accept`, as: receiver })).status, 200);
    assert.deepEqual(ids(await list('handoffTo=me', receiver)), []);
    assert.deepEqual((await counts('handoffs', receiver)).body.counts.handoffs, { count: 0, capped: false });

    const bad = await list('handoffTo=you', receiver);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'querystring.handoffTo');
  });

  it('counts agree with the lists they stand for, per view and per team', async () => {
    const all = await counts(`mine,waiting,all,team:${teamId},commitments,missed`, receiver);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.cap, 10_000);
    const listed = async (q: string) => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page: { body: { items: unknown[]; nextCursor: string | null } } = await list(`${q}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, receiver);
        n += page.body.items.length;
        cursor = page.body.nextCursor;
      } while (cursor);
      return n;
    };
    assert.equal(all.body.counts.all.count, await listed('sort=newest'));
    assert.equal(all.body.counts.waiting.count, await listed('waitingOnUs=true'));
    assert.equal(all.body.counts[`team:${teamId}`].count, await listed(`teamId=${teamId}`));
    assert.equal(all.body.counts.mine.count, await listed(`ownerId=${receiver.agentId}&open=true`));
    assert.ok(all.body.counts.all.count >= 6);

    // Promises: open ones count under commitments, missed ones under missed.
    const ticket = await createTicket(t);
    for (const text of ['Call back', 'Send the label']) {
      assert.equal((await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/commitments`, payload: { text }, as: t.admin })).status, 201);
    }
    await sql`update commitments set status = 'missed', missed_at = now() where text = 'Send the label'`.execute(t.database.db);
    const mine = await counts('commitments,missed', t.admin);
    assert.deepEqual(mine.body.counts, { commitments: { count: 1, capped: false }, missed: { count: 1, capped: false } });
  });

  it('stops counting at the cap and says so', async () => {
    const total = (await counts('all', owner)).body.counts.all.count as number;
    assert.ok(total > 3);
    assert.deepEqual(await countViews(t.database.db, owner.agentId, ['all'], 3), { all: { count: 3, capped: true } });
    assert.deepEqual(await countViews(t.database.db, owner.agentId, ['all'], total), { all: { count: total, capped: false } });
    assert.deepEqual(await countViews(t.database.db, owner.agentId, []), {});
  });

  it('refuses unknown views naming the field', async () => {
    for (const v of ['everything', 'team:abc', 'mine,,nope']) {
      const res = await counts(v, owner);
      assert.equal(res.status, 400, v);
      assert.equal(res.body.error.details[0].field, 'querystring.views');
    }
    const plain = await t.call({ method: 'GET', url: '/api/v1/tickets/counts', as: owner });
    assert.deepEqual(Object.keys(plain.body.counts).sort(), ['all', 'breached', 'commitments', 'due', 'handoffs', 'mine', 'missed', 'waiting']);
  });

  it('GET /api/v1/auth/session gives a cookie session its agent and CSRF token', async () => {
    const login = await t.call({ method: 'POST', url: '/api/v1/auth/login', as: null, payload: { email: owner.email, password: 'correct horse battery' } });
    assert.equal(login.status, 200);
    const cookie = `heed_session=${login.body.token}`;
    const s = await t.call({ method: 'GET', url: '/api/v1/auth/session', as: null, headers: { cookie } });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal(s.body.agent.id, owner.agentId);
    assert.equal(s.body.csrfToken, login.body.csrfToken);
    // An API token has no CSRF token to give.
    const api = await t.call({ method: 'GET', url: '/api/v1/auth/session', as: owner });
    assert.deepEqual([api.status, api.body.csrfToken], [200, null]);
    // Nobody signed in, or a session that has ended, is an answer rather than an error.
    const none = await t.call({ method: 'GET', url: '/api/v1/auth/session', as: null });
    assert.deepEqual([none.status, none.body], [200, { agent: null, csrfToken: null }]);
    assert.equal((await t.call({ method: 'POST', url: '/api/v1/auth/logout', as: null, headers: { cookie, 'x-csrf-token': login.body.csrfToken } })).status, 204);
    const ended = await t.call({ method: 'GET', url: '/api/v1/auth/session', as: null, headers: { cookie } });
    assert.deepEqual([ended.status, ended.body], [200, { agent: null, csrfToken: null }]);
  });
});
