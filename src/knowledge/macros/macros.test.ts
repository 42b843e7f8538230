import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type Caller, type TestApp } from '../../../test/helpers.ts';

describe('macros API', () => {
  let t: TestApp;
  let agent: Caller;
  let n = 0;
  const macro = async (overrides: Record<string, unknown> = {}) => {
    n += 1;
    const res = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: `Macro ${n}`, body: 'Hi {{customer.firstName}},', ...overrides } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const countMacros = async () => Number((await t.database.db.selectFrom('macros').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await testApp();
    agent = await t.agent({ name: 'Sam Reed' });
  });
  after(() => t.close());

  it('creates, reads, updates and deletes a macro with defaults', async () => {
    const created = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: 'Refund sent', body: 'Hi {{ customer.firstName }}, your refund is on its way.' } });
    assert.equal(created.status, 201);
    const m = created.body;
    assert.deepEqual(
      { name: m.name, actions: m.actions, tags: m.tags, active: m.active, usageCount: m.usageCount },
      { name: 'Refund sent', actions: [], tags: [], active: true, usageCount: 0 },
    );
    assert.match(m.createdAt, /Z$/);
    const got = await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}`, as: agent });
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, m);
    const patched = await t.call({
      method: 'PATCH',
      url: `/api/v1/macros/${m.id}`,
      payload: { actions: [{ type: 'add_tag', tag: 'Refund' }, { type: 'set_status', status: 'pending' }], tags: ['billing'], active: false },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(patched.body.actions, [{ type: 'add_tag', tag: 'refund' }, { type: 'set_status', status: 'pending' }]);
    assert.deepEqual(patched.body.tags, ['billing']);
    assert.equal(patched.body.active, false);
    assert.equal(patched.body.body, m.body, 'fields not given stay');
    const events = await t.database.db.selectFrom('events').select('action').where('entity', '=', 'macro').where('entity_id', '=', m.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['macro.created', 'macro.updated']);
    assert.equal((await t.call({ method: 'DELETE', url: `/api/v1/macros/${m.id}` })).status, 204);
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).status, 404);
    assert.equal((await t.call({ method: 'DELETE', url: `/api/v1/macros/${m.id}` })).status, 404);
  });

  it('refuses a name already used, whatever its case, on create and on rename', async () => {
    const a = await macro({ name: 'Password reset' });
    const dup = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: '  PASSWORD RESET ', body: 'x' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'conflict');
    assert.match(dup.body.error.message, /^name: /);
    const b = await macro({ name: 'Other' });
    const rename = await t.call({ method: 'PATCH', url: `/api/v1/macros/${b.id}`, payload: { name: 'password Reset' } });
    assert.equal(rename.status, 409);
    assert.equal(rename.body.error.code, 'conflict');
    const self = await t.call({ method: 'PATCH', url: `/api/v1/macros/${a.id}`, payload: { name: 'Password Reset' } });
    assert.equal(self.status, 200, 'a macro may change the case of its own name');
    assert.equal(self.body.name, 'Password Reset');
  });

  it('refuses unknown placeholders in the body, listing them', async () => {
    const before = await countMacros();
    const res = await t.call({ method: 'POST', url: '/api/v1/macros', payload: { name: 'Bad ph', body: 'Hi {{ customer.phone }} {{order.id}} {{customer.name}}' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.match(res.body.error.message, /^body: /);
    assert.match(res.body.error.message, /customer\.phone/);
    assert.match(res.body.error.message, /order\.id/);
    assert.doesNotMatch(res.body.error.message, /customer\.name/);
    assert.equal(await countMacros(), before, 'nothing written');
    const m = await macro();
    const patch = await t.call({ method: 'PATCH', url: `/api/v1/macros/${m.id}`, payload: { body: '{{agent.email}}' } });
    assert.equal(patch.status, 400);
    assert.match(patch.body.error.message, /agent\.email/);
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).body.body, m.body);
  });

  it('lists by name ignoring case, a page at a time, filtered by active and q', async () => {
    const fresh = await testApp();
    try {
      for (const [name, active] of [['banana', true], ['Apple', true], ['cherry', false], ['apricot', true], ['Date', true]] as const) {
        assert.equal((await fresh.call({ method: 'POST', url: '/api/v1/macros', payload: { name, body: `About ${name}`, active } })).status, 201);
      }
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: { name: string }[]; nextCursor: string | null } } = await fresh.call({
          method: 'GET',
          url: `/api/v1/macros?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        });
        assert.equal(res.status, 200);
        assert.ok(res.body.items.length <= 2);
        names.push(...res.body.items.map((i) => i.name));
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.deepEqual(names, ['Apple', 'apricot', 'banana', 'cherry', 'Date']);
      const active = await fresh.call({ method: 'GET', url: '/api/v1/macros?active=false' });
      assert.deepEqual(active.body.items.map((i: { name: string }) => i.name), ['cherry']);
      const q = await fresh.call({ method: 'GET', url: '/api/v1/macros?q=AP' });
      assert.deepEqual(q.body.items.map((i: { name: string }) => i.name), ['Apple', 'apricot']);
      const bad = await fresh.call({ method: 'GET', url: '/api/v1/macros?cursor=nope' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /^cursor/);
    } finally {
      await fresh.close();
    }
  });

  it('renders a macro for a ticket with its data and the calling agent, changing nothing', async () => {
    const ticket = await createTicket(t, { subject: 'Card <b>late</b>', requester: { email: 'Maria.Lopez@example.com', name: 'Maria Lopez' } });
    const m = await macro({
      body: 'Hi {{customer.firstName}} ({{ customer.email }}), re #{{ticket.number}} "{{ticket.subject}}" [{{ticket.status}}]. {{agent.firstName}} at {{workspace.name}}',
      actions: [{ type: 'set_status', status: 'pending' }],
    });
    const ws = await t.database.db.selectFrom('workspace').select('name').executeTakeFirstOrThrow();
    const res = await t.call({ method: 'POST', url: `/api/v1/macros/${m.id}/render`, payload: { ticketId: ticket.id }, as: agent });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.body, `Hi Maria (maria.lopez@example.com), re #${ticket.number} "Card <b>late</b>" [new]. Sam at ${ws.name}`);
    assert.deepEqual(res.body.actions, [{ type: 'set_status', status: 'pending' }]);
    const after = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(after.body.status, 'new');
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).body.usageCount, 0);
  });

  it('falls back to "there" for a customer without a name', async () => {
    const ticket = await createTicket(t, { requester: { email: 'nameless@example.com' } });
    const m = await macro({ body: 'Hi {{customer.firstName}}, dear {{customer.name}}.' });
    const res = await t.call({ method: 'POST', url: `/api/v1/macros/${m.id}/render`, payload: { ticketId: ticket.id } });
    assert.equal(res.body.body, 'Hi there, dear there.');
  });

  it('applies actions, counts the use, records events and returns the body and ticket', async () => {
    const ticket = await createTicket(t, { tags: ['vip', 'refund'], requester: { email: 'apply@example.com', name: 'Ola Nordmann' } });
    const m = await macro({
      body: 'Hi {{customer.firstName}}, we are waiting on you (status: {{ticket.status}}).',
      actions: [{ type: 'set_status', status: 'pending' }, { type: 'add_tag', tag: 'macro-used' }, { type: 'remove_tag', tag: 'refund' }, { type: 'add_tag', tag: 'vip' }],
    });
    const res = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply`, as: agent });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.body, 'Hi Ola, we are waiting on you (status: pending).');
    assert.equal(res.body.ticket.id, ticket.id);
    assert.equal(res.body.ticket.status, 'pending');
    assert.deepEqual(res.body.ticket.tags, ['vip', 'macro-used']);
    const stored = await t.database.db.selectFrom('tickets').select(['status', 'tags']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'pending', tags: ['vip', 'macro-used'] });
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).body.usageCount, 1);
    const events = await t.database.db.selectFrom('events').select(['action', 'actor_id']).where('ticket_id', '=', ticket.id).orderBy('id').execute();
    assert.deepEqual(events.slice(-2), [
      { action: 'ticket.updated', actor_id: agent.agentId },
      { action: 'macro.applied', actor_id: agent.agentId },
    ]);
    const messages = await t.database.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute();
    assert.equal(messages.length, 1, 'applying sends no reply');
    const again = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply` });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.ticket.tags, ['vip', 'macro-used']);
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).body.usageCount, 2);
  });

  it('applies nothing when the status machine refuses the move', async () => {
    const ticket = await createTicket(t, { tags: ['keep'] });
    const m = await macro({ actions: [{ type: 'add_tag', tag: 'added' }, { type: 'remove_tag', tag: 'keep' }, { type: 'set_status', status: 'closed' }] });
    const eventsBefore = await t.database.db.selectFrom('events').select('id').where('ticket_id', '=', ticket.id).execute();
    const res = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply` });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'invalid_transition');
    const stored = await t.database.db.selectFrom('tickets').select(['status', 'tags']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'new', tags: ['keep'] });
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).body.usageCount, 0);
    const eventsAfter = await t.database.db.selectFrom('events').select('id').where('ticket_id', '=', ticket.id).execute();
    assert.equal(eventsAfter.length, eventsBefore.length);
  });

  it('refuses to render or apply an inactive macro, naming it', async () => {
    const ticket = await createTicket(t, { tags: ['x'] });
    const m = await macro({ name: 'Old greeting', active: false, actions: [{ type: 'add_tag', tag: 'y' }] });
    const render = await t.call({ method: 'POST', url: `/api/v1/macros/${m.id}/render`, payload: { ticketId: ticket.id } });
    assert.equal(render.status, 409);
    assert.equal(render.body.error.code, 'conflict');
    assert.match(render.body.error.message, /Old greeting/);
    const apply = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply` });
    assert.equal(apply.status, 409);
    assert.match(apply.body.error.message, /Old greeting/);
    const stored = await t.database.db.selectFrom('tickets').select('tags').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored.tags, ['x']);
  });

  it('lets only admins write; agents read, render and apply', async () => {
    const m = await macro();
    const ticket = await createTicket(t);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/macros', { name: 'By agent', body: 'x' }],
      ['PATCH', `/api/v1/macros/${m.id}`, { name: 'By agent' }],
      ['DELETE', `/api/v1/macros/${m.id}`, undefined],
    ] as const) {
      const res = await t.call({ method, url, payload, as: agent });
      assert.equal(res.status, 403, `${method} ${url}`);
      assert.equal(res.body.error.code, 'forbidden');
    }
    assert.equal((await t.call({ method: 'GET', url: '/api/v1/macros', as: agent })).status, 200);
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/macros/${m.id}/render`, payload: { ticketId: ticket.id }, as: agent })).status, 200);
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply`, as: agent })).status, 200);
    assert.equal((await t.call({ method: 'GET', url: '/api/v1/macros', as: null })).status, 401);
    assert.equal((await t.call({ method: 'GET', url: `/api/v1/macros/${m.id}` })).body.name, m.name, 'the refused rename changed nothing');
  });
});
