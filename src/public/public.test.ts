import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../test/helpers.ts';

const submit = (t: TestApp, payload: unknown, headers: Record<string, string> = {}) =>
  t.call({ method: 'POST', url: '/api/v1/public/tickets', payload: payload as object, as: null, headers });

let n = 0;
const ip = () => `10.1.${Math.floor(++n / 250)}.${n % 250}`;
const valid = (over: Record<string, unknown> = {}) => ({ name: 'Rosa Díaz', email: `rosa${++n}@example.com`, subject: 'Parcel missing', body: 'My parcel has not arrived.', ...over });

describe('public ticket API', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const counts = async () => {
    const [tickets, customers, messages] = await Promise.all(['tickets', 'customers', 'messages'].map((tb) =>
      t.database.db.selectFrom(tb as 'tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()));
    return { tickets: Number(tickets!.n), customers: Number(customers!.n), messages: Number(messages!.n) };
  };

  it('opens a web ticket for the customer found or created by email, and answers with the reference and ETA', async () => {
    const body = valid({ email: '  Rosa.First@Example.COM ' });
    const res = await submit(t, body, { 'x-forwarded-for': ip() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.reference, /^#\d+$/);
    assert.equal(res.body.reference, `#${res.body.number}`);
    assert.ok(res.body.expectedReplyBy, 'an expected reply time');
    assert.ok(new Date(res.body.expectedReplyBy).getTime() > Date.now() - 60_000);
    const ticket = await t.database.db.selectFrom('tickets').selectAll().where('number', '=', res.body.number).executeTakeFirstOrThrow();
    assert.equal(ticket.channel, 'web');
    assert.equal(ticket.subject, 'Parcel missing');
    const identity = await t.database.db.selectFrom('customer_identities').selectAll().where('customer_id', '=', ticket.requester_id).executeTakeFirstOrThrow();
    assert.equal(identity.value, 'rosa.first@example.com');
    const customer = await t.database.db.selectFrom('customers').select('name').where('id', '=', ticket.requester_id).executeTakeFirstOrThrow();
    assert.equal(customer.name, 'Rosa Díaz');
    // The same address again lands on the same customer.
    const again = await submit(t, { ...body, subject: 'Second question' }, { 'x-forwarded-for': ip() });
    assert.equal(again.status, 201);
    const second = await t.database.db.selectFrom('tickets').select('requester_id').where('number', '=', again.body.number).executeTakeFirstOrThrow();
    assert.equal(second.requester_id, ticket.requester_id);
  });

  it('stores nothing when the honeypot is filled, yet answers like a success', async () => {
    const before = await counts();
    const res = await submit(t, valid({ website: 'http://spam.example' }), { 'x-forwarded-for': ip() });
    assert.equal(res.status, 201);
    assert.match(res.body.reference, /^#\d+$/);
    assert.deepEqual(await counts(), before);
  });

  it('stores scripts in every field as text', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await submit(t, valid({ name: evil, subject: evil, body: evil }), { 'x-forwarded-for': ip() });
    assert.equal(res.status, 201);
    const ticket = await t.database.db.selectFrom('tickets').selectAll().where('number', '=', res.body.number).executeTakeFirstOrThrow();
    assert.equal(ticket.subject, evil);
    const m = await t.database.db.selectFrom('messages').select(['body_text', 'body_html']).where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
    assert.equal(m.body_text, evil);
    assert.equal(m.body_html, null);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const before = await counts();
    const cases: [unknown, string][] = [
      [valid({ email: 'not-an-email' }), 'email'],
      [valid({ email: '' }), 'email'],
      [valid({ email: `${'a'.repeat(330)}@example.com` }), 'email'],
      [valid({ subject: '' }), 'subject'],
      [valid({ subject: '   ' }), 'subject'],
      [valid({ subject: 'x'.repeat(201) }), 'subject'],
      [valid({ subject: 'two\nlines' }), 'subject'],
      [valid({ body: '' }), 'body'],
      [valid({ body: 'x'.repeat(20_001) }), 'body'],
      [valid({ body: 'nul\u0000byte' }), 'body'],
      [valid({ name: 'n'.repeat(201) }), 'name'],
      [valid({ email: 42 }), 'email'],
      [valid({ extra: 1 }), 'body'],
      [{}, 'email'],
    ];
    for (const [payload, field] of cases) {
      const res = await submit(t, payload, { 'x-forwarded-for': ip() });
      assert.equal(res.status, 400, `${JSON.stringify(payload).slice(0, 80)} → ${res.status}`);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.ok(JSON.stringify(res.body.error).includes(field), `${field} named in ${JSON.stringify(res.body.error)}`);
    }
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() }, payload: JSON.stringify(valid({ body: 'x'.repeat(3 * 1024 * 1024) })) });
    assert.equal(huge.statusCode, 413);
    assert.equal(JSON.parse(huge.body).error.code, 'payload_too_large');
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/public/tickets', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() }, payload: '{"email":' });
    assert.equal(malformed.statusCode, 400);
    assert.deepEqual(await counts(), before);
  });

  it('limits one address to 5 new form and widget tickets an hour, counted in the database', async () => {
    const email = `busy${++n}@example.com`;
    for (let i = 0; i < 5; i++) {
      const res = await submit(t, valid({ email, subject: `Question ${i}` }), { 'x-forwarded-for': ip() });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const before = await counts();
    const sixth = await submit(t, valid({ email: email.toUpperCase() }), { 'x-forwarded-for': ip() });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.error.code, 'rate_limited');
    assert.match(sixth.body.error.message, /email: .*5 requests in the last hour/);
    assert.deepEqual(await counts(), before);
    // Another address from the same IP is not affected.
    assert.equal((await submit(t, valid(), { 'x-forwarded-for': ip() })).status, 201);
    // Tickets older than an hour no longer count.
    await sql`update tickets set created_at = created_at - interval '2 hours'
      where requester_id in (select customer_id from customer_identities where value = ${email})`.execute(t.database.db);
    assert.equal((await submit(t, valid({ email }), { 'x-forwarded-for': ip() })).status, 201);
  });

  it('limits one IP to 10 submissions a minute', async () => {
    const from = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await submit(t, valid(), { 'x-forwarded-for': from })).status);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(201));
    assert.equal(statuses[10], 429);
    const other = await submit(t, valid(), { 'x-forwarded-for': ip() });
    assert.equal(other.status, 201);
  });
});

describe('CORS for the widget origins', () => {
  let t: TestApp;
  const site = 'https://shop.example';
  before(async () => {
    t = await testApp();
    const res = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { widgetOrigins: [site, 'http://localhost:5173'] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(() => t.close());

  it('answers an allowed origin with CORS headers, on the public API and on suggestions', async () => {
    const res = await submit(t, valid(), { origin: site, 'x-forwarded-for': ip() });
    assert.equal(res.status, 201);
    assert.equal(res.headers['access-control-allow-origin'], site);
    const s = await t.call({ method: 'POST', url: '/api/v1/knowledge/suggest', payload: { body: 'where is my parcel' }, as: null, headers: { origin: site } });
    assert.equal(s.status, 200);
    assert.equal(s.headers['access-control-allow-origin'], site);
  });

  it('answers a preflight from an allowed origin, and none from another origin or for another path', async () => {
    const pre = (origin: string, url = '/api/v1/public/tickets') => t.app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const ok = await pre(site);
    assert.equal(ok.statusCode, 204);
    assert.equal(ok.headers['access-control-allow-origin'], site);
    assert.match(String(ok.headers['access-control-allow-methods']), /POST/);
    assert.match(String(ok.headers['access-control-allow-headers']), /content-type/);
    const evil = await pre('https://evil.example');
    assert.equal(evil.headers['access-control-allow-origin'], undefined);
    assert.notEqual(evil.statusCode, 204);
    const agentApi = await pre(site, '/api/v1/tickets');
    assert.equal(agentApi.headers['access-control-allow-origin'], undefined);
  });

  it('gives another origin no CORS headers (the browser then refuses the answer)', async () => {
    const res = await submit(t, valid(), { origin: 'https://evil.example', 'x-forwarded-for': ip() });
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    const agent = await t.call({ method: 'GET', url: '/api/v1/tickets', headers: { origin: site } });
    assert.equal(agent.headers['access-control-allow-origin'], undefined);
  });
});

describe('customer-facing workspace settings', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('reads and changes widget origins, portal organization tickets, survey scale and quiet days', async () => {
    const start = await t.call({ method: 'GET', url: '/api/v1/workspace' });
    assert.deepEqual(
      { o: start.body.widgetOrigins, p: start.body.portalOrganizationTickets, s: start.body.surveyScale, q: start.body.surveyQuietDays },
      { o: [], p: false, s: 'five', q: 30 },
    );
    const res = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { widgetOrigins: ['https://Shop.Example/', 'https://shop.example:8443', 'https://shop.example'], portalOrganizationTickets: true, surveyScale: 'binary', surveyQuietDays: 0 } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.widgetOrigins, ['https://shop.example', 'https://shop.example:8443']);
    assert.equal(res.body.portalOrganizationTickets, true);
    assert.equal(res.body.surveyScale, 'binary');
    assert.equal(res.body.surveyQuietDays, 0);
    const ev = await t.database.db.selectFrom('events').select('after').where('action', '=', 'workspace.updated').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.ok(JSON.stringify(ev.after).includes('shop.example:8443'));
  });

  it('refuses bad values naming the field, and agents who are not admins', async () => {
    const bad: [object, string][] = [
      [{ widgetOrigins: ['https://shop.example/path'] }, 'widgetOrigins'],
      [{ widgetOrigins: ['http://shop.example'] }, 'widgetOrigins'],
      [{ widgetOrigins: ['javascript:alert(1)'] }, 'widgetOrigins'],
      [{ widgetOrigins: ['*'] }, 'widgetOrigins'],
      [{ widgetOrigins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) }, 'widgetOrigins'],
      [{ widgetOrigins: 'https://shop.example' }, 'widgetOrigins'],
      [{ surveyScale: 'ten' }, 'surveyScale'],
      [{ surveyQuietDays: 400 }, 'surveyQuietDays'],
      [{ surveyQuietDays: -1 }, 'surveyQuietDays'],
      [{ portalOrganizationTickets: 'yes' }, 'portalOrganizationTickets'],
    ];
    for (const [payload, field] of bad) {
      const res = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload });
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.ok(res.body.error.message.startsWith(field), res.body.error.message);
    }
    const agent = await t.agent();
    const res = await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { surveyScale: 'binary' }, as: agent });
    assert.equal(res.status, 403);
  });
});
