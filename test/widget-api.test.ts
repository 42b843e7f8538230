/** The widget's conversation API: start, read, continue, files, isolation between conversations, bad input. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from './helpers.ts';

const base = '/api/v1/public/conversations';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('widget conversation API', () => {
  let t: TestApp;
  let n = 0;
  const start = async (overrides: Record<string, unknown> = {}) => {
    n += 1;
    const res = await t.call({ method: 'POST', url: base, as: null, payload: { name: `Cleo ${n}`, email: `cleo${n}@example.com`, body: 'Where is my parcel? It was due on Monday.', ...overrides } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { reference: string; number: number; expectedReplyBy: string | null; token: string };
  };
  const current = (token: string) => t.call({ method: 'GET', url: `${base}/current`, as: null, headers: bearer(token) });
  const ticketOf = async (number: number) => t.database.db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

  before(async () => {
    t = await testApp();
  });
  after(async () => {
    await t.close();
  });

  it('starts a chat ticket and answers with its reference, ETA and a token stored only as a hash', async () => {
    const s = await start({ subject: 'Parcel late' });
    assert.equal(s.reference, `#${s.number}`);
    assert.ok(s.expectedReplyBy === null || !Number.isNaN(Date.parse(s.expectedReplyBy)));
    assert.match(s.token, /^heed_c_[\w-]{40,}$/);
    const ticket = await ticketOf(s.number);
    assert.equal(ticket.channel, 'chat');
    assert.equal(ticket.subject, 'Parcel late');
    const rows = await t.database.db.selectFrom('conversation_tokens').selectAll().where('ticket_id', '=', ticket.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, createHash('sha256').update(s.token).digest('hex'));
    const days = (new Date(rows[0]!.expires_at).getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
  });

  it('shows public replies with the agent first name only, never notes; the customer continues and the ticket reopens', async () => {
    const s = await start();
    const ticket = await ticketOf(s.number);
    const agent = await t.agent({ name: 'Maria Lopez Garcia' });
    await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { kind: 'note', body: 'SECRET note: customer is on the fraud list' } });
    const reply = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, as: agent, payload: { kind: 'reply', body: 'It ships today.', status: 'pending' } });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));

    const c = await current(s.token);
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.equal(c.body.reference, s.reference);
    assert.equal(c.body.status, 'pending');
    assert.deepEqual(c.body.messages.map((m: { from: string }) => m.from), ['customer', 'agent']);
    assert.equal(c.body.messages[1].authorName, 'Maria');
    assert.equal(c.body.messages[1].body, 'It ships today.');
    const text = JSON.stringify(c.body);
    assert.ok(!text.includes('SECRET'), 'a note leaked');
    assert.ok(!text.includes('Lopez') && !text.includes('@example.test'), 'agent details leaked');

    const post = await t.call({ method: 'POST', url: `${base}/current/messages`, as: null, headers: bearer(s.token), payload: { body: 'Thanks! <script>alert(1)</script>' } });
    assert.equal(post.status, 201, JSON.stringify(post.body));
    assert.equal((await ticketOf(s.number)).status, 'open');
    const after = await current(s.token);
    assert.equal(after.body.messages.at(-1).body, 'Thanks! <script>alert(1)</script>', 'stored as text; the widget renders text');
    assert.equal(after.body.messages.at(-1).from, 'customer');
    const seen = await t.database.db.selectFrom('conversation_tokens').select('last_seen_at').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
    assert.ok(seen.last_seen_at && Date.now() - new Date(seen.last_seen_at).getTime() < 60_000);
  });

  it('attaches a file to a new customer message and serves only this conversation\'s public files', async () => {
    const s = await start();
    const up = await t.call({ method: 'POST', url: `${base}/current/attachments?filename=receipt.pdf`, as: null, headers: { ...bearer(s.token), 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.4 receipt') });
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const c = await current(s.token);
    const last = c.body.messages.at(-1);
    assert.equal(last.id, up.body.messageId);
    assert.deepEqual(last.attachments, [{ id: up.body.attachment.id, filename: 'receipt.pdf', size: 16 }]);
    const got = await t.app.inject({ method: 'GET', url: `${base}/current/attachments/${up.body.attachment.id}`, headers: bearer(s.token) });
    assert.equal(got.statusCode, 200);
    assert.equal(got.body, '%PDF-1.4 receipt');
    assert.match(String(got.headers['content-disposition']), /^attachment;/);

    // Another conversation's token, an agent's note attachment on this ticket, and an unknown id: all 404.
    const other = await start();
    const theirs = await t.app.inject({ method: 'GET', url: `${base}/current/attachments/${up.body.attachment.id}`, headers: bearer(other.token) });
    assert.equal(theirs.statusCode, 404);
    const ticket = await ticketOf(s.number);
    const noteFile = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments?filename=internal.txt`, headers: { 'content-type': 'text/plain' }, payload: 'internal only' });
    assert.equal(noteFile.status, 201);
    await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { kind: 'note', body: 'see file', attachmentIds: [noteFile.body.id] } });
    const hidden = await t.app.inject({ method: 'GET', url: `${base}/current/attachments/${noteFile.body.id}`, headers: bearer(s.token) });
    assert.equal(hidden.statusCode, 404);
    assert.ok(!JSON.stringify((await current(s.token)).body).includes('internal.txt'));
    const unknown = await t.app.inject({ method: 'GET', url: `${base}/current/attachments/00000000-0000-4000-8000-000000000000`, headers: bearer(s.token) });
    assert.equal(unknown.statusCode, 404);
  });

  it('a token reads only its own ticket; garbage, expired and missing tokens are refused', async () => {
    const a = await start();
    const b = await start();
    const other = await createTicket(t, { subject: 'Agent-made ticket', body: 'Private matter of someone else' });
    const ca = await current(a.token);
    const cb = await current(b.token);
    assert.equal(ca.body.reference, a.reference);
    assert.equal(cb.body.reference, b.reference);
    assert.ok(!JSON.stringify(ca.body).includes('Private matter'));
    // The API has no way to name another ticket: ids in the path or query do not change what a token reads.
    const tricked = await t.call({ method: 'GET', url: `${base}/current?ticketId=${other.id}`, as: null, headers: bearer(a.token) });
    assert.equal(tricked.body.reference, a.reference);
    const withId = await t.call({ method: 'GET', url: `${base}/${other.id}`, as: null, headers: bearer(a.token) });
    assert.equal(withId.status, 404);

    for (const token of ['garbage', 'heed_c_' + 'x'.repeat(43), 'a'.repeat(5000), t.admin.token]) {
      const r = await current(token);
      assert.equal(r.status, 401, token.slice(0, 20));
      assert.equal(r.body.error.code, 'unauthenticated');
    }
    const none = await t.call({ method: 'GET', url: `${base}/current`, as: null });
    assert.equal(none.status, 401);
    const post = await t.call({ method: 'POST', url: `${base}/current/messages`, as: null, headers: bearer('garbage-token-garbage-token'), payload: { body: 'hi' } });
    assert.equal(post.status, 401);

    const ticket = await ticketOf(a.number);
    await t.database.db.updateTable('conversation_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('ticket_id', '=', ticket.id).execute();
    const expired = await current(a.token);
    assert.equal(expired.status, 401);
    assert.match(expired.body.error.message, /expired/);
    const expiredPost = await t.call({ method: 'POST', url: `${base}/current/messages`, as: null, headers: bearer(a.token), payload: { body: 'still there?' } });
    assert.equal(expiredPost.status, 401);
  });

  it('a message on a closed ticket opens a follow-up, and the token follows the conversation there', async () => {
    const s = await start();
    const ticket = await ticketOf(s.number);
    await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'solved' } });
    const closed = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { status: 'closed' } });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const post = await t.call({ method: 'POST', url: `${base}/current/messages`, as: null, headers: bearer(s.token), payload: { body: 'It broke again.' } });
    assert.equal(post.status, 201, JSON.stringify(post.body));
    assert.notEqual(post.body.reference, s.reference);
    const c = await current(s.token);
    assert.equal(c.body.reference, post.body.reference);
    assert.equal(c.body.messages.at(-1).body, 'It broke again.');
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const count = async () => Number((await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: [Record<string, unknown> | string, string][] = [
      [{}, 'name'],
      [{ name: '', email: 'a@example.com', body: 'hi' }, 'name'],
      [{ name: 'A', email: 'not-an-email', body: 'hi' }, 'email'],
      [{ name: 'A', email: 'a@example.com', body: '   ' }, 'body'],
      [{ name: 'A', email: 'a@example.com', body: 'x'.repeat(20_001) }, 'body'],
      [{ name: 'A\u0000', email: 'a@example.com', body: 'hi' }, 'name'],
      [{ name: 'A', email: 'a@example.com', body: 'hi', extra: 1 }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const r = await t.call({ method: 'POST', url: base, as: null, payload });
      assert.equal(r.status, 400, `${JSON.stringify(payload).slice(0, 80)} → ${r.status}`);
      assert.equal(r.body.error.code, 'validation_failed');
      assert.match(r.body.error.message, new RegExp(field === 'body' && 'extra' in (payload as object) ? 'extra|Unrecognized|body' : field));
    }
    // The honeypot answers like a success (so a robot learns nothing) but stores nothing; its token opens nothing.
    const bot = await t.call({ method: 'POST', url: base, as: null, payload: { name: 'Bot', email: 'bot@example.com', body: 'buy now', website: 'http://spam.example' } });
    assert.equal(bot.status, 201);
    assert.match(bot.body.reference, /^#\d+$/);
    assert.equal((await current(bot.body.token)).status, 401);
    const botCustomer = await t.database.db.selectFrom('customer_identities').select('id').where('value', '=', 'bot@example.com').executeTakeFirst();
    assert.equal(botCustomer, undefined);
    const malformed = await t.app.inject({ method: 'POST', url: base, headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(await count(), before);

    const s = await start({ name: '<img src=x onerror=alert(1)>', subject: '<b>bold</b>' });
    const ticket = await ticketOf(s.number);
    assert.equal(ticket.subject, '<b>bold</b>', 'kept as text');
    const empty = await t.call({ method: 'POST', url: `${base}/current/messages`, as: null, headers: bearer(s.token), payload: { body: '' } });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /^body/);
    const noFile = await t.app.inject({ method: 'POST', url: `${base}/current/attachments?filename=a.txt`, headers: { ...bearer(s.token), 'content-type': 'text/plain' }, payload: '' });
    assert.equal(noFile.statusCode, 400);
    const exe = await t.app.inject({ method: 'POST', url: `${base}/current/attachments?filename=setup.exe`, headers: { ...bearer(s.token), 'content-type': 'application/octet-stream' }, payload: 'MZ' });
    assert.equal(exe.statusCode, 400);
    assert.match(JSON.parse(exe.body).error.message, /filename/);
    const pathName = await t.app.inject({ method: 'POST', url: `${base}/current/attachments?filename=../../etc/passwd`, headers: { ...bearer(s.token), 'content-type': 'text/plain' }, payload: 'x' });
    assert.equal(pathName.statusCode, 400);
    const huge = await t.app.inject({ method: 'POST', url: `${base}/current/attachments?filename=big.bin`, headers: { ...bearer(s.token), 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(1024 * 1024 + 1) });
    assert.equal(huge.statusCode, 413);
    const badId = await t.app.inject({ method: 'GET', url: `${base}/current/attachments/not-a-uuid`, headers: bearer(s.token) });
    assert.equal(badId.statusCode, 400);
    const files = await t.database.db.selectFrom('attachments').select('id').where('ticket_id', '=', ticket.id).execute();
    assert.equal(files.length, 0, 'nothing stored half-way');
    const msgs = await t.database.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute();
    assert.equal(msgs.length, 1);
  });

  it('limits new conversations per address', async () => {
    const email = 'flood@example.com';
    const results: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({ method: 'POST', url: base, remoteAddress: `10.0.0.${i + 1}`, payload: { name: 'F', email, body: `message ${i}` } });
      results.push(r.statusCode);
    }
    assert.deepEqual(results, [201, 201, 201, 201, 201, 429, 429]);
  });

  it('limits new conversations per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.app.inject({ method: 'POST', url: base, remoteAddress: '10.9.9.9', payload: { name: 'P', email: `ip${i}@example.com`, body: 'hello there' } });
      codes.push(r.statusCode);
    }
    assert.equal(codes.filter((c) => c === 201).length, 10);
    assert.equal(codes.at(-1), 429);
  });
});
