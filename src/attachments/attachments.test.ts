import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';

describe('attachments', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const upload = (ticketId: string, filename: string, data: Buffer | string, contentType = 'application/pdf') =>
    t.call({
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/attachments?filename=${encodeURIComponent(filename)}`,
      headers: { 'content-type': contentType },
      payload: data,
    });

  it('stores the bytes, lists them on the ticket and serves them back as a download', async () => {
    const ticket = await createTicket(t);
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const res = await upload(ticket.id, 'reçu été.pdf', bytes);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.sizeBytes, bytes.length);
    assert.equal(res.body.contentType, 'application/pdf');
    const list = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/attachments` });
    assert.deepEqual(list.body.items.map((i: { id: string }) => i.id), [res.body.id]);
    const detail = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    assert.equal(detail.body.attachments[0].filename, 'reçu été.pdf');
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${res.body.id}`, headers: { authorization: `Bearer ${t.admin.token}` } });
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, bytes);
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="re_u _t_.pdf"; filename\*=UTF-8''re%C3%A7u%20%C3%A9t%C3%A9.pdf$/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    const events = await t.database.db.selectFrom('events').select('action').where('ticket_id', '=', ticket.id).execute();
    assert.ok(events.some((e) => e.action === 'attachment.added'));
  });

  it('serves an uploaded HTML file as a sandboxed download, never inline', async () => {
    const ticket = await createTicket(t);
    const res = await upload(ticket.id, 'x.html', '<script>alert(1)</script>', 'text/html');
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${res.body.id}`, headers: { authorization: `Bearer ${t.admin.token}` } });
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.match(String(dl.headers['content-security-policy']), /sandbox/);
  });

  it('refuses an empty body, a path in the name, a message of another ticket and a file over the limit', async () => {
    const ticket = await createTicket(t);
    const other = await createTicket(t);
    const otherDetail = await t.call({ method: 'GET', url: `/api/v1/tickets/${other.id}` });
    assert.equal((await upload(ticket.id, 'a.txt', Buffer.alloc(0))).status, 400);
    const traversal = await upload(ticket.id, '../../etc/passwd', 'x');
    assert.equal(traversal.status, 400);
    assert.match(traversal.body.error.message, /filename/);
    const foreign = await t.call({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/attachments?filename=a.txt&messageId=${otherDetail.body.messages[0].id}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    assert.equal(foreign.status, 422);
    const huge = await upload(ticket.id, 'big.bin', Buffer.alloc(1024 * 1024 + 1), 'application/octet-stream');
    assert.equal(huge.status, 413);
    const rows = await t.database.db.selectFrom('attachments').select('id').where('ticket_id', '=', ticket.id).execute();
    assert.equal(rows.length, 0, 'nothing was recorded');
  });

  it('answers 404 for an attachment that does not exist, and 401 without a token', async () => {
    const missing = await t.call({ method: 'GET', url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000' });
    assert.equal(missing.status, 404);
    const anon = await t.call({ method: 'GET', url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000', as: null });
    assert.equal(anon.status, 401);
  });

  it('a message carries files uploaded before it, once, and only files of its own ticket', async () => {
    const ticket = await createTicket(t);
    const other = await createTicket(t);
    const a = await upload(ticket.id, 'invoice.pdf', '%PDF-1.4 invoice');
    const b = await upload(ticket.id, 'photo.png', 'png bytes', 'image/png');
    const foreign = await upload(other.id, 'other.pdf', '%PDF-1.4 other');
    const refused = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Here you go', attachmentIds: [a.body.id, foreign.body.id] } });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /attachmentIds/);
    const sent = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Here you go', attachmentIds: [a.body.id, b.body.id] } });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const page = await t.call({ method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
    const onMessage = page.body.attachments.filter((f: { messageId: string | null }) => f.messageId === sent.body.message.id);
    assert.deepEqual(onMessage.map((f: { filename: string }) => f.filename).sort(), ['invoice.pdf', 'photo.png']);
    // The refused request changed nothing: no message, and the file is still waiting.
    assert.equal(page.body.messages.filter((m: { body: string }) => m.body === 'Here you go').length, 1);
    const again = await t.call({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Twice', attachmentIds: [a.body.id] } });
    assert.equal(again.status, 422, 'a file goes with one message');
  });
});
