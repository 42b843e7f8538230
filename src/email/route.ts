import type { NewTicketFacts } from '../tickets/routing.ts';
import type { Classification } from './classify.ts';
import type { ParsedEmail } from './parse.ts';

/** What is stored that routing needs to know, gathered before deciding. */
export type RoutingFacts = {
  /** The support mailbox the message was addressed to, if any. */
  mailbox: { id: string; address: string; teamId: string | null } | null;
  /** Our own addresses (mailboxes), never customers and never answered. */
  ownAddresses: Set<string>;
  /** The customer whose email identity is the sender's address, if there is one yet. */
  senderCustomerId: string | null;
  /** Stored messages whose Message-ID equals this message's own Message-ID (for duplicates). */
  sameMessageId: { ticketId: string | null; sender: string | null; bodyHash: string | null }[];
  /** Tickets of stored messages (inbound or outbound) named in In-Reply-To or References, nearest first. */
  threadTickets: string[];
  /** The ticket whose reply token appears in a recipient or Reply-To address. */
  tokenTicket: string | null;
  /** The ticket named by a [#number] token in the subject, with the addresses taking part in it. */
  numberTicket: { id: string; participants: Set<string> } | null;
  /** What a new ticket in the mailbox's team would need read (owner candidates, requester), read with the rest. */
  newTicket?: NewTicketFacts;
};

export type RouteDecision =
  | { kind: 'duplicate'; ticketId: string | null }
  | { kind: 'dead_letter'; reason: string }
  | { kind: 'bounce'; ticketId: string | null }
  | { kind: 'auto_reply'; ticketId: string | null }
  | { kind: 'reply'; ticketId: string; matchedBy: 'message_id' | 'reply_token' | 'subject_number' }
  | { kind: 'new_ticket'; mailboxId: string; teamId: string | null };

/** The [#1042] token of a subject, if any. */
export function subjectNumber(subject: string): number | null {
  const m = /\[#(\d{1,9})\]/.exec(subject);
  return m ? Number(m[1]) : null;
}

/** reply+TOKEN@domain → TOKEN. */
export function replyToken(address: string): string | null {
  const m = /^[^+@]+\+([a-f0-9]{20})@/i.exec(address);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decides where an inbound message goes. Pure: a function of the parsed message, its classification and the
 * stored facts. Order: true duplicate → bounce → thread by Message-ID → reply token → [#number] from a
 * participant → (automatic mail never opens a ticket) → new ticket in the mailbox → dead letter.
 */
export function routeInbound(mail: ParsedEmail, kind: Classification, facts: RoutingFacts): RouteDecision {
  const sender = mail.from?.address ?? null;
  const dup = facts.sameMessageId.find((m) => m.sender === sender && m.bodyHash === mail.bodyHash);
  if (mail.messageId && dup) return { kind: 'duplicate', ticketId: dup.ticketId };
  const known = facts.threadTickets[0] ?? facts.tokenTicket ?? null;
  if (kind.kind === 'bounce') return { kind: 'bounce', ticketId: known };
  if (sender && facts.ownAddresses.has(sender)) {
    return { kind: 'dead_letter', reason: `sent from our own address ${sender}: refused to avoid a mail loop` };
  }
  type Match = { ticketId: string; matchedBy: 'message_id' | 'reply_token' | 'subject_number' };
  let ticket: Match | null = null;
  if (facts.threadTickets[0]) ticket = { ticketId: facts.threadTickets[0], matchedBy: 'message_id' };
  else if (facts.tokenTicket) ticket = { ticketId: facts.tokenTicket, matchedBy: 'reply_token' };
  else if (facts.numberTicket && sender && facts.numberTicket.participants.has(sender)) {
    ticket = { ticketId: facts.numberTicket.id, matchedBy: 'subject_number' };
  }
  if (kind.kind === 'auto_reply') return { kind: 'auto_reply', ticketId: ticket?.ticketId ?? null };
  if (ticket) {
    if (!sender) return { kind: 'dead_letter', reason: 'the reply has no sender address' };
    return { kind: 'reply', ...ticket };
  }
  if (!sender) return { kind: 'dead_letter', reason: 'no sender address (From) to answer' };
  if (!facts.mailbox) return { kind: 'dead_letter', reason: 'not addressed to any support mailbox of this workspace' };
  return { kind: 'new_ticket', mailboxId: facts.mailbox.id, teamId: facts.mailbox.teamId };
}
