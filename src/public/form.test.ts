import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../../test/helpers.ts';

type File = { name: string; type: string; data: Buffer };
let n = 0;
const ip = () => `10.2.${Math.floor(++n / 250)}.${n % 250}`;

/** A multipart/form-data body as a browser sends it. */
function multipart(fields: Record<string, string>, files: File[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----heedtest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const fields = (over: Record<string, string> = {}) => ({ name: 'Sam Lee', email: `sam${++n}@example.com`, subject: 'Broken table', message: 'My table arrived broken and damaged, the leg snapped.', website: '', ...over });

describe('the hosted contact form', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    const r = await t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { status: 'published', title: 'Damaged item on arrival', tags: ['damage', 'broken'], body: 'If your order arrived damaged or broken, report it within 7 days with photos. We send a replacement or refund.' } });
    assert.equal(r.status, 201);
    await t.call({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { status: 'published', title: 'Reset your password', body: 'Forgot your password or cannot sign in? Use the reset link on the sign-in page.' } });
  });
  after(() => t.close());

  const step1 = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/support/new', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip(), ...headers }, payload: new URLSearchParams(body).toString() });
  const send = (f: Record<string, string>, files: File[] = [], headers: Record<string, string> = {}) => {
    const m = multipart(f, files);
    return t.app.inject({ method: 'POST', url: '/support/new/send', headers: { ...m.headers, 'x-forwarded-for': ip(), ...headers }, payload: m.payload });
  };
  const tickets = async () => Number((await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const attachments = async () => Number((await t.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('shows the form with labelled fields and a hidden honeypot', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/support/new' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    for (const id of ['name', 'email', 'subject', 'message']) assert.match(res.body, new RegExp(`<label for="${id}"`));
    assert.match(res.body, /<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/);
    assert.match(res.body, /class="hp" aria-hidden="true"/);
    assert.match(res.body, /<button type="submit" name="step" value="continue">Continue<\/button>/);
  });

  it('continues to confident article suggestions, carrying the fields, then sends with files and shows the reference and reply time', async () => {
    const f = fields();
    const res = await step1(f);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Did one of these answer your question\?/);
    assert.match(res.body, /<a href="\/help\/articles\/damaged-item-on-arrival">Damaged item on arrival<\/a>/);
    assert.doesNotMatch(res.body, /Reset your password/);
    assert.match(res.body, new RegExp(`<input type="hidden" name="email" value="${f.email}">`));
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(res.body, /<input type="file" id="attachments" name="attachments" multiple/);
    assert.match(res.body, /Send my request/);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const sent = await send(f, [{ name: 'photo.png', type: 'image/png', data: png }, { name: 'receipt.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 receipt') }]);
    assert.equal(sent.statusCode, 201, sent.body);
    const number = Number(/Your reference is <strong>#(\d+)/.exec(sent.body)?.[1]);
    assert.ok(number > 0);
    assert.match(sent.body, /We'll reply by \w+day \d+ \w+ at \d\d:\d\d \w+\./);
    const ticket = await t.database.db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    assert.equal(ticket.channel, 'web');
    const files = await t.database.db.selectFrom('attachments').select(['filename', 'content_type', 'size_bytes', 'message_id']).where('ticket_id', '=', ticket.id).orderBy('filename').execute();
    assert.deepEqual(files.map((x) => [x.filename, x.content_type, x.size_bytes]), [['photo.png', 'image/png', png.length], ['receipt.pdf', 'application/pdf', 16]]);
    assert.ok(files.every((x) => x.message_id), 'files belong to the first message');
  });

  it('offers no articles when none is confident, and still lets the customer send', async () => {
    const res = await step1(fields({ subject: 'Sponsorship', message: 'Do you sponsor local football teams? We need a new kit.' }));
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /Did one of these/);
    assert.match(res.body, /Send my request/);
  });

  it('re-renders the form with the message beside each bad field and the values kept, escaped', async () => {
    const evil = '"><script>alert(1)</script>';
    const before = await tickets();
    const res = await step1({ name: evil, email: 'nope', subject: '', message: 'x'.repeat(20_001) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /<p class="error" id="email-error">Email address must be an email address such as name@example.com<\/p>/);
    assert.match(res.body, /<p class="error" id="subject-error">Subject is required<\/p>/);
    assert.match(res.body, /id="message-error">Message must be at most 20000 characters/);
    assert.match(res.body, /id="email"[^>]*aria-invalid="true" aria-describedby="email-error"/);
    assert.ok(!res.body.includes('<script>alert(1)'), 'script escaped');
    assert.ok(res.body.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    // The final step checks again: a hand-made post with a bad address stores nothing.
    const sent = await send(fields({ email: 'still-not-an-email' }));
    assert.equal(sent.statusCode, 400);
    assert.match(sent.body, /id="email-error"/);
    assert.equal(await tickets(), before);
  });

  it('"Edit my request" goes back to step one with the values', async () => {
    const f = fields({ subject: 'Edit me' });
    const res = await step1({ ...f, step: 'edit' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<input type="text" id="subject" name="subject" value="Edit me"/);
    assert.match(res.body, />Continue</);
  });

  it('stores scripts in every field as text and escapes them on every page', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const f = fields({ name: evil, subject: evil, message: evil });
    const step2 = await step1(f);
    assert.equal(step2.statusCode, 200);
    assert.ok(!step2.body.includes('<script>alert') && !step2.body.includes('<img src=x'), 'escaped on the second step');
    const sent = await send(f);
    assert.equal(sent.statusCode, 201, sent.body);
    assert.ok(!sent.body.includes('<script>alert') && !sent.body.includes('<img src=x'));
    const number = Number(/Your reference is <strong>#(\d+)/.exec(sent.body)?.[1]);
    const ticket = await t.database.db.selectFrom('tickets').select(['id', 'subject']).where('number', '=', number).executeTakeFirstOrThrow();
    assert.equal(ticket.subject, evil);
    const m = await t.database.db.selectFrom('messages').select('body_text').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
    assert.equal(m.body_text, evil);
  });

  it('refuses risky types, oversized files and more than 5 files, writing nothing (no ticket)', async () => {
    const before = { tickets: await tickets(), attachments: await attachments() };
    const ok = { name: 'ok.txt', type: 'text/plain', data: Buffer.from('hello') };
    const cases: [File[], RegExp][] = [
      [[ok, { name: 'setup.exe', type: 'application/x-msdownload', data: Buffer.from('MZ') }], /setup\.exe is not a type we accept/],
      [[{ name: 'page.html', type: 'text/html', data: Buffer.from('<script>') }], /page\.html is not a type we accept/],
      [[{ name: 'fake.png', type: 'application/x-sh', data: Buffer.from('#!/bin/sh') }], /fake\.png is not a type we accept/],
      [[{ name: 'big.pdf', type: 'application/pdf', data: Buffer.alloc(1024 * 1024 + 10, 1) }], /big\.pdf is larger than 1 MB/],
      [[{ name: 'empty.txt', type: 'text/plain', data: Buffer.alloc(0) }], /empty\.txt is empty/],
      [Array.from({ length: 6 }, (_, i) => ({ ...ok, name: `f${i}.txt` })), /Attach at most 5 files/],
      [Array.from({ length: 25 }, (_, i) => ({ ...ok, name: `f${i}.txt` })), /Attach at most 5 files/],
    ];
    for (const [files, why] of cases) {
      const res = await send(fields(), files);
      assert.equal(res.statusCode, 400, `${files[0]!.name}: ${res.statusCode}`);
      assert.match(res.body, why);
      assert.match(res.body, /id="attachments-error"/);
      assert.match(res.body, /<input type="hidden" name="subject" value="Broken table">/);
    }
    assert.deepEqual({ tickets: await tickets(), attachments: await attachments() }, before);
  });

  it('accepts a file of a known type sent as application/octet-stream, storing the allowed type', async () => {
    const sent = await send(fields(), [{ name: 'notes.csv', type: 'application/octet-stream', data: Buffer.from('a,b\n1,2\n') }]);
    assert.equal(sent.statusCode, 201, sent.body);
    const row = await t.database.db.selectFrom('attachments').select('content_type').where('filename', '=', 'notes.csv').executeTakeFirstOrThrow();
    assert.equal(row.content_type, 'text/csv');
  });

  it('stores nothing when the honeypot is filled, but shows a receipt', async () => {
    const before = await tickets();
    const sent = await send(fields({ website: 'https://spam.example' }));
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Your reference is <strong>#\d+<\/strong>/);
    assert.equal(await tickets(), before);
  });

  it('refuses a post from another site, and huge or malformed bodies with an HTML page', async () => {
    const before = await tickets();
    const cross = await send(fields(), [], { origin: 'https://evil.example' });
    assert.equal(cross.statusCode, 403);
    assert.match(cross.body, /only be sent from this site/);
    const fetchCross = await step1(fields(), { 'sec-fetch-site': 'cross-site' });
    assert.equal(fetchCross.statusCode, 403);
    const huge = await step1({ ...fields(), message: 'x'.repeat(300 * 1024) });
    assert.equal(huge.statusCode, 413);
    assert.match(String(huge.headers['content-type']), /text\/html/);
    const notMultipart = await t.app.inject({ method: 'POST', url: '/support/new/send', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip() }, payload: new URLSearchParams(fields()).toString() });
    assert.equal(notMultipart.statusCode, 415);
    const broken = await t.app.inject({ method: 'POST', url: '/support/new/send', headers: { 'content-type': 'multipart/form-data; boundary=zzz', 'x-forwarded-for': ip() }, payload: '--zzz\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc' });
    assert.ok(broken.statusCode >= 400 && broken.statusCode < 500, String(broken.statusCode));
    assert.match(String(broken.headers['content-type']), /text\/html/);
    assert.equal(await tickets(), before);
  });

  it('limits one IP to 10 sent requests a minute, answering with a page', async () => {
    const from = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send(fields(), [], { 'x-forwarded-for': from })).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(201));
    const last = await send(fields(), [], { 'x-forwarded-for': from });
    assert.equal(last.statusCode, 429);
    assert.match(String(last.headers['content-type']), /text\/html/);
    assert.match(last.body, /Please wait a minute/);
  });

  it('tells the customer clearly when their address has sent too many requests', async () => {
    const email = `many${++n}@example.com`;
    for (let i = 0; i < 5; i++) assert.equal((await send(fields({ email }))).statusCode, 201);
    const sixth = await send(fields({ email }));
    assert.equal(sixth.statusCode, 429);
    assert.match(sixth.body, /This address has sent 5 requests in the last hour/);
  });
});
