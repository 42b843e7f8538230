import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import { normalizeIdentity } from '../customers/identities.ts';
import type { ParsedEmail } from './parse.ts';
import { replyToken, subjectNumber, type RoutingFacts } from './route.ts';
import { asNewTicketFacts, newTicketFactsSql } from '../tickets/routing.ts';

type Mailbox = { id: string; address: string; team_id: string | null };
type Thread = { ticket_id: string; message_id_header: string };

/** Our address behind reply+TOKEN@domain, or the address itself. */
const baseAddress = (a: string) => a.replace(/\+[^@]*@/, '@');

/** Reads what routing needs from the database; the decision itself is routeInbound's. */
export async function gatherFacts(tx: Tx, mail: ParsedEmail, envelopeTo: string[]): Promise<RoutingFacts> {
  const recipients = [...new Set([...envelopeTo.map((a) => a.toLowerCase()), ...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address)])];
  // In-Reply-To first, then References from the newest (last) back.
  const threadIds = [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()])].filter((id) => id !== mail.messageId).slice(0, 50);
  // One round trip for what every message needs: our mailboxes, earlier messages with this Message-ID, the
  // stored messages it answers, and the customer the sender already is.
  const sender = mail.from ? normalizeIdentity('email', mail.from.address) : null;
  // The envelope recipient decides first: it is where the mail was actually delivered.
  const order = [...envelopeTo.map((a) => baseAddress(a.toLowerCase())), ...recipients.map(baseAddress)];
  // What a new ticket from this email would need (its team's owner candidates, its requester's facts) is read here
  // too, in case routing decides on one: the team is that of the first mailbox in `order`, as below.
  const newTicket = newTicketFactsSql(
    sql`(select team_id from mailboxes where address = any(${order}::text[]) order by array_position(${order}::text[], address) limit 1)`,
    sql`(select customer_id from sender_customer)`,
  );
  const { rows } = await sql<{ mailboxes: Mailbox[]; same: RoutingFacts['sameMessageId'] | null; thread: Thread[] | null; customer: string | null; new_ticket: Parameters<typeof asNewTicketFacts>[0] }>`
    with sender_customer as (select customer_id from customer_identities where kind = 'email' and value = ${sender})
    select
      (select row_to_json(r) from (${newTicket}) r) as new_ticket,
      (select coalesce(json_agg(json_build_object('id', id, 'address', address, 'team_id', team_id)), '[]') from mailboxes) as mailboxes,
      (select json_agg(json_build_object('ticketId', ticket_id, 'sender', from_address, 'bodyHash', body_hash))
        from inbound_emails where message_id = ${mail.messageId ?? null} and outcome <> 'dead_letter') as same,
      (select json_agg(json_build_object('ticket_id', ticket_id, 'message_id_header', message_id_header))
        from message_emails where message_id_header = any(${threadIds}::text[])) as thread,
      (select customer_id from sender_customer) as customer`.execute(tx);
  const { mailboxes, same, thread, customer, new_ticket } = rows[0]!;
  const ownAddresses = new Set(mailboxes.map((m) => m.address));
  const mailbox = order.map((a) => mailboxes.find((m) => m.address === a)).find(Boolean);
  const sameMessageId = same ?? [];
  const threadTickets = threadIds.flatMap((id) => (thread ?? []).filter((r) => r.message_id_header === id).map((r) => r.ticket_id));

  const tokens = [...recipients, ...mail.replyTo.map((a) => a.address)].map(replyToken).filter((t): t is string => Boolean(t));
  const tokenTicket = tokens.length
    ? ((await tx.selectFrom('tickets').select('id').where('reply_token', 'in', tokens).executeTakeFirst())?.id ?? null)
    : null;

  const number = subjectNumber(mail.subject);
  let numberTicket: RoutingFacts['numberTicket'] = null;
  if (number !== null) {
    const t = await tx.selectFrom('tickets').select(['id', 'requester_id']).where('number', '=', number).executeTakeFirst();
    if (t) {
      const { rows } = await sql<{ address: string }>`
        select value as address from customer_identities where customer_id = ${t.requester_id} and kind = 'email'
        union select address from ticket_participants where ticket_id = ${t.id}`.execute(tx);
      numberTicket = { id: t.id, participants: new Set(rows.map((r) => r.address)) };
    }
  }

  return {
    mailbox: mailbox ? { id: mailbox.id, address: mailbox.address, teamId: mailbox.team_id } : null,
    ownAddresses,
    senderCustomerId: customer,
    sameMessageId,
    threadTickets,
    tokenTicket,
    numberTicket,
    newTicket: asNewTicketFacts(new_ticket),
  };
}
