/** The widget's script, CORS, live stream and email continuation. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Jobs } from '../src/jobs/jobs.ts';
import { queueReplyEmail, WIDGET_PRESENT_MS } from '../src/email/outbound.ts';
import { openSse } from '../src/realtime/sse-reader.ts';
import { testApp, type TestApp } from './helpers.ts';

const base = '/api/v1/public/conversations';
const site = 'https://shop.example';

describe('widget script, CORS, live stream and email continuation', () => {
  let t: TestApp;
  let url: string;
  let n = 0;
  const start = async () => {
    n += 1;
    const r = await t.call({ method: 'POST', url: base, as: null, payload: { name: `Dee ${n}`, email: `dee${n}@example.com`, body: 'My order arrived broken.' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const ticket = await t.database.db.selectFrom('tickets').select(['id']).where('number', '=', r.body.number).executeTakeFirstOrThrow();
    return { ...(r.body as { token: string; reference: string }), ticketId: ticket.id };
  };

  before(async () => {
    t = await testApp();
    await t.database.db.updateTable('workspace').set({ widget_origins: [site] }).execute();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await t.close();
  });

  it('serves widget.js as cacheable JavaScript with an ETag, 304 when current, within its size budget', async () => {
    const res = await fetch(`${url}/widget.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/javascript/);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d{5,}/);
    const etag = res.headers.get('etag');
    assert.ok(etag);
    const code = await res.text();
    assert.ok(code.includes('attachShadow') && code.includes('/api/v1/public/conversations'));
    const { gzipSync } = await import('node:zlib');
    assert.ok(gzipSync(code).length <= 30 * 1024, 'widget.js is over 30 KB gzipped');
    const again = await fetch(`${url}/widget.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  it('allows the configured site origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}${base}/current`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const ok = await preflight(site);
    assert.ok(ok.status === 204 || ok.status === 200, `preflight ${ok.status}`);
    assert.equal(ok.headers.get('access-control-allow-origin'), site);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const evil = await preflight('https://evil.example');
    assert.equal(evil.headers.get('access-control-allow-origin'), null);

    const s = await start();
    const get = await fetch(`${url}${base}/current`, { headers: { origin: site, authorization: `Bearer ${s.token}` } });
    assert.equal(get.status, 200);
    assert.equal(get.headers.get('access-control-allow-origin'), site);
    const fromEvil = await fetch(`${url}${base}/current`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${s.token}` } });
    assert.equal(fromEvil.headers.get('access-control-allow-origin'), null);
    const suggest = await fetch(`${url}/api/v1/knowledge/suggest`, { method: 'OPTIONS', headers: { origin: site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(suggest.headers.get('access-control-allow-origin'), site);
  });

  it('streams "changed" for public changes of its own conversation only, with the token in the query', async () => {
    const mine = await start();
    const theirs = await start();
    const sse = await openSse(`${url}${base}/current/stream?token=${encodeURIComponent(mine.token)}`, { origin: site });
    try {
      assert.equal(sse.status, 200);
      assert.match(sse.contentType ?? '', /text\/event-stream/);
      await sse.waitFor((m) => m.type === 'ready');
      // Another conversation's reply and a note on mine: nothing arrives. Then a public reply on mine: "changed".
      await t.call({ method: 'POST', url: `/api/v1/tickets/${theirs.ticketId}/messages`, payload: { kind: 'reply', body: 'for someone else' } });
      await t.call({ method: 'POST', url: `/api/v1/tickets/${mine.ticketId}/messages`, payload: { kind: 'note', body: 'internal' } });
      await t.call({ method: 'POST', url: `/api/v1/tickets/${mine.ticketId}/messages`, payload: { kind: 'reply', body: 'We are on it.' } });
      await sse.waitFor((m) => m.type === 'changed', 10_000);
      assert.deepEqual(sse.messages.map((m) => m.type), ['ready', 'changed']);
      assert.ok(!sse.text().includes(theirs.ticketId) && !sse.text().includes(t.admin.agentId), 'no ids reach the customer');
    } finally {
      sse.close();
    }
    const bad = await fetch(`${url}${base}/current/stream?token=garbage-garbage-garbage`);
    assert.equal(bad.status, 401);
  });

  it('emails an agent reply on a chat ticket only when the widget has not been seen for two minutes', async () => {
    await t.database.db.insertInto('mailboxes').values({ address: 'help@heed.test', name: 'Help' }).onConflict((oc) => oc.doNothing()).execute();
    const s = await start();
    const sent: unknown[] = [];
    const jobs = { send: async (_tx: unknown, _queue: string, data: unknown) => void sent.push(data) } as unknown as Jobs;
    const reply = async () => {
      const r = await t.call({ method: 'POST', url: `/api/v1/tickets/${s.ticketId}/messages`, payload: { kind: 'reply', body: 'Here is the answer.' } });
      assert.equal(r.status, 201);
      return t.database.db.transaction().execute((tx) => queueReplyEmail(tx, jobs, s.ticketId, r.body.message.id));
    };
    assert.equal(await reply(), false, 'the customer is in the widget: no email');
    await t.database.db.updateTable('conversation_tokens').set({ last_seen_at: new Date(Date.now() - WIDGET_PRESENT_MS - 1000) }).where('ticket_id', '=', s.ticketId).execute();
    assert.equal(await reply(), true, 'the customer left: the reply is emailed');
    assert.equal(sent.length, 1);
    const mail = await t.database.db.selectFrom('message_emails').selectAll().where('ticket_id', '=', s.ticketId).execute();
    assert.equal(mail.length, 1);
    assert.deepEqual(mail[0]!.to_addresses, [`dee${n}@example.com`]);
    // Reading the conversation again marks the customer present: the next reply stays in the widget.
    await t.call({ method: 'GET', url: `${base}/current`, as: null, headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(await reply(), false);

    // A chat ticket that never had a widget conversation (an API integration) is not emailed.
    const api = await t.call({ method: 'POST', url: '/api/v1/tickets', payload: { subject: 'From a chat tool', body: 'hi', channel: 'chat', requester: { email: 'tool@example.com' } } });
    assert.equal(api.status, 201, JSON.stringify(api.body));
    const r = await t.call({ method: 'POST', url: `/api/v1/tickets/${api.body.id}/messages`, payload: { kind: 'reply', body: 'ok' } });
    assert.equal(await t.database.db.transaction().execute((tx) => queueReplyEmail(tx, jobs, api.body.id, r.body.message.id)), false);
  });
});
