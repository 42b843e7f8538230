/**
 * The web app's admin pages and the views added beside the queues, in a real browser (Debian's chromium through
 * playwright-core) against Heed serving the built app on a fresh database: an admin creates a team, a mailbox
 * with IMAP settings, edits business hours (an overlapping period is refused beside the field), creates an SLA
 * policy, creates and revokes an API token; axe-core on each admin page; an agent sees Handoffs to accept and no
 * admin links. Screenshots in test-results/web/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agentViews, viewCountLabel } from '../web/src/lib/views.ts';
import { problemFor, problemsOf } from '../web/src/components/admin/problems.ts';
import { ApiError } from '../web/src/api/client.ts';
import { createTicket, type Caller, type TestApp } from './helpers.ts';
import { checkAccessibility, screenshot, signIn, startWebApp, withBrowser } from './browser.ts';

describe('web app views and admin forms (logic)', () => {
  it('puts mine (open only), handoffs and commitments first, each with its count name', () => {
    const views = agentViews({ id: 'me' }, [{ id: 't1', name: 'Cards', memberIds: ['me'] }], new Date('2026-03-10T10:00:00Z'));
    assert.deepEqual(views.map((v) => v.id), ['mine', 'handoffs', 'commitments', 'waiting', 'due', 'breached', 'team-t1', 'all']);
    assert.deepEqual(views.map((v) => v.countKey), ['mine', 'handoffs', 'commitments', 'waiting', 'due', 'breached', 'team:t1', 'all']);
    assert.deepEqual(views[0]!.query, { ownerId: 'me', sort: 'updated', open: 'true' });
    assert.deepEqual(views[1]!.query, { handoffTo: 'me', sort: 'updated' });
    assert.equal(views[2]!.kind, 'commitments');
    assert.equal(viewCountLabel({ count: 10_000, capped: true }), '10000+');
    assert.equal(viewCountLabel({ count: 7, capped: false }), '7');
    assert.equal(viewCountLabel(undefined), '…');
  });

  it('puts each API problem beside the field it names', () => {
    const details = new ApiError(400, 'validation_failed', 'periods.1.start: bad', [{ field: 'periods.1.start', message: 'must be a time' }, { field: 'name', message: 'too long' }]);
    const p = problemsOf(details);
    assert.deepEqual(p, { fields: { 'periods.1.start': 'must be a time', name: 'too long' }, general: null });
    assert.equal(problemFor(p, 'periods.1.start'), 'must be a time');
    assert.equal(problemFor(p, 'periods'), '1.start: must be a time');
    assert.equal(problemFor(p, 'timeZone'), undefined);
    // Domain errors name the field at the start of the message.
    assert.deepEqual(problemsOf(new ApiError(404, 'reference_not_found', 'teamId: no such team')), { fields: { teamId: 'no such team' }, general: null });
    assert.deepEqual(problemsOf(new ApiError(409, 'conflict', 'the SLA policy "VIP" uses this calendar')), { fields: {}, general: 'the SLA policy "VIP" uses this calendar' });
  });
});

// The browser logs refused requests itself; the app shows them, which the test checks.
const refusals = { ignoreConsole: /status of 4\d\d/ };

describe('admin pages and views in a real browser', { timeout: 180_000 }, () => {
  let t: TestApp;
  let base: string;
  let ravi: Caller;
  let handedOver: { id: string };

  before(async () => {
    ({ t, base } = await startWebApp());
    ravi = await t.agent({ name: 'Ravi Receiver' });
    handedOver = await createTicket(t, { subject: 'Chargeback on an annual plan' });
    const h = await t.call({ method: 'POST', url: `/api/v1/tickets/${handedOver.id}/handoff`, payload: { toAgentId: ravi.agentId, note: 'Billing question: yours.' } });
    assert.equal(h.status, 201, JSON.stringify(h.body));
  });
  after(async () => {
    await t?.close();
  });

  it('lets an admin set up teams, a mailbox, business hours, an SLA policy and API tokens, accessibly', async () => {
    await withBrowser({ ...refusals, acceptDialogs: true }, async ({ page }) => {
      await signIn(page, base, t.admin);
      // A reload finds the session again: the CSRF token comes from the server, not from storage.
      await page.reload();
      await page.getByRole('heading', { name: 'My tickets', level: 1 }).waitFor();
      assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 0);

      const adminNav = page.getByRole('navigation', { name: 'Admin' });
      await adminNav.getByRole('link', { name: 'Agents and teams' }).click();
      await page.getByRole('heading', { name: 'Agents and teams', level: 1 }).waitFor();
      await page.getByRole('row', { name: /Ravi Receiver/ }).waitFor();
      const newTeam = page.getByRole('form', { name: 'New team' });
      await newTeam.getByLabel('Name of the new team').fill('Billing');
      await newTeam.getByRole('button', { name: 'Create team' }).click();
      const billing = page.getByRole('form', { name: 'Team Billing' });
      await billing.getByLabel('Ravi Receiver').check();
      await billing.getByLabel('Lead').selectOption({ label: 'Ravi Receiver' });
      await billing.getByRole('button', { name: 'Save team' }).click();
      await billing.getByRole('status').getByText('Saved.').waitFor();
      const teams = (await t.call({ method: 'GET', url: '/api/v1/teams' })).body.items as { id: string; name: string; leadId: string; memberIds: string[] }[];
      const team = teams.find((x) => x.name === 'Billing');
      assert.deepEqual([team?.leadId, team?.memberIds], [ravi.agentId, [ravi.agentId]]);
      // A name the API refuses is shown beside the field.
      await newTeam.getByLabel('Name of the new team').fill('billing');
      await newTeam.getByRole('button', { name: 'Create team' }).click();
      await newTeam.locator('.field-error, .error').first().waitFor();
      await checkAccessibility(page, 'admin agents');
      await screenshot(page, 'admin-agents');

      await adminNav.getByRole('link', { name: 'Mailboxes' }).click();
      await page.getByRole('button', { name: 'New mailbox' }).click();
      const mb = page.getByRole('form', { name: 'New mailbox' });
      await mb.getByLabel('Address').fill('billing@heed.test');
      await mb.getByLabel('Name', { exact: true }).fill('Heed Billing');
      await mb.getByLabel('Team').selectOption({ label: 'Billing' });
      await mb.getByLabel('Fetch mail from an IMAP server').check();
      await mb.getByLabel('Host').fill('imap.heed.test');
      await mb.getByLabel('User').fill('billing');
      await mb.getByLabel('Password').fill('imap secret 123');
      await mb.getByLabel('Poll this mailbox').uncheck();
      await mb.getByRole('button', { name: 'Create mailbox' }).click();
      await page.getByRole('row', { name: /billing@heed\.test/ }).waitFor();
      const boxes = (await t.call({ method: 'GET', url: '/api/v1/mailboxes' })).body.items;
      const box = boxes.find((m: { address: string }) => m.address === 'billing@heed.test');
      assert.equal(box.teamId, team!.id);
      assert.equal(box.imap.host, 'imap.heed.test');
      assert.ok(!JSON.stringify(box).includes('imap secret'), 'the IMAP password is never shown');
      await checkAccessibility(page, 'admin mailboxes');
      await screenshot(page, 'admin-mailboxes');

      await adminNav.getByRole('link', { name: 'Business hours' }).click();
      await page.getByRole('button', { name: 'Edit Business hours' }).click();
      const cal = page.getByRole('form', { name: 'Edit Business hours' });
      await cal.getByRole('button', { name: 'Add period' }).click();
      await cal.getByLabel('Day of period 6').selectOption({ label: 'Monday' });
      await cal.getByLabel('Opens (period 6)').fill('16:00');
      await cal.getByLabel('Closes (period 6)').fill('18:00');
      await cal.getByRole('button', { name: 'Save calendar' }).click();
      await cal.locator('.field-error').getByText(/overlaps/).waitFor();
      await checkAccessibility(page, 'admin business hours with an error');
      await screenshot(page, 'admin-business-hours-error');
      // Saturday morning instead, and a holiday: saved.
      await cal.getByLabel('Day of period 6').selectOption({ label: 'Saturday' });
      await cal.getByLabel('Opens (period 6)').fill('10:00');
      await cal.getByLabel('Closes (period 6)').fill('13:00');
      await cal.getByRole('button', { name: 'Add holiday' }).click();
      await cal.getByLabel('Date of holiday 1').fill('2026-12-25');
      await cal.getByLabel('Name of holiday 1').fill('Christmas Day');
      await cal.getByRole('button', { name: 'Save calendar' }).click();
      await cal.getByRole('status').getByText('Saved.').waitFor();
      const imp = page.getByRole('form', { name: 'Import holidays' });
      await imp.getByLabel('Or paste the calendar').fill('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//heed test//EN\r\nBEGIN:VEVENT\r\nUID:ny@heed\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
      await imp.getByRole('button', { name: 'Import holidays' }).click();
      await imp.getByRole('status').getByText(/now has 2 holidays/).waitFor();
      const cals = (await t.call({ method: 'GET', url: '/api/v1/business-hours' })).body.items;
      const def = cals.find((c: { isDefault: boolean }) => c.isDefault);
      assert.deepEqual(def.periods.at(-1), { day: 6, start: '10:00', end: '13:00' });
      assert.deepEqual(def.holidays.map((h: { date: string }) => h.date).sort(), ['2026-12-25', '2027-01-01']);
      await checkAccessibility(page, 'admin business hours');

      await adminNav.getByRole('link', { name: 'SLA policies' }).click();
      await page.getByRole('row', { name: /default/ }).waitFor();
      assert.equal(await page.getByRole('row', { name: /default/ }).getByRole('button', { name: /Delete/ }).count(), 0, 'the default policy cannot be deleted');
      await page.getByRole('button', { name: 'New policy' }).click();
      const pol = page.getByRole('form', { name: 'New SLA policy' });
      await pol.getByLabel('Name').fill('Billing by email');
      await pol.getByLabel('Position').fill('10');
      await pol.getByRole('group', { name: 'Teams' }).getByLabel('Billing').check();
      await pol.getByRole('group', { name: 'Channels' }).getByLabel('Email').check();
      await pol.getByLabel('Urgent: First response (minutes)').fill('30');
      await pol.getByRole('button', { name: 'Create policy' }).click();
      await page.getByRole('row', { name: /Billing by email/ }).waitFor();
      const pols = (await t.call({ method: 'GET', url: '/api/v1/sla-policies' })).body.items;
      const made = pols.find((p: { name: string }) => p.name === 'Billing by email');
      assert.deepEqual(made.conditions, { teamIds: [team!.id], channels: ['email'] });
      assert.equal(made.targets.urgent.firstResponse, 30);
      assert.equal(made.position, 10);
      await checkAccessibility(page, 'admin sla');
      await screenshot(page, 'admin-sla');

      await adminNav.getByRole('link', { name: 'API tokens' }).click();
      const tok = page.getByRole('form', { name: 'New API token' });
      await tok.getByLabel('Token name').fill('Billing sync');
      await tok.getByLabel('Acts as').selectOption({ label: 'Ravi Receiver' });
      await tok.getByRole('button', { name: 'Create token' }).click();
      const shown = await page.getByLabel('New token').inputValue();
      assert.match(shown, /^heed_api_/);
      const asToken = { token: shown, agentId: ravi.agentId, email: ravi.email };
      assert.equal((await t.call({ method: 'GET', url: '/api/v1/agents/me', as: asToken })).body.id, ravi.agentId);
      const row = page.getByRole('row', { name: /Billing sync/ });
      await row.waitFor();
      await checkAccessibility(page, 'admin tokens');
      await screenshot(page, 'admin-tokens');
      await page.reload();
      assert.equal(await page.getByLabel('New token').count(), 0, 'the token is shown once');
      await page.getByRole('button', { name: 'Revoke Billing sync' }).click();
      await page.getByRole('row', { name: /Billing sync/ }).waitFor({ state: 'detached' });
      assert.equal((await t.call({ method: 'GET', url: '/api/v1/agents/me', as: asToken })).status, 401);

      // A tablet: the widest admin page fits without sideways scrolling.
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.goto(`${base}/admin/sla`);
      await page.getByRole('button', { name: 'New policy' }).click();
      await page.getByRole('form', { name: 'New SLA policy' }).waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the SLA page scrolls sideways on a tablet');
    });
  });

  it('shows an agent the handoffs waiting for them, and no admin pages', async () => {
    await withBrowser(refusals, async ({ page }) => {
      await signIn(page, base, ravi);
      const nav = page.getByRole('navigation', { name: 'Queues' });
      const link = nav.getByRole('link', { name: /Handoffs to accept/ });
      await page.waitForFunction(() => /Handoffs to accept\s*1/.test([...document.querySelectorAll('nav[aria-label="Queues"] a')].map((a) => a.textContent).join('|')));
      assert.equal(await page.getByRole('navigation', { name: 'Admin' }).count(), 0);
      await link.click();
      await page.getByRole('heading', { name: 'Handoffs to accept', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Handoffs to accept: tickets' }).getByText('Chargeback on an annual plan').waitFor();
      await checkAccessibility(page, 'handoffs to accept');
      await screenshot(page, 'handoffs-to-accept');

      await nav.getByRole('link', { name: /Commitments due/ }).click();
      await page.getByRole('heading', { name: 'Commitments due', level: 1 }).waitFor();
      await page.getByText('No open promises').waitFor();
      await page.getByRole('button', { name: 'Missed' }).click();
      await page.getByText('No missed promises').waitFor();
      await checkAccessibility(page, 'commitments due');

      await page.goto(`${base}/admin/tokens`);
      await page.getByText('Only admins can change').waitFor();
    });
  });
});
