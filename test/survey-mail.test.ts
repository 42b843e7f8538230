/**
 * The survey chain in a real `heed start` process: solving a ticket through the API brings the invitation over
 * real SMTP (to a local sink) within a few ticks; its low-rating link records the answer and opens the follow-up.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createAgent } from '../src/agents/service.ts';
import { issueToken } from '../src/auth/tokens.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { spawnHeed } from './heed-process.ts';
import { processDatabase } from './helpers.ts';
import { startSink, until } from './smtp-sink.ts';

describe('survey invitations from a running Heed over SMTP', { timeout: 120_000 }, () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let cleanup = async () => {};
  let heed: ChildProcess | undefined;
  let base = '';
  let token = '';

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    sink = await startSink();
    const created = await processDatabase('heed_survey');
    cleanup = created.cleanup;
    const database = await openDatabase(created.env.DATABASE_URL ? { databaseUrl: created.env.DATABASE_URL } : { dataDir: created.env.DATA_DIR });
    await migrate(database.db);
    const agent = await createAgent(database.db, { kind: 'system' }, { email: 'ada@heed.test', name: 'Ada Lovelace', role: 'admin', password: 'correct horse battery' });
    token = (await issueToken(database.db, { agentId: agent.id, kind: 'api', name: 'survey' })).token;
    await database.close();
    const started = await spawnHeed({ ...created.env, OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    heed = started.proc;
    base = started.url;
  });
  after(async () => {
    heed?.kill('SIGKILL');
    await sink?.close();
    await cleanup();
  });

  it('mails the survey after a solve; the emailed link records a low rating and opens one follow-up', async () => {
    const ticket = await api('POST', '/api/v1/tickets', { subject: 'Refund <late>', body: 'Where is my refund?', requester: { email: 'sam@example.com', name: 'Sam Sender' } });
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
    assert.equal((await api('PATCH', `/api/v1/tickets/${ticket.body.id}`, { status: 'solved' })).status, 200);
    const mail = await until('the survey email', () => sink.received.find((m) => m.subject?.startsWith('How did we do')), 30_000);
    assert.equal(mail.subject, `How did we do on #${ticket.body.number} Refund <late>?`);
    assert.equal((mail.to as { text: string }).text, 'sam@example.com');
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    assert.match(String(mail.html), /Refund &lt;late&gt;/);
    const link = /(http\S+\/survey\/[A-Za-z0-9_-]{43}\?rating=1)/.exec(mail.text!)?.[1];
    assert.ok(link, mail.text);
    const u = new URL(link);
    const page = await fetch(base + u.pathname + u.search);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /1 of 5/);
    const commitments = await until('the follow-up', async () => {
      const c = await api('GET', `/api/v1/tickets/${ticket.body.id}/commitments`);
      return c.body.items.length > 0 ? c.body.items : undefined;
    });
    assert.equal(commitments.length, 1);
    assert.equal(commitments[0].text, `Call back Sam Sender about their rating of #${ticket.body.number}`);
    assert.equal(sink.received.filter((m) => m.subject?.startsWith('How did we do')).length, 1, 'one survey per ticket, however many ticks');
  });
});
