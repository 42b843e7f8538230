/**
 * Bad input on every route: malformed, empty, oversized and mistyped bodies, non-JSON content types, ids that
 * are not UUIDs or point at nothing, hostile strings, and broken list parameters. Every refusal must carry
 * {error:{code,message}} with a catalogue code and its status, name the field at fault, leak no stack trace or
 * SQL, and leave the database exactly as it was.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { errorStatus, type ErrorCode } from '../src/http/errors.ts';
import { createTicket, testApp, type Caller, type TestApp } from './helpers.ts';
import { notify } from '../src/notifications/service.ts';

type Res = Awaited<ReturnType<TestApp['call']>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A well-formed v4 UUID that no row has. */
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const JSON_TYPE = { 'content-type': 'application/json' };

// ---------------------------------------------------------------------------------------------------------------
// Assertions shared by every test of this file

const stackLine = /\n\s*at\s|\bat\s+[\w$.<>[\]]+\s+\(|node:internal|node_modules|\.[cm]?[jt]s:\d+:\d+/;
const sqlText =
  /\bselect\s+[\w*"(]|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+"?\w+"?\s+set\b|syntax error at or near|violates\s.*constraint|duplicate key value|invalid input syntax|relation\s+"/i;

/** No stack trace, SQL text or framework internals in an error body. */
function assertNoInternals(res: Res) {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  assert.doesNotMatch(text, stackLine, `a stack trace leaked: ${text.slice(0, 400)}`);
  assert.doesNotMatch(text, sqlText, `SQL text leaked: ${text.slice(0, 400)}`);
  assert.doesNotMatch(text, /FST_ERR_|ZodError|TypeError|ReferenceError|PGlite|postgres/i, `internals leaked: ${text.slice(0, 400)}`);
}

/** The fields an error names: in its message, in details[].field, or in details.field. */
function namesField(error: { message: string; details?: unknown }, field: string): boolean {
  if (error.message.includes(field)) return true;
  const d = error.details;
  if (Array.isArray(d)) return d.some((x) => typeof x?.field === 'string' && x.field.includes(field));
  if (d && typeof d === 'object' && typeof (d as { field?: unknown }).field === 'string') return (d as { field: string }).field.includes(field);
  return false;
}

/** An error response: the status of its catalogue code, the {error:{code,message}} shape, the field named, nothing leaked. */
function assertError(res: Res, code: ErrorCode | ErrorCode[], field?: string) {
  const codes = Array.isArray(code) ? code : [code];
  const where = `${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 400) : JSON.stringify(res.body)?.slice(0, 400)}`;
  assert.ok(
    codes.some((c) => errorStatus[c] === res.status),
    `status ${res.status} is not the status of ${codes.join(' or ')}: ${where}`,
  );
  assert.match(String(res.headers['content-type']), /^application\/json/, `error bodies are JSON: ${where}`);
  assert.ok(res.body && typeof res.body === 'object' && !Array.isArray(res.body), `error body is an object: ${where}`);
  assert.deepEqual(Object.keys(res.body), ['error'], `the body holds only "error": ${where}`);
  const e = res.body.error;
  assert.ok(e && typeof e === 'object', where);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'details'].includes(k), `unexpected key error.${k}: ${where}`);
  assert.ok(Object.hasOwn(errorStatus, e.code), `code ${e.code} is in the catalogue: ${where}`);
  assert.ok(codes.includes(e.code), `expected code ${codes.join(' or ')}: ${where}`);
  assert.equal(errorStatus[e.code as ErrorCode], res.status, `the status is the catalogue status of ${e.code}: ${where}`);
  assert.equal(typeof e.message, 'string', where);
  assert.ok(e.message.trim().length > 0, `the message says something: ${where}`);
  if (e.code === 'validation_failed' && e.details !== undefined) {
    assert.ok(Array.isArray(e.details), `validation details are a list: ${where}`);
    for (const d of e.details) assert.equal(typeof d.field, 'string', where);
  }
  if (field) assert.ok(namesField(e, field), `the error names the field "${field}": ${where}`);
  assertNoInternals(res);
}

// ---------------------------------------------------------------------------------------------------------------
// The whole database, fingerprinted: a refused request must leave every row as it was.

const fingerprinted: Record<string, string> = {
  agents: 'x::text',
  teams: 'x::text',
  team_members: 'x::text',
  workspace: 'x::text',
  organizations: 'x::text',
  customers: 'x::text',
  customer_identities: 'x::text',
  tickets: 'x::text',
  messages: 'x::text',
  handoffs: 'x::text',
  events: 'x::text',
  attachments: 'x::text',
  commitments: 'x::text',
  notifications: 'x::text',
  business_calendars: 'x::text',
  sla_policies: 'x::text',
  sla_clocks: 'x::text',
  // last_used_at may legitimately move on any authenticated request
  auth_tokens: '(x.id, x.agent_id, x.kind, x.name, x.token_hash, x.csrf_token, x.expires_at, x.revoked_at)::text',
};
const snapshotQuery = `select ${Object.entries(fingerprinted)
  .map(([table, row]) => `(select count(*) || ':' || md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) from ${table} x) as ${table}`)
  .join(', ')}`;

// ---------------------------------------------------------------------------------------------------------------

const slaTarget = { firstResponse: 60, nextResponse: 60, resolution: 600 };
const slaTargets = { urgent: slaTarget, high: slaTarget, normal: slaTarget, low: slaTarget };
const week = [{ day: 1, start: '09:00', end: '17:00' }];

type Fixtures = {
  ticket: { id: string; requesterId: string };
  ticket2: { id: string };
  customer: { id: string; email: string };
  customer2: { id: string; email: string };
  org: { id: string; name: string };
  team: { id: string; name: string };
  agent: Caller;
  /** Only ever sent to logout with a body that must be refused, so its token must survive. */
  logoutAgent: Caller;
  tokenId: string;
  commitment: { id: string };
  notificationId: string;
  calendarId: string;
  policyId: string;
};

describe('bad input', () => {
  let t: TestApp;
  let f: Fixtures;

  const snapshot = async () => (await sql.raw<Record<string, string>>(snapshotQuery).execute(t.database.db)).rows[0]!;
  /** Runs the requests and asserts the database did not change. */
  async function unchanged<T>(fn: () => Promise<T>): Promise<T> {
    const beforeRows = await snapshot();
    const result = await fn();
    assert.deepEqual(await snapshot(), beforeRows, 'a refused request must change nothing in the database');
    return result;
  }
  const call = (method: string, url: string, payload?: unknown, as?: Caller | null) =>
    t.call({ method: method as 'GET', url, payload: payload as object, as });
  const raw = (method: string, url: string, payload: string, headers: Record<string, string> = JSON_TYPE, as?: Caller | null) =>
    t.call({ method: method as 'POST', url, payload, headers, as });

  before(async () => {
    t = await testApp();
    const ticket = await createTicket(t, { subject: 'Printer on fire', requester: { email: 'first@example.com', name: 'First' } });
    const ticket2 = await createTicket(t, { subject: 'Second question', requester: { email: 'second@example.com' } });
    const org = await call('POST', '/api/v1/organizations', { name: 'Acme Corp', domains: ['acme.test'] });
    const org2 = await call('POST', '/api/v1/organizations', { name: 'Globex' });
    const team = await call('POST', '/api/v1/teams', { name: 'Billing' });
    const token = await call('POST', '/api/v1/tokens', { name: 'fixture' });
    assert.equal(org.status, 201);
    assert.equal(org2.status, 201);
    assert.equal(team.status, 201);
    assert.equal(token.status, 201);
    f = {
      ticket,
      ticket2,
      customer: { id: ticket.requesterId, email: 'first@example.com' },
      customer2: { id: ticket2.requesterId, email: 'second@example.com' },
      org: { id: org.body.id, name: org.body.name },
      team: { id: team.body.id, name: team.body.name },
      agent: await t.agent({ name: 'Plain Agent' }),
      logoutAgent: await t.agent({ name: 'Logout Agent' }),
      tokenId: token.body.id,
      commitment: { id: '' },
      notificationId: '',
      calendarId: '',
      policyId: '',
    };
    const calendar = await call('POST', '/api/v1/business-hours', { name: 'Fixture hours', timeZone: 'Europe/Paris', periods: [{ day: 1, start: '09:00', end: '17:00' }] });
    assert.equal(calendar.status, 201, JSON.stringify(calendar.body));
    f.calendarId = calendar.body.id;
    const policy = await call('POST', '/api/v1/sla-policies', { name: 'Fixture policy', calendarId: f.calendarId, targets: slaTargets, conditions: { tags: ['fixture'] } });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    f.policyId = policy.body.id;
    // Two promises (the list pages through them) and a notification of the admin's.
    for (const text of ['Call back', 'Send the form']) {
      const c = await call('POST', `/api/v1/tickets/${ticket.id}/commitments`, { text });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      f.commitment = { id: c.body.id };
    }
    await notify(t.database.db, [{ agentId: t.admin.agentId, kind: 'test', body: 'fixture' }]);
    f.notificationId = (await t.database.db.selectFrom('notifications').select('id').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  // -------------------------------------------------------------------------------------------------------------
  describe('bodies on every POST and PATCH route', () => {
    type BodyRoute = {
      method: 'POST' | 'PATCH';
      path: string;
      url: (f: Fixtures) => string;
      /** Who calls: the admin unless said otherwise; null for public routes. */
      as?: (f: Fixtures) => Caller | null;
      /** Whether the route declares a JSON body. */
      hasBody: boolean;
      /** The first required field, named when the body is {}. */
      required?: string;
    };
    const bodyRoutes: BodyRoute[] = [
      { method: 'POST', path: '/api/v1/auth/login', url: () => '/api/v1/auth/login', as: () => null, hasBody: true, required: 'email' },
      { method: 'POST', path: '/api/v1/auth/logout', url: () => '/api/v1/auth/logout', as: (x) => x.logoutAgent, hasBody: false },
      { method: 'POST', path: '/api/v1/tokens', url: () => '/api/v1/tokens', hasBody: true, required: 'name' },
      { method: 'PATCH', path: '/api/v1/workspace', url: () => '/api/v1/workspace', hasBody: true },
      { method: 'POST', path: '/api/v1/agents', url: () => '/api/v1/agents', hasBody: true, required: 'email' },
      { method: 'PATCH', path: '/api/v1/agents/:id', url: (x) => `/api/v1/agents/${x.agent.agentId}`, hasBody: true },
      { method: 'POST', path: '/api/v1/teams', url: () => '/api/v1/teams', hasBody: true, required: 'name' },
      { method: 'PATCH', path: '/api/v1/teams/:id', url: (x) => `/api/v1/teams/${x.team.id}`, hasBody: true },
      { method: 'POST', path: '/api/v1/customers', url: () => '/api/v1/customers', hasBody: true },
      { method: 'PATCH', path: '/api/v1/customers/:id', url: (x) => `/api/v1/customers/${x.customer.id}`, hasBody: true },
      { method: 'POST', path: '/api/v1/organizations', url: () => '/api/v1/organizations', hasBody: true, required: 'name' },
      { method: 'PATCH', path: '/api/v1/organizations/:id', url: (x) => `/api/v1/organizations/${x.org.id}`, hasBody: true },
      { method: 'POST', path: '/api/v1/tickets', url: () => '/api/v1/tickets', hasBody: true, required: 'subject' },
      { method: 'PATCH', path: '/api/v1/tickets/:id', url: (x) => `/api/v1/tickets/${x.ticket.id}`, hasBody: true },
      { method: 'POST', path: '/api/v1/tickets/:id/messages', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, hasBody: true, required: 'body' },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, hasBody: true, required: 'note' },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff/accept', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/accept`, hasBody: false },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff/decline', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/decline`, hasBody: true, required: 'reason' },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff/cancel', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/cancel`, hasBody: false },
      { method: 'POST', path: '/api/v1/tickets/:id/commitments', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, hasBody: true, required: 'text' },
      { method: 'PATCH', path: '/api/v1/commitments/:id', url: (x) => `/api/v1/commitments/${x.commitment.id}`, hasBody: true },
      { method: 'POST', path: '/api/v1/tickets/:id/follow-up', url: (x) => `/api/v1/tickets/${x.ticket.id}/follow-up`, hasBody: true, required: 'remindAt' },
      { method: 'POST', path: '/api/v1/notifications/:id/read', url: (x) => `/api/v1/notifications/${x.notificationId}/read`, hasBody: false },
      { method: 'POST', path: '/api/v1/business-hours', url: () => '/api/v1/business-hours', hasBody: true, required: 'name' },
      { method: 'PATCH', path: '/api/v1/business-hours/:id', url: (x) => `/api/v1/business-hours/${x.calendarId}`, hasBody: true },
      { method: 'POST', path: '/api/v1/business-hours/:id/holidays/import', url: (x) => `/api/v1/business-hours/${x.calendarId}/holidays/import`, hasBody: true, required: 'ics' },
      { method: 'POST', path: '/api/v1/sla-policies', url: () => '/api/v1/sla-policies', hasBody: true, required: 'name' },
      { method: 'PATCH', path: '/api/v1/sla-policies/:id', url: (x) => `/api/v1/sla-policies/${x.policyId}`, hasBody: true },
      { method: 'POST', path: '/api/v1/coach', url: () => '/api/v1/coach', hasBody: true, required: 'text' },
      { method: 'POST', path: '/api/v1/tickets/:id/presence', url: (x) => `/api/v1/tickets/${x.ticket.id}/presence`, hasBody: true, required: 'state' },
    ];
    // Larger than the 2 MB body limit, and valid JSON for a ticket otherwise.
    const threeMegabytes = JSON.stringify({
      subject: 'big',
      body: 'a'.repeat(3 * 1024 * 1024),
      requester: { email: 'big@example.com' },
      email: 'big@example.com',
      password: 'x',
      name: 'big',
      note: 'big',
      reason: 'big',
    });

    for (const r of bodyRoutes) {
      describe(`${r.method} ${r.path}`, () => {
        const as = () => (r.as ? r.as(f) : undefined);

        it('refuses malformed JSON with 400', () =>
          unchanged(async () => {
            for (const text of ['{"name":', '{name: "x"}', "{'a':1}", '{"a":1,}', 'undefined', '{"a":1}{"b":2}']) {
              assertError(await raw(r.method, r.url(f), text, JSON_TYPE, as()), ['bad_request', 'validation_failed']);
            }
          }));

        it('refuses a body over the size limit with 413', () =>
          unchanged(async () => {
            assertError(await raw(r.method, r.url(f), threeMegabytes, JSON_TYPE, as()), 'payload_too_large');
          }));

        it('refuses bodies that are not JSON with 415 (or 400 for text/plain)', () =>
          unchanged(async () => {
            for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream']) {
              assertError(await raw(r.method, r.url(f), '<ticket subject="x"/>', { 'content-type': type }, as()), 'unsupported_media_type');
            }
            if (r.hasBody) {
              const res = await raw(r.method, r.url(f), 'subject=x&body=y', { 'content-type': 'text/plain' }, as());
              assertError(res, ['unsupported_media_type', 'validation_failed']);
              if (res.body.error.code === 'validation_failed') assert.ok(namesField(res.body.error, 'body'), JSON.stringify(res.body));
            }
          }));

        if (r.hasBody) {
          it('refuses a missing body, an empty JSON body and JSON that is not an object with 400 naming the body', () =>
            unchanged(async () => {
              assertError(await call(r.method, r.url(f), undefined, as()), 'validation_failed', 'body');
              assertError(await raw(r.method, r.url(f), '', JSON_TYPE, as()), ['bad_request', 'validation_failed']);
              for (const text of ['null', '[]', '[{"name":"x"}]', '"a string"', '42', 'true']) {
                assertError(await raw(r.method, r.url(f), text, JSON_TYPE, as()), 'validation_failed', 'body');
              }
            }));
        }

        if (r.required) {
          const required = r.required;
          it(`refuses {} with 400 naming the required field ${required}`, () =>
            unchanged(async () => {
              assertError(await call(r.method, r.url(f), {}, as()), 'validation_failed', required);
            }));
        }
      });
    }

    it('refuses JSON with __proto__ keys and does not pollute Object.prototype', () =>
      unchanged(async () => {
        const res = await raw('POST', '/api/v1/customers', '{"name":"Proto","attributes":{"__proto__":{"polluted":true}}}');
        assertError(res, ['bad_request', 'validation_failed']);
        const res2 = await raw('POST', '/api/v1/organizations', '{"name":"Ctor","constructor":{"prototype":{"polluted":true}}}');
        assertError(res2, ['bad_request', 'validation_failed']);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
      }));
  });

  // -------------------------------------------------------------------------------------------------------------
  describe('missing fields, wrong types and out-of-range values', () => {
    type Case = {
      name: string;
      method: Method;
      url: (f: Fixtures) => string;
      payload?: (f: Fixtures) => unknown;
      as?: (f: Fixtures) => Caller | null;
      code: ErrorCode;
      field?: string;
    };
    const U = (p: string) => () => p;
    const tag = (i: number) => `tag${i}`;
    const ticketBody = (extra: Record<string, unknown> = {}) => ({ subject: 'Hello', body: 'Help', requester: { email: 'newcomer@example.com' }, ...extra });
    const cases: Case[] = [
      // login
      { name: 'login: email of the wrong type', method: 'POST', url: U('/api/v1/auth/login'), as: () => null, payload: () => ({ email: 42, password: 'x' }), code: 'validation_failed', field: 'email' },
      { name: 'login: email that is not an address', method: 'POST', url: U('/api/v1/auth/login'), as: () => null, payload: () => ({ email: 'nobody', password: 'x' }), code: 'validation_failed', field: 'email' },
      { name: 'login: missing password', method: 'POST', url: U('/api/v1/auth/login'), as: () => null, payload: () => ({ email: 'a@example.com' }), code: 'validation_failed', field: 'password' },
      { name: 'login: empty password', method: 'POST', url: U('/api/v1/auth/login'), as: () => null, payload: () => ({ email: 'a@example.com', password: '' }), code: 'validation_failed', field: 'password' },
      { name: 'login: password of 201 characters', method: 'POST', url: U('/api/v1/auth/login'), as: () => null, payload: () => ({ email: 'a@example.com', password: 'p'.repeat(201) }), code: 'validation_failed', field: 'password' },
      { name: 'login: email of 400 characters', method: 'POST', url: U('/api/v1/auth/login'), as: () => null, payload: () => ({ email: `${'a'.repeat(390)}@example.com`, password: 'x' }), code: 'validation_failed', field: 'email' },
      // tokens
      { name: 'tokens: empty name', method: 'POST', url: U('/api/v1/tokens'), payload: () => ({ name: '' }), code: 'validation_failed', field: 'name' },
      { name: 'tokens: name of 121 characters', method: 'POST', url: U('/api/v1/tokens'), payload: () => ({ name: 'n'.repeat(121) }), code: 'validation_failed', field: 'name' },
      { name: 'tokens: name of the wrong type', method: 'POST', url: U('/api/v1/tokens'), payload: () => ({ name: ['ci'] }), code: 'validation_failed', field: 'name' },
      { name: 'tokens: agentId that is not a UUID', method: 'POST', url: U('/api/v1/tokens'), payload: () => ({ name: 'ci', agentId: 'bob' }), code: 'validation_failed', field: 'agentId' },
      { name: 'tokens: agentId of nobody', method: 'POST', url: U('/api/v1/tokens'), payload: () => ({ name: 'ci', agentId: UNKNOWN }), code: 'reference_not_found', field: 'agentId' },
      { name: 'tokens: agentId of a team', method: 'POST', url: U('/api/v1/tokens'), payload: (x) => ({ name: 'ci', agentId: x.team.id }), code: 'reference_not_found', field: 'agentId' },
      // workspace
      { name: 'workspace: empty name', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ name: '  ' }), code: 'validation_failed', field: 'name' },
      { name: 'workspace: unknown time zone', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ timezone: 'Mars/Olympus_Mons' }), code: 'validation_failed', field: 'timezone' },
      { name: 'workspace: time zone of the wrong type', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ timezone: 2 }), code: 'validation_failed', field: 'timezone' },
      { name: 'workspace: defaultOwnerId null', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ defaultOwnerId: null }), code: 'validation_failed', field: 'defaultOwnerId' },
      { name: 'workspace: defaultOwnerId that is not a UUID', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ defaultOwnerId: 'me' }), code: 'validation_failed', field: 'defaultOwnerId' },
      { name: 'workspace: defaultOwnerId of nobody', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ defaultOwnerId: UNKNOWN }), code: 'reference_not_found', field: 'defaultOwnerId' },
      { name: 'workspace: defaultOwnerId of a customer', method: 'PATCH', url: U('/api/v1/workspace'), payload: (x) => ({ defaultOwnerId: x.customer.id }), code: 'reference_not_found', field: 'defaultOwnerId' },
      { name: 'workspace: defaultTeamId of nobody', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ defaultTeamId: UNKNOWN }), code: 'reference_not_found', field: 'defaultTeamId' },
      { name: 'workspace: unknown field', method: 'PATCH', url: U('/api/v1/workspace'), payload: () => ({ name: 'Renamed', color: 'red' }), code: 'validation_failed', field: 'color' },
      // agents
      { name: 'agents: missing name', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com' }), code: 'validation_failed', field: 'name' },
      { name: 'agents: email that is not an address', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@', name: 'New' }), code: 'validation_failed', field: 'email' },
      { name: 'agents: unknown role', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com', name: 'New', role: 'root' }), code: 'validation_failed', field: 'role' },
      { name: 'agents: password shorter than 10', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com', name: 'New', password: 'short' }), code: 'validation_failed', field: 'password' },
      { name: 'agents: 51 skills', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com', name: 'New', skills: Array.from({ length: 51 }, (_, i) => tag(i)) }), code: 'validation_failed', field: 'skills' },
      { name: 'agents: skills of the wrong type', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com', name: 'New', skills: 'billing' }), code: 'validation_failed', field: 'skills' },
      { name: 'agents: unknown availability', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com', name: 'New', availability: 'busy' }), code: 'validation_failed', field: 'availability' },
      { name: 'agents: name of 121 characters', method: 'POST', url: U('/api/v1/agents'), payload: () => ({ email: 'new@example.com', name: 'n'.repeat(121) }), code: 'validation_failed', field: 'name' },
      { name: 'agents: an email already taken (any case)', method: 'POST', url: U('/api/v1/agents'), payload: (x) => ({ email: x.agent.email.toUpperCase(), name: 'Twin' }), code: 'already_exists' },
      { name: 'agents PATCH: active of the wrong type', method: 'PATCH', url: (x) => `/api/v1/agents/${x.agent.agentId}`, payload: () => ({ active: 'no' }), code: 'validation_failed', field: 'active' },
      { name: 'agents PATCH: blank name', method: 'PATCH', url: (x) => `/api/v1/agents/${x.agent.agentId}`, payload: () => ({ name: '   ' }), code: 'validation_failed', field: 'name' },
      { name: 'agents PATCH: unknown field', method: 'PATCH', url: (x) => `/api/v1/agents/${x.agent.agentId}`, payload: () => ({ name: 'Renamed', isAdmin: true }), code: 'validation_failed', field: 'isAdmin' },
      { name: 'agents PATCH: an email already taken', method: 'PATCH', url: (x) => `/api/v1/agents/${x.agent.agentId}`, payload: (x) => ({ email: x.logoutAgent.email, name: 'Renamed' }), code: 'already_exists' },
      // teams
      { name: 'teams: name of 121 characters', method: 'POST', url: U('/api/v1/teams'), payload: () => ({ name: 't'.repeat(121) }), code: 'validation_failed', field: 'name' },
      { name: 'teams: memberIds not a list', method: 'POST', url: U('/api/v1/teams'), payload: (x) => ({ name: 'Support', memberIds: x.agent.agentId }), code: 'validation_failed', field: 'memberIds' },
      { name: 'teams: memberIds with a non-UUID', method: 'POST', url: U('/api/v1/teams'), payload: () => ({ name: 'Support', memberIds: ['bob'] }), code: 'validation_failed', field: 'memberIds.0' },
      { name: 'teams: 501 memberIds', method: 'POST', url: U('/api/v1/teams'), payload: () => ({ name: 'Support', memberIds: Array.from({ length: 501 }, () => UNKNOWN) }), code: 'validation_failed', field: 'memberIds' },
      { name: 'teams: leadId of the wrong type', method: 'POST', url: U('/api/v1/teams'), payload: () => ({ name: 'Support', leadId: 7 }), code: 'validation_failed', field: 'leadId' },
      { name: 'teams: memberIds of nobody', method: 'POST', url: U('/api/v1/teams'), payload: () => ({ name: 'Support', memberIds: [UNKNOWN] }), code: 'reference_not_found', field: 'memberIds' },
      { name: 'teams: leadId of a customer', method: 'POST', url: U('/api/v1/teams'), payload: (x) => ({ name: 'Support', leadId: x.customer.id }), code: 'reference_not_found', field: 'leadId' },
      { name: 'teams PATCH: memberIds of nobody', method: 'PATCH', url: (x) => `/api/v1/teams/${x.team.id}`, payload: () => ({ memberIds: [UNKNOWN] }), code: 'reference_not_found', field: 'memberIds' },
      { name: 'teams: memberIds and leadId of nobody are refused (422) whatever the message', method: 'POST', url: U('/api/v1/teams'), payload: () => ({ name: 'Support', leadId: UNKNOWN, memberIds: [UNKNOWN] }), code: 'reference_not_found' },
      { name: 'teams: a name already taken (any case)', method: 'POST', url: U('/api/v1/teams'), payload: (x) => ({ name: x.team.name.toUpperCase() }), code: 'already_exists' },
      { name: 'teams PATCH: unknown field', method: 'PATCH', url: (x) => `/api/v1/teams/${x.team.id}`, payload: () => ({ name: 'Renamed', budget: 3 }), code: 'validation_failed', field: 'budget' },
      { name: 'teams PATCH: blank name', method: 'PATCH', url: (x) => `/api/v1/teams/${x.team.id}`, payload: () => ({ name: '' }), code: 'validation_failed', field: 'name' },
      // customers
      { name: 'customers: emails not a list', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ emails: 'a@example.com' }), code: 'validation_failed', field: 'emails' },
      { name: 'customers: an email that is not an address', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ emails: ['ok@example.com', 'nope'] }), code: 'validation_failed', field: 'emails.1' },
      { name: 'customers: 21 emails', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ emails: Array.from({ length: 21 }, (_, i) => `c${i}@example.com`) }), code: 'validation_failed', field: 'emails' },
      { name: 'customers: a phone that is not a number', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ phones: ['call me'] }), code: 'validation_failed', field: 'phones.0' },
      { name: 'customers: organizationId that is not a UUID', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ organizationId: 'acme' }), code: 'validation_failed', field: 'organizationId' },
      { name: 'customers: organizationId of nobody', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ name: 'Orphan', organizationId: UNKNOWN }), code: 'reference_not_found', field: 'organizationId' },
      { name: 'customers: organizationId of a ticket', method: 'POST', url: U('/api/v1/customers'), payload: (x) => ({ name: 'Orphan', organizationId: x.ticket.id }), code: 'reference_not_found', field: 'organizationId' },
      { name: 'customers: unknown time zone', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ timezone: 'Europe/Atlantis' }), code: 'validation_failed', field: 'timezone' },
      { name: 'customers: attributes not an object', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ attributes: [1, 2] }), code: 'validation_failed', field: 'attributes' },
      { name: 'customers: attributes over 32,000 characters', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ attributes: { blob: 'x'.repeat(40_000) } }), code: 'validation_failed', field: 'attributes' },
      { name: 'customers: unknown expectation', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ expectations: { discount: 100 } }), code: 'validation_failed', field: 'expectations' },
      { name: 'customers: negative response time', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ expectations: { responseTimeMinutes: -5 } }), code: 'validation_failed', field: 'expectations.responseTimeMinutes' },
      { name: 'customers: response time as a string', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ expectations: { responseTimeMinutes: '60' } }), code: 'validation_failed', field: 'expectations.responseTimeMinutes' },
      { name: 'customers: 51 promises', method: 'POST', url: U('/api/v1/customers'), payload: () => ({ expectations: { promises: Array.from({ length: 51 }, (_, i) => `p${i}`) } }), code: 'validation_failed', field: 'expectations.promises' },
      { name: 'customers: an email of another customer', method: 'POST', url: U('/api/v1/customers'), payload: (x) => ({ name: 'Impostor', emails: [x.customer.email.toUpperCase()] }), code: 'already_exists' },
      { name: 'customers PATCH: unknown field', method: 'PATCH', url: (x) => `/api/v1/customers/${x.customer.id}`, payload: () => ({ name: 'Renamed', vip: true }), code: 'validation_failed', field: 'vip' },
      { name: 'customers PATCH: organizationId of nobody', method: 'PATCH', url: (x) => `/api/v1/customers/${x.customer.id}`, payload: () => ({ name: 'Renamed', organizationId: UNKNOWN }), code: 'reference_not_found', field: 'organizationId' },
      { name: 'customers PATCH: taking the email of another customer changes nothing, not even the name', method: 'PATCH', url: (x) => `/api/v1/customers/${x.customer2.id}`, payload: (x) => ({ name: 'Renamed', emails: [x.customer.email] }), code: 'already_exists' },
      // organizations
      { name: 'organizations: name of 201 characters', method: 'POST', url: U('/api/v1/organizations'), payload: () => ({ name: 'o'.repeat(201) }), code: 'validation_failed', field: 'name' },
      { name: 'organizations: domains not a list', method: 'POST', url: U('/api/v1/organizations'), payload: () => ({ name: 'Initech', domains: 'initech.test' }), code: 'validation_failed', field: 'domains' },
      { name: 'organizations: 51 domains', method: 'POST', url: U('/api/v1/organizations'), payload: () => ({ name: 'Initech', domains: Array.from({ length: 51 }, (_, i) => `d${i}.test`) }), code: 'validation_failed', field: 'domains' },
      { name: 'organizations: notes of 5,001 characters', method: 'POST', url: U('/api/v1/organizations'), payload: () => ({ name: 'Initech', notes: 'n'.repeat(5001) }), code: 'validation_failed', field: 'notes' },
      { name: 'organizations: a name already taken (any case)', method: 'POST', url: U('/api/v1/organizations'), payload: (x) => ({ name: x.org.name.toLowerCase() }), code: 'already_exists' },
      { name: 'organizations PATCH: blank name', method: 'PATCH', url: (x) => `/api/v1/organizations/${x.org.id}`, payload: () => ({ name: ' ' }), code: 'validation_failed', field: 'name' },
      { name: 'organizations PATCH: unknown field', method: 'PATCH', url: (x) => `/api/v1/organizations/${x.org.id}`, payload: () => ({ revenue: 1 }), code: 'validation_failed', field: 'revenue' },
      // tickets
      { name: 'tickets: a 400-character subject', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ subject: 's'.repeat(400) }), code: 'validation_failed', field: 'subject' },
      { name: 'tickets: subject of the wrong type', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ subject: { text: 'hi' } }), code: 'validation_failed', field: 'subject' },
      { name: 'tickets: missing body', method: 'POST', url: U('/api/v1/tickets'), payload: () => ({ subject: 'Hi', requester: { email: 'newcomer@example.com' } }), code: 'validation_failed', field: 'body' },
      { name: 'tickets: blank body', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ body: '  \n ' }), code: 'validation_failed', field: 'body' },
      { name: 'tickets: a body of 200,001 characters', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ body: 'b'.repeat(200_001) }), code: 'validation_failed', field: 'body' },
      { name: 'tickets: bodyHtml over 1,000,000 characters', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ bodyHtml: 'h'.repeat(1_000_001) }), code: 'validation_failed', field: 'bodyHtml' },
      { name: 'tickets: missing requester', method: 'POST', url: U('/api/v1/tickets'), payload: () => ({ subject: 'Hi', body: 'Help' }), code: 'validation_failed', field: 'requester' },
      { name: 'tickets: requester with neither email nor id', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ requester: { name: 'Anon' } }), code: 'validation_failed', field: 'requester' },
      { name: 'tickets: requester with both email and id', method: 'POST', url: U('/api/v1/tickets'), payload: (x) => ticketBody({ requester: { email: 'x@example.com', id: x.customer.id } }), code: 'validation_failed', field: 'requester' },
      { name: 'tickets: requester.id that is not a UUID', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ requester: { id: '17' } }), code: 'validation_failed', field: 'requester.id' },
      { name: 'tickets: requester.id of nobody', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ requester: { id: UNKNOWN } }), code: 'reference_not_found', field: 'requester.id' },
      { name: 'tickets: requester.id of an agent', method: 'POST', url: U('/api/v1/tickets'), payload: (x) => ticketBody({ requester: { id: x.agent.agentId } }), code: 'reference_not_found', field: 'requester.id' },
      { name: 'tickets: unknown priority', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ priority: 'asap' }), code: 'validation_failed', field: 'priority' },
      { name: 'tickets: unknown channel', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ channel: 'fax' }), code: 'validation_failed', field: 'channel' },
      { name: 'tickets: 60 tags', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ tags: Array.from({ length: 60 }, (_, i) => tag(i)) }), code: 'validation_failed', field: 'tags' },
      { name: 'tickets: a tag with a space', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ tags: ['ok', 'not ok'] }), code: 'validation_failed', field: 'tags.1' },
      { name: 'tickets: a tag of 51 characters', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ tags: ['t'.repeat(51)] }), code: 'validation_failed', field: 'tags.0' },
      { name: 'tickets: tags not a list', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ tags: 'vip' }), code: 'validation_failed', field: 'tags' },
      { name: 'tickets: customFields not an object', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ customFields: 'x' }), code: 'validation_failed', field: 'customFields' },
      { name: 'tickets: teamId that is not a UUID', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ teamId: 'billing' }), code: 'validation_failed', field: 'teamId' },
      // the requester would be created first: the refusal must roll it back
      { name: 'tickets: teamId of nobody, with a new requester email', method: 'POST', url: U('/api/v1/tickets'), payload: () => ticketBody({ teamId: UNKNOWN, requester: { email: 'rolled.back@example.com', name: 'Rolled Back' } }), code: 'reference_not_found', field: 'teamId' },
      { name: 'tickets: teamId of an organization', method: 'POST', url: U('/api/v1/tickets'), payload: (x) => ticketBody({ teamId: x.org.id }), code: 'reference_not_found', field: 'teamId' },
      { name: 'tickets PATCH: unknown status', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: () => ({ status: 'done' }), code: 'validation_failed', field: 'status' },
      { name: 'tickets PATCH: priority of the wrong type', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: () => ({ priority: 3 }), code: 'validation_failed', field: 'priority' },
      { name: 'tickets PATCH: blank subject', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: () => ({ subject: '' }), code: 'validation_failed', field: 'subject' },
      { name: 'tickets PATCH: 60 tags', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: () => ({ tags: Array.from({ length: 60 }, (_, i) => tag(i)) }), code: 'validation_failed', field: 'tags' },
      { name: 'tickets PATCH: ownerId (ownership moves by handoff)', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: (x) => ({ ownerId: x.agent.agentId, priority: 'high' }), code: 'rule_violation', field: 'ownerId' },
      { name: 'tickets PATCH: teamId (ownership moves by handoff)', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: (x) => ({ teamId: x.team.id }), code: 'rule_violation', field: 'teamId' },
      {
        name: 'tickets PATCH: unknown field (a typo must not be a silent no-op)',
        method: 'PATCH',
        url: (x) => `/api/v1/tickets/${x.ticket.id}`,
        payload: () => ({ priorty: 'urgent' }),
        code: 'validation_failed',
        field: 'priorty',
      },
      // messages
      { name: 'messages: attachmentIds that are not UUIDs', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'Files', attachmentIds: ['../etc/passwd'] }), code: 'validation_failed', field: 'attachmentIds' },
      { name: 'messages: attachmentIds of nothing', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'Files', attachmentIds: [UNKNOWN] }), code: 'reference_not_found', field: 'attachmentIds' },
      { name: 'messages: missing body', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ kind: 'note' }), code: 'validation_failed', field: 'body' },
      { name: 'messages: body of the wrong type', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 12 }), code: 'validation_failed', field: 'body' },
      { name: 'messages: a body of 200,001 characters', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'b'.repeat(200_001) }), code: 'validation_failed', field: 'body' },
      { name: 'messages: unknown kind', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'x', kind: 'memo' }), code: 'validation_failed', field: 'kind' },
      { name: 'messages: unknown author', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'x', from: 'bot' }), code: 'validation_failed', field: 'from' },
      { name: 'messages: unknown status', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'x', status: 'finished' }), code: 'validation_failed', field: 'status' },
      { name: 'messages: a requester note', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'x', from: 'requester', kind: 'note' }), code: 'rule_violation', field: 'kind' },
      { name: 'messages: a requester message setting the status', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: () => ({ body: 'x', from: 'requester', status: 'solved' }), code: 'rule_violation', field: 'status' },
      // handoffs
      { name: 'handoff: missing note', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: (x) => ({ toAgentId: x.agent.agentId }), code: 'validation_failed', field: 'note' },
      { name: 'handoff: blank note', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: (x) => ({ toAgentId: x.agent.agentId, note: '   ' }), code: 'note_required', field: 'note' },
      { name: 'handoff: a note of 10,001 characters', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: (x) => ({ toAgentId: x.agent.agentId, note: 'n'.repeat(10_001) }), code: 'validation_failed', field: 'note' },
      { name: 'handoff: neither toAgentId nor toTeamId', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: () => ({ note: 'Please take it' }), code: 'validation_failed', field: 'toAgentId' },
      { name: 'handoff: toAgentId that is not a UUID', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: () => ({ toAgentId: 'bob', note: 'Please take it' }), code: 'validation_failed', field: 'toAgentId' },
      { name: 'handoff: toAgentId of nobody', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: () => ({ toAgentId: UNKNOWN, note: 'Please take it' }), code: 'reference_not_found', field: 'toAgentId' },
      { name: 'handoff: toAgentId of a team', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: (x) => ({ toAgentId: x.team.id, note: 'Please take it' }), code: 'reference_not_found', field: 'toAgentId' },
      { name: 'handoff: toTeamId of nobody', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: () => ({ toTeamId: UNKNOWN, note: 'Please take it' }), code: 'reference_not_found', field: 'toTeamId' },
      { name: 'handoff: toTeamId of an agent', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: (x) => ({ toTeamId: x.agent.agentId, note: 'Please take it' }), code: 'reference_not_found', field: 'toTeamId' },
      { name: 'handoff decline: missing reason', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/decline`, payload: () => ({}), code: 'validation_failed', field: 'reason' },
      { name: 'handoff decline: blank reason', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/decline`, payload: () => ({ reason: ' ' }), code: 'reason_required', field: 'reason' },
      { name: 'handoff decline: a reason of 5,001 characters', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/decline`, payload: () => ({ reason: 'r'.repeat(5001) }), code: 'validation_failed', field: 'reason' },
      { name: 'handoff decline: no handoff pending', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/decline`, payload: () => ({ reason: 'Not my area' }), code: 'not_found' },
      { name: 'handoff accept: no handoff pending', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/accept`, code: 'not_found' },
      { name: 'handoff cancel: no handoff pending', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/cancel`, code: 'not_found' },
      // commitments
      { name: 'commitments: blank text', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: ' \n ' }), code: 'validation_failed', field: 'text' },
      { name: 'commitments: text of 2,001 characters', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: 't'.repeat(2001) }), code: 'validation_failed', field: 'text' },
      { name: 'commitments: text of the wrong type', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: ['call'] }), code: 'validation_failed', field: 'text' },
      { name: 'commitments: dueAt in the past', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: 'Call back', dueAt: '2020-01-01T10:00:00Z' }), code: 'validation_failed', field: 'dueAt' },
      { name: 'commitments: dueAt without an offset', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: 'Call back', dueAt: '2099-01-01T10:00:00' }), code: 'validation_failed', field: 'dueAt' },
      { name: 'commitments: dueAt in words', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: 'Call back', dueAt: 'tomorrow' }), code: 'validation_failed', field: 'dueAt' },
      { name: 'commitments: action with a control character', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: 'Call back', action: 'call\u0007' }), code: 'validation_failed', field: 'action' },
      { name: 'commitments: unknown field', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/commitments`, payload: () => ({ text: 'Call back', dueDate: '2099-01-01T10:00:00Z' }), code: 'validation_failed', field: 'dueDate' },
      { name: 'commitments: the ticket of nothing', method: 'POST', url: () => `/api/v1/tickets/${UNKNOWN}/commitments`, payload: () => ({ text: 'Call back' }), code: 'not_found' },
      { name: 'commitments PATCH: status missed (reached by itself)', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: () => ({ status: 'missed' }), code: 'validation_failed', field: 'status' },
      { name: 'commitments PATCH: status open', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: () => ({ status: 'open' }), code: 'validation_failed', field: 'status' },
      { name: 'commitments PATCH: dueAt in the past', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: () => ({ dueAt: '2020-01-01T10:00:00Z' }), code: 'validation_failed', field: 'dueAt' },
      { name: 'commitments PATCH: ownerId that is not a UUID', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: () => ({ ownerId: 'me' }), code: 'validation_failed', field: 'ownerId' },
      { name: 'commitments PATCH: ownerId of nobody', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: () => ({ ownerId: UNKNOWN }), code: 'reference_not_found', field: 'ownerId' },
      { name: 'commitments PATCH: ownerId of a customer', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: (x) => ({ ownerId: x.customer.id }), code: 'reference_not_found', field: 'ownerId' },
      { name: 'commitments PATCH: unknown field', method: 'PATCH', url: (x) => `/api/v1/commitments/${x.commitment.id}`, payload: () => ({ text: 'Call back', kept: true }), code: 'validation_failed', field: 'kept' },
      // follow-ups
      { name: 'follow-up: remindAt in the past', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/follow-up`, payload: () => ({ remindAt: '2020-01-01T10:00:00Z' }), code: 'validation_failed', field: 'remindAt' },
      { name: 'follow-up: remindAt of the wrong type', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/follow-up`, payload: () => ({ remindAt: 1_900_000_000 }), code: 'validation_failed', field: 'remindAt' },
      { name: 'follow-up: remindAt without an offset', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/follow-up`, payload: () => ({ remindAt: '2099-01-01 10:00' }), code: 'validation_failed', field: 'remindAt' },
      // business hours and SLA policies
      { name: 'business-hours: unknown time zone', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Mars', timeZone: 'Mars/Base', periods: week }), code: 'validation_failed', field: 'timeZone' },
      { name: 'business-hours: never open', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Never', timeZone: 'UTC', periods: [] }), code: 'validation_failed' },
      { name: 'business-hours: overlapping periods', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Twice', timeZone: 'UTC', periods: [...week, { day: 1, start: '12:00', end: '13:00' }] }), code: 'validation_failed' },
      { name: 'business-hours: start equals end', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Zero', timeZone: 'UTC', periods: [{ day: 2, start: '09:00', end: '09:00' }] }), code: 'validation_failed' },
      { name: 'business-hours: day 0', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Day 0', timeZone: 'UTC', periods: [{ day: 0, start: '09:00', end: '17:00' }] }), code: 'validation_failed', field: 'periods' },
      { name: 'business-hours: 25:00', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Late', timeZone: 'UTC', periods: [{ day: 1, start: '09:00', end: '25:00' }] }), code: 'validation_failed', field: 'periods' },
      { name: 'business-hours: a holiday that is not a date', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Hol', timeZone: 'UTC', periods: week, holidays: [{ date: '2026-02-30' }] }), code: 'validation_failed', field: 'holidays' },
      { name: 'business-hours: a name with a script is just text, but blank is refused', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: '  ', timeZone: 'UTC', periods: week }), code: 'validation_failed', field: 'name' },
      { name: 'business-hours PATCH: removing every period', method: 'PATCH', url: (x) => `/api/v1/business-hours/${x.calendarId}`, payload: () => ({ periods: [] }), code: 'validation_failed' },
      { name: 'business-hours import: not iCalendar', method: 'POST', url: (x) => `/api/v1/business-hours/${x.calendarId}/holidays/import`, payload: () => ({ ics: 'hello' }), code: 'validation_failed', field: 'ics' },
      { name: 'business-hours: as an agent', method: 'POST', url: () => '/api/v1/business-hours', payload: () => ({ name: 'Mine', timeZone: 'UTC', periods: week }), as: (x) => x.agent, code: 'forbidden' },
      { name: 'sla-policies: calendar of nothing', method: 'POST', url: () => '/api/v1/sla-policies', payload: () => ({ name: 'Ghost', calendarId: UNKNOWN, targets: slaTargets }), code: 'reference_not_found', field: 'calendarId' },
      { name: 'sla-policies: a target of zero minutes', method: 'POST', url: () => '/api/v1/sla-policies', payload: (x) => ({ name: 'Zero', calendarId: x.calendarId, targets: { ...slaTargets, low: { ...slaTarget, resolution: 0 } } }), code: 'validation_failed', field: 'targets' },
      { name: 'sla-policies: a priority missing', method: 'POST', url: () => '/api/v1/sla-policies', payload: (x) => ({ name: 'Half', calendarId: x.calendarId, targets: { urgent: slaTarget } }), code: 'validation_failed', field: 'targets' },
      { name: 'sla-policies: an unknown channel', method: 'POST', url: () => '/api/v1/sla-policies', payload: (x) => ({ name: 'Fax', calendarId: x.calendarId, targets: slaTargets, conditions: { channels: ['fax'] } }), code: 'validation_failed', field: 'conditions' },
      { name: 'sla-policies: an unknown condition', method: 'POST', url: () => '/api/v1/sla-policies', payload: (x) => ({ name: 'Moon', calendarId: x.calendarId, targets: slaTargets, conditions: { moonPhase: 'full' } }), code: 'validation_failed', field: 'conditions' },
      // the coach
      { name: 'coach: unknown time zone', method: 'POST', url: () => '/api/v1/coach', payload: () => ({ text: 'Hello', timeZone: 'Europe/Atlantis' }), code: 'validation_failed', field: 'timeZone' },
      { name: 'coach: now that is not a date-time', method: 'POST', url: () => '/api/v1/coach', payload: () => ({ text: 'Hello', now: '2026-13-45T99:00:00Z' }), code: 'validation_failed', field: 'now' },
      { name: 'coach: text of the wrong type', method: 'POST', url: () => '/api/v1/coach', payload: () => ({ text: 42 }), code: 'validation_failed', field: 'text' },
      { name: 'coach: ticket of nothing', method: 'POST', url: () => '/api/v1/coach', payload: () => ({ text: 'Hello', ticketId: UNKNOWN }), code: 'not_found' },
      // presence
      { name: 'presence: unknown state', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/presence`, payload: () => ({ state: 'dancing' }), code: 'validation_failed', field: 'state' },
      { name: 'presence: state of the wrong type', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/presence`, payload: () => ({ state: ['viewing'] }), code: 'validation_failed', field: 'state' },
      { name: 'presence: unknown field', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/presence`, payload: () => ({ state: 'viewing', ticketId: UNKNOWN }), code: 'validation_failed' },
      { name: 'follow-up: unknown field', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/follow-up`, payload: () => ({ remindAt: null, agentId: UNKNOWN }), code: 'validation_failed', field: 'agentId' },
    ];
    for (const c of cases) {
      it(c.name, () =>
        unchanged(async () => {
          const res = await call(c.method, c.url(f), c.payload?.(f), c.as ? c.as(f) : undefined);
          assertError(res, c.code, c.field);
        }));
    }

    it('a refused ticket creation leaves no customer behind', async () => {
      const res = await call('GET', '/api/v1/customers?q=rolled.back');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items, []);
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  describe('ids in paths', () => {
    type IdRoute = { method: Method; path: string; payload?: (f: Fixtures) => unknown };
    const idRoutes: IdRoute[] = [
      { method: 'GET', path: '/api/v1/agents/:id' },
      { method: 'PATCH', path: '/api/v1/agents/:id', payload: () => ({ name: 'Renamed' }) },
      { method: 'DELETE', path: '/api/v1/agents/:id' },
      { method: 'GET', path: '/api/v1/teams/:id' },
      { method: 'PATCH', path: '/api/v1/teams/:id', payload: () => ({ name: 'Renamed' }) },
      { method: 'DELETE', path: '/api/v1/teams/:id' },
      { method: 'DELETE', path: '/api/v1/tokens/:id' },
      { method: 'GET', path: '/api/v1/customers/:id' },
      { method: 'PATCH', path: '/api/v1/customers/:id', payload: () => ({ name: 'Renamed' }) },
      { method: 'GET', path: '/api/v1/organizations/:id' },
      { method: 'PATCH', path: '/api/v1/organizations/:id', payload: () => ({ name: 'Renamed' }) },
      { method: 'GET', path: '/api/v1/tickets/:id' },
      { method: 'PATCH', path: '/api/v1/tickets/:id', payload: () => ({ priority: 'high' }) },
      { method: 'POST', path: '/api/v1/tickets/:id/messages', payload: () => ({ body: 'Hello' }) },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff', payload: (x) => ({ toAgentId: x.agent.agentId, note: 'Yours' }) },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff/accept' },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff/decline', payload: () => ({ reason: 'No' }) },
      { method: 'POST', path: '/api/v1/tickets/:id/handoff/cancel' },
      { method: 'POST', path: '/api/v1/tickets/:id/attachments?filename=a.txt', payload: () => ({ file: 'bytes' }) },
      {
        method: 'GET',
        path: '/api/v1/tickets/:id/attachments',
      },
      { method: 'GET', path: '/api/v1/attachments/:id' },
      { method: 'GET', path: '/api/v1/tickets/:id/commitments' },
      { method: 'POST', path: '/api/v1/tickets/:id/commitments', payload: () => ({ text: 'Call back' }) },
      { method: 'PATCH', path: '/api/v1/commitments/:id', payload: () => ({ text: 'Call back soon' }) },
      { method: 'POST', path: '/api/v1/tickets/:id/follow-up', payload: () => ({ remindAt: '2099-01-01T10:00:00Z' }) },
      { method: 'POST', path: '/api/v1/notifications/:id/read' },
      { method: 'GET', path: '/api/v1/business-hours/:id' },
      { method: 'PATCH', path: '/api/v1/business-hours/:id', payload: () => ({ name: 'Renamed' }) },
      { method: 'DELETE', path: '/api/v1/business-hours/:id' },
      { method: 'POST', path: '/api/v1/business-hours/:id/holidays/import', payload: () => ({ ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }) },
      { method: 'GET', path: '/api/v1/sla-policies/:id' },
      { method: 'PATCH', path: '/api/v1/sla-policies/:id', payload: () => ({ name: 'Renamed' }) },
      { method: 'DELETE', path: '/api/v1/sla-policies/:id' },
      { method: 'POST', path: '/api/v1/tickets/:id/presence', payload: () => ({ state: 'viewing' }) },
    ];
    /** An id of an existing record of another kind than the route's. */
    const otherKind = (path: string, x: Fixtures) => (path.includes('/tickets/') ? x.customer.id : x.ticket.id);
    const notUuids = ['42', 'not-a-uuid', `${UNKNOWN}0`, UNKNOWN.replaceAll('-', ''), "1' or '1'='1", '../agents/me', '%20', 'null'];

    for (const r of idRoutes) {
      describe(`${r.method} ${r.path}`, () => {
        it('refuses ids that are not UUIDs with 400 naming id', () =>
          unchanged(async () => {
            for (const bad of notUuids) {
              const res = await call(r.method, r.path.replace(':id', encodeURIComponent(bad)), r.payload?.(f));
              assertError(res, 'validation_failed', 'id');
            }
          }));

        it('answers 404 for a UUID of nothing and for the id of another kind of record', () =>
          unchanged(async () => {
            for (const id of [UNKNOWN, otherKind(r.path, f)]) {
              assertError(await call(r.method, r.path.replace(':id', id), r.payload?.(f)), 'not_found');
            }
          }));
      });
    }

    it(
      'refuses an id longer than the router allows with a catalogue error, on every route with an id',
      () =>
        unchanged(async () => {
          for (const r of idRoutes) {
            const res = await call(r.method, r.path.replace(':id', 'a'.repeat(150)), r.payload?.(f));
            assertError(res, 'validation_failed', 'id');
          }
        }),
    );

    it(
      'refuses a path with broken percent-encoding with a catalogue error',
      () =>
        unchanged(async () => {
          const res = await call('GET', '/api/v1/tickets/%E0%A4%A');
          assertError(res, ['bad_request', 'validation_failed']);
        }),
    );

    it('an unknown route answers 404 route_not_found in the catalogue shape', async () => {
      assertError(await call('GET', '/api/v1/tickets/123/nothing-here'), 'route_not_found');
      assertError(await call('PUT', '/api/v1/tickets'), 'route_not_found');
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  describe('attachment uploads', () => {
    const upload = (ticketId: string, query: string, payload: string | Buffer = 'file bytes', type = 'text/plain') =>
      t.call({ method: 'POST', url: `/api/v1/tickets/${ticketId}/attachments${query}`, payload, headers: { 'content-type': type } });

    it('refuses a missing, blank, path-like, control-character or 256-character filename with 400 naming filename', () =>
      unchanged(async () => {
        for (const q of ['', '?filename=', '?filename=%20', '?filename=..%2F..%2Fetc%2Fpasswd', '?filename=dir%5Cfile.txt', '?filename=a%00.txt', '?filename=a%0D%0A.txt', `?filename=${'f'.repeat(256)}`]) {
          assertError(await upload(f.ticket.id, q), 'validation_failed', 'filename');
        }
      }));

    it('refuses a messageId that is not a UUID (400) or not a message of this ticket (422)', () =>
      unchanged(async () => {
        assertError(await upload(f.ticket.id, '?filename=a.txt&messageId=first'), 'validation_failed', 'messageId');
        assertError(await upload(f.ticket.id, `?filename=a.txt&messageId=${UNKNOWN}`), 'reference_not_found', 'messageId');
        const other = await call('GET', `/api/v1/tickets/${f.ticket2.id}`);
        assertError(await upload(f.ticket.id, `?filename=a.txt&messageId=${other.body.messages[0].id}`), 'reference_not_found', 'messageId');
      }));

    it('refuses an empty file with 400 naming the body, and a file over the limit with 413', () =>
      unchanged(async () => {
        assertError(await upload(f.ticket.id, '?filename=a.txt', Buffer.alloc(0), 'application/octet-stream'), 'validation_failed', 'body');
        assertError(await upload(f.ticket.id, '?filename=big.bin', Buffer.alloc(3 * 1024 * 1024, 1), 'application/octet-stream'), 'payload_too_large');
      }));

    it('answers 404 for the ticket of nothing', () =>
      unchanged(async () => {
        assertError(await upload(UNKNOWN, '?filename=a.txt'), 'not_found');
      }));
  });

  // -------------------------------------------------------------------------------------------------------------
  describe('hostile strings', () => {
    const hostile = `<script>alert("pwned")</script><img src=x onerror=alert(1)> & 'single' "double" \\ é 😀 Robert'); DROP TABLE customers;--`;

    it('a <script> in a customer name is stored as text and returned verbatim as JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        headers: { authorization: `Bearer ${t.admin.token}` },
        payload: { name: hostile, emails: ['script@example.com'] },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.doesNotMatch(res.body, /&lt;|&gt;|&amp;|&quot;|&#/, 'not HTML-escaped');
      const created = res.json();
      assert.equal(created.name, hostile);
      const row = await t.database.db.selectFrom('customers').select('name').where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.equal(row.name, hostile, 'stored as given');
      const got = await call('GET', `/api/v1/customers/${created.id}`);
      assert.equal(got.body.name, hostile);
      const found = await call('GET', `/api/v1/customers?q=${encodeURIComponent('<script>alert("pwned")')}`);
      assert.equal(found.status, 200);
      assert.deepEqual(found.body.items.map((c: { id: string }) => c.id), [created.id]);
      // the "DROP TABLE" was text, not SQL
      const count = await t.database.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.ok(Number(count.n) >= 3);
    });

    it('hostile text in ticket subjects, message bodies, organization, team and agent names comes back verbatim', async () => {
      const ticket = await createTicket(t, { subject: hostile, body: hostile });
      const detail = await call('GET', `/api/v1/tickets/${ticket.id}`);
      assert.equal(detail.body.subject, hostile);
      assert.equal(detail.body.messages[0].body, hostile);
      const reply = await call('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: hostile, kind: 'note' });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.message.body, hostile);
      const shortHostile = Array.from(hostile).slice(0, 100).join(''); // whole code points, within Line(120)
      const org = await call('POST', '/api/v1/organizations', { name: shortHostile });
      assert.equal(org.status, 201);
      assert.equal(org.body.name, shortHostile);
      const team = await call('POST', '/api/v1/teams', { name: shortHostile });
      assert.equal(team.status, 201);
      assert.equal(team.body.name, shortHostile);
      const agent = await call('POST', '/api/v1/agents', { email: 'hostile@example.com', name: shortHostile });
      assert.equal(agent.status, 201);
      assert.equal(agent.body.name, shortHostile);
      const search = await call('GET', `/api/v1/search?q=${encodeURIComponent(hostile.slice(0, 200))}`);
      assert.equal(search.status, 200);
    });

    it('LIKE wildcards in q match themselves, not everything', async () => {
      const pct = await call('POST', '/api/v1/customers', { name: '100% Cotton' });
      const under = await call('POST', '/api/v1/customers', { name: 'snake_case Ltd' });
      assert.equal(pct.status, 201);
      assert.equal(under.status, 201);
      const byPct = await call('GET', `/api/v1/customers?q=${encodeURIComponent('%')}&limit=100`);
      assert.equal(byPct.status, 200);
      assert.deepEqual(byPct.body.items.map((c: { id: string }) => c.id), [pct.body.id]);
      const byUnder = await call('GET', `/api/v1/customers?q=${encodeURIComponent('_')}&limit=100`);
      assert.deepEqual(byUnder.body.items.map((c: { id: string }) => c.id), [under.body.id]);
      const orgs = await call('GET', `/api/v1/organizations?q=${encodeURIComponent('%')}`);
      assert.equal(orgs.status, 200);
      assert.deepEqual(orgs.body.items, []);
    });

    it('search accepts query-syntax characters without erroring', async () => {
      for (const q of ["'", '"', '&|!():*<->', '\\', 'a & | b', '!!!', "') or 1=1 --", '(((']) {
        const res = await call('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, `${q}: ${JSON.stringify(res.body)}`);
        assert.ok(Array.isArray(res.body.items));
      }
    });

    // Single-line fields: control characters are refused, never stored.
    type LineField = { where: string; method: Method; url: (f: Fixtures) => string; payload: (v: string, f: Fixtures) => unknown; field: string };
    const lineFields: LineField[] = [
      { where: 'customer name', method: 'POST', url: () => '/api/v1/customers', payload: (v) => ({ name: `Eve${v}Mallory` }), field: 'name' },
      { where: 'customer external id', method: 'POST', url: () => '/api/v1/customers', payload: (v) => ({ externalIds: [`crm${v}1`] }), field: 'externalIds.0' },
      { where: 'customer name (PATCH)', method: 'PATCH', url: (x) => `/api/v1/customers/${x.customer.id}`, payload: (v) => ({ name: `Eve${v}Mallory` }), field: 'name' },
      { where: 'customer plan', method: 'POST', url: () => '/api/v1/customers', payload: (v) => ({ expectations: { plan: `Gold${v}` + 'x' } }), field: 'expectations.plan' },
      { where: 'organization name', method: 'POST', url: () => '/api/v1/organizations', payload: (v) => ({ name: `Evil${v}Corp` }), field: 'name' },
      { where: 'organization domain', method: 'POST', url: () => '/api/v1/organizations', payload: (v) => ({ name: 'Domains Inc', domains: [`evil${v}.test`] }), field: 'domains.0' },
      { where: 'organization promise', method: 'PATCH', url: (x) => `/api/v1/organizations/${x.org.id}`, payload: (v) => ({ expectations: { promises: [`fast${v}replies`] } }), field: 'expectations.promises.0' },
      { where: 'team name', method: 'POST', url: () => '/api/v1/teams', payload: (v) => ({ name: `Team${v}X` }), field: 'name' },
      { where: 'team name (PATCH)', method: 'PATCH', url: (x) => `/api/v1/teams/${x.team.id}`, payload: (v) => ({ name: `Team${v}X` }), field: 'name' },
      { where: 'ticket subject', method: 'POST', url: () => '/api/v1/tickets', payload: (v) => ({ subject: `Hi${v}there`, body: 'b', requester: { email: 'ctl@example.com' } }), field: 'subject' },
      { where: 'requester name', method: 'POST', url: () => '/api/v1/tickets', payload: (v) => ({ subject: 'Hi', body: 'b', requester: { email: 'ctl@example.com', name: `Eve${v}M` } }), field: 'requester.name' },
      { where: 'ticket subject (PATCH)', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: (v) => ({ subject: `Hi${v}there` }), field: 'subject' },
      { where: 'ticket tag', method: 'PATCH', url: (x) => `/api/v1/tickets/${x.ticket.id}`, payload: (v) => ({ tags: [`vip${v}x`] }), field: 'tags.0' },
      { where: 'agent name', method: 'POST', url: () => '/api/v1/agents', payload: (v) => ({ email: 'ctl@example.com', name: `Ag${v}ent` }), field: 'name' },
      { where: 'agent skill', method: 'PATCH', url: (x) => `/api/v1/agents/${x.agent.agentId}`, payload: (v) => ({ skills: [`ski${v}ll`] }), field: 'skills.0' },
      { where: 'token name', method: 'POST', url: () => '/api/v1/tokens', payload: (v) => ({ name: `ci${v}bot` }), field: 'name' },
      { where: 'workspace name', method: 'PATCH', url: () => '/api/v1/workspace', payload: (v) => ({ name: `Heed${v}HQ` }), field: 'name' },
    ];
    const controls = { NUL: '\u0000', BEL: '\u0007', ESC: '\u001b[31m', 'CR LF': '\r\n', DEL: '\u007f', TAB: '\t' };
    for (const lf of lineFields) {
      it(`refuses control characters in the ${lf.where}`, () =>
        unchanged(async () => {
          for (const [label, v] of Object.entries(controls)) {
            const res = await call(lf.method, lf.url(f), lf.payload(v, f));
            assert.equal(res.status, 400, `${label}: ${JSON.stringify(res.body)}`);
            assertError(res, 'validation_failed', lf.field);
          }
        }));
    }

    // Multi-line text keeps newlines but refuses NUL, which PostgreSQL text cannot hold.
    type TextField = { where: string; url: (f: Fixtures) => string; method: Method; payload: (v: string, f: Fixtures) => unknown; field: string };
    const textFields: TextField[] = [
      { where: 'ticket body', method: 'POST', url: () => '/api/v1/tickets', payload: (v) => ({ subject: 'Hi', body: `a${v}b`, requester: { email: 'nul@example.com' } }), field: 'body' },
      { where: 'ticket bodyHtml', method: 'POST', url: () => '/api/v1/tickets', payload: (v) => ({ subject: 'Hi', body: 'b', bodyHtml: `<p>a${v}b</p>`, requester: { email: 'nul@example.com' } }), field: 'bodyHtml' },
      { where: 'message body', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/messages`, payload: (v) => ({ body: `a${v}b` }), field: 'body' },
      { where: 'handoff note', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff`, payload: (v, x) => ({ toAgentId: x.agent.agentId, note: `a${v}b` }), field: 'note' },
      { where: 'decline reason', method: 'POST', url: (x) => `/api/v1/tickets/${x.ticket.id}/handoff/decline`, payload: (v) => ({ reason: `a${v}b` }), field: 'reason' },
      { where: 'organization notes', method: 'POST', url: () => '/api/v1/organizations', payload: (v) => ({ name: 'Nul Inc', notes: `a${v}b` }), field: 'notes' },
      { where: 'customer expectation notes', method: 'POST', url: () => '/api/v1/customers', payload: (v) => ({ expectations: { notes: `a${v}b` } }), field: 'expectations.notes' },
    ];
    for (const tf of textFields) {
      it(`refuses NUL in the ${tf.where}`, () =>
        unchanged(async () => {
          assertError(await call(tf.method, tf.url(f), tf.payload('\u0000', f)), 'validation_failed', tf.field);
        }));
    }

    it('keeps newlines and tabs in multi-line text', async () => {
      const text = 'line one\n\tline two\r\nline three';
      const ticket = await createTicket(t, { body: text });
      const detail = await call('GET', `/api/v1/tickets/${ticket.id}`);
      assert.equal(detail.body.messages[0].body, text);
    });

    it('refuses NUL in ticket customFields values', () =>
      unchanged(async () => {
        assertError(await call('POST', '/api/v1/tickets', { subject: 'Hi', body: 'b', requester: { email: 'nul@example.com' }, customFields: { ref: 'a\u0000b' } }), 'validation_failed', 'customFields');
      }));
    it('refuses NUL in ticket customFields keys', () =>
      unchanged(async () => {
        assertError(await call('PATCH', `/api/v1/tickets/${f.ticket.id}`, { customFields: { 'a\u0000': 1 } }), 'validation_failed', 'customFields');
      }));
    it('refuses NUL in customer attributes', () =>
      unchanged(async () => {
        assertError(await call('POST', '/api/v1/customers', { name: 'Nul', attributes: { note: '\u0000' } }), 'validation_failed', 'attributes');
      }));
    it('refuses NUL in organization attributes', () =>
      unchanged(async () => {
        assertError(await call('PATCH', `/api/v1/organizations/${f.org.id}`, { attributes: { note: '\u0000' } }), 'validation_failed', 'attributes');
      }));

    it(
      'refuses a lone UTF-16 surrogate in a name with 400',
      () =>
        unchanged(async () => {
          assertError(await raw('POST', '/api/v1/customers', '{"name":"Eve \\ud800 Mallory"}'), 'validation_failed', 'name');
        }),
    );

    it(
      'refuses deeply nested JSON in attributes with a 4xx, not a crash',
      () =>
        unchanged(async () => {
          const deep = `{"name":"Deep","attributes":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
          assertError(await raw('POST', '/api/v1/customers', deep), ['validation_failed', 'bad_request', 'payload_too_large']);
        }),
    );

    for (const path of ['/api/v1/search', '/api/v1/customers', '/api/v1/organizations']) {
      it(`GET ${path}: refuses a NUL byte in q with 400 naming q`, () =>
        unchanged(async () => {
          assertError(await call('GET', `${path}?q=a%00b`), 'validation_failed', 'q');
        }));
    }
  });

  // -------------------------------------------------------------------------------------------------------------
  describe('list parameters', () => {
    const lists = ['/api/v1/tickets', '/api/v1/customers', '/api/v1/organizations', '/api/v1/commitments'];
    const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

    for (const path of lists) {
      describe(`GET ${path}`, () => {
        it('pages with limit and the cursor it returns', async () => {
          const first = await call('GET', `${path}?limit=1`);
          assert.equal(first.status, 200);
          assert.equal(first.body.items.length, 1);
          assert.equal(typeof first.body.nextCursor, 'string');
          const second = await call('GET', `${path}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
          assert.equal(second.status, 200, JSON.stringify(second.body));
          assert.equal(second.body.items.length, 1);
          assert.notEqual(second.body.items[0].id, first.body.items[0].id);
          assert.equal((await call('GET', `${path}?limit=100`)).status, 200);
        });

        it('refuses limit > 100, limit 0, negative, fractional, non-numeric and repeated limits with 400 naming limit', () =>
          unchanged(async () => {
            for (const limit of ['101', '1000000', '0', '-1', '1.5', 'ten', '', '1&limit=2', 'Infinity', '1e3']) {
              assertError(await call('GET', `${path}?limit=${limit}`), 'validation_failed', 'limit');
            }
          }));

        it('refuses cursors it never issued with 400 naming cursor', () =>
          unchanged(async () => {
            const cursors = ['junk', '!!!', b64('{"a":1}'), b64([1]), b64([null, null]), b64('not json'), b64([[1], {}]), 'c'.repeat(501)];
            for (const cursor of cursors) {
              assertError(await call('GET', `${path}?cursor=${encodeURIComponent(cursor)}`), 'validation_failed', 'cursor');
            }
          }));

        it(
          'refuses forged cursors of the right shape with 400 naming cursor',
          () =>
            unchanged(async () => {
              const forged = [b64(['not-a-date', 'not-a-uuid']), b64([new Date().toISOString(), 'not-a-uuid']), b64([1, 2])];
              // lists keyed by a timestamp: any text there is forged
              if (path !== '/api/v1/organizations') forged.push(b64(['yesterday', UNKNOWN]));
              for (const cursor of forged) {
                assertError(await call('GET', `${path}?cursor=${cursor}`), 'validation_failed', 'cursor');
              }
            }),
        );
      });
    }

    it(
      'GET /api/v1/tickets?sort=priority refuses a forged cursor with 400 naming cursor',
      () =>
        unchanged(async () => {
          for (const c of [[1, 2], ['x', 'y'], ['9 not-a-date', '00000000-0000-4000-8000-00000000dead']]) {
            assertError(await call('GET', `/api/v1/tickets?sort=priority&cursor=${b64(c)}`), 'validation_failed', 'cursor');
          }
        }),
    );

    it('GET /api/v1/tickets refuses bad filters with 400 naming the filter', () =>
      unchanged(async () => {
        const bad: [string, string][] = [
          ['status=done', 'status'],
          ['priority=asap', 'priority'],
          ['sort=random', 'sort'],
          ['ownerId=me', 'ownerId'],
          ['teamId=1', 'teamId'],
          ['requesterId=x', 'requesterId'],
          ['tag=has%20space', 'tag'],
          ['bounced=yes', 'bounced'],
          ['open=yes', 'open'],
          ['handoffTo=you', 'handoffTo'],
          ['handoffTo=' + UNKNOWN, 'handoffTo'],
        ];
        for (const [q, field] of bad) assertError(await call('GET', `/api/v1/tickets?${q}`), 'validation_failed', field);
      }));

    it('GET /api/v1/tickets/counts refuses unknown, malformed and too many views with 400 naming views', () =>
      unchanged(async () => {
        const bad = ['everything', 'team:1', 'team:', 'mine;all', 'v'.repeat(2001), Array(31).fill('mine').join(',')];
        for (const v of bad) assertError(await call('GET', `/api/v1/tickets/counts?views=${encodeURIComponent(v)}`), 'validation_failed', 'views');
      }));

    it('filters by ids of nothing give empty lists, not errors', async () => {
      for (const q of [`ownerId=${UNKNOWN}`, `teamId=${UNKNOWN}`, `requesterId=${UNKNOWN}`]) {
        const res = await call('GET', `/api/v1/tickets?${q}`);
        assert.equal(res.status, 200);
        assert.deepEqual(res.body.items, []);
      }
      const customers = await call('GET', `/api/v1/customers?organizationId=${UNKNOWN}`);
      assert.equal(customers.status, 200);
      assert.deepEqual(customers.body.items, []);
    });

    it('GET /api/v1/customers and /organizations refuse a q over 200 characters and a non-UUID organizationId', () =>
      unchanged(async () => {
        assertError(await call('GET', `/api/v1/customers?q=${'q'.repeat(201)}`), 'validation_failed', 'q');
        assertError(await call('GET', `/api/v1/organizations?q=${'q'.repeat(201)}`), 'validation_failed', 'q');
        assertError(await call('GET', '/api/v1/customers?organizationId=acme'), 'validation_failed', 'organizationId');
      }));

    it('GET /api/v1/search refuses a missing, blank or 201-character q and a limit outside 1..50', () =>
      unchanged(async () => {
        assertError(await call('GET', '/api/v1/search'), 'validation_failed', 'q');
        assertError(await call('GET', '/api/v1/search?q='), 'validation_failed', 'q');
        assertError(await call('GET', '/api/v1/search?q=%20%20%20'), 'validation_failed', 'q');
        assertError(await call('GET', `/api/v1/search?q=${'q'.repeat(201)}`), 'validation_failed', 'q');
        for (const limit of ['0', '51', 'all', '-3']) {
          assertError(await call('GET', `/api/v1/search?q=printer&limit=${limit}`), 'validation_failed', 'limit');
        }
        const ok = await call('GET', '/api/v1/search?q=printer&limit=50');
        assert.equal(ok.status, 200);
      }));

    it('GET /api/v1/commitments, /notifications and /measures refuse bad filters with 400 naming the filter', () =>
      unchanged(async () => {
        const bad: [string, string][] = [
          ['/api/v1/commitments?status=done', 'status'],
          ['/api/v1/commitments?ownerId=me', 'ownerId'],
          ['/api/v1/commitments?ticketId=42', 'ticketId'],
          ['/api/v1/commitments?dueBefore=tomorrow', 'dueBefore'],
          ['/api/v1/commitments?dueBefore=2099-01-01T10:00:00', 'dueBefore'],
          ['/api/v1/notifications?unread=yes', 'unread'],
          ['/api/v1/notifications?limit=0', 'limit'],
          ['/api/v1/notifications?limit=101', 'limit'],
          ['/api/v1/measures?since=yesterday', 'since'],
          ['/api/v1/measures?until=2026-13-01T00:00:00Z', 'until'],
          ['/api/v1/measures?groupBy=org', 'groupBy'],
          ['/api/v1/measures?since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z', 'since'],
          ['/api/v1/measures?since=2026-03-01T00:00:00Z&until=2026-03-01T00:00:00Z', 'since'],
          ['/api/v1/stream?maxSeconds=0', 'maxSeconds'],
          ['/api/v1/stream?maxSeconds=soon', 'maxSeconds'],
          ['/api/v1/stream?maxSeconds=86401', 'maxSeconds'],
        ];
        for (const [url, field] of bad) assertError(await call('GET', url), 'validation_failed', field);
      }));

    it('GET /api/v1/agents refuses includeInactive other than true/false', () =>
      unchanged(async () => {
        for (const v of ['yes', '1', 'TRUE']) {
          assertError(await call('GET', `/api/v1/agents?includeInactive=${v}`), 'validation_failed', 'includeInactive');
        }
      }));
  });
});
