import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Insertable } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { autoMailDecision, autoMailFacts, autoMailRow } from '../email/loop-guard.ts';
import { outboundEmailRow, replyEnvelopes, SEND_QUEUE } from '../email/outbound.ts';
import { eventRow, recordEvent } from '../events/record.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { addBusinessMinutes } from '../sla/calendar.ts';
import { queueEstimate } from '../sla/eta.ts';
import { loadSettings } from '../sla/policies.ts';

/** "Wednesday 10:00 (CET)" in the customer's zone: what a person reads at a glance. */
export function humanTime(at: Date, timeZone: string): string {
  const d = DateTime.fromJSDate(at, { zone: timeZone });
  return `${d.toFormat('cccc d LLLL, HH:mm')} (${d.toFormat('ZZZZ')})`;
}

type Target = {
  id: string;
  number: number;
  subject: string;
  channel: string;
  team_id: string | null;
  expected_reply_by: Date | null;
  timezone: string;
  /** The requester's first email address, where the notice goes. */
  address: string | null;
};

type Notice = { target: Target; kind: 'acknowledgement' | 'eta_update'; text: string };

/**
 * Writes Heed's own messages to customers on their tickets and queues their emails, unless the loop guard says no
 * (our own addresses, bounced addresses, too many automatic messages). A batch costs a handful of statements
 * whatever its size: one read of the loop guard's facts, one of the envelopes, one write of every message, queued
 * email, log entry and event, one of the jobs. Returns how many went.
 */
async function sendNotices(tx: Tx, jobs: Jobs, own: Set<string>, notices: Notice[]): Promise<number> {
  // Other channels see the notice in the portal and the API; without a mailbox there is nothing to send from.
  const wanted = notices.filter((n) => (n.target.channel === 'email' || n.target.channel === 'web') && n.target.address && own.size > 0);
  if (!wanted.length) return 0;
  const facts = await autoMailFacts(tx, wanted.map((n) => n.target.address!));
  const envelopes = await replyEnvelopes(tx, wanted.map((n) => n.target.id));
  const messages: Insertable<DB['messages']>[] = [];
  const emails: ReturnType<typeof outboundEmailRow>[] = [];
  const logs: ReturnType<typeof autoMailRow>[] = [];
  const events: ReturnType<typeof eventRow>[] = [];
  const queued: { messageId: string }[] = [];
  for (const { target: t, kind, text } of wanted) {
    const address = t.address!;
    const known = facts.get(address.toLowerCase()) ?? { bouncedAt: null, recent: 0 };
    const guard = autoMailDecision(address, null, own, known);
    if (!guard.send) {
      events.push(eventRow({ action: `ticket.${kind}_withheld`, entity: 'ticket', entityId: t.id, ticketId: t.id, actor: { kind: 'system' }, after: { reason: guard.reason } }));
      continue;
    }
    const envelope = envelopes.get(t.id);
    if (!envelope) continue;
    const messageId = randomUUID();
    messages.push({ id: messageId, ticket_id: t.id, kind: 'reply', direction: 'outbound', channel: t.channel === 'web' ? 'web' : 'email', body_text: text });
    emails.push(outboundEmailRow(envelope, messageId));
    logs.push(autoMailRow(address, kind));
    events.push(eventRow({ action: `ticket.${kind}_sent`, entity: 'message', entityId: messageId, ticketId: t.id, actor: { kind: 'system' }, after: { to: address } }));
    // A second notice to the same address in this batch counts this one.
    facts.set(address.toLowerCase(), { ...known, recent: known.recent + 1 });
    queued.push({ messageId });
  }
  if (messages.length) {
    await tx
      .with('m', (w) => w.insertInto('messages').values(messages))
      .with('e', (w) => w.insertInto('message_emails').values(emails))
      .with('l', (w) => w.insertInto('auto_mail_log').values(logs))
      .insertInto('events')
      .values(events)
      .execute();
  } else if (events.length) {
    await tx.insertInto('events').values(events).execute();
  }
  await jobs.sendMany(tx, SEND_QUEUE, queued);
  return queued.length;
}

/** Our support addresses, read once per batch: the loop guard never writes to them. */
const ownAddresses = async (tx: Tx) => new Set((await tx.selectFrom('mailboxes').select('address').execute()).map((m) => m.address));

const targetColumns = sql`t.id, t.number, t.subject, t.channel, t.team_id, t.expected_reply_by, coalesce(c.timezone, w.timezone) as timezone,
  (select i.value from customer_identities i where i.customer_id = t.requester_id and i.kind = 'email' order by i.created_at limit 1) as address`;

/**
 * Acknowledges new email and web-form tickets with the time the customer can expect a reply. Small batches, one
 * transaction each: on the embedded database a long transaction would hold up the intake of new mail.
 */
export async function sendAcknowledgements(db: Db, jobs: Jobs, limit = 25): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<Target>`
      select ${targetColumns} from tickets t join customers c on c.id = t.requester_id cross join workspace w
      where t.ack_pending order by t.created_at limit ${limit} for update of t skip locked`.execute(tx);
    const own = rows.length ? await ownAddresses(tx) : new Set<string>();
    if (rows.length) await tx.updateTable('tickets').set({ ack_pending: false }).where('id', 'in', rows.map((t) => t.id)).execute();
    const notices = rows.map((t): Notice => {
      const when = t.expected_reply_by ? `You can expect our reply by ${humanTime(t.expected_reply_by, t.timezone)}.` : 'We will reply as soon as we can.';
      const text = `Hello,\n\nThank you for writing to us. We have received your request "${t.subject}" (reference #${t.number}). ${when}\n\nIf you have anything to add, reply to this email: it goes to the same request.`;
      return { target: t, kind: 'acknowledgement', text };
    });
    return sendNotices(tx, jobs, own, notices);
  });
}

/** How long before the promised time an honest update goes out when no reply has been sent yet. */
export const SLIP_WARNING_MS = 30 * 60_000;
const MAX_UPDATES = 3;

/**
 * When the reply time we gave a customer is about to pass without a first reply, tell them so, with a new time
 * computed from the queue as it is now. At most MAX_UPDATES times per ticket.
 */
export async function sendEtaUpdates(db: Db, jobs: Jobs, at: Date, limit = 25): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<Target>`
      select ${targetColumns} from tickets t join customers c on c.id = t.requester_id cross join workspace w
      where t.expected_reply_by <= ${new Date(at.getTime() + SLIP_WARNING_MS)} and t.first_replied_at is null
        and t.status not in ('pending', 'solved', 'closed') and t.eta_updates < ${MAX_UPDATES}
      order by t.expected_reply_by limit ${limit} for update of t skip locked`.execute(tx);
    const settings = await loadSettings(tx);
    const fallback = [...settings.calendars.values()].find((c) => c.isDefault)!;
    const own = rows.length ? await ownAddresses(tx) : new Set<string>();
    const notices: Notice[] = [];
    for (const t of rows) {
      const clock = await tx.selectFrom('sla_clocks').select(['calendar_id']).where('ticket_id', '=', t.id).where('metric', '=', 'first_response').executeTakeFirst();
      const cal = (clock?.calendar_id && settings.calendars.get(clock.calendar_id)) || fallback;
      const soonest = addBusinessMinutes(cal, at, 60);
      const queued = await queueEstimate(tx, t, soonest, cal.id, at);
      const quarter = 15 * 60_000;
      const next = new Date(Math.ceil(Math.max(soonest.getTime(), queued.getTime()) / quarter) * quarter);
      await tx.updateTable('tickets').set((eb) => ({ expected_reply_by: next, eta_updates: eb('eta_updates', '+', 1) })).where('id', '=', t.id).execute();
      await recordEvent(tx, { action: 'ticket.eta_updated', entity: 'ticket', entityId: t.id, ticketId: t.id, actor: { kind: 'system' }, before: { expectedReplyBy: t.expected_reply_by }, after: { expectedReplyBy: next } });
      const text = `Hello,\n\nAn honest update on your request #${t.number} ("${t.subject}"): we have not been able to reply by the time we gave you, and we are sorry for the wait. You can now expect our reply by ${humanTime(next, t.timezone)}.`;
      notices.push({ target: { ...t, expected_reply_by: next }, kind: 'eta_update', text });
    }
    return sendNotices(tx, jobs, own, notices);
  });
}
