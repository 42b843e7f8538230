/**
 * Authorization refusals: every route but the public ones answers 401 to missing, garbage, revoked and
 * deactivated credentials; admin-only routes answer 403 to plain agents; login, session cookies with CSRF,
 * API tokens stored as hashes, and the rules that keep an admin and an owner for every ticket.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { errorStatus, type ErrorCode } from '../src/http/errors.ts';
import { createTicket, testApp, type Caller, type TestApp } from './helpers.ts';
import { notify } from '../src/notifications/service.ts';

type Res = Awaited<ReturnType<TestApp['call']>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const PASSWORD = 'correct horse battery'; // the password test/helpers.ts gives every agent

function assertError(res: Res, code: ErrorCode, context = '') {
  const where = `${context} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  assert.equal(res.status, errorStatus[code], where);
  assert.match(String(res.headers['content-type']), /^application\/json/, where);
  assert.ok(res.body && typeof res.body === 'object', where);
  assert.deepEqual(Object.keys(res.body), ['error'], where);
  assert.equal(res.body.error.code, code, where);
  assert.equal(typeof res.body.error.message, 'string', where);
  assert.ok(res.body.error.message.length > 0, where);
  const text = JSON.stringify(res.body);
  assert.doesNotMatch(text, /\n\s*at\s|node_modules|\.[jt]s:\d+:\d+/, `no stack trace: ${where}`);
  assert.doesNotMatch(text, /\bselect\s+[\w*"(]|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+"?\w+"?\s+set\b/i, `no SQL: ${where}`);
}

const snapshotTables = ['agents', 'teams', 'team_members', 'workspace', 'organizations', 'customers', 'customer_identities', 'tickets', 'messages', 'handoffs', 'events'];
const snapshotQuery = `select ${snapshotTables
  .map((tb) => `(select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${tb} x) as ${tb}`)
  .join(', ')}, (select count(*) || ':' || md5(coalesce(string_agg((x.id, x.agent_id, x.kind, x.name, x.token_hash, x.revoked_at)::text, '|' order by x.id), '')) from auth_tokens x) as auth_tokens`;

function helpers(get: () => TestApp) {
  const snapshot = async () => (await sql.raw<Record<string, string>>(snapshotQuery).execute(get().database.db)).rows[0]!;
  return {
    snapshot,
    async unchanged<T>(fn: () => Promise<T>): Promise<T> {
      const beforeRows = await snapshot();
      const result = await fn();
      assert.deepEqual(await snapshot(), beforeRows, 'a refused request must change nothing');
      return result;
    },
    call(method: Method | 'HEAD', url: string, opts: { payload?: unknown; as?: Caller | null; headers?: Record<string, string> } = {}) {
      return get().call({ method, url, payload: opts.payload as object, as: opts.as, headers: opts.headers });
    },
    async login(email: string, password = PASSWORD) {
      const res = await get().call({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, as: null });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return { token: res.body.token as string, csrfToken: res.body.csrfToken as string, res };
    },
  };
}

const asBearer = (token: string): Caller => ({ token, agentId: '', email: '' });
const setCookies = (res: Res): string[] => {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h.map(String) : [String(h)];
};

// ---------------------------------------------------------------------------------------------------------------

type SweepFixtures = {
  ticketId: string;
  handoffTicketId: string;
  victimId: string;
  teamId: string;
  customerId: string;
  orgId: string;
  tokenId: string;
  agentId: string;
  attachmentId: string;
  mailboxId: string;
  deadLetterId: string;
  commitmentId: string;
  notificationId: string;
  calendarId: string;
  policyId: string;
  articleId: string;
  macroId: string;
};
type Route = { method: Method; path: string; url: string; payload?: unknown; headers?: Record<string, string> };

const slaTarget = { firstResponse: 60, nextResponse: 60, resolution: 600 };
const slaTargets = { urgent: slaTarget, high: slaTarget, normal: slaTarget, low: slaTarget };

/**
 * Routes that need no agent: sign-in, and what customers use (the form, the widget's conversation token, the portal
 * session, survey tokens). Their own credentials and isolation are tested in test/widget*, test/portal*,
 * test/survey* and src/public.
 */
const customerRoutes = [
  'POST /api/v1/auth/login', 'GET /api/v1/auth/session', 'POST /api/v1/knowledge/suggest', 'POST /api/v1/public/tickets',
  'POST /api/v1/public/conversations', 'GET /api/v1/public/conversations/current', 'POST /api/v1/public/conversations/current/messages',
  'POST /api/v1/public/conversations/current/attachments', 'GET /api/v1/public/conversations/current/attachments/:id',
  'GET /api/v1/public/conversations/current/stream', 'POST /api/v1/public/surveys/{token}', 'POST /api/v1/portal/login',
  'POST /api/v1/portal/session', 'POST /api/v1/portal/logout', 'GET /api/v1/portal/me', 'GET /api/v1/portal/tickets',
  'GET /api/v1/portal/tickets/:id', 'POST /api/v1/portal/tickets/:id/messages', 'POST /api/v1/portal/tickets/:id/attachments',
  'POST /api/v1/portal/tickets/:id/solve', 'POST /api/v1/portal/tickets/:id/survey', 'GET /api/v1/portal/attachments/:id',
];

/** Every route that needs a signed-in agent, each with a request that would succeed for an admin. */
function protectedRoutes(x: SweepFixtures): Route[] {
  const id = (path: string, value: string): Route['url'] => path.replace(':id', value);
  const r = (method: Method, path: string, value?: string, payload?: unknown): Route => ({ method, path, url: value ? id(path, value) : path, payload });
  const upload: Route = {
    method: 'POST',
    path: '/api/v1/tickets/:id/attachments',
    url: `/api/v1/tickets/${x.ticketId}/attachments?filename=sweep.txt`,
    payload: 'uploaded by nobody',
    headers: { 'content-type': 'text/plain' },
  };
  return [
    r('GET', '/api/v1/tokens'),
    r('POST', '/api/v1/tokens', undefined, { name: 'sweep' }),
    r('DELETE', '/api/v1/tokens/:id', x.tokenId),
    r('GET', '/api/v1/workspace'),
    r('PATCH', '/api/v1/workspace', undefined, { name: 'Taken over' }),
    r('GET', '/api/v1/agents'),
    r('POST', '/api/v1/agents', undefined, { email: `intruder-${randomBytes(3).toString('hex')}@example.com`, name: 'Intruder', role: 'admin', password: 'intruder-password' }),
    r('GET', '/api/v1/agents/me'),
    r('GET', '/api/v1/agents/:id', x.victimId),
    r('PATCH', '/api/v1/agents/:id', x.victimId, { role: 'admin' }),
    r('DELETE', '/api/v1/agents/:id', x.victimId),
    r('GET', '/api/v1/teams'),
    r('POST', '/api/v1/teams', undefined, { name: `Intruders ${randomBytes(3).toString('hex')}` }),
    r('GET', '/api/v1/teams/:id', x.teamId),
    r('PATCH', '/api/v1/teams/:id', x.teamId, { name: 'Renamed by nobody' }),
    r('DELETE', '/api/v1/teams/:id', x.teamId),
    r('GET', '/api/v1/customers'),
    r('POST', '/api/v1/customers', undefined, { name: 'Injected' }),
    r('GET', '/api/v1/customers/:id', x.customerId),
    r('PATCH', '/api/v1/customers/:id', x.customerId, { name: 'Renamed by nobody' }),
    r('GET', '/api/v1/organizations'),
    r('POST', '/api/v1/organizations', undefined, { name: `Injected ${randomBytes(3).toString('hex')}` }),
    r('GET', '/api/v1/organizations/:id', x.orgId),
    r('PATCH', '/api/v1/organizations/:id', x.orgId, { name: 'Renamed by nobody' }),
    r('GET', '/api/v1/tickets'),
    r('GET', '/api/v1/tickets/counts'),
    r('POST', '/api/v1/tickets', undefined, { subject: 'Injected', body: 'x', requester: { email: 'injected@example.com' } }),
    r('GET', '/api/v1/tickets/:id', x.ticketId),
    r('PATCH', '/api/v1/tickets/:id', x.ticketId, { priority: 'urgent' }),
    r('POST', '/api/v1/tickets/:id/messages', x.ticketId, { body: 'Injected reply' }),
    r('POST', '/api/v1/tickets/:id/handoff', x.ticketId, { toAgentId: x.agentId, note: 'Take it' }),
    r('POST', '/api/v1/tickets/:id/handoff/accept', x.handoffTicketId),
    r('POST', '/api/v1/tickets/:id/handoff/decline', x.handoffTicketId, { reason: 'No' }),
    r('POST', '/api/v1/tickets/:id/handoff/cancel', x.handoffTicketId),
    r('GET', '/api/v1/search?q=printer'),
    upload,
    r('GET', '/api/v1/tickets/:id/attachments', x.ticketId),
    r('GET', '/api/v1/attachments/:id', x.attachmentId),
    r('GET', '/api/v1/mailboxes'),
    r('POST', '/api/v1/mailboxes', undefined, { address: `sweep-${randomBytes(3).toString('hex')}@heed.test`, name: 'Sweep' }),
    r('GET', '/api/v1/mailboxes/:id', x.mailboxId),
    r('PATCH', '/api/v1/mailboxes/:id', x.mailboxId, { name: 'Renamed by nobody' }),
    r('DELETE', '/api/v1/mailboxes/:id', x.mailboxId),
    r('GET', '/api/v1/channels/email/inbound'),
    r('POST', '/api/v1/channels/email/inbound/:id/retry', x.deadLetterId),
    {
      method: 'POST',
      path: '/api/v1/channels/email/inbound',
      url: '/api/v1/channels/email/inbound',
      payload: 'From: a@example.com\r\nTo: sweep@heed.test\r\nSubject: hi\r\n\r\nhello\r\n',
      headers: { 'content-type': 'message/rfc822' },
    },
    r('GET', '/api/v1/commitments'),
    r('GET', '/api/v1/tickets/:id/commitments', x.ticketId),
    r('POST', '/api/v1/tickets/:id/commitments', x.ticketId, { text: 'Injected promise' }),
    r('PATCH', '/api/v1/commitments/:id', x.commitmentId, { text: 'Renamed by nobody' }),
    r('POST', '/api/v1/tickets/:id/follow-up', x.ticketId, { remindAt: new Date(Date.now() + 86_400_000).toISOString() }),
    r('GET', '/api/v1/notifications'),
    r('POST', '/api/v1/notifications/:id/read', x.notificationId),
    r('GET', '/api/v1/measures'),
    r('GET', '/api/v1/business-hours'),
    r('POST', '/api/v1/business-hours', undefined, { name: `Night ${randomBytes(3).toString('hex')}`, timeZone: 'UTC', periods: [{ day: 1, start: '20:00', end: '23:00' }] }),
    r('GET', '/api/v1/business-hours/:id', x.calendarId),
    r('PATCH', '/api/v1/business-hours/:id', x.calendarId, { name: 'Renamed by nobody' }),
    r('POST', '/api/v1/business-hours/:id/holidays/import', x.calendarId, { ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Xmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' }),
    r('GET', '/api/v1/sla-policies'),
    r('POST', '/api/v1/sla-policies', undefined, { name: `Injected ${randomBytes(3).toString('hex')}`, calendarId: x.calendarId, targets: slaTargets }),
    r('GET', '/api/v1/sla-policies/:id', x.policyId),
    r('PATCH', '/api/v1/sla-policies/:id', x.policyId, { name: 'Renamed by nobody' }),
    r('DELETE', '/api/v1/sla-policies/:id', x.policyId),
    r('DELETE', '/api/v1/business-hours/:id', x.calendarId),
    r('GET', '/api/v1/knowledge/articles'),
    r('POST', '/api/v1/knowledge/articles', undefined, { title: `Sweep ${randomBytes(3).toString('hex')}`, body: 'Injected' }),
    r('GET', '/api/v1/knowledge/articles/:id', x.articleId),
    r('PATCH', '/api/v1/knowledge/articles/:id', x.articleId, { title: 'Renamed by nobody' }),
    r('GET', '/api/v1/knowledge/articles/:id/versions', x.articleId),
    r('GET', '/api/v1/macros'),
    r('POST', '/api/v1/macros', undefined, { name: `Sweep ${randomBytes(3).toString('hex')}`, body: 'Hi {{customer.firstName}}' }),
    r('GET', '/api/v1/macros/:id', x.macroId),
    r('PATCH', '/api/v1/macros/:id', x.macroId, { name: `Renamed ${randomBytes(3).toString('hex')}` }),
    r('POST', '/api/v1/macros/:id/render', x.macroId, { ticketId: x.ticketId }),
    { method: 'POST', path: '/api/v1/tickets/{ticketId}/macros/:id/apply', url: `/api/v1/tickets/${x.ticketId}/macros/${x.macroId}/apply` },
    r('GET', '/api/v1/tickets/:id/suggestions', x.ticketId),
    r('GET', '/api/v1/insights/repeated-inquiries'),
    r('GET', '/api/v1/insights/csat'),
    r('DELETE', '/api/v1/macros/:id', x.macroId),
    r('DELETE', '/api/v1/knowledge/articles/:id', x.articleId),
    r('POST', '/api/v1/coach', undefined, { text: "We can't do that." }),
    // maxSeconds=1: the stream ends by itself, so a successful call returns
    r('GET', '/api/v1/stream?maxSeconds=1'),
    r('POST', '/api/v1/tickets/:id/presence', x.ticketId, { state: 'viewing' }),
    // last: it would end the session that sends it
    r('POST', '/api/v1/auth/logout'),
  ];
}

describe('authentication on every route', () => {
  let t: TestApp;
  let x: SweepFixtures;
  const h = helpers(() => t);

  before(async () => {
    t = await testApp();
    const ticket = await createTicket(t, { subject: 'Printer jammed' });
    const victim = await t.agent({ name: 'Victim' });
    const agent = await t.agent({ name: 'Helper' });
    const handoffTicket = await createTicket(t);
    const handoff = await h.call('POST', `/api/v1/tickets/${handoffTicket.id}/handoff`, { payload: { toAgentId: agent.agentId, note: 'Yours' } });
    assert.equal(handoff.status, 201);
    const team = await h.call('POST', '/api/v1/teams', { payload: { name: 'Sweepers' } });
    const org = await h.call('POST', '/api/v1/organizations', { payload: { name: 'Sweep Org' } });
    const token = await h.call('POST', '/api/v1/tokens', { payload: { name: 'to be deleted' } });
    const file = await h.call('POST', `/api/v1/tickets/${ticket.id}/attachments?filename=notes.txt`, { payload: 'secret notes', headers: { 'content-type': 'text/plain' } });
    assert.equal(file.status, 201, JSON.stringify(file.body));
    const mailbox = await h.call('POST', '/api/v1/mailboxes', { payload: { address: 'sweep@heed.test', name: 'Sweep' } });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    const letter = await h.call('POST', '/api/v1/channels/email/inbound', { payload: 'Subject: nobody sent this\r\n\r\nno sender\r\n', headers: { 'content-type': 'message/rfc822' } });
    assert.equal(letter.body.outcome, 'dead_letter', JSON.stringify(letter.body));
    const commitment = await h.call('POST', `/api/v1/tickets/${ticket.id}/commitments`, { payload: { text: 'Call back' } });
    assert.equal(commitment.status, 201, JSON.stringify(commitment.body));
    await notify(t.database.db, [{ agentId: t.admin.agentId, kind: 'test', body: 'for the sweep' }]);
    const notification = await t.database.db.selectFrom('notifications').select('id').where('agent_id', '=', t.admin.agentId).executeTakeFirstOrThrow();
    const calendar = await h.call('POST', '/api/v1/business-hours', { payload: { name: 'Sweep hours', timeZone: 'UTC', periods: [{ day: 2, start: '09:00', end: '17:00' }] } });
    assert.equal(calendar.status, 201, JSON.stringify(calendar.body));
    const policy = await h.call('POST', '/api/v1/sla-policies', { payload: { name: 'Sweep policy', calendarId: calendar.body.id, targets: slaTargets } });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    const article = await h.call('POST', '/api/v1/knowledge/articles', { payload: { title: 'Sweep article', body: 'Printer help', status: 'published' } });
    assert.equal(article.status, 201, JSON.stringify(article.body));
    const macro = await h.call('POST', '/api/v1/macros', { payload: { name: 'Sweep macro', body: 'Hello {{customer.firstName}}' } });
    assert.equal(macro.status, 201, JSON.stringify(macro.body));
    x = {
      ticketId: ticket.id,
      handoffTicketId: handoffTicket.id,
      victimId: victim.agentId,
      teamId: team.body.id,
      customerId: ticket.requesterId,
      orgId: org.body.id,
      tokenId: token.body.id,
      agentId: agent.agentId,
      attachmentId: file.body.id,
      mailboxId: mailbox.body.id,
      deadLetterId: letter.body.id,
      commitmentId: commitment.body.id,
      notificationId: notification.id,
      calendarId: calendar.body.id,
      policyId: policy.body.id,
      articleId: article.body.id,
      macroId: macro.body.id,
    };
  });
  after(() => t.close());

  /** Sends every protected route with the given credentials and expects 401 from each, with nothing changed. */
  async function expect401Everywhere(label: string, headers: Record<string, string>) {
    await h.unchanged(async () => {
      for (const r of protectedRoutes(x)) {
        const res = await h.call(r.method, r.url, { payload: r.payload, headers: { ...r.headers, ...headers }, as: null });
        assertError(res, 'unauthenticated', `${label}: ${r.method} ${r.url}`);
      }
      for (const r of protectedRoutes(x).filter((p) => p.method === 'GET')) {
        const res = await h.call('HEAD', r.url, { headers, as: null });
        assert.equal(res.status, 401, `${label}: HEAD ${r.url}`);
      }
    });
  }

  it('the route table covers every route the API documents', async () => {
    const spec = await h.call('GET', '/api/v1/openapi.json', { as: null });
    assert.equal(spec.status, 200);
    const documented = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace('{id}', ':id')}`))
      .sort();
    const covered = [...protectedRoutes(x).map((r) => `${r.method} ${r.path.split('?')[0]}`), ...customerRoutes].sort();
    assert.deepEqual(covered, documented);
  });

  it('public routes answer without a token, and ignore a garbage one', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: 'Bearer garbage' }, { authorization: 'Basic Zm9vOmJhcg==' }];
    for (const headers of variants) {
      assert.equal((await h.call('GET', '/healthz', { headers, as: null })).status, 200);
      const ready = await h.call('GET', '/readyz', { headers, as: null });
      assert.equal(ready.status, 200);
      assert.equal(ready.body.status, 'ready');
      const spec = await h.call('GET', '/api/v1/openapi.json', { headers, as: null });
      assert.equal(spec.status, 200);
      assert.ok(spec.body.paths['/api/v1/tickets']);
      // Nobody signed in is an answer, not an error: the web app asks on every start.
      const session = await h.call('GET', '/api/v1/auth/session', { headers, as: null });
      assert.deepEqual([session.status, session.body], [200, { agent: null, csrfToken: null }]);
      const login = await h.call('POST', '/api/v1/auth/login', { payload: { email: t.admin.email, password: PASSWORD }, headers, as: null });
      assert.equal(login.status, 200);
    }
  });

  it('every other route answers 401 without a token', () => expect401Everywhere('no token', {}));

  it('every other route answers 401 to garbage credentials', async () => {
    const garbage: Record<string, Record<string, string>> = {
      'a short garbage token': { authorization: 'Bearer garbage' },
      'a well-formed API token nobody issued': { authorization: `Bearer heed_api_${randomBytes(32).toString('base64url')}` },
      'a well-formed session token nobody issued': { authorization: `Bearer heed_s_${randomBytes(32).toString('base64url')}` },
      'a 500-character token': { authorization: `Bearer ${'x'.repeat(500)}` },
      'Basic credentials': { authorization: `Basic ${Buffer.from(`${t.admin.email}:${PASSWORD}`).toString('base64')}` },
      'an empty Bearer': { authorization: 'Bearer ' },
      'a token without a scheme': { authorization: t.admin.token.slice(0, 20) },
      'a garbage session cookie': { cookie: `heed_session=heed_s_${randomBytes(32).toString('base64url')}` },
      'a valid token in a cookie with another name': { cookie: `session=${t.admin.token}` },
    };
    for (const [label, headers] of Object.entries(garbage)) await expect401Everywhere(label, headers);
  });

  it('the stored hash of a token is not a credential', async () => {
    const rows = await t.database.db.selectFrom('auth_tokens').select('token_hash').where('agent_id', '=', t.admin.agentId).execute();
    assert.ok(rows.length > 0);
    for (const row of rows) await expect401Everywhere('a token hash', { authorization: `Bearer ${row.token_hash}` });
  });

  it('a session token answers 401 everywhere after POST /api/v1/auth/logout, as Bearer and as cookie', async () => {
    const s = await h.login(t.admin.email);
    assert.equal((await h.call('GET', '/api/v1/agents/me', { as: asBearer(s.token) })).status, 200);
    assert.equal((await h.call('GET', '/api/v1/agents/me', { headers: { cookie: `heed_session=${s.token}` }, as: null })).status, 200);
    const out = await h.call('POST', '/api/v1/auth/logout', { as: asBearer(s.token) });
    assert.equal(out.status, 204);
    await expect401Everywhere('after logout (Bearer)', { authorization: `Bearer ${s.token}` });
    await expect401Everywhere('after logout (cookie)', { cookie: `heed_session=${s.token}`, 'x-csrf-token': s.csrfToken });
  });

  it('an API token answers 401 everywhere after POST /api/v1/auth/logout', async () => {
    const created = await h.call('POST', '/api/v1/tokens', { payload: { name: 'logs itself out' } });
    assert.equal(created.status, 201);
    assert.equal((await h.call('GET', '/api/v1/agents/me', { as: asBearer(created.body.token) })).status, 200);
    assert.equal((await h.call('POST', '/api/v1/auth/logout', { as: asBearer(created.body.token) })).status, 204);
    await expect401Everywhere('API token after logout', { authorization: `Bearer ${created.body.token}` });
  });

  it('an API token answers 401 everywhere after DELETE /api/v1/tokens/:id', async () => {
    const created = await h.call('POST', '/api/v1/tokens', { payload: { name: 'revoked soon' } });
    assert.equal(created.status, 201);
    assert.equal((await h.call('GET', '/api/v1/agents/me', { as: asBearer(created.body.token) })).status, 200);
    assert.equal((await h.call('DELETE', `/api/v1/tokens/${created.body.id}`)).status, 204);
    await expect401Everywhere('deleted API token', { authorization: `Bearer ${created.body.token}` });
  });

  it('a deactivated agent answers 401 everywhere, with API and session tokens, and cannot sign in again', async () => {
    // an admin, so that nothing but the deactivation could explain a refusal
    const gone = await t.agent({ role: 'admin', name: 'Leaving Admin' });
    const s = await h.login(gone.email);
    assert.equal((await h.call('GET', '/api/v1/tokens', { as: gone })).status, 200);
    const deactivated = await h.call('DELETE', `/api/v1/agents/${gone.agentId}`);
    assert.equal(deactivated.status, 200, JSON.stringify(deactivated.body));
    assert.equal(deactivated.body.active, false);
    await expect401Everywhere('deactivated agent (API token)', { authorization: `Bearer ${gone.token}` });
    await expect401Everywhere('deactivated agent (session)', { authorization: `Bearer ${s.token}` });
    await expect401Everywhere('deactivated agent (cookie)', { cookie: `heed_session=${s.token}`, 'x-csrf-token': s.csrfToken });
    const again = await h.call('POST', '/api/v1/auth/login', { payload: { email: gone.email, password: PASSWORD }, as: null });
    assertError(again, 'invalid_credentials');
    const stillThere = await t.database.db.selectFrom('agents').select('active').where('id', '=', gone.agentId).executeTakeFirstOrThrow();
    assert.equal(stillThere.active, false, 'deactivated, not erased');
  });

  it('reactivating an agent does not revive the tokens revoked by the deactivation', async () => {
    const back = await t.agent({ name: 'Returning Agent' });
    assert.equal((await h.call('DELETE', `/api/v1/agents/${back.agentId}`)).status, 200);
    const revived = await h.call('PATCH', `/api/v1/agents/${back.agentId}`, { payload: { active: true } });
    assert.equal(revived.status, 200);
    assert.equal(revived.body.active, true);
    assertError(await h.call('GET', '/api/v1/agents/me', { as: back }), 'unauthenticated');
    assert.equal((await h.login(back.email)).res.status, 200, 'a fresh sign-in works');
  });

  // The same requests, authenticated, reach their handlers: the 401s above come from authentication alone.
  it('with a valid admin token the same requests are not refused', async () => {
    const created = await h.call('POST', '/api/v1/tokens', { payload: { name: 'control' } });
    const admin = asBearer(created.body.token);
    for (const r of protectedRoutes(x)) {
      const res = await h.call(r.method, r.url, { payload: r.payload, headers: r.headers, as: admin });
      assert.ok(![401, 403].includes(res.status) && res.status < 500, `${r.method} ${r.url} → ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('admin-only routes', () => {
  let t: TestApp;
  let agent: Caller;
  let other: Caller;
  let teamId: string;
  let tokenId: string;
  let articleId: string;
  let macroId: string;
  const h = helpers(() => t);

  before(async () => {
    t = await testApp();
    agent = await t.agent({ name: 'Plain Agent' });
    other = await t.agent({ name: 'Other Agent' });
    const team = await h.call('POST', '/api/v1/teams', { payload: { name: 'Admins only' } });
    teamId = team.body.id;
    const token = await h.call('POST', '/api/v1/tokens', { payload: { name: 'admin token' } });
    tokenId = token.body.id;
    const article = await h.call('POST', '/api/v1/knowledge/articles', { payload: { title: 'Admin article', body: 'Only admins delete it' } });
    articleId = article.body.id;
    const macro = await h.call('POST', '/api/v1/macros', { payload: { name: 'Admin macro', body: 'Hello' } });
    macroId = macro.body.id;
  });
  after(() => t.close());

  const refused: { name: string; method: Method; url: () => string; payload?: () => unknown }[] = [
    { name: 'POST /api/v1/agents', method: 'POST', url: () => '/api/v1/agents', payload: () => ({ email: 'friend@example.com', name: 'Friend', role: 'admin' }) },
    { name: 'PATCH /api/v1/agents/:id of another agent', method: 'PATCH', url: () => `/api/v1/agents/${other.agentId}`, payload: () => ({ name: 'Renamed' }) },
    { name: 'PATCH /api/v1/agents/:id of an admin', method: 'PATCH', url: () => `/api/v1/agents/${t.admin.agentId}`, payload: () => ({ role: 'agent' }) },
    { name: 'DELETE /api/v1/agents/:id of another agent', method: 'DELETE', url: () => `/api/v1/agents/${other.agentId}` },
    { name: 'DELETE /api/v1/agents/:id of oneself', method: 'DELETE', url: () => `/api/v1/agents/${agent.agentId}` },
    { name: 'POST /api/v1/teams', method: 'POST', url: () => '/api/v1/teams', payload: () => ({ name: 'Shadow team', memberIds: [agent.agentId] }) },
    { name: 'PATCH /api/v1/teams/:id', method: 'PATCH', url: () => `/api/v1/teams/${teamId}`, payload: () => ({ memberIds: [agent.agentId] }) },
    { name: 'DELETE /api/v1/teams/:id', method: 'DELETE', url: () => `/api/v1/teams/${teamId}` },
    { name: 'POST /api/v1/tokens', method: 'POST', url: () => '/api/v1/tokens', payload: () => ({ name: 'mine' }) },
    { name: 'POST /api/v1/tokens for another agent', method: 'POST', url: () => '/api/v1/tokens', payload: () => ({ name: 'theirs', agentId: t.admin.agentId }) },
    { name: 'GET /api/v1/tokens', method: 'GET', url: () => '/api/v1/tokens' },
    { name: 'DELETE /api/v1/tokens/:id', method: 'DELETE', url: () => `/api/v1/tokens/${tokenId}` },
    { name: 'PATCH /api/v1/workspace', method: 'PATCH', url: () => '/api/v1/workspace', payload: () => ({ defaultOwnerId: agent.agentId }) },
    { name: 'POST /api/v1/mailboxes', method: 'POST', url: () => '/api/v1/mailboxes', payload: () => ({ address: 'mine@heed.test', name: 'Mine' }) },
    { name: 'GET /api/v1/channels/email/inbound', method: 'GET', url: () => '/api/v1/channels/email/inbound' },
    { name: 'POST /api/v1/channels/email/inbound', method: 'POST', url: () => '/api/v1/channels/email/inbound', payload: () => ({ raw: 'x' }) },
    { name: 'DELETE /api/v1/knowledge/articles/:id', method: 'DELETE', url: () => `/api/v1/knowledge/articles/${articleId}` },
    { name: 'POST /api/v1/macros', method: 'POST', url: () => '/api/v1/macros', payload: () => ({ name: 'Agent macro', body: 'Hi' }) },
    { name: 'PATCH /api/v1/macros/:id', method: 'PATCH', url: () => `/api/v1/macros/${macroId}`, payload: () => ({ body: 'Changed by an agent' }) },
    { name: 'DELETE /api/v1/macros/:id', method: 'DELETE', url: () => `/api/v1/macros/${macroId}` },
  ];
  for (const r of refused) {
    it(`${r.name} answers 403 to a plain agent`, () =>
      h.unchanged(async () => {
        assertError(await h.call(r.method, r.url(), { payload: r.payload?.(), as: agent }), 'forbidden', r.name);
      }));
  }

  it('a plain agent signed in with a cookie session gets 403 too', async () => {
    const s = await h.login(agent.email);
    await h.unchanged(async () => {
      const res = await h.call('POST', '/api/v1/teams', { payload: { name: 'Cookie team' }, headers: { cookie: `heed_session=${s.token}`, 'x-csrf-token': s.csrfToken }, as: null });
      assertError(res, 'forbidden');
    });
  });

  it('a plain agent may still use the ordinary routes', async () => {
    for (const url of ['/api/v1/tickets', '/api/v1/workspace', '/api/v1/teams', '/api/v1/agents', '/api/v1/agents/me', `/api/v1/teams/${teamId}`]) {
      assert.equal((await h.call('GET', url, { as: agent })).status, 200, url);
    }
    const c = await h.call('POST', '/api/v1/customers', { payload: { name: 'Agent-made' }, as: agent });
    assert.equal(c.status, 201);
  });

  it('an agent may change their own name, password, skills and availability', async () => {
    const res = await h.call('PATCH', `/api/v1/agents/${agent.agentId}`, {
      payload: { name: 'Renamed Self', password: 'a brand new passphrase', skills: ['billing', 'de'], availability: 'away' },
      as: agent,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.name, 'Renamed Self');
    assert.deepEqual(res.body.skills, ['billing', 'de']);
    assert.equal(res.body.availability, 'away');
    assert.equal(res.body.role, 'agent');
    const old = await h.call('POST', '/api/v1/auth/login', { payload: { email: agent.email, password: PASSWORD }, as: null });
    assertError(old, 'invalid_credentials');
    assert.equal((await h.login(agent.email, 'a brand new passphrase')).res.status, 200);
  });

  it('an agent PATCHing their own role, email or active flag gets 403, even alongside allowed fields', () =>
    h.unchanged(async () => {
      for (const payload of [{ role: 'admin' }, { name: 'Sneaky', role: 'admin' }, { email: 'new-me@example.com' }, { active: false }, { availability: 'available', active: true }]) {
        const res = await h.call('PATCH', `/api/v1/agents/${agent.agentId}`, { payload, as: agent });
        assertError(res, 'forbidden', JSON.stringify(payload));
      }
    }));

  it('an agent cannot PATCH another agent, not even the fields they may change on themselves', () =>
    h.unchanged(async () => {
      for (const target of [other.agentId, t.admin.agentId]) {
        for (const payload of [{ name: 'Hijacked' }, { password: 'hijacked-password' }, { availability: 'offline' }, { skills: [] }]) {
          assertError(await h.call('PATCH', `/api/v1/agents/${target}`, { payload, as: agent }), 'forbidden');
        }
      }
    }));

  it('an admin may do what the plain agent was refused', async () => {
    assert.equal((await h.call('PATCH', `/api/v1/agents/${other.agentId}`, { payload: { name: 'Renamed by admin' } })).status, 200);
    assert.equal((await h.call('GET', '/api/v1/tokens')).status, 200);
    assert.equal((await h.call('PATCH', `/api/v1/teams/${teamId}`, { payload: { memberIds: [other.agentId] } })).status, 200);
    assert.equal((await h.call('PATCH', '/api/v1/workspace', { payload: { name: 'Heed HQ' } })).status, 200);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('login and cookie sessions', () => {
  let t: TestApp;
  const h = helpers(() => t);
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());
  // Sign-in is rate limited per address (10 a minute), so each test signs in as an admin of its own.
  const newAdmin = () => t.agent({ role: 'admin' });

  it('a wrong password and an unknown email both answer 401 invalid_credentials with the same message', () =>
    h.unchanged(async () => {
      const wrong = await h.call('POST', '/api/v1/auth/login', { payload: { email: t.admin.email, password: 'not the password' }, as: null });
      const unknown = await h.call('POST', '/api/v1/auth/login', { payload: { email: 'nobody-here@example.com', password: PASSWORD }, as: null });
      assertError(wrong, 'invalid_credentials');
      assertError(unknown, 'invalid_credentials');
      assert.equal(wrong.body.error.message, unknown.body.error.message);
      assert.deepEqual(wrong.body, unknown.body, 'nothing tells the two apart');
      assert.deepEqual(setCookies(wrong), []);
      assert.deepEqual(setCookies(unknown), []);
    }));

  it('an agent without a password cannot sign in, with the same answer', async () => {
    const created = await h.call('POST', '/api/v1/agents', { payload: { email: 'nopass@example.com', name: 'No Password' } });
    assert.equal(created.status, 201);
    const res = await h.call('POST', '/api/v1/auth/login', { payload: { email: 'nopass@example.com', password: PASSWORD }, as: null });
    assertError(res, 'invalid_credentials');
    assert.equal(res.body.error.message, 'the email or password is wrong');
  });

  it('login answers a token that works as Bearer, a CSRF token and an expiry, and never the password hash', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email.toUpperCase());
    assert.equal(typeof s.token, 'string');
    assert.ok(s.token.length >= 32);
    assert.equal(typeof s.csrfToken, 'string');
    assert.notEqual(s.csrfToken, s.token);
    const expires = Date.parse(s.res.body.expiresAt);
    assert.ok(Math.abs(expires - (Date.now() + 24 * 3600_000)) < 60_000, 'the session lasts sessionTtlHours');
    assert.equal(s.res.body.agent.id, who.agentId);
    assert.doesNotMatch(JSON.stringify(s.res.body), /password|argon2/i);
    const me = await h.call('GET', '/api/v1/agents/me', { as: asBearer(s.token) });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, who.agentId);
    // a Bearer session needs no CSRF header: the header cannot be set by another site
    const org = await h.call('POST', '/api/v1/organizations', { payload: { name: 'Bearer Org' }, as: asBearer(s.token) });
    assert.equal(org.status, 201);
  });

  it('login sets the heed_session cookie HttpOnly and SameSite=Strict', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email);
    const cookies = setCookies(s.res);
    const session = cookies.find((c) => c.startsWith('heed_session='));
    assert.ok(session, `no heed_session cookie in ${JSON.stringify(cookies)}`);
    const [pair, ...attrs] = session.split(';').map((p) => p.trim());
    assert.equal(pair, `heed_session=${s.token}`);
    const lower = attrs.map((a) => a.toLowerCase());
    assert.ok(lower.includes('httponly'), session);
    assert.ok(lower.includes('samesite=strict'), session);
    assert.ok(lower.includes('path=/'), session);
    assert.ok(!cookies.some((c) => c.includes(s.csrfToken)), 'the CSRF token is not in a cookie');
  });

  it('the session cookie authenticates GETs', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email);
    const cookie = { cookie: `heed_session=${s.token}` };
    const me = await h.call('GET', '/api/v1/agents/me', { headers: cookie, as: null });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, who.agentId);
    assert.equal((await h.call('GET', '/api/v1/tickets', { headers: cookie, as: null })).status, 200);
  });

  it('cookie-authenticated POST, PATCH and DELETE without the right X-CSRF-Token answer 403 csrf_failed and change nothing', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email);
    const otherSession = await h.login(who.email);
    const org = await h.call('POST', '/api/v1/organizations', { payload: { name: 'CSRF Target' } });
    const team = await h.call('POST', '/api/v1/teams', { payload: { name: 'CSRF Team' } });
    const requests: { method: Method; url: string; payload?: unknown }[] = [
      { method: 'POST', url: '/api/v1/organizations', payload: { name: 'Forged' } },
      { method: 'PATCH', url: `/api/v1/organizations/${org.body.id}`, payload: { name: 'Forged' } },
      { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Forged', body: 'x', requester: { email: 'forged@example.com' } } },
      { method: 'PATCH', url: '/api/v1/workspace', payload: { name: 'Forged' } },
      { method: 'DELETE', url: `/api/v1/teams/${team.body.id}` },
      { method: 'POST', url: '/api/v1/tokens', payload: { name: 'forged' } },
      { method: 'POST', url: '/api/v1/auth/logout' },
    ];
    const badHeaders: Record<string, Record<string, string>> = {
      'no header': {},
      'an empty header': { 'x-csrf-token': '' },
      'a wrong token': { 'x-csrf-token': 'x'.repeat(s.csrfToken.length) },
      'a prefix of the token': { 'x-csrf-token': s.csrfToken.slice(0, -1) },
      "another session's token": { 'x-csrf-token': otherSession.csrfToken },
      'the session token itself': { 'x-csrf-token': s.token },
    };
    await h.unchanged(async () => {
      for (const [label, extra] of Object.entries(badHeaders)) {
        for (const r of requests) {
          const res = await h.call(r.method, r.url, { payload: r.payload, headers: { cookie: `heed_session=${s.token}`, ...extra }, as: null });
          assertError(res, 'csrf_failed', `${label}: ${r.method} ${r.url}`);
        }
      }
    });
    // the refused logout did not end the session
    assert.equal((await h.call('GET', '/api/v1/agents/me', { headers: { cookie: `heed_session=${s.token}` }, as: null })).status, 200);
  });

  it('cookie-authenticated POST, PATCH and DELETE with the csrfToken from login succeed', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email);
    const headers = { cookie: `heed_session=${s.token}`, 'x-csrf-token': s.csrfToken };
    const created = await h.call('POST', '/api/v1/organizations', { payload: { name: 'Cookie Org' }, headers, as: null });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const patched = await h.call('PATCH', `/api/v1/organizations/${created.body.id}`, { payload: { notes: 'via cookie' }, headers, as: null });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.notes, 'via cookie');
    const team = await h.call('POST', '/api/v1/teams', { payload: { name: 'Cookie Team' }, headers, as: null });
    assert.equal(team.status, 201);
    assert.equal((await h.call('DELETE', `/api/v1/teams/${team.body.id}`, { headers, as: null })).status, 204);
    const event = await t.database.db.selectFrom('events').select(['actor_id']).where('entity_id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.equal(event.actor_id, who.agentId, 'the cookie session acts as its agent');
  });

  it('a Bearer header wins over the cookie: a bad Bearer is refused even with a good cookie', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email);
    const res = await h.call('GET', '/api/v1/agents/me', { headers: { cookie: `heed_session=${s.token}`, authorization: 'Bearer garbage-token' }, as: null });
    assertError(res, 'unauthenticated');
  });

  it('logout through the cookie needs the CSRF token, then clears the cookie and ends only that session', async () => {
    const who = await newAdmin();
    const s = await h.login(who.email);
    const keep = await h.login(who.email);
    const cookie = `heed_session=${s.token}`;
    assertError(await h.call('POST', '/api/v1/auth/logout', { headers: { cookie }, as: null }), 'csrf_failed');
    assert.equal((await h.call('GET', '/api/v1/agents/me', { headers: { cookie }, as: null })).status, 200);
    const out = await h.call('POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': s.csrfToken }, as: null });
    assert.equal(out.status, 204);
    const cleared = setCookies(out).find((c) => c.startsWith('heed_session='));
    assert.ok(cleared, 'the cookie is cleared');
    assert.match(cleared, /^heed_session=;/);
    assert.match(cleared, /Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    assertError(await h.call('GET', '/api/v1/agents/me', { headers: { cookie }, as: null }), 'unauthenticated');
    assertError(await h.call('GET', '/api/v1/agents/me', { as: asBearer(s.token) }), 'unauthenticated');
    assert.equal((await h.call('GET', '/api/v1/agents/me', { as: asBearer(keep.token) })).status, 200, 'other sessions live on');
    assert.equal((await h.call('GET', '/api/v1/agents/me')).status, 200, 'API tokens live on');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('API tokens', () => {
  let t: TestApp;
  const h = helpers(() => t);
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('POST /api/v1/tokens answers the token once; GET never shows it; the database holds only a hash', async () => {
    const created = await h.call('POST', '/api/v1/tokens', { payload: { name: 'CI deploys' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const token: string = created.body.token;
    assert.equal(typeof token, 'string');
    assert.ok(token.length >= 32, 'long enough to guess never');
    assert.equal(created.body.name, 'CI deploys');
    assert.equal(created.body.agentId, t.admin.agentId);

    const me = await h.call('GET', '/api/v1/agents/me', { as: asBearer(token) });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, t.admin.agentId);
    // API tokens are not cookie sessions: no CSRF header needed
    assert.equal((await h.call('POST', '/api/v1/organizations', { payload: { name: 'By API' }, as: asBearer(token) })).status, 201);

    const list = await h.call('GET', '/api/v1/tokens');
    assert.equal(list.status, 200);
    const listed = list.body.items.find((i: { id: string }) => i.id === created.body.id);
    assert.ok(listed, 'the new token is listed');
    assert.equal(listed.name, 'CI deploys');
    for (const item of list.body.items) assert.ok(!('token' in item) && !('tokenHash' in item) && !('token_hash' in item), JSON.stringify(item));
    assert.ok(!JSON.stringify(list.body).includes(token), 'the secret never appears in the list');

    const row = await t.database.db.selectFrom('auth_tokens').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, token);
    assert.ok(!row.token_hash.includes(token) && !token.includes(row.token_hash));
    assert.match(row.token_hash, /^[0-9a-f]{64}$/, 'a SHA-256 digest');
    assert.ok(!JSON.stringify(row).includes(token), 'no column holds the secret');
  });

  it('session tokens are stored as hashes too, and are not listed as API tokens', async () => {
    const s = await h.login(t.admin.email);
    const rows = await t.database.db.selectFrom('auth_tokens').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(s.token), 'no row holds the session token');
    const list = await h.call('GET', '/api/v1/tokens');
    const sessionRows = rows.filter((r) => r.kind === 'session').map((r) => r.id);
    assert.ok(sessionRows.length > 0);
    assert.ok(!list.body.items.some((i: { id: string }) => sessionRows.includes(i.id)));
  });

  it('a token issued for another agent acts as that agent, with that role', async () => {
    const plain = await t.agent({ name: 'Token Holder' });
    const created = await h.call('POST', '/api/v1/tokens', { payload: { name: 'for plain', agentId: plain.agentId } });
    assert.equal(created.status, 201);
    const as = asBearer(created.body.token);
    const me = await h.call('GET', '/api/v1/agents/me', { as });
    assert.equal(me.body.id, plain.agentId);
    assertError(await h.call('GET', '/api/v1/tokens', { as }), 'forbidden');
  });

  it('DELETE /api/v1/tokens/:id revokes once: the token drops out of the list and a second DELETE answers 404', async () => {
    const created = await h.call('POST', '/api/v1/tokens', { payload: { name: 'short-lived' } });
    assert.equal((await h.call('DELETE', `/api/v1/tokens/${created.body.id}`)).status, 204);
    const list = await h.call('GET', '/api/v1/tokens');
    assert.ok(!list.body.items.some((i: { id: string }) => i.id === created.body.id));
    await h.unchanged(async () => {
      assertError(await h.call('DELETE', `/api/v1/tokens/${created.body.id}`), 'not_found');
    });
    assertError(await h.call('GET', '/api/v1/agents/me', { as: asBearer(created.body.token) }), 'unauthenticated');
    const row = await t.database.db.selectFrom('auth_tokens').select('revoked_at').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.ok(row.revoked_at, 'revoked, kept for the record');
  });

  it('a session id cannot be revoked through /api/v1/tokens', async () => {
    await h.login(t.admin.email);
    const session = await t.database.db.selectFrom('auth_tokens').select('id').where('kind', '=', 'session').executeTakeFirstOrThrow();
    await h.unchanged(async () => {
      assertError(await h.call('DELETE', `/api/v1/tokens/${session.id}`), 'not_found');
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('the last admin and the owners of open tickets', () => {
  let t: TestApp;
  const h = helpers(() => t);
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('the last admin cannot be demoted or deactivated (422)', () =>
    h.unchanged(async () => {
      const id = t.admin.agentId;
      assertError(await h.call('PATCH', `/api/v1/agents/${id}`, { payload: { role: 'agent' } }), 'rule_violation');
      assertError(await h.call('PATCH', `/api/v1/agents/${id}`, { payload: { active: false } }), 'rule_violation');
      assertError(await h.call('PATCH', `/api/v1/agents/${id}`, { payload: { role: 'agent', active: false } }), 'rule_violation');
      assertError(await h.call('DELETE', `/api/v1/agents/${id}`), 'rule_violation');
    }));

  it('the last admin keeps working after the refusals', async () => {
    const me = await h.call('GET', '/api/v1/agents/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.role, 'admin');
    assert.equal(me.body.active, true);
  });

  it('an inactive admin does not count as another admin', async () => {
    const second = await t.agent({ role: 'admin', name: 'Second Admin' });
    const gone = await h.call('DELETE', `/api/v1/agents/${second.agentId}`);
    assert.equal(gone.status, 200, 'deactivating one of two admins is allowed');
    await h.unchanged(async () => {
      assertError(await h.call('PATCH', `/api/v1/agents/${t.admin.agentId}`, { payload: { role: 'agent' } }), 'rule_violation');
      assertError(await h.call('DELETE', `/api/v1/agents/${t.admin.agentId}`), 'rule_violation');
    });
  });

  it('with another active admin, an admin can be demoted', async () => {
    const third = await t.agent({ role: 'admin', name: 'Third Admin' });
    const demoted = await h.call('PATCH', `/api/v1/agents/${third.agentId}`, { payload: { role: 'agent' } });
    assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
    assert.equal(demoted.body.role, 'agent');
    assertError(await h.call('GET', '/api/v1/tokens', { as: third }), 'forbidden');
  });

  it('the workspace default owner cannot be deactivated (409)', async () => {
    const backup = await t.agent({ role: 'admin', name: 'Backup Admin' });
    await h.unchanged(async () => {
      assertError(await h.call('DELETE', `/api/v1/agents/${t.admin.agentId}`, { as: backup }), 'agent_owns_tickets');
    });
  });

  it('an agent owning open tickets cannot be deactivated (409 agent_owns_tickets) until the tickets are closed', async () => {
    const owner = await t.agent({ name: 'Busy Owner' });
    const team = await h.call('POST', '/api/v1/teams', { payload: { name: 'Busy team', memberIds: [owner.agentId] } });
    const ticket = await createTicket(t, { teamId: team.body.id });
    assert.equal(ticket.ownerId, owner.agentId);
    await h.unchanged(async () => {
      const res = await h.call('DELETE', `/api/v1/agents/${owner.agentId}`);
      assertError(res, 'agent_owns_tickets');
      assert.match(res.body.error.message, /1 ticket/);
      assertError(await h.call('PATCH', `/api/v1/agents/${owner.agentId}`, { payload: { active: false } }), 'agent_owns_tickets');
    });
    const me = await h.call('GET', '/api/v1/agents/me', { as: owner });
    assert.equal(me.status, 200, 'the refused deactivation left the tokens alone');
    assert.equal(me.body.active, true);

    for (const status of ['solved', 'closed']) {
      assert.equal((await h.call('PATCH', `/api/v1/tickets/${ticket.id}`, { payload: { status } })).status, 200);
    }
    const gone = await h.call('DELETE', `/api/v1/agents/${owner.agentId}`);
    assert.equal(gone.status, 200, JSON.stringify(gone.body));
    assert.equal(gone.body.active, false);
    assertError(await h.call('GET', '/api/v1/agents/me', { as: owner }), 'unauthenticated');
    const active = await h.call('GET', '/api/v1/agents');
    assert.ok(!active.body.items.some((a: { id: string }) => a.id === owner.agentId));
    const all = await h.call('GET', '/api/v1/agents?includeInactive=true');
    assert.ok(all.body.items.some((a: { id: string }) => a.id === owner.agentId));
  });
});
