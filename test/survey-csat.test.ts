/**
 * Surveys: the CSAT insight on a small fixture computed by hand, token isolation, bad input and escaping.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answerCustomerSurvey, customerSurveys } from '../src/surveys/answer.ts';
import { surveyTick } from '../src/surveys/send.ts';
import { createTicket, testApp, type TestApp } from './helpers.ts';

let ip = 0;
// A fresh client address per request, so the per-IP limit is only met where a test means to meet it.
const fromIp = () => ({ 'x-forwarded-for': `192.0.2.${++ip % 250}` });
const tick = (t: TestApp) => surveyTick(t.database.db, undefined, { publicUrl: 'http://heed.test' });

async function solvedTicket(t: TestApp, overrides: Record<string, unknown> = {}) {
  const tk = await createTicket(t, overrides);
  const res = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${tk.id}`, payload: { status: 'solved' } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return tk;
}

async function surveyToken(t: TestApp, ticketId: string): Promise<string> {
  const mail = await t.database.db.selectFrom('system_emails').select('body_text').where('ticket_id', '=', ticketId).where('kind', '=', 'survey').executeTakeFirstOrThrow();
  return /\/survey\/([A-Za-z0-9_-]{43})\?/.exec(mail.body_text)![1]!;
}

describe('CSAT, isolation, bad input and escaping of surveys', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  /** A solved, surveyed ticket answered (or not) and moved into the fixture's month, credited to one agent. */
  async function answered(agentId: string, rating: number | null, comment?: string, channel = 'api') {
    const tk = await solvedTicket(t, { channel });
    await tick(t);
    const token = await surveyToken(t, tk.id);
    if (rating !== null) {
      const res = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: comment ? { rating, comment } : { rating }, as: null, headers: fromIp() });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    await t.database.db.updateTable('surveys').set({ agent_id: agentId, sent_at: new Date('2025-03-10T12:00:00Z') }).where('ticket_id', '=', tk.id).execute();
    return tk;
  }

  it('counts responses, sent, rate, CSAT, mean, distribution, low ratings and comments per group', async () => {
    const ann = await t.agent({ name: 'Ann' });
    const bob = await t.agent({ name: 'Bob' });
    const cy = await t.agent({ name: 'Cy' });
    await answered(ann.agentId, 5);
    await answered(ann.agentId, 4, 'Nice work');
    await answered(ann.agentId, 2);
    await answered(ann.agentId, null);
    const bobTicket = await answered(bob.agentId, 1, 'awful <b>wait</b>', 'web');
    await answered(cy.agentId, null);
    const url = '/api/v1/insights/csat?since=2025-03-01T00:00:00Z&until=2025-04-01T00:00:00Z';

    const byAgent = await t.call({ method: 'GET', url: `${url}&groupBy=agent` });
    assert.equal(byAgent.status, 200, JSON.stringify(byAgent.body));
    const g = Object.fromEntries(byAgent.body.groups.map((x: { name: string }) => [x.name, x]));
    // Ann: 4 sent, 3 answered (5, 4, 2): CSAT 2/3, mean 11/3, one low rating.
    assert.deepEqual(
      { ...g.Ann, comments: g.Ann.comments.map((c: { comment: string; rating: number }) => [c.rating, c.comment]) },
      { key: ann.agentId, name: 'Ann', responses: 3, sent: 4, responseRate: 0.75, csat: 0.6667, mean: 3.6667, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 }, lowRatings: 1, comments: [[4, 'Nice work']] },
    );
    // Bob: one answer, rated 1, with a comment (kept as text; the API is JSON).
    assert.equal(g.Bob.csat, 0);
    assert.equal(g.Bob.mean, 1);
    assert.equal(g.Bob.lowRatings, 1);
    assert.deepEqual(g.Bob.comments.map((c: { ticketNumber: number; comment: string }) => [c.ticketNumber, c.comment]), [[bobTicket.number, 'awful <b>wait</b>']]);
    // Cy: sent but never answered: no CSAT rather than 0.
    assert.equal(g.Cy.responses, 0);
    assert.equal(g.Cy.sent, 1);
    assert.equal(g.Cy.csat, null);
    assert.equal(g.Cy.mean, null);

    const all = await t.call({ method: 'GET', url });
    assert.equal(all.body.groups.length, 1);
    const a = all.body.groups[0];
    // 6 sent, 4 answered (5, 4, 2, 1): CSAT 2/4, mean 12/4.
    assert.deepEqual([a.sent, a.responses, a.responseRate, a.csat, a.mean, a.lowRatings], [6, 4, 0.6667, 0.5, 3, 2]);
    assert.deepEqual(a.distribution, { 1: 1, 2: 1, 3: 0, 4: 1, 5: 1 });
    assert.equal(a.comments.length, 2);

    const byChannel = await t.call({ method: 'GET', url: `${url}&groupBy=channel` });
    const web = byChannel.body.groups.find((x: { key: string }) => x.key === 'web');
    assert.deepEqual([web.responses, web.csat], [1, 0]);
    const byTeam = await t.call({ method: 'GET', url: `${url}&groupBy=team` });
    assert.equal(byTeam.status, 200);
    assert.equal(byTeam.body.groups.reduce((n: number, x: { sent: number }) => n + x.sent, 0), 6);

    const empty = await t.call({ method: 'GET', url: '/api/v1/insights/csat?since=2024-01-01T00:00:00Z&until=2024-02-01T00:00:00Z' });
    assert.deepEqual(empty.body, { groups: [] });
  });

  it('CSAT refuses bad parameters and customers', async () => {
    for (const q of ['groupBy=customer', 'since=yesterday', 'since=2025-02-01T00:00:00Z&until=2025-01-01T00:00:00Z', 'extra=1']) {
      const res = await t.call({ method: 'GET', url: `/api/v1/insights/csat?${q}` });
      assert.equal(res.status, 400, q);
      assert.equal(typeof res.body.error.message, 'string');
    }
    const anonymous = await t.call({ method: 'GET', url: '/api/v1/insights/csat', as: null });
    assert.equal(anonymous.status, 401);
  });

  it('a token answers only its own survey', async () => {
    const one = await solvedTicket(t);
    const two = await solvedTicket(t);
    await tick(t);
    const tokenOne = await surveyToken(t, one.id);
    const tokenTwo = await surveyToken(t, two.id);
    assert.notEqual(tokenOne, tokenTwo);
    await t.call({ method: 'POST', url: `/api/v1/public/surveys/${tokenTwo}`, payload: { rating: 1 }, as: null, headers: fromIp() });
    const s1 = await t.database.db.selectFrom('surveys').select(['rating', 'token_hash']).where('ticket_id', '=', one.id).executeTakeFirstOrThrow();
    assert.equal(s1.rating, null, "another survey's token never changes this one");
    const page = await t.app.inject({ method: 'GET', url: `/survey/${tokenTwo}`, headers: fromIp() });
    assert.match(page.body, new RegExp(`#${two.number}\\b`));
    assert.doesNotMatch(page.body, new RegExp(`#${one.number}\\b`));
    // Unknown, garbage, the stored hash itself, a token with one character changed: all 404, nothing written.
    const changed = tokenOne.slice(0, -1) + (tokenOne.endsWith('A') ? 'B' : 'A');
    for (const bad of ['x'.repeat(43), 'garbage', s1.token_hash, changed, '%3Cscript%3E', 'a'.repeat(900)]) {
      const api = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${bad}`, payload: { rating: 5 }, as: null, headers: fromIp() });
      assert.equal(api.status, 404, bad);
      assert.equal(api.body.error.code, 'not_found');
      const html = await t.app.inject({ method: 'GET', url: `/survey/${bad}?rating=5`, headers: fromIp() });
      assert.equal(html.statusCode, 404, bad);
      assert.match(html.body, /Survey not found/);
      assert.doesNotMatch(html.body, /<script>/);
    }
    // A link checker's HEAD records nothing (the rating stays empty below).
    await t.app.inject({ method: 'HEAD', url: `/survey/${tokenOne}?rating=1`, headers: fromIp() });
    assert.equal((await t.database.db.selectFrom('surveys').select('rating').where('ticket_id', '=', one.id).executeTakeFirstOrThrow()).rating, null);
  });

  it('the portal functions answer only the signed-in customer\'s own survey', async () => {
    const mine = await solvedTicket(t);
    const theirs = await solvedTicket(t);
    await tick(t);
    const list = await customerSurveys(t.database.db, mine.requesterId);
    assert.deepEqual(list.map((s) => s.number), [mine.number]);
    const [other] = await customerSurveys(t.database.db, theirs.requesterId);
    await assert.rejects(answerCustomerSurvey(t.database.db, mine.requesterId, other!.id, { rating: 1 }), { code: 'not_found' });
    await assert.rejects(answerCustomerSurvey(t.database.db, mine.requesterId, 'not-a-uuid', { rating: 1 }), { code: 'not_found' });
    const answered = await answerCustomerSurvey(t.database.db, mine.requesterId, list[0]!.id, { rating: 4 });
    assert.equal(answered.rating, 4);
    assert.equal((await customerSurveys(t.database.db, theirs.requesterId))[0]!.rating, null);
  });

  it('bad answers are refused with a clear error and write nothing', async () => {
    const tk = await solvedTicket(t);
    await tick(t);
    const token = await surveyToken(t, tk.id);
    const url = `/api/v1/public/surveys/${token}`;
    const cases: [unknown, RegExp][] = [
      [{}, /rating/], [{ rating: 0 }, /rating/], [{ rating: 6 }, /rating/], [{ rating: 3.5 }, /rating/], [{ rating: 'great' }, /rating/],
      [{ rating: 'good' }, /rating/], [{ rating: 4, comment: 'x'.repeat(5001) }, /comment/], [{ rating: 4, comment: 'a\u0000b' }, /comment/],
      [{ rating: 4, comment: 12 }, /comment/], [{ rating: 4, admin: true }, /admin|unrecognized/i], [[], /body|expected/i],
    ];
    for (const [payload, field] of cases) {
      const res = await t.call({ method: 'POST', url, payload: payload as object, as: null, headers: fromIp() });
      assert.equal(res.status, 400, JSON.stringify(payload).slice(0, 80));
      assert.match(`${res.body.error.message} ${JSON.stringify(res.body.error.details ?? '')}`, field);
    }
    const notJson = await t.app.inject({ method: 'POST', url, headers: { ...fromIp(), 'content-type': 'application/json' }, payload: '{"rating":' });
    assert.equal(notJson.statusCode, 400);
    const huge = await t.app.inject({ method: 'POST', url, headers: { ...fromIp(), 'content-type': 'application/json' }, payload: JSON.stringify({ rating: 4, comment: 'x'.repeat(3_000_000) }) });
    assert.equal(huge.statusCode, 413);
    const form = await t.app.inject({ method: 'POST', url: `/survey/${token}`, headers: { ...fromIp(), 'content-type': 'application/x-www-form-urlencoded' }, payload: `rating=4&comment=${'y'.repeat(5001)}` });
    assert.equal(form.statusCode, 400);
    assert.match(form.body, /comment/);
    const badClick = await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=9`, headers: fromIp() });
    assert.equal(badClick.statusCode, 400);
    assert.match(badClick.body, /rating/);
    const s = await t.database.db.selectFrom('surveys').select(['rating', 'comment', 'answered_at']).where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
    assert.deepEqual(s, { rating: null, comment: null, answered_at: null });
  });

  it('hostile subjects and comments are escaped in the email and on the page', async () => {
    const tk = await solvedTicket(t, { subject: '<script>alert(1)</script> & "quotes"' });
    await tick(t);
    const mail = await t.database.db.selectFrom('system_emails').select(['body_html', 'subject']).where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
    assert.doesNotMatch(mail.body_html!, /<script>/);
    assert.match(mail.body_html!, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;/);
    const token = await surveyToken(t, tk.id);
    const comment = '<img src=x onerror=alert(1)> "><script>alert(2)</script>';
    const res = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 3, comment }, as: null, headers: fromIp() });
    assert.equal(res.body.comment, comment, 'stored as the customer wrote it');
    const page = await t.app.inject({ method: 'GET', url: `/survey/${token}`, headers: fromIp() });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>|<img/);
    assert.match(page.body, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'none'/);
  });

  it('limits survey requests per address', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/survey/${'z'.repeat(43)}`, headers });
      if (res.statusCode === 429) limited += 1;
    }
    assert.ok(limited >= 5, `expected 429s after 30 requests, got ${limited}`);
    const other = await t.app.inject({ method: 'GET', url: `/survey/${'z'.repeat(43)}`, headers: { 'x-forwarded-for': '203.0.113.78' } });
    assert.equal(other.statusCode, 404, 'another address is not limited');
  });
});
