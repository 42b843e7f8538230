import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { Classification } from './classify.ts';

export type AutoMailDecision = { send: true } | { send: false; reason: string };

/** Automatic mail to one address at most this often, whatever triggers it. */
export const autoMailLimit = { count: 5, perMinutes: 60 };

/**
 * Whether Heed may send automatic mail (an acknowledgement, an update) in answer to a message: never to
 * automatic mail or bounces, never to our own addresses, never to an address that bounced, and at most
 * `autoMailLimit` per address, so two auto-responders cannot keep each other busy.
 */
export async function mayAutoMail(
  db: Queryable,
  to: string,
  trigger: Classification | null,
  ownAddresses: Set<string>,
): Promise<AutoMailDecision> {
  const address = to.toLowerCase();
  if (trigger && trigger.kind !== 'normal') return { send: false, reason: `the message is ${trigger.kind.replace('_', ' ')}` };
  if (ownAddresses.has(address.replace(/\+[^@]*@/, '@'))) return { send: false, reason: 'the address is one of our own mailboxes' };
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i.test(address)) return { send: false, reason: 'the address does not take replies' };
  const { rows } = await sql<{ bounced_at: Date | null; n: number }>`
    select (select bounced_at from customer_identities where kind = 'email' and value = ${address}) as bounced_at,
      (select count(*)::int from auto_mail_log
        where address = ${address} and created_at > now() - make_interval(mins => ${autoMailLimit.perMinutes})) as n`.execute(db);
  const { bounced_at, n } = rows[0]!;
  if (bounced_at) return { send: false, reason: 'the address bounced' };
  if (n >= autoMailLimit.count) return { send: false, reason: `already ${n} automatic messages to this address within ${autoMailLimit.perMinutes} minutes` };
  return { send: true };
}

/** Notes automatic mail sent to an address, for the rate limit. */
export async function logAutoMail(db: Queryable, to: string, kind: string): Promise<void> {
  await db.insertInto('auto_mail_log').values(autoMailRow(to, kind)).execute();
}

/** The log row of one automatic message, for a statement that writes it along with the message. */
export const autoMailRow = (to: string, kind: string) => ({ address: to.toLowerCase(), kind });
