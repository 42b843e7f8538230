import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testClock, useClock, MINUTE, HOUR } from '../src/time/clock.ts';
import { createTicket, testApp, type TestApp } from './helpers.ts';

const clock = testClock('2026-03-10T10:00:00Z');
useClock(clock);

type Res = { status: number; body: any; headers: Record<string, unknown> };

describe('customer portal API', () => {
  let t: TestApp;
  const alice = 'alice.portal@example.com';
  const bob = 'bob.portal@example.com';
  let aliceTicket: { id: string; number: number; requesterId: string };
  let bobTicket: { id: string; number: number; requesterId: string };

  /** The portal call: no agent credentials, optional bearer or cookie. */
  const portal = (opts: { method?: string; url: string; payload?: unknown; token?: string; cookie?: string; headers?: Record<string, string> }): Promise<Res> => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.cookie) headers.cookie = `heed_portal=${opts.cookie}`;
    return t.call({ method: (opts.method ?? 'GET') as 'GET', url: opts.url, payload: opts.payload as object, headers, as: null });
  };
  const mailsTo = async (to: string) => t.database.db.selectFrom('system_emails').selectAll().where('to_address', '=', to).where('kind', '=', 'portal_link').orderBy('created_at').execute();
  const linkToken = (text: string) => decodeURIComponent(/\/portal\/auth\?token=([^\s]+)/.exec(text)![1]!);
  /** Asks for a link and returns its token, read from the queued mail. */
  const requestToken = async (email: string) => {
    const before = (await mailsTo(email)).length;
    const r = await portal({ method: 'POST', url: '/api/v1/portal/login', payload: { email } });
    assert.equal(r.status, 202);
    const mails = await mailsTo(email);
    assert.equal(mails.length, before + 1, 'one new sign-in mail');
    return linkToken(mails[mails.length - 1]!.body_text);
  };
  const signIn = async (email: string) => {
    const r = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token: await requestToken(email) } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.token as string;
  };

  before(async () => {
    t = await testApp();
    aliceTicket = await createTicket(t, { subject: 'Alice: card not arrived', requester: { email: alice, name: 'Alice Archer' } });
    bobTicket = await createTicket(t, { subject: 'Bob: refund', requester: { email: bob, name: 'Bob Baker' } });
  });
  after(() => t.close());

  it('answers 202 for unknown addresses too and sends nothing to them', async () => {
    const r = await portal({ method: 'POST', url: '/api/v1/portal/login', payload: { email: 'nobody@example.com' } });
    assert.equal(r.status, 202);
    assert.deepEqual(r.body, {});
    assert.equal((await mailsTo('nobody@example.com')).length, 0);
    assert.equal((await t.database.db.selectFrom('portal_links').selectAll().where('email', '=', 'nobody@example.com').execute()).length, 0);
  });

  it('mails a link for a known address; only its hash is stored; the link works once', async () => {
    const token = await requestToken(alice);
    const mails = await mailsTo(alice);
    assert.match(mails[mails.length - 1]!.body_text, /^[\s\S]*http:\/\/localhost\/portal\/auth\?token=/);
    const stored = await t.database.db.selectFrom('portal_links').select('token_hash').execute();
    assert.ok(stored.every((s) => s.token_hash !== token && /^[0-9a-f]{64}$/.test(s.token_hash)));
    const first = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token } });
    assert.equal(first.status, 200);
    assert.match(String(first.headers['set-cookie']), /heed_portal=.+HttpOnly.*SameSite=Lax/i);
    assert.ok(new Date(first.body.expiresAt).getTime() - clock.now().getTime() === 7 * 24 * HOUR);
    const again = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token } });
    assert.equal(again.status, 401);
    assert.match(again.body.error.message, /expired or was already used; ask for a new one/);
  });

  it('refuses an expired link (15 minutes) and unknown tokens', async () => {
    const token = await requestToken(alice);
    clock.advance(16 * MINUTE);
    const r = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token } });
    assert.equal(r.status, 401);
    for (const bad of ['heed_pl_' + 'A'.repeat(43), 'x', '<script>alert(1)</script>']) {
      const u = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token: bad } });
      assert.equal(u.status, 401, bad);
    }
    const empty = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token: '' } });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /token/);
  });

  it('sends at most 5 links an hour to one address, still answering 202', async () => {
    clock.advance(2 * HOUR);
    const email = 'carol.portal@example.com';
    await createTicket(t, { requester: { email } });
    for (let i = 0; i < 7; i++) {
      const r = await portal({ method: 'POST', url: '/api/v1/portal/login', payload: { email } });
      assert.equal(r.status, 202);
    }
    assert.equal((await mailsTo(email)).length, 5);
    clock.advance(HOUR + MINUTE);
    await portal({ method: 'POST', url: '/api/v1/portal/login', payload: { email } });
    assert.equal((await mailsTo(email)).length, 6);
  });

  it('lists only the customer’s own tickets, by bearer and by cookie; sessions expire after 7 days', async () => {
    const token = await signIn(alice);
    const byBearer = await portal({ url: '/api/v1/portal/tickets', token });
    assert.equal(byBearer.status, 200);
    assert.deepEqual(byBearer.body.items.map((i: { id: string }) => i.id), [aliceTicket.id]);
    assert.equal(byBearer.body.items[0].requester.name, 'Alice Archer');
    assert.equal(byBearer.body.items[0].number, aliceTicket.number);
    const byCookie = await portal({ url: '/api/v1/portal/tickets', cookie: token });
    assert.deepEqual(byCookie.body.items.map((i: { id: string }) => i.id), [aliceTicket.id]);
    const none = await portal({ url: '/api/v1/portal/tickets' });
    assert.equal(none.status, 401);
    const agentToken = await portal({ url: '/api/v1/portal/tickets', token: t.admin.token });
    assert.equal(agentToken.status, 401, 'an agent token is not a portal session');
    clock.advance(7 * 24 * HOUR + MINUTE);
    assert.equal((await portal({ url: '/api/v1/portal/tickets', token })).status, 401);
  });

  it('never shows another customer’s ticket, attachment or session: 404, not 403', async () => {
    const token = await signIn(alice);
    const bobToken = await signIn(bob);
    const upload = await t.app.inject({ method: 'POST', url: `/api/v1/portal/tickets/${bobTicket.id}/attachments?filename=bob.txt`, headers: { authorization: `Bearer ${bobToken}`, 'content-type': 'text/plain' }, payload: 'bob secret' });
    assert.equal(upload.statusCode, 201, upload.body);
    const bobFile = JSON.parse(upload.body).id as string;
    for (const [method, url, payload] of [
      ['GET', `/api/v1/portal/tickets/${bobTicket.id}`],
      ['POST', `/api/v1/portal/tickets/${bobTicket.id}/messages`, { body: 'hi' }],
      ['POST', `/api/v1/portal/tickets/${bobTicket.id}/solve`, {}],
      ['GET', `/api/v1/portal/attachments/${bobFile}`],
      ['GET', `/api/v1/portal/tickets/00000000-0000-4000-8000-000000000000`],
    ] as const) {
      const r = await portal({ method, url, payload, token });
      assert.equal(r.status, 404, `${method} ${url}`);
    }
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/portal/tickets/${bobTicket.id}/attachments?filename=x.txt`, headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'x' });
    assert.equal(up.statusCode, 404);
    const bobView = await portal({ url: `/api/v1/portal/tickets/${bobTicket.id}`, token: bobToken });
    assert.equal(bobView.body.status, 'new', 'nothing changed on Bob’s ticket');
    assert.equal(bobView.body.messages.length, 2);
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/portal/attachments/${bobFile}`, headers: { authorization: `Bearer ${bobToken}` } });
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.body, 'bob secret');
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
  });

  it('shows public replies and commitments, never internal notes or agent emails', async () => {
    const token = await signIn(alice);
    const note = await t.call({ method: 'POST', url: `/api/v1/tickets/${aliceTicket.id}/messages`, payload: { kind: 'note', body: 'INTERNAL: customer seems upset' } });
    assert.equal(note.status, 201, JSON.stringify(note.body));
    const reply = await t.call({ method: 'POST', url: `/api/v1/tickets/${aliceTicket.id}/messages`, payload: { body: 'We are <b>on it</b>.' } });
    assert.equal(reply.status, 201);
    const promise = await t.call({ method: 'POST', url: `/api/v1/tickets/${aliceTicket.id}/commitments`, payload: { text: 'call you back', dueAt: '2026-03-20T16:00:00Z' } });
    assert.equal(promise.status, 201, JSON.stringify(promise.body));
    const r = await portal({ url: `/api/v1/portal/tickets/${aliceTicket.id}`, token });
    assert.equal(r.status, 200);
    const text = JSON.stringify(r.body);
    assert.ok(!text.includes('INTERNAL'), 'the note never shows');
    assert.ok(!text.includes(t.admin.email), 'no agent email');
    assert.deepEqual(r.body.messages.map((m: { from: string }) => m.from), ['customer', 'agent']);
    assert.equal(r.body.messages[1].author, 'Ada', 'agent by first name');
    assert.deepEqual(r.body.commitments.map((c: { text: string; status: string; dueAt: string }) => [c.text, c.status, c.dueAt]), [['call you back', 'open', '2026-03-20T16:00:00.000Z']]);
  });

  it('a reply lands in the same ticket; cookie writes need the CSRF header; solve goes through the status machine', async () => {
    const token = await signIn(alice);
    const noCsrf = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${aliceTicket.id}/messages`, payload: { body: 'via cookie' }, cookie: token });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf_failed');
    const me = await portal({ url: '/api/v1/portal/me', cookie: token });
    assert.equal(me.status, 200);
    assert.equal(typeof me.body.csrfToken, 'string');
    const wrong = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${aliceTicket.id}/messages`, payload: { body: 'x' }, cookie: token, headers: { 'x-csrf-token': 'nope' } });
    assert.equal(wrong.status, 403);
    const ok = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${aliceTicket.id}/messages`, payload: { body: 'Thanks <script>x</script>' }, cookie: token, headers: { 'x-csrf-token': me.body.csrfToken } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.ticketId, aliceTicket.id);
    const agentView = await t.call({ method: 'GET', url: `/api/v1/tickets/${aliceTicket.id}` });
    const last = (agentView.body.messages as { body: string; direction: string; channel: string }[]).at(-1)!;
    assert.equal(last.body, 'Thanks <script>x</script>');
    assert.equal(last.direction, 'inbound');
    const solved = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${aliceTicket.id}/solve`, token });
    assert.equal(solved.status, 200);
    assert.equal(solved.body.status, 'solved');
    const ev = await t.database.db.selectFrom('events').selectAll().where('ticket_id', '=', aliceTicket.id).where('action', '=', 'ticket.updated').execute();
    const solveEvent = ev.find((e) => JSON.stringify(e.after).includes('solved'));
    assert.ok(solveEvent, 'a ticket.updated event');
    assert.equal(solveEvent.actor_kind, 'customer');
    // A reply to a solved ticket reopens it, as an email would.
    const reopen = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${aliceTicket.id}/messages`, payload: { body: 'one more thing' }, token });
    assert.equal(reopen.body.status, 'open');
  });

  it('organization tickets: hidden while sharing is off, shown when the workspace allows it', async () => {
    const org = await t.call({ method: 'POST', url: '/api/v1/organizations', payload: { name: 'Acme' } });
    assert.equal(org.status, 201, JSON.stringify(org.body));
    for (const id of [aliceTicket.requesterId, bobTicket.requesterId]) {
      const p = await t.call({ method: 'PATCH', url: `/api/v1/customers/${id}`, payload: { organizationId: org.body.id } });
      assert.equal(p.status, 200, JSON.stringify(p.body));
    }
    const token = await signIn(alice);
    const off = await portal({ url: '/api/v1/portal/tickets', token });
    assert.deepEqual(off.body.items.map((i: { id: string }) => i.id), [aliceTicket.id]);
    assert.equal((await portal({ url: `/api/v1/portal/tickets/${bobTicket.id}`, token })).status, 404);
    await t.database.db.updateTable('workspace').set({ portal_organization_tickets: true }).execute();
    const on = await portal({ url: '/api/v1/portal/tickets', token });
    assert.deepEqual(on.body.items.map((i: { id: string }) => i.id).sort(), [aliceTicket.id, bobTicket.id].sort());
    assert.equal((await portal({ url: `/api/v1/portal/tickets/${bobTicket.id}`, token })).status, 200);
    await t.database.db.updateTable('workspace').set({ portal_organization_tickets: false }).execute();
  });

  it('pages through tickets newest first with a keyset cursor', async () => {
    const email = 'dora.portal@example.com';
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(MINUTE);
      made.push((await createTicket(t, { requester: { email } })).id);
    }
    const token = await signIn(email);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Res = await portal({ url: `/api/v1/portal/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token });
      assert.equal(r.status, 200);
      seen.push(...r.body.items.map((i: { id: string }) => i.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...made].reverse());
    const bad = await portal({ url: '/api/v1/portal/tickets?cursor=garbage', token });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /cursor/);
  });

  it('logout ends the session', async () => {
    const token = await signIn(bob);
    assert.equal((await portal({ method: 'POST', url: '/api/v1/portal/logout', token })).status, 204);
    assert.equal((await portal({ url: '/api/v1/portal/tickets', token })).status, 401);
  });
});
