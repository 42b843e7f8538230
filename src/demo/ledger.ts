/**
 * What a demo run's tickets did and when each thing should appear to have happened. The domain functions stamp
 * rows with the database clock; the ledger keeps the planned times, which the backdating writes afterwards.
 */
import type { Db } from '../db/database.ts';
import type { Channel, Priority, Ticket, TicketStatus } from '../db/types.ts';
import type { Cust, People } from './people.ts';
import type { Rng } from './random.ts';

/** A ticket as the run follows it: its current state and its planned times. */
export type Live = {
  id: string;
  status: TicketStatus;
  ownerId: string;
  teamId: string | null;
  priority: Priority;
  tags: string[];
  channel: Channel;
  requester: Cust;
  intent: string;
  questions: string[];
  createdAt: Date;
  updatedAt: Date;
  solvedAt: Date | null;
  closedAt: Date | null;
  handoffPending: boolean;
};

/** One thing that happens on a ticket, `gap` after the previous one; it may itself last `span` (a handoff and its answer). */
export type Step = { gap: number; span?: number; closing?: boolean; resolves?: boolean; run: (t: Live, at: Date, scale: number) => Promise<void> };

export type Ledger = {
  tickets: Live[];
  /** The planned time of each event a ticket got, in the order the events were written. */
  ticketEvents: Map<string, Date[]>;
  messages: { id: string; at: Date }[];
  handoffs: Map<string, { created: Date; resolved: Date | null }>;
  /** When each customer first wrote in this run. */
  firstTicketOf: Map<string, Date>;
  bounced: Set<string>;
  counts: { messages: number; notes: number; handoffsAccepted: number; handoffsDeclined: number; handoffsPending: number; followUps: number; skipped: number };
};

/** Everything the ticket phase of a run works with. */
export type Run = {
  db: Db;
  rng: Rng;
  /** The wall clock at the start of the run (ms): every planned time lies before it. */
  now: number;
  log: (line: string) => void;
  people: People;
  questions: Map<string, string[]>;
  ledger: Ledger;
};

export function newLedger(): Ledger {
  return {
    tickets: [],
    ticketEvents: new Map(),
    messages: [],
    handoffs: new Map(),
    firstTicketOf: new Map(),
    bounced: new Set(),
    counts: { messages: 0, notes: 0, handoffsAccepted: 0, handoffsDeclined: 0, handoffsPending: 0, followUps: 0, skipped: 0 },
  };
}

/** Notes that the ticket got one event, planned at `at`. */
export function eventAt(ledger: Ledger, ticketId: string, at: Date) {
  const list = ledger.ticketEvents.get(ticketId);
  if (list) list.push(at);
  else ledger.ticketEvents.set(ticketId, [at]);
}

/** Notes a message added to a ticket (one message, one event) and the ticket's new state. */
export function messageAdded(ledger: Ledger, t: Live, at: Date, messageId: string, ticket: Ticket) {
  ledger.messages.push({ id: messageId, at });
  ledger.counts.messages++;
  ticketChanged(t, at, ticket);
  eventAt(ledger, t.id, at);
}

/**
 * Follows the ticket's new state. Its planned solved_at and closed_at follow what statusStamps does: solving
 * stamps solved_at, closing stamps closed_at and keeps the time the ticket was solved, any other status clears both.
 */
export function ticketChanged(t: Live, at: Date, ticket: Ticket) {
  if (ticket.status !== t.status) {
    t.solvedAt = ticket.status === 'solved' ? at : ticket.status === 'closed' ? (t.solvedAt ?? at) : null;
    t.closedAt = ticket.status === 'closed' ? at : null;
  }
  t.status = ticket.status;
  t.ownerId = ticket.owner_id;
  t.teamId = ticket.team_id;
  t.priority = ticket.priority;
  t.tags = ticket.tags;
  t.updatedAt = at;
}
