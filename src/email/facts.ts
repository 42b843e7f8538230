import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import type { ParsedEmail } from './parse.ts';
import { replyToken, subjectNumber, type RoutingFacts } from './route.ts';

/** Our address behind reply+TOKEN@domain, or the address itself. */
const baseAddress = (a: string) => a.replace(/\+[^@]*@/, '@');

/** Reads what routing needs from the database; the decision itself is routeInbound's. */
export async function gatherFacts(tx: Tx, mail: ParsedEmail, envelopeTo: string[]): Promise<RoutingFacts> {
  const recipients = [...new Set([...envelopeTo.map((a) => a.toLowerCase()), ...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address)])];
  const mailboxes = await tx.selectFrom('mailboxes').select(['id', 'address', 'team_id']).execute();
  const ownAddresses = new Set(mailboxes.map((m) => m.address));
  const bases = recipients.map(baseAddress);
  // The envelope recipient decides first: it is where the mail was actually delivered.
  const mailbox = [...envelopeTo.map((a) => baseAddress(a.toLowerCase())), ...bases]
    .map((a) => mailboxes.find((m) => m.address === a))
    .find(Boolean);

  const sameMessageId = mail.messageId
    ? await tx
        .selectFrom('inbound_emails')
        .select(['ticket_id as ticketId', 'from_address as sender', 'body_hash as bodyHash'])
        .where('message_id', '=', mail.messageId)
        .where('outcome', '<>', 'dead_letter')
        .execute()
    : [];

  // In-Reply-To first, then References from the newest (last) back.
  const threadIds = [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()])].filter((id) => id !== mail.messageId).slice(0, 50);
  let threadTickets: string[] = [];
  if (threadIds.length) {
    const rows = await tx.selectFrom('message_emails').select(['ticket_id', 'message_id_header']).where('message_id_header', 'in', threadIds).execute();
    threadTickets = threadIds.flatMap((id) => rows.filter((r) => r.message_id_header === id).map((r) => r.ticket_id));
  }

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
    sameMessageId,
    threadTickets,
    tokenTicket,
    numberTicket,
  };
}
