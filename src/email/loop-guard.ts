import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { Classification } from './classify.ts';

export type AutoMailDecision = { send: true } | { send: false; reason: string };

/** Automatic mail to one address at most this often, whatever triggers it. */
export const autoMailLimit = { count: 5, perMinutes: 60 };

/** What the loop guard knows of an address: whether it bounced, and how much automatic mail it got lately. */
export type AutoMailFacts = { bouncedAt: Date | null; recent: number };

/** The loop guard's facts for many addresses in one read (lowercased addresses as keys). */
export async function autoMailFacts(db: Queryable, addresses: string[]): Promise<Map<string, AutoMailFacts>> {
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))];
  if (!wanted.length) return new Map();
  const { rows } = await sql<{ address: string; bounced_at: Date | null; n: number }>`
    select a.address,
      (select bounced_at from customer_identities where kind = 'email' and value = a.address) as bounced_at,
      (select count(*)::int from auto_mail_log l
        where l.address = a.address and l.created_at > now() - make_interval(mins => ${autoMailLimit.perMinutes})) as n
    from unnest(${wanted}::text[]) as a(address)`.execute(db);
  return new Map(rows.map((r) => [r.address, { bouncedAt: r.bounced_at, recent: r.n }]));
}

/**
 * Whether Heed may send automatic mail (an acknowledgement, an update) in answer to a message: never to
 * automatic mail or bounces, never to our own addresses, never to an address that bounced, and at most
 * `autoMailLimit` per address, so two auto-responders cannot keep each other busy.
 */
export function autoMailDecision(to: string, trigger: Classification | null, ownAddresses: Set<string>, facts: AutoMailFacts | undefined): AutoMailDecision {
  const address = to.toLowerCase();
  if (trigger && trigger.kind !== 'normal') return { send: false, reason: `the message is ${trigger.kind.replace('_', ' ')}` };
  if (ownAddresses.has(address.replace(/\+[^@]*@/, '@'))) return { send: false, reason: 'the address is one of our own mailboxes' };
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i.test(address)) return { send: false, reason: 'the address does not take replies' };
  if (facts?.bouncedAt) return { send: false, reason: 'the address bounced' };
  const n = facts?.recent ?? 0;
  if (n >= autoMailLimit.count) return { send: false, reason: `already ${n} automatic messages to this address within ${autoMailLimit.perMinutes} minutes` };
  return { send: true };
}

/** The log row of one automatic message, for a statement that writes it along with the message. */
export const autoMailRow = (to: string, kind: string) => ({ address: to.toLowerCase(), kind });
