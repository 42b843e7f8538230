import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';

describe('customers and organizations', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('stores several identities, an organization and expectations, and returns them with recent tickets', async () => {
    const org = await t.call({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Acme Ltd', domains: ['ACME.example'], expectations: { plan: 'Enterprise', responseTimeMinutes: 240 } },
    });
    assert.equal(org.status, 201);
    assert.deepEqual(org.body.domains, ['acme.example']);
    const c = await t.call({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        name: 'Grace Hopper',
        emails: ['Grace@Acme.example', 'grace.h@home.example'],
        phones: ['+44 (0)20 7946-0958'],
        externalIds: ['crm-1906'],
        organizationId: org.body.id,
        timezone: 'Europe/London',
        expectations: { plan: 'Enterprise', responseTimeMinutes: 240, namedContact: 'Sam from sales', promises: ['onboarding call in week 1'] },
      },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.deepEqual(c.body.emails.sort(), ['grace.h@home.example', 'grace@acme.example']);
    assert.deepEqual(c.body.phones, ['+44(0)2079460958'.replace(/[()]/g, '')]);
    const ticket = await createTicket(t, { requester: { email: 'GRACE.H@home.example' } });
    assert.equal(ticket.requesterId, c.body.id, 'a ticket from any of her addresses is hers');
    const got = await t.call({ method: 'GET', url: `/api/v1/customers/${c.body.id}` });
    assert.equal(got.status, 200);
    assert.equal(got.body.organization.name, 'Acme Ltd');
    assert.equal(got.body.expectations.responseTimeMinutes, 240);
    assert.equal(got.body.expectations.namedContact, 'Sam from sales');
    assert.deepEqual(got.body.recentTickets.map((r: { id: string }) => r.id), [ticket.id]);
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.requester.expectations.plan, 'Enterprise', 'expectations are shown beside the ticket');
    const orgAfter = await t.call({ method: 'GET', url: `/api/v1/organizations/${org.body.id}` });
    assert.equal(orgAfter.body.customerCount, 1);
  });

  it('refuses an identity that already belongs to another customer, and writes nothing', async () => {
    await t.call({ method: 'POST', url: '/api/v1/customers', payload: { name: 'First', emails: ['taken@example.com'] } });
    const countBefore = await t.database.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.call({ method: 'POST', url: '/api/v1/customers', payload: { name: 'Second', emails: ['fresh@example.com', 'TAKEN@example.com'] } });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'already_exists');
    assert.match(res.body.error.message, /taken@example.com/);
    const countAfter = await t.database.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(countAfter.n), Number(countBefore.n));
    const fresh = await t.database.db.selectFrom('customer_identities').select('id').where('value', '=', 'fresh@example.com').execute();
    assert.equal(fresh.length, 0);
  });

  it('updates fields and replaces identities of one kind, keeping the others', async () => {
    const c = await t.call({ method: 'POST', url: '/api/v1/customers', payload: { name: 'Linus', emails: ['l@old.example'], phones: ['+15550001'] } });
    const res = await t.call({ method: 'PATCH', url: `/api/v1/customers/${c.body.id}`, payload: { emails: ['l@new.example'], attributes: { tier: 'gold' } } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.emails, ['l@new.example']);
    assert.deepEqual(res.body.phones, ['+15550001']);
    assert.deepEqual(res.body.attributes, { tier: 'gold' });
    const events = await t.database.db.selectFrom('events').select('action').where('entity_id', '=', c.body.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), ['customer.created', 'customer.updated']);
  });

  it('finds customers by a fragment of name, email or phone', async () => {
    await t.call({ method: 'POST', url: '/api/v1/customers', payload: { name: 'Zora Neale', emails: ['zora@harlem.example'] } });
    for (const q of ['zora', 'NEALE', 'harlem.ex']) {
      const res = await t.call({ method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((i: { name: string }) => i.name), ['Zora Neale'], q);
    }
    const none = await t.call({ method: 'GET', url: '/api/v1/customers?q=%25' });
    assert.equal(none.body.items.length, 0, 'a % is a literal, not a wildcard');
  });

  it('two tickets from a new address at the same time create one customer', async () => {
    const [a, b] = await Promise.all([
      createTicket(t, { requester: { email: 'race@example.com' } }),
      createTicket(t, { requester: { email: 'race@example.com' } }),
    ]);
    assert.equal(a.requesterId, b.requesterId);
    const ids = await t.database.db.selectFrom('customer_identities').select('customer_id').where('value', '=', 'race@example.com').execute();
    assert.equal(ids.length, 1);
  });

  it('lists organizations by name with cursor pagination', async () => {
    for (const name of ['Beta Co', 'Alpha Co', 'Gamma Co']) await t.call({ method: 'POST', url: '/api/v1/organizations', payload: { name } });
    const dup = await t.call({ method: 'POST', url: '/api/v1/organizations', payload: { name: 'alpha co' } });
    assert.equal(dup.status, 409);
    const first = await t.call({ method: 'GET', url: '/api/v1/organizations?q=co&limit=2' });
    assert.deepEqual(first.body.items.map((o: { name: string }) => o.name), ['Alpha Co', 'Beta Co']);
    const second = await t.call({ method: 'GET', url: `/api/v1/organizations?q=co&limit=2&cursor=${first.body.nextCursor}` });
    assert.deepEqual(second.body.items.map((o: { name: string }) => o.name), ['Gamma Co']);
    assert.equal(second.body.nextCursor, null);
  });
});
