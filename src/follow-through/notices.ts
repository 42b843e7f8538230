import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db/database.ts';
import { autoMailRow, mayAutoMail } from '../email/loop-guard.ts';
import { outboundEmailRow, replyEnvelope, SEND_QUEUE } from '../email/outbound.ts';
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

/**
 * Writes Heed's own message to the customer on the ticket and queues its email, unless the loop guard says no
 * (auto-submitted mail, our own addresses, bounced addresses, too many automatic messages). Returns whether it went.
 */
async function sendNotice(tx: Tx, jobs: Jobs, own: Set<string>, t: Target, kind: string, text: string): Promise<boolean> {
  if (t.channel !== 'email' && t.channel !== 'web') return false; // other channels see it in the portal and the API
  const address = t.address;
  if (!address) return false;
  if (own.size === 0) return false;
  const guard = await mayAutoMail(tx, address, null, own);
  if (!guard.send) {
    await recordEvent(tx, { action: `ticket.${kind}_withheld`, entity: 'ticket', entityId: t.id, ticketId: t.id, actor: { kind: 'system' }, after: { reason: guard.reason } });
    return false;
  }
  const envelope = await replyEnvelope(tx, t.id);
  if (!envelope) return false;
  // The message, its queued email, the auto-mail log entry and the event: one statement.
  const messageId = randomUUID();
  await tx
    .with('m', (w) =>
      w.insertInto('messages').values({ id: messageId, ticket_id: t.id, kind: 'reply', direction: 'outbound', channel: t.channel === 'web' ? 'web' : 'email', body_text: text }),
    )
    .with('e', (w) => w.insertInto('message_emails').values(outboundEmailRow(envelope, messageId)))
    .with('l', (w) => w.insertInto('auto_mail_log').values(autoMailRow(address, kind)))
    .insertInto('events')
    .values(eventRow({ action: `ticket.${kind}_sent`, entity: 'message', entityId: messageId, ticketId: t.id, actor: { kind: 'system' }, after: { to: address } }))
    .execute();
  await jobs.send(tx, SEND_QUEUE, { messageId });
  return true;
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
    let sent = 0;
    const own = rows.length ? await ownAddresses(tx) : new Set<string>();
    if (rows.length) await tx.updateTable('tickets').set({ ack_pending: false }).where('id', 'in', rows.map((t) => t.id)).execute();
    for (const t of rows) {
      const when = t.expected_reply_by ? `You can expect our reply by ${humanTime(t.expected_reply_by, t.timezone)}.` : 'We will reply as soon as we can.';
      const text = `Hello,\n\nThank you for writing to us. We have received your request "${t.subject}" (reference #${t.number}). ${when}\n\nIf you have anything to add, reply to this email: it goes to the same request.`;
      if (await sendNotice(tx, jobs, own, t, 'acknowledgement', text)) sent++;
    }
    return sent;
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
    let sent = 0;
    const own = rows.length ? await ownAddresses(tx) : new Set<string>();
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
      if (await sendNotice(tx, jobs, own, { ...t, expected_reply_by: next }, 'eta_update', text)) sent++;
    }
    return sent;
  });
}
