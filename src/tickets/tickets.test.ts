import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';

describe('tickets API', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('creates a ticket with a human number, an owner and the first message, and matches the requester by email', async () => {
    const a = await createTicket(t, { subject: 'Card not arrived', requester: { email: 'Maria@Example.com', name: 'Maria' } });
    const b = await createTicket(t, { subject: 'Still waiting', requester: { email: 'maria@example.com' } });
    assert.ok(a.number >= 1000);
    assert.equal(b.number, a.number + 1);
    assert.equal(a.ownerId, t.admin.agentId, 'falls back to the workspace default owner');
    assert.equal(a.requesterId, b.requesterId, 'the same email is the same customer');
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${a.id}` });
    assert.equal(detail.status, 200);
    assert.equal(detail.body.messages.length, 1);
    assert.equal(detail.body.messages[0].direction, 'inbound');
    assert.equal(detail.body.requester.name, 'Maria');
    assert.deepEqual(detail.body.requester.emails, ['maria@example.com']);
    assert.equal(detail.body.events[0].action, 'ticket.created');
  });

  it('routes round-robin among available members of the team, skipping agents who are away', async () => {
    const x = await t.agent();
    const y = await t.agent();
    const away = await t.agent({ availability: 'away' });
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Cards', memberIds: [x.agentId, y.agentId, away.agentId] } });
    assert.equal(team.status, 201);
    const owners = [];
    for (let i = 0; i < 6; i++) owners.push((await createTicket(t, { teamId: team.body.id })).ownerId);
    assert.ok(!owners.includes(away.agentId));
    assert.equal(owners.filter((o) => o === x.agentId).length, 3);
    assert.equal(owners.filter((o) => o === y.agentId).length, 3);
    for (let i = 1; i < owners.length; i++) assert.notEqual(owners[i], owners[i - 1], 'turns alternate');
  });

  it('falls back to the team lead when no member is available', async () => {
    const lead = await t.agent({ availability: 'offline' });
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Night shift', leadId: lead.agentId } });
    const ticket = await createTicket(t, { teamId: team.body.id });
    assert.equal(ticket.ownerId, lead.agentId);
    assert.equal(ticket.teamId, team.body.id);
  });

  it('the database refuses a ticket without an owner', async () => {
    const ticket = await createTicket(t);
    await assert.rejects(
      t.database.db.updateTable('tickets').set({ owner_id: null as unknown as string }).where('id', '=', ticket.id).execute(),
      /null/i,
    );
  });

  it('moves status through the transition function and refuses other moves with 422', async () => {
    const ticket = await createTicket(t);
    const steps: [string, number][] = [['open', 200], ['pending', 200], ['new', 422], ['solved', 200], ['closed', 200], ['open', 422]];
    for (const [status, code] of steps) {
      const res = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status } });
      assert.equal(res.status, code, `→ ${status}: ${JSON.stringify(res.body)}`);
      if (code === 422) assert.match(res.body.error.code, /invalid_transition|ticket_closed/);
    }
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.status, 'closed');
    assert.ok(detail.body.closedAt);
    const updates = detail.body.events.filter((e: { action: string }) => e.action === 'ticket.updated');
    assert.deepEqual(updates.map((e: { after: { status: string } }) => e.after.status), ['open', 'pending', 'solved', 'closed']);
  });

  it('an agent reply opens a new ticket; a customer reply reopens a solved one', async () => {
    const ticket = await createTicket(t);
    const reply = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'We are on it.' } });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.ticket.status, 'open');
    assert.equal(reply.body.message.direction, 'outbound');
    const solve = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Fixed.', status: 'solved' } });
    assert.equal(solve.body.ticket.status, 'solved');
    const back = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Not fixed!', from: 'requester' } });
    assert.equal(back.status, 201);
    assert.equal(back.body.ticket.status, 'open');
    assert.equal(back.body.message.author.type, 'customer');
  });

  it('a customer message on a closed ticket starts a linked follow-up with the same owner', async () => {
    const ticket = await createTicket(t);
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'closed' } });
    const res = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'One more thing', from: 'requester' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.followUp, true);
    assert.notEqual(res.body.ticket.id, ticket.id);
    assert.equal(res.body.ticket.followUpOfId, ticket.id);
    assert.equal(res.body.ticket.ownerId, ticket.ownerId);
    const old = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(old.body.messages.length, 1, 'the closed ticket is unchanged');
    const agentReply = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'hi' } });
    assert.equal(agentReply.status, 422);
    assert.equal(agentReply.body.error.code, 'ticket_closed');
  });

  it('internal notes do not change the status and are not from customers', async () => {
    const ticket = await createTicket(t);
    const note = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Checked the ledger', kind: 'note' } });
    assert.equal(note.status, 201);
    assert.equal(note.body.ticket.status, 'new');
    assert.equal(note.body.message.kind, 'note');
    const bad = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'x', kind: 'note', from: 'requester' } });
    assert.equal(bad.status, 422);
  });

  it('refuses ownership changes through PATCH and points to handoffs', async () => {
    const ticket = await createTicket(t);
    const other = await t.agent();
    const res = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { ownerId: other.agentId } });
    assert.equal(res.status, 422);
    assert.match(res.body.error.message, /handoff/);
  });

  it('sanitises HTML bodies: no scripts or event handlers reach a browser', async () => {
    const ticket = await createTicket(t, {
      body: 'see html',
      bodyHtml: '<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">x</a><img src="https://x/y.png" onerror="boom()"></p>',
    });
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    const html: string = detail.body.messages[0].bodyHtml;
    assert.ok(html.includes('Hello'));
    assert.doesNotMatch(html, /script|onclick|onerror|javascript:/i);
  });

  it('filters by tag, priority, owner and status', async () => {
    const mine = await t.agent();
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Filters', memberIds: [mine.agentId] } });
    const urgent = await createTicket(t, { priority: 'urgent', tags: ['VIP', 'vip', 'billing'], teamId: team.body.id });
    await createTicket(t, { priority: 'low', tags: ['billing'], teamId: team.body.id });
    const byTag = await t.call({ method: 'GET', url: '/api/v1/tickets?tag=vip' });
    assert.deepEqual(byTag.body.items.map((i: { id: string }) => i.id), [urgent.id]);
    assert.deepEqual(byTag.body.items[0].tags, ['vip', 'billing']);
    const byOwner = await t.call({ method: 'GET', url: `/api/v1/tickets?ownerId=${mine.agentId}&priority=urgent` });
    assert.deepEqual(byOwner.body.items.map((i: { id: string }) => i.id), [urgent.id]);
    const queue = await t.call({ method: 'GET', url: `/api/v1/tickets?teamId=${team.body.id}&status=new&sort=priority` });
    assert.deepEqual(queue.body.items.map((i: { priority: string }) => i.priority), ['urgent', 'low']);
  });

  it('returns 404 for a ticket that does not exist and 400 for an id that is not a UUID', async () => {
    const missing = await t.call({ method: 'GET', url: '/api/v1/tickets/00000000-0000-4000-8000-000000000000' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not_found');
    const bad = await t.call({ method: 'GET', url: '/api/v1/tickets/42' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /id/);
  });

  it('closing keeps the time the ticket was solved; reopening clears it', async () => {
    const ticket = await createTicket(t);
    const solved = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    const solvedAt = solved.body.solvedAt;
    assert.ok(solvedAt);
    const reopened = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'open' } });
    assert.equal(reopened.body.solvedAt, null);
    const again = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    await new Promise((r) => setTimeout(r, 20));
    const closed = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'closed' } });
    assert.equal(closed.body.solvedAt, again.body.solvedAt);
    assert.ok(closed.body.closedAt > closed.body.solvedAt);
  });
});
