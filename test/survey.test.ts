/**
 * Satisfaction surveys: created by the tick when a ticket is solved (once per ticket, quiet period, window), one
 * click records a rating, the public API, the binary scale, follow-ups for low ratings and negative comments.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { surveyTick } from '../src/surveys/send.ts';
import { isNegativeComment } from '../src/surveys/answer.ts';
import { createTicket, testApp, type TestApp } from './helpers.ts';

const publicUrl = 'http://heed.test';
let ip = 0;
/** A fresh client address per use, so the per-IP limits of one test do not spill into the next. */
const fromIp = () => ({ 'x-forwarded-for': `198.51.100.${++ip % 250}` });

/** Creates and solves a ticket; returns it. */
async function solvedTicket(t: TestApp, overrides: Record<string, unknown> = {}) {
  const tk = await createTicket(t, overrides);
  const res = await t.call({ method: 'PATCH', url: `/api/v1/tickets/${tk.id}`, payload: { status: 'solved' } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return tk;
}

/** The token in the survey email of a ticket. */
async function surveyToken(t: TestApp, ticketId: string): Promise<string> {
  const mail = await t.database.db.selectFrom('system_emails').select('body_text').where('ticket_id', '=', ticketId).where('kind', '=', 'survey').executeTakeFirstOrThrow();
  return /\/survey\/([A-Za-z0-9_-]{43})\?/.exec(mail.body_text)![1]!;
}

const tick = (t: TestApp) => surveyTick(t.database.db, undefined, { publicUrl });
const surveyOf = (t: TestApp, ticketId: string) => t.database.db.selectFrom('surveys').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();

describe('surveys', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('a solved ticket gets one survey with one link per rating; an open one gets none', async () => {
    const open = await createTicket(t);
    const tk = await solvedTicket(t, { subject: 'Card not arrived' });
    assert.equal(await tick(t), 1);
    assert.equal(await surveyOf(t, open.id), undefined);
    const s = await surveyOf(t, tk.id);
    assert.ok(s);
    assert.equal(s.agent_id, tk.ownerId);
    assert.equal(s.team_id, tk.teamId);
    assert.equal(s.channel, 'api');
    assert.equal(s.scale, 'five');
    assert.equal(s.rating, null);
    const mail = await t.database.db.selectFrom('system_emails').selectAll().where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
    assert.equal(mail.kind, 'survey');
    assert.equal(mail.status, 'queued');
    assert.equal(mail.subject, `How did we do on #${tk.number} Card not arrived?`);
    const links = [...mail.body_text.matchAll(/http:\/\/heed\.test\/survey\/([A-Za-z0-9_-]{43})\?rating=(\d)/g)];
    assert.deepEqual(links.map((m) => m[2]), ['1', '2', '3', '4', '5']);
    assert.equal(new Set(links.map((m) => m[1])).size, 1);
    assert.notEqual(s.token_hash, links[0]![1], 'only the hash is stored');
    assert.match(s.token_hash, /^[0-9a-f]{64}$/);
    assert.equal(await tick(t), 0, 'one survey per ticket');
    const events = await t.database.db.selectFrom('events').select('action').where('ticket_id', '=', tk.id).where('action', '=', 'survey.sent').execute();
    assert.equal(events.length, 1);
  });

  it('respects the quiet period and the solved window', async () => {
    const email = 'quiet@example.com';
    const a = await solvedTicket(t, { requester: { email } });
    const b = await solvedTicket(t, { requester: { email } });
    assert.equal(await tick(t), 1, 'the second ticket of the same customer is not surveyed');
    assert.ok(await surveyOf(t, a.id));
    assert.equal(await surveyOf(t, b.id), undefined);
    // Long ago: the first survey leaves the quiet period; a new solve is surveyed again.
    await t.database.db.updateTable('surveys').set({ sent_at: new Date(Date.now() - 40 * 86_400_000) }).where('ticket_id', '=', a.id).execute();
    await t.database.db.updateTable('tickets').set({ solved_at: new Date(Date.now() - 8 * 86_400_000) }).where('id', '=', b.id).execute();
    assert.equal(await tick(t), 0, 'solved more than 7 days ago: too late to ask');
    const c = await solvedTicket(t, { requester: { email } });
    assert.equal(await tick(t), 1);
    assert.ok(await surveyOf(t, c.id));
    assert.equal(await surveyOf(t, b.id), undefined);
  });

  it('a customer without an email address gets a survey row (for the portal) and no email', async () => {
    const tk = await solvedTicket(t);
    await t.database.db.deleteFrom('customer_identities').where('customer_id', '=', tk.requesterId).execute();
    assert.equal(await tick(t), 1);
    assert.ok(await surveyOf(t, tk.id));
    const mails = await t.database.db.selectFrom('system_emails').select('id').where('ticket_id', '=', tk.id).execute();
    assert.equal(mails.length, 0);
  });

  it('one click records the rating; a later click changes it until a comment is sent', async () => {
    const tk = await solvedTicket(t);
    await tick(t);
    const token = await surveyToken(t, tk.id);
    const first = await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=4`, headers: fromIp() });
    assert.equal(first.statusCode, 200);
    assert.match(first.headers['content-type'] as string, /text\/html/);
    assert.match(first.body, /Thanks for your answer/);
    assert.match(first.body, /<textarea id="survey-comment"/);
    assert.equal((await surveyOf(t, tk.id))!.rating, 4);
    const again = await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=4`, headers: fromIp() });
    assert.equal(again.statusCode, 200);
    const answered = await t.database.db.selectFrom('events').select('id').where('ticket_id', '=', tk.id).where('action', '=', 'survey.answered').execute();
    assert.equal(answered.length, 1, 'the same click twice records once');
    await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=5`, headers: fromIp() });
    const changed = (await surveyOf(t, tk.id))!;
    assert.equal(changed.rating, 5);
    const posted = await t.app.inject({ method: 'POST', url: `/survey/${token}`, headers: { ...fromIp(), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'rating=5&comment=Quick+and+kind' });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `/survey/${token}`);
    const s = (await surveyOf(t, tk.id))!;
    assert.equal(s.comment, 'Quick and kind');
    assert.equal(s.follow_up_commitment_id, null, 'a good rating opens no follow-up');
    const late = await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=2`, headers: fromIp() });
    assert.equal(late.statusCode, 409);
    assert.equal((await surveyOf(t, tk.id))!.rating, 5);
    const view = await t.app.inject({ method: 'GET', url: `/survey/${token}`, headers: fromIp() });
    assert.match(view.body, /Quick and kind/);
    assert.doesNotMatch(view.body, /<textarea/);
  });

  it('the rating is final seven days after the first answer; the survey closes after thirty days', async () => {
    const tk = await solvedTicket(t);
    await tick(t);
    const token = await surveyToken(t, tk.id);
    const url = `/api/v1/public/surveys/${token}`;
    assert.equal((await t.call({ method: 'POST', url, payload: { rating: 3 }, as: null, headers: fromIp() })).status, 200);
    await t.database.db.updateTable('surveys').set({ answered_at: new Date(Date.now() - 8 * 86_400_000) }).where('ticket_id', '=', tk.id).execute();
    const changed = await t.call({ method: 'POST', url, payload: { rating: 4 }, as: null, headers: fromIp() });
    assert.equal(changed.status, 409);
    assert.equal(changed.body.error.code, 'conflict');
    const same = await t.call({ method: 'POST', url, payload: { rating: 3, comment: 'Fine in the end' }, as: null, headers: fromIp() });
    assert.equal(same.status, 200, 'a comment may still be added to the same rating');
    await t.database.db.updateTable('surveys').set({ sent_at: new Date(Date.now() - 31 * 86_400_000) }).where('ticket_id', '=', tk.id).execute();
    const closed = await t.call({ method: 'POST', url, payload: { rating: 3 }, as: null, headers: fromIp() });
    assert.equal(closed.status, 422);
    const page = await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=3`, headers: fromIp() });
    assert.equal(page.statusCode, 410);
  });

  it('the API answers with the rating and comment', async () => {
    const tk = await solvedTicket(t);
    await tick(t);
    const token = await surveyToken(t, tk.id);
    const res = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 3, comment: '  Took a while but fine  ' }, as: null, headers: fromIp() });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { rating: 3, comment: 'Took a while but fine' });
    const s = (await surveyOf(t, tk.id))!;
    assert.equal(s.rating, 3);
    assert.ok(s.answered_at);
    assert.equal(s.follow_up_commitment_id, null);
  });

  it('binary scale: two links, good and bad stored as 5 and 1, numbers refused', async () => {
    await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { surveyScale: 'binary' } });
    try {
      const tk = await solvedTicket(t);
      await tick(t);
      const mail = await t.database.db.selectFrom('system_emails').select('body_text').where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
      assert.deepEqual([...mail.body_text.matchAll(/\?rating=(\w+)/g)].map((m) => m[1]), ['good', 'bad']);
      const token = await surveyToken(t, tk.id);
      assert.equal((await surveyOf(t, tk.id))!.scale, 'binary');
      const three = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 3 }, as: null, headers: fromIp() });
      assert.equal(three.status, 400);
      assert.match(three.body.error.message, /rating/);
      const good = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 'good' }, as: null, headers: fromIp() });
      assert.deepEqual(good.body, { rating: 'good', comment: null });
      assert.equal((await surveyOf(t, tk.id))!.rating, 5);
      const page = await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=bad`, headers: fromIp() });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<strong>Bad<\/strong>/);
      const s = (await surveyOf(t, tk.id))!;
      assert.equal(s.rating, 1);
      assert.ok(s.follow_up_commitment_id, 'bad on the binary scale is a low rating');
    } finally {
      await t.call({ method: 'PATCH', url: '/api/v1/workspace', payload: { surveyScale: 'five' } });
    }
  });

  it('a low rating opens one follow-up for the team lead, due in a business day, with a notification', async () => {
    const lead = await t.agent({ name: 'Lena Lead' });
    const member = await t.agent({ name: 'Mo Member' });
    const team = await t.call({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Cards', leadId: lead.agentId, memberIds: [member.agentId] } });
    assert.equal(team.status, 201);
    const tk = await solvedTicket(t, { teamId: team.body.id, requester: { email: 'pat@example.com', name: 'Pat Doe' } });
    await tick(t);
    const token = await surveyToken(t, tk.id);
    const before = Date.now();
    await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=1`, headers: fromIp() });
    await t.app.inject({ method: 'GET', url: `/survey/${token}?rating=2`, headers: fromIp() });
    await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 2, comment: 'Terrible, never again' }, as: null, headers: fromIp() });
    const commitments = await t.database.db.selectFrom('commitments').selectAll().where('ticket_id', '=', tk.id).where('source', '=', 'survey').execute();
    assert.equal(commitments.length, 1, 'once per survey');
    const c = commitments[0]!;
    assert.equal(c.owner_id, lead.agentId);
    assert.equal(c.text, `Call back Pat Doe about their rating of #${tk.number}`);
    assert.ok(c.due_at.getTime() > before);
    assert.ok(c.due_at.getTime() < before + 5 * 86_400_000, 'one business day, even across a weekend');
    assert.equal((await surveyOf(t, tk.id))!.follow_up_commitment_id, c.id);
    const notes = await t.database.db.selectFrom('notifications').selectAll().where('ticket_id', '=', tk.id).where('kind', '=', 'survey.follow_up').execute();
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.agent_id, lead.agentId);
    const listed = await t.call({ method: 'GET', url: `/api/v1/tickets/${tk.id}/commitments` });
    assert.equal(listed.body.items.length, 1);
  });

  it('without a team lead the follow-up goes to the workspace default owner', async () => {
    const tk = await solvedTicket(t);
    await tick(t);
    const token = await surveyToken(t, tk.id);
    await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 1 }, as: null, headers: fromIp() });
    const c = await t.database.db.selectFrom('commitments').select(['owner_id', 'text']).where('ticket_id', '=', tk.id).where('source', '=', 'survey').executeTakeFirstOrThrow();
    const w = await t.database.db.selectFrom('workspace').select('default_owner_id').executeTakeFirstOrThrow();
    assert.equal(c.owner_id, w.default_owner_id);
    assert.match(c.text, /^Call back customer\d+@example\.com about their rating of #\d+$/);
  });

  it('a negative comment opens a follow-up even with a good rating', async () => {
    const tk = await solvedTicket(t);
    await tick(t);
    const token = await surveyToken(t, tk.id);
    const res = await t.call({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: { rating: 4, comment: 'The agent on the phone was RUDE.' }, as: null, headers: fromIp() });
    assert.equal(res.status, 200);
    assert.ok((await surveyOf(t, tk.id))!.follow_up_commitment_id);
    const n = await t.database.db.selectFrom('notifications').select('id').where('ticket_id', '=', tk.id).where('kind', '=', 'survey.follow_up').execute();
    assert.equal(n.length, 1);
  });

  it('reads negative comments by whole words and phrases', () => {
    const cases: [string, boolean][] = [
      ['Terrible service', true], ['I am disappointed.', true], ['Never  again!', true], ['the worst', true],
      ['Not terribly fast but good', false], ['Rudely efficient? no: prudent', false], ['Great, thanks', false], ['', false],
      ['You were not helpful', true], ['again, never a problem', false],
    ];
    for (const [text, negative] of cases) assert.equal(isNegativeComment(text), negative, text);
  });
});
