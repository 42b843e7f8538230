import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from './helpers.ts';

describe('customer portal: bad input gets a clear error naming the field, and nothing is written', () => {
  let t: TestApp;
  let token: string;
  let ticketId: string;
  const email = 'eve.portal@example.com';

  const counts = async () => {
    const db = t.database.db;
    const n = async (table: 'messages' | 'attachments' | 'portal_links' | 'portal_sessions' | 'system_emails') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return { messages: await n('messages'), attachments: await n('attachments'), links: await n('portal_links'), sessions: await n('portal_sessions'), mails: await n('system_emails') };
  };
  const send = async (method: 'GET' | 'POST', url: string, opts: { payload?: string | object; contentType?: string; auth?: boolean } = {}) => {
    const headers: Record<string, string> = {};
    if (opts.auth !== false) headers.authorization = `Bearer ${token}`;
    if (opts.contentType) headers['content-type'] = opts.contentType;
    const res = await t.app.inject({ method, url, headers, payload: opts.payload });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };

  before(async () => {
    t = await testApp();
    ticketId = (await createTicket(t, { requester: { email } })).id;
    await send('POST', '/api/v1/portal/login', { payload: { email }, auth: false });
    const mail = await t.database.db.selectFrom('system_emails').select('body_text').executeTakeFirstOrThrow();
    const link = decodeURIComponent(/token=(\S+)/.exec(mail.body_text)![1]!);
    const s = await send('POST', '/api/v1/portal/session', { payload: { token: link }, auth: false });
    token = s.body.token;
  });
  after(() => t.close());

  const cases: [string, 'GET' | 'POST', () => string, { payload?: string | object; contentType?: string; auth?: boolean }, number, RegExp][] = [
    ['login: empty email', 'POST', () => '/api/v1/portal/login', { payload: { email: '' }, auth: false }, 400, /email/],
    ['login: no email', 'POST', () => '/api/v1/portal/login', { payload: {}, auth: false }, 400, /email/],
    ['login: huge email', 'POST', () => '/api/v1/portal/login', { payload: { email: `${'a'.repeat(5000)}@example.com` }, auth: false }, 400, /email/],
    ['login: script as email', 'POST', () => '/api/v1/portal/login', { payload: { email: '<script>alert(1)</script>' }, auth: false }, 400, /email/],
    ['login: email as a number', 'POST', () => '/api/v1/portal/login', { payload: { email: 42 }, auth: false }, 400, /email/],
    ['login: malformed JSON', 'POST', () => '/api/v1/portal/login', { payload: '{"email":', contentType: 'application/json', auth: false }, 400, /./],
    ['session: huge token', 'POST', () => '/api/v1/portal/session', { payload: { token: 'x'.repeat(10_000) }, auth: false }, 400, /token/],
    ['session: token as object', 'POST', () => '/api/v1/portal/session', { payload: { token: { $ne: null } }, auth: false }, 400, /token/],
    ['tickets: limit 0', 'GET', () => '/api/v1/portal/tickets?limit=0', {}, 400, /limit/],
    ['tickets: limit 1000', 'GET', () => '/api/v1/portal/tickets?limit=1000', {}, 400, /limit/],
    ['ticket: not a uuid', 'GET', () => '/api/v1/portal/tickets/1', {}, 400, /id/],
    ['ticket: #number instead of id', 'GET', () => `/api/v1/portal/tickets/${encodeURIComponent('#1')}`, {}, 400, /id/],
    ['ticket: unknown id', 'GET', () => '/api/v1/portal/tickets/3f0c1c8e-7a53-4a4f-9c8e-1f2a3b4c5d6e', {}, 404, /ticket not found/],
    ['reply: empty body', 'POST', () => `/api/v1/portal/tickets/${ticketId}/messages`, { payload: { body: '   ' } }, 400, /body/],
    ['reply: missing body', 'POST', () => `/api/v1/portal/tickets/${ticketId}/messages`, { payload: {} }, 400, /body/],
    ['reply: huge body', 'POST', () => `/api/v1/portal/tickets/${ticketId}/messages`, { payload: { body: 'x'.repeat(60_000) } }, 400, /body/],
    ['reply: NUL in body', 'POST', () => `/api/v1/portal/tickets/${ticketId}/messages`, { payload: { body: 'a\u0000b' } }, 400, /body/],
    ['reply: unknown ticket', 'POST', () => '/api/v1/portal/tickets/3f0c1c8e-7a53-4a4f-9c8e-1f2a3b4c5d6e/messages', { payload: { body: 'hi' } }, 404, /not found/],
    ['attach: no filename', 'POST', () => `/api/v1/portal/tickets/${ticketId}/attachments`, { payload: 'abc', contentType: 'text/plain' }, 400, /filename/],
    ['attach: path in filename', 'POST', () => `/api/v1/portal/tickets/${ticketId}/attachments?filename=..%2Fetc%2Fpasswd`, { payload: 'abc', contentType: 'text/plain' }, 400, /filename/],
    ['attach: empty file', 'POST', () => `/api/v1/portal/tickets/${ticketId}/attachments?filename=a.txt`, { payload: '', contentType: 'text/plain' }, 400, /body/],
    ['attach: too large', 'POST', () => `/api/v1/portal/tickets/${ticketId}/attachments?filename=a.bin`, { payload: 'x'.repeat(1024 * 1024 + 10), contentType: 'application/octet-stream' }, 413, /too large/],
    ['attach: a type customers may not send', 'POST', () => `/api/v1/portal/tickets/${ticketId}/attachments?filename=page.html`, { payload: '<script>alert(1)</script>', contentType: 'text/html' }, 400, /filename/],
    ['attach: not signed in', 'POST', () => `/api/v1/portal/tickets/${ticketId}/attachments?filename=a.txt`, { payload: 'abc', contentType: 'text/plain', auth: false }, 401, /sign in/],
    ['attachment: unknown id', 'GET', () => '/api/v1/portal/attachments/3f0c1c8e-7a53-4a4f-9c8e-1f2a3b4c5d6e', {}, 404, /attachment not found/],
    ['solve: unknown ticket', 'POST', () => '/api/v1/portal/tickets/3f0c1c8e-7a53-4a4f-9c8e-1f2a3b4c5d6e/solve', {}, 404, /not found/],
  ];

  for (const [name, method, url, opts, status, message] of cases) {
    it(name, async () => {
      const before = await counts();
      const r = await send(method, url(), opts);
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.ok(r.body?.error?.code, 'an error code');
      assert.match(r.body.error.message, message);
      assert.deepEqual(await counts(), before, 'nothing written');
    });
  }

  it('sign-in requests from one client are rate-limited with a clear 429', async () => {
    let status = 0;
    let body: any = null;
    for (let i = 0; i < 30 && status !== 429; i++) ({ status, body } = await send('POST', '/api/v1/portal/login', { payload: { email: `x${i}@example.com` }, auth: false }));
    assert.equal(status, 429);
    assert.equal(body.error.code, 'rate_limited');
  });

  it('a malformed Authorization header is refused clearly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/tickets', headers: { authorization: 'Basic abc' } });
    assert.equal(res.statusCode, 401);
    assert.match(JSON.parse(res.body).error.message, /Bearer/);
  });

  it('the pages escape nothing they do not need to: no data is rendered on the server, and the CSP forbids inline script', async () => {
    for (const url of ['/portal', '/portal/auth?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/portal/tickets/%3Cimg%20src%3Dx%3E']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.ok(!res.body.includes('<script>alert'), url);
      assert.ok(!res.body.includes('<img src=x>'), url);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    }
    const js = await t.app.inject({ method: 'GET', url: '/portal/portal.js' });
    assert.equal(js.statusCode, 200);
    assert.ok(!/innerHTML/.test(js.body), 'the page script never parses data as HTML');
  });
});
