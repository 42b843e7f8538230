import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/database.ts';
import { freshDatabase } from '../../test/helpers.ts';
import type { Classification } from './classify.ts';
import { autoMailDecision, autoMailFacts, autoMailLimit, autoMailRow } from './loop-guard.ts';

describe('automatic mail loop guard', () => {
  let database: Database;
  const own = new Set(['support@heed.test']);
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.close());
  // The decision as notices make it: the address's facts read from the database, then the rules.
  const mayAutoMail = async (to: string, trigger: Classification, ownAddresses: Set<string>) =>
    autoMailDecision(to, trigger, ownAddresses, (await autoMailFacts(database.db, [to])).get(to.toLowerCase()));

  const cases: [string, string, Classification, boolean][] = [
    ['a person writing', 'ann@example.com', { kind: 'normal' }, true],
    ['an out-of-office reply', 'ann@example.com', { kind: 'auto_reply', reason: 'Auto-Submitted: auto-replied' }, false],
    ['a bounce', 'ann@example.com', { kind: 'bounce', reason: 'dsn', action: 'failed', originalMessageIds: [], failedRecipients: [], diagnostic: null }, false],
    ['our own mailbox', 'support@heed.test', { kind: 'normal' }, false],
    ['our own reply address', 'support+0123456789abcdef0123@heed.test', { kind: 'normal' }, false],
    ['a mailer daemon', 'MAILER-DAEMON@mx.example.com', { kind: 'normal' }, false],
    ['a no-reply sender', 'noreply@shop.example', { kind: 'normal' }, false],
  ];
  for (const [name, to, trigger, expected] of cases) {
    it(`${expected ? 'answers' : 'does not answer'} ${name}`, async () => {
      assert.equal((await mayAutoMail(to, trigger, own)).send, expected);
    });
  }

  it('stops after the hourly limit for one address, and never writes to an address that bounced', async () => {
    for (let i = 0; i < autoMailLimit.count; i++) {
      assert.equal((await mayAutoMail('busy@example.com', { kind: 'normal' }, own)).send, true, `message ${i}`);
      await database.db.insertInto('auto_mail_log').values(autoMailRow('busy@example.com', 'acknowledgement')).execute();
    }
    const refused = await mayAutoMail('Busy@Example.com', { kind: 'normal' }, own);
    assert.equal(refused.send, false);
    assert.match((refused as { reason: string }).reason, /already 5/);
    assert.equal((await mayAutoMail('other@example.com', { kind: 'normal' }, own)).send, true);
    const c = await database.db.insertInto('customers').values({ name: 'Gone' }).returning('id').executeTakeFirstOrThrow();
    await database.db.insertInto('customer_identities').values({ customer_id: c.id, kind: 'email', value: 'gone@example.com', bounced_at: new Date() }).execute();
    assert.equal((await mayAutoMail('gone@example.com', { kind: 'normal' }, own)).send, false);
  });
});
