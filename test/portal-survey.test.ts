/**
 * Surveys in the customer portal: the ticket shows its survey to its own customer, the customer answers it there
 * (same rules as the emailed link: low ratings open a follow-up), nobody else's survey is reachable, bad input and
 * cookie writes without the CSRF header are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { SMTPServer } from 'smtp-server';
import { createAgent } from '../src/agents/service.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { requestLink } from '../src/portal/auth.ts';
import { surveyTick } from '../src/surveys/send.ts';
import { changeTicket, createTicket as openTicketDirect } from '../src/tickets/service.ts';
import { checkAccessibility, openBrowser, type Browser } from './browser.ts';
import { spawnHeed } from './heed-process.ts';
import { createTicket, processDatabase, testApp, type TestApp } from './helpers.ts';

type Res = { status: number; body: any; headers: Record<string, unknown> };

describe('portal surveys', () => {
  let t: TestApp;
  const carol = 'carol.survey@example.com';
  const dave = 'dave.survey@example.com';
  let carolSolved: { id: string };
  let carolOpen: { id: string };
  let daveSolved: { id: string };
  let carolToken: string;
  let daveToken: string;

  const portal = (opts: { method?: string; url: string; payload?: unknown; token?: string; cookie?: string; headers?: Record<string, string> }): Promise<Res> => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.cookie) headers.cookie = `heed_portal=${opts.cookie}`;
    return t.call({ method: (opts.method ?? 'GET') as 'GET', url: opts.url, payload: opts.payload as object, headers, as: null });
  };
  /** Signs in through the mailed link (read from the queued system email) and returns the session token. */
  const signIn = async (email: string) => {
    assert.equal((await portal({ method: 'POST', url: '/api/v1/portal/login', payload: { email } })).status, 202);
    const mail = await t.database.db.selectFrom('system_emails').select('body_text').where('to_address', '=', email).where('kind', '=', 'portal_link').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const link = decodeURIComponent(/\/portal\/auth\?token=([^\s]+)/.exec(mail.body_text)![1]!);
    const r = await portal({ method: 'POST', url: '/api/v1/portal/session', payload: { token: link } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.token as string;
  };
  const solve = async (id: string) => {
    const r = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'solved' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const surveyRow = (ticketId: string) => t.database.db.selectFrom('surveys').selectAll().where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();

  before(async () => {
    t = await testApp();
    carolSolved = await createTicket(t, { subject: 'Carol: login loop', requester: { email: carol, name: 'Carol Cole' } });
    carolOpen = await createTicket(t, { subject: 'Carol: still open', requester: { email: carol, name: 'Carol Cole' } });
    daveSolved = await createTicket(t, { subject: 'Dave: invoice', requester: { email: dave, name: 'Dave Dunn' } });
    await solve(carolSolved.id);
    await solve(daveSolved.id);
    assert.equal(await surveyTick(t.database.db, undefined, { publicUrl: 'http://heed.test' }), 2);
    carolToken = await signIn(carol);
    daveToken = await signIn(dave);
  });
  after(() => t.close());

  it('shows the survey on the customer\'s own solved ticket, and null where there is none', async () => {
    const r = await portal({ url: `/api/v1/portal/tickets/${carolSolved.id}`, token: carolToken });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const row = await surveyRow(carolSolved.id);
    assert.deepEqual(r.body.survey, { id: row.id, scale: 'five', rating: null, comment: null, answeredAt: null, open: true });
    const open = await portal({ url: `/api/v1/portal/tickets/${carolOpen.id}`, token: carolToken });
    assert.equal(open.status, 200);
    assert.equal(open.body.survey, null);
  });

  it('answers through the portal: rating and comment stored, a low rating opens one follow-up', async () => {
    const r = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${carolSolved.id}/survey`, token: carolToken, payload: { rating: 2, comment: '  Slow, but <b>solved</b>  ' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rating, 2);
    assert.equal(r.body.comment, 'Slow, but <b>solved</b>');
    assert.equal(r.body.open, true);
    assert.ok(!Number.isNaN(Date.parse(r.body.answeredAt)));
    const row = await surveyRow(carolSolved.id);
    assert.equal(row.rating, 2);
    assert.equal(row.comment, 'Slow, but <b>solved</b>');
    assert.ok(row.follow_up_commitment_id, 'a rating of 2 opens a follow-up');
    const c = await t.database.db.selectFrom('commitments').select(['source', 'text']).where('id', '=', row.follow_up_commitment_id!).executeTakeFirstOrThrow();
    assert.equal(c.source, 'survey');
    assert.match(c.text, /Call back Carol Cole/);
    const shown = await portal({ url: `/api/v1/portal/tickets/${carolSolved.id}`, token: carolToken });
    assert.equal(shown.body.survey.rating, 2);
    assert.equal(shown.body.survey.comment, 'Slow, but <b>solved</b>');
    // With a comment sent, the answer is final: another rating is a conflict, as for the emailed link.
    const change = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${carolSolved.id}/survey`, token: carolToken, payload: { rating: 5 } });
    assert.equal(change.status, 409);
    assert.equal((await surveyRow(carolSolved.id)).rating, 2);
    const followUps = await t.database.db.selectFrom('commitments').select('id').where('ticket_id', '=', carolSolved.id).where('source', '=', 'survey').execute();
    assert.equal(followUps.length, 1);
  });

  it('never reaches another customer\'s ticket or survey (404), nor a ticket without a survey', async () => {
    const peek = await portal({ url: `/api/v1/portal/tickets/${daveSolved.id}`, token: carolToken });
    assert.equal(peek.status, 404);
    const write = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${daveSolved.id}/survey`, token: carolToken, payload: { rating: 1 } });
    assert.equal(write.status, 404);
    assert.equal((await surveyRow(daveSolved.id)).rating, null, 'nothing written to Dave\'s survey');
    const none = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${carolOpen.id}/survey`, token: carolToken, payload: { rating: 4 } });
    assert.equal(none.status, 404);
    assert.match(none.body.error.message, /survey/);
    const unknown = await portal({ method: 'POST', url: '/api/v1/portal/tickets/00000000-0000-4000-8000-000000000000/survey', token: carolToken, payload: { rating: 4 } });
    assert.equal(unknown.status, 404);
    const anonymous = await portal({ method: 'POST', url: `/api/v1/portal/tickets/${daveSolved.id}/survey`, payload: { rating: 4 } });
    assert.equal(anonymous.status, 401);
  });

  it('refuses bad ratings, comments and ids with 400 naming the field, writing nothing', async () => {
    const url = `/api/v1/portal/tickets/${daveSolved.id}/survey`;
    for (const payload of [{}, { rating: 0 }, { rating: 6 }, { rating: 2.5 }, { rating: 'great' }, { rating: 'good' }, { rating: '<script>' }, { rating: 3, comment: 'x'.repeat(5001) }, { rating: 3, extra: 1 }]) {
      const r = await portal({ method: 'POST', url, token: daveToken, payload });
      assert.equal(r.status, 400, JSON.stringify(payload));
      assert.ok(r.body.error.code && r.body.error.message, JSON.stringify(r.body));
      assert.match(JSON.stringify(r.body.error), /rating|comment|extra/, JSON.stringify(payload));
    }
    const badId = await portal({ method: 'POST', url: '/api/v1/portal/tickets/not-a-uuid/survey', token: daveToken, payload: { rating: 3 } });
    assert.equal(badId.status, 400);
    assert.equal((await surveyRow(daveSolved.id)).rating, null);
  });

  it('refuses a cookie-signed write without the CSRF header, accepts it with the header', async () => {
    const url = `/api/v1/portal/tickets/${daveSolved.id}/survey`;
    const no = await portal({ method: 'POST', url, cookie: daveToken, payload: { rating: 5 } });
    assert.equal(no.status, 403);
    assert.equal(no.body.error.code, 'csrf_failed');
    assert.equal((await surveyRow(daveSolved.id)).rating, null);
    const me = await portal({ url: '/api/v1/portal/me', cookie: daveToken });
    const yes = await portal({ method: 'POST', url, cookie: daveToken, payload: { rating: 5 }, headers: { 'x-csrf-token': me.body.csrfToken } });
    assert.equal(yes.status, 200, JSON.stringify(yes.body));
    assert.equal(yes.body.rating, 5);
    const row = await surveyRow(daveSolved.id);
    assert.equal(row.rating, 5);
    assert.equal(row.follow_up_commitment_id, null, 'a good rating opens no follow-up');
  });

  it('shows "good"/"bad" on the binary scale and closes after 30 days (422)', async () => {
    await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { surveyScale: 'binary' } });
    const erin = 'erin.survey@example.com';
    const tk = await createTicket(t, { subject: 'Erin: binary', requester: { email: erin, name: 'Erin Eve' } });
    await solve(tk.id);
    assert.equal(await surveyTick(t.database.db, undefined, { publicUrl: 'http://heed.test' }), 1);
    const token = await signIn(erin);
    const url = `/api/v1/portal/tickets/${tk.id}/survey`;
    assert.equal((await portal({ method: 'POST', url, token, payload: { rating: 3 } })).status, 400);
    const bad = await portal({ method: 'POST', url, token, payload: { rating: 'bad' } });
    assert.equal(bad.status, 200, JSON.stringify(bad.body));
    assert.equal(bad.body.scale, 'binary');
    assert.equal(bad.body.rating, 'bad');
    assert.equal((await surveyRow(tk.id)).rating, 1);
    assert.ok((await surveyRow(tk.id)).follow_up_commitment_id, 'bad is a low rating');
    await t.database.db.updateTable('surveys').set({ sent_at: new Date(Date.now() - 31 * 86_400_000) }).where('ticket_id', '=', tk.id).execute();
    const shown = await portal({ url: `/api/v1/portal/tickets/${tk.id}`, token });
    assert.equal(shown.body.survey.open, false);
    const late = await portal({ method: 'POST', url, token, payload: { rating: 'good' } });
    assert.equal(late.status, 422);
  });
});

describe('the portal survey in chromium', () => {
  const customer = 'survey.browser@example.com';
  const hostile = '<img src=x onerror="window.__pwned=1">too slow';
  let cleanup = async () => {};
  let heed: ChildProcess | undefined;
  let sink: SMTPServer | undefined;
  let base = '';
  let link = '';
  let ticketId = '';
  let browser: Browser;

  before(async () => {
    // Mail is accepted and dropped: this test reads the sign-in link from the database before Heed starts.
    sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, _s, done) { stream.resume(); stream.on('end', () => done()); } });
    await new Promise<void>((r) => sink!.listen(0, '127.0.0.1', r));
    const smtpPort = (sink.server.address() as { port: number }).port;
    const created = await processDatabase('heed_portal_survey');
    cleanup = created.cleanup;
    const database = await openDatabase(created.env.DATABASE_URL ? { databaseUrl: created.env.DATABASE_URL } : { dataDir: created.env.DATA_DIR });
    await migrate(database.db);
    await createAgent(database.db, { kind: 'system' }, { email: 'ada@heed.test', name: 'Ada Lovelace', role: 'admin', password: 'correct horse battery' });
    const ticket = await openTicketDirect(database.db, { kind: 'system' }, {
      subject: 'Printer offline', body: 'It will not print.', requester: { email: customer, name: 'Sam Survey' }, channel: 'email', priority: 'normal', tags: [], customFields: {},
    });
    ticketId = ticket.id;
    await database.db.transaction().execute((tx) => changeTicket(tx, { kind: 'system' }, ticketId, { status: 'solved' }));
    assert.equal(await surveyTick(database.db, undefined, { publicUrl: 'http://heed.test' }), 1);
    await requestLink(database.db, undefined, { email: customer, publicUrl: 'http://heed.test' });
    const mail = await database.db.selectFrom('system_emails').select('body_text').where('kind', '=', 'portal_link').executeTakeFirstOrThrow();
    link = /(\/portal\/auth\?token=\S+)/.exec(mail.body_text)![1]!;
    await database.close();
    const started = await spawnHeed({ ...created.env, OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    heed = started.proc;
    base = started.url;
    browser = await openBrowser({ failOnHttpErrors: true });
  });
  after(async () => {
    await browser?.close();
    heed?.kill('SIGKILL');
    await new Promise<void>((r) => (sink ? sink.close(() => r()) : r()));
    await cleanup();
  });

  it('asks "How did we do?" on the solved ticket, takes a rating and a comment, then shows the answer as text', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.goto(base + link);
    await page.getByRole('heading', { name: 'Your support requests' }).waitFor();
    await page.goto(`${base}/portal/tickets/${ticketId}`);
    await page.getByRole('heading', { name: 'How did we do?' }).waitFor();
    const group = page.getByRole('group');
    assert.equal(await group.getByRole('button').count(), 5);
    await checkAccessibility(page, 'portal survey');
    const poor = page.getByRole('button', { name: '2 of 5 (Poor)' });
    await poor.click();
    assert.equal(await poor.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('button', { name: '5 of 5 (Excellent)' }).getAttribute('aria-pressed'), 'false');
    await page.getByLabel('Anything you would like to tell us? (optional)').fill(hostile);
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('You rated this request: 2 of 5 (Poor). Thank you.').waitFor();
    await page.getByText('Your comment: ' + hostile).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Send rating' }).count(), 0, 'a commented answer is final');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'the comment stayed text');
    await checkAccessibility(page, 'portal survey answered');
    assert.deepEqual(browser.errors, []);
  });
});
