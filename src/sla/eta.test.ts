import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTicket, testApp, type TestApp } from '../../test/helpers.ts';
import { queueEstimate } from './eta.ts';

// A burst of new tickets must not count a long queue again for each one; the remembered count stays honest.
describe('queue estimate for tickets being opened', () => {
  let t: TestApp;
  let calendarId: string;
  const dueBy = new Date(Date.now() + 60 * 86_400_000); // after every ticket in the queue
  const at = new Date();
  const estimate = (opening: boolean) => queueEstimate(t.database.db, { id: randomUUID(), team_id: null }, dueBy, calendarId, at, { opening });
  const waiting = async () => (await sql<{ n: number }>`select count(*)::int as n from tickets where waiting_since is not null and first_replied_at is null`.execute(t.database.db)).rows[0]!.n;

  before(async () => {
    t = await testApp();
    for (let i = 0; i < 205; i++) await createTicket(t);
    calendarId = (await sql<{ id: string }>`select id from business_calendars limit 1`.execute(t.database.db)).rows[0]!.id;
  });
  after(() => t.close());

  it('remembers a long count for a moment, adding each ticket opened on it, and counts again after', async () => {
    assert.ok((await waiting()) >= 200, `a long queue: ${await waiting()}`);
    const first = await estimate(true);
    // 150 tickets leave the queue; a ticket opened at once still sees the remembered queue plus the one before it.
    await sql`update tickets set first_replied_at = now() where id in (select id from tickets order by number limit 150)`.execute(t.database.db);
    const second = await estimate(true);
    assert.ok(second > first, `one more ahead: ${second.toISOString()} > ${first.toISOString()}`);
    // An existing ticket's estimate (not being opened) always counts.
    const counted = await estimate(false);
    assert.ok(counted < first, `the shorter queue counted: ${counted.toISOString()} < ${first.toISOString()}`);
    await new Promise((r) => setTimeout(r, 2_100));
    assert.equal((await estimate(true)).getTime(), counted.getTime(), 'after the moment, counted again (and short queues are not remembered)');
  });
});
