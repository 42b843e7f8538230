import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type Caller, type TestApp } from '../../test/helpers.ts';

describe('handoffs', () => {
  let t: TestApp;
  let owner: Caller;
  let other: Caller;
  let team: { id: string };
  let teamMate: Caller;
  before(async () => {
    t = await testApp();
    owner = await t.agent();
    other = await t.agent();
    teamMate = await t.agent();
    team = (await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Escalations', memberIds: [teamMate.agentId] } })).body;
  });
  after(() => t.close());

  /** A ticket owned by `owner` (routed through a one-member team). */
  async function ownedTicket() {
    const solo = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: `Solo ${Math.random()}`, memberIds: [owner.agentId] } });
    const ticket = await createTicket(t, { teamId: solo.body.id });
    assert.equal(ticket.ownerId, owner.agentId);
    return ticket;
  }
  const handoff = (id: string, payload: object, as: Caller) => t.call({ method: 'POST', url: `/api/v1/tickets/${id}/handoff`, payload, as });
  const accept = (id: string, as: Caller) => t.call({ method: 'POST', url: `/api/v1/tickets/${id}/handoff/accept`, as });
  const decline = (id: string, reason: string, as: Caller) => t.call({ method: 'POST', url: `/api/v1/tickets/${id}/handoff/decline`, payload: { reason }, as });

  it('keeps the old owner accountable until the new one accepts', async () => {
    const ticket = await ownedTicket();
    const req = await handoff(ticket.id, { toAgentId: other.agentId, note: 'Customer needs a refund check; ledger attached.' }, owner);
    assert.equal(req.status, 201);
    assert.equal(req.body.handoff.status, 'pending');
    let detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.ownerId, owner.agentId);
    assert.equal(detail.body.pendingHandoff.toAgentId, other.agentId);
    const ok = await accept(ticket.id, other);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.ticket.ownerId, other.agentId);
    assert.equal(ok.body.ticket.handoffCount, 1);
    detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.pendingHandoff, null);
    assert.deepEqual(
      detail.body.events.filter((e: { action: string }) => e.action.startsWith('handoff')).map((e: { action: string }) => e.action),
      ['handoff.requested', 'handoff.accepted'],
    );
  });

  it('refuses a handoff without a note (422) and from someone who is not the owner (403)', async () => {
    const ticket = await ownedTicket();
    const blank = await handoff(ticket.id, { toAgentId: other.agentId, note: '   ' }, owner);
    assert.equal(blank.status, 422);
    assert.equal(blank.body.error.code, 'note_required');
    const stranger = await handoff(ticket.id, { toAgentId: other.agentId, note: 'take it' }, other);
    assert.equal(stranger.status, 403);
    const admin = await handoff(ticket.id, { toAgentId: other.agentId, note: 'rebalancing the queue' }, t.admin);
    assert.equal(admin.status, 201, 'an admin may hand off any ticket');
  });

  it('a declined handoff returns to the owner with the reason', async () => {
    const ticket = await ownedTicket();
    await handoff(ticket.id, { toAgentId: other.agentId, note: 'billing question' }, owner);
    const noReason = await decline(ticket.id, '', other);
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.error.code, 'reason_required');
    const wrongPerson = await decline(ticket.id, 'not mine', teamMate);
    assert.equal(wrongPerson.status, 403);
    const res = await decline(ticket.id, 'Billing is handled by the Payments team', other);
    assert.equal(res.status, 200);
    assert.equal(res.body.ticket.ownerId, owner.agentId);
    assert.equal(res.body.handoff.declineReason, 'Billing is handled by the Payments team');
    const again = await handoff(ticket.id, { toTeamId: team.id, note: 'per the decline, to the team' }, owner);
    assert.equal(again.status, 201, 'a new handoff can follow a declined one');
  });

  it('a team handoff is accepted by a member of that team, who becomes the owner', async () => {
    const ticket = await ownedTicket();
    await handoff(ticket.id, { toTeamId: team.id, note: 'needs an escalation engineer' }, owner);
    const outsider = await accept(ticket.id, other);
    assert.equal(outsider.status, 403);
    const res = await accept(ticket.id, teamMate);
    assert.equal(res.status, 200);
    assert.equal(res.body.ticket.ownerId, teamMate.agentId);
    assert.equal(res.body.ticket.teamId, team.id);
  });

  it('flags a ticket that changed hands three times as bounced', async () => {
    const ticket = await ownedTicket();
    const chain: [Caller, Caller][] = [[owner, other], [other, teamMate], [teamMate, owner]];
    for (const [from, to] of chain) {
      assert.equal((await handoff(ticket.id, { toAgentId: to.agentId, note: 'passing on' }, from)).status, 201);
      assert.equal((await accept(ticket.id, to)).status, 200);
    }
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.handoffCount, 3);
    assert.equal(detail.body.bounced, true);
    const list = await t.call({ method: 'GET', url: '/api/v1/tickets?bounced=true' });
    assert.ok(list.body.items.some((i: { id: string }) => i.id === ticket.id));
  });

  it('concurrent handoffs: exactly one is pending, and concurrent accepts leave exactly one owner', async () => {
    const ticket = await ownedTicket();
    const targets = [other, teamMate, t.admin, other, teamMate, t.admin];
    const results = await Promise.all(targets.map((to, i) => handoff(ticket.id, { toAgentId: to.agentId, note: `attempt ${i}` }, owner === to ? t.admin : owner)));
    const created = results.filter((r) => r.status === 201);
    assert.equal(created.length, 1, JSON.stringify(results.map((r) => r.status)));
    for (const r of results.filter((r) => r.status !== 201)) assert.equal(r.body.error.code, 'handoff_pending');
    const to = targets[results.findIndex((r) => r.status === 201)]!;
    const accepts = await Promise.all([accept(ticket.id, to), accept(ticket.id, to), accept(ticket.id, to)]);
    assert.equal(accepts.filter((a) => a.status === 200).length, 1);
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.ownerId, to.agentId);
    assert.equal(detail.body.handoffCount, 1);
    const rows = await t.database.db.selectFrom('handoffs').select('status').where('ticket_id', '=', ticket.id).execute();
    assert.deepEqual(rows.map((r) => r.status), ['accepted']);
  });

  it('cannot hand off a closed ticket, and the owner can cancel a pending handoff', async () => {
    const ticket = await ownedTicket();
    await handoff(ticket.id, { toAgentId: other.agentId, note: 'maybe' }, owner);
    const cancel = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/handoff/cancel`, as: owner });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.handoff.status, 'cancelled');
    assert.equal((await accept(ticket.id, other)).status, 404);
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'closed' } });
    const closed = await handoff(ticket.id, { toAgentId: other.agentId, note: 'late' }, owner);
    assert.equal(closed.status, 422);
    assert.equal(closed.body.error.code, 'ticket_closed');
  });

  it('closing a ticket withdraws its pending handoff, so nobody takes over a closed ticket', async () => {
    const ticket = await ownedTicket();
    await handoff(ticket.id, { toAgentId: other.agentId, note: 'please follow up' }, owner);
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    const closed = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'closed' } });
    assert.equal(closed.status, 200);
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.pendingHandoff, null);
    assert.equal(detail.body.handoffs[0].status, 'cancelled');
    assert.equal((await accept(ticket.id, other)).status, 404);
    assert.equal(detail.body.ownerId, owner.agentId);
  });
});
