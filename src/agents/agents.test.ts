import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';

describe('agents, teams and workspace settings', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('admins create agents with hashed passwords; emails are unique regardless of case', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/api/v1/agents',
      payload: { email: 'Kim@Example.com', name: 'Kim', password: 'a-long-password', skills: ['billing', 'french'] },
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.email, 'kim@example.com');
    assert.equal(res.body.role, 'agent');
    assert.equal('password' in res.body || 'passwordHash' in res.body || 'password_hash' in res.body, false);
    const row = await t.database.db.selectFrom('agents').select('password_hash').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash!, /^\$argon2id\$/);
    const dup = await t.call({ method: 'POST', url: '/api/v1/agents', payload: { email: 'KIM@example.com', name: 'Other Kim' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'already_exists');
  });

  it('an agent sets their own availability; away agents get no new tickets', async () => {
    const a = await t.agent();
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Availability', memberIds: [a.agentId], leadId: t.admin.agentId } });
    const away = await t.call({ method: 'PATCH', url: `/api/v1/agents/${a.agentId}`, payload: { availability: 'away' }, as: a });
    assert.equal(away.status, 200);
    assert.equal(away.body.availability, 'away');
    const ticket = await createTicket(t, { teamId: team.body.id });
    assert.equal(ticket.ownerId, t.admin.agentId, 'the lead (also a member, available) takes it');
  });

  it('a team lead is always a member; members are replaced by PATCH', async () => {
    const lead = await t.agent();
    const m = await t.agent();
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Leads', leadId: lead.agentId, memberIds: [m.agentId] } });
    assert.deepEqual(new Set(team.body.memberIds), new Set([lead.agentId, m.agentId]));
    const patched = await t.call({ method: 'PATCH', url: `/api/v1/teams/${team.body.id}`, payload: { memberIds: [] } });
    assert.deepEqual(patched.body.memberIds, [lead.agentId]);
    const dup = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'LEADS' } });
    assert.equal(dup.status, 409);
    const ghost = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Ghosts', memberIds: ['00000000-0000-4000-8000-000000000001'] } });
    assert.equal(ghost.status, 422);
    assert.equal(ghost.body.error.code, 'reference_not_found');
  });

  it('a team with tickets cannot be deleted; an empty one can', async () => {
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Busy', leadId: t.admin.agentId } });
    await createTicket(t, { teamId: team.body.id });
    const busy = await t.call({ method: 'DELETE', url: `/api/v1/teams/${team.body.id}` });
    assert.equal(busy.status, 409);
    const empty = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Empty' } });
    const gone = await t.call({ method: 'DELETE', url: `/api/v1/teams/${empty.body.id}` });
    assert.equal(gone.status, 204);
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/teams/${empty.body.id}` })).status, 404);
  });

  it('tickets without a team go to the workspace default team', async () => {
    const a = await t.agent();
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Front line', memberIds: [a.agentId] } });
    const ws = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { defaultTeamId: team.body.id, timezone: 'Europe/Berlin' } });
    assert.equal(ws.status, 200);
    assert.equal(ws.body.defaultTeamId, team.body.id);
    const ticket = await createTicket(t);
    assert.equal(ticket.teamId, team.body.id);
    assert.equal(ticket.ownerId, a.agentId);
    const badTz = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { timezone: 'Mars/Olympus' } });
    assert.equal(badTz.status, 400);
    assert.match(badTz.body.error.message, /timezone/);
    await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { defaultTeamId: null } });
  });

  it('an agent who owns open tickets cannot be deactivated until they are handed off', async () => {
    const a = await t.agent();
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Leaving', memberIds: [a.agentId] } });
    const ticket = await createTicket(t, { teamId: team.body.id });
    const refused = await t.call({ method: 'DELETE', url: `/api/v1/agents/${a.agentId}` });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'agent_owns_tickets');
    await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/handoff`, payload: { toAgentId: t.admin.agentId, note: 'Kim is leaving; refund pending' }, as: a });
    await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/handoff/accept` });
    const done = await t.call({ method: 'DELETE', url: `/api/v1/agents/${a.agentId}` });
    assert.equal(done.status, 200);
    assert.equal(done.body.active, false);
    const denied = await t.call({ method: 'GET', url: '/api/v1/agents/me', as: a });
    assert.equal(denied.status, 401, 'a deactivated agent is signed out everywhere');
  });
});
