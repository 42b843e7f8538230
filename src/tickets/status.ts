import type { TicketStatus } from '../db/types.ts';
import { HeedError } from '../http/errors.ts';

/**
 * The one place ticket status changes are decided.
 * new → open → pending | on_hold → solved → closed; solved reopens; closed is final.
 */
export const allowedMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export type StatusCause =
  | { kind: 'set'; to: TicketStatus }
  | { kind: 'customer_message' }
  | { kind: 'agent_reply'; to?: TicketStatus }
  | { kind: 'agent_note'; to?: TicketStatus };

export type StatusDecision =
  | { outcome: 'unchanged'; status: TicketStatus }
  | { outcome: 'changed'; from: TicketStatus; status: TicketStatus }
  /** The ticket is closed: the new message belongs on a linked follow-up ticket. */
  | { outcome: 'follow_up' };

/** Decides the next status of a ticket from its current one and what happened; throws on a refused move. */
export function transition(from: TicketStatus, cause: StatusCause): StatusDecision {
  let to: TicketStatus | undefined;
  switch (cause.kind) {
    case 'set':
      to = cause.to;
      break;
    case 'customer_message':
      if (from === 'closed') return { outcome: 'follow_up' };
      // The customer is waiting on us again.
      to = from === 'new' ? 'new' : 'open';
      break;
    case 'agent_reply':
      // An agent's first public reply takes a new ticket into work.
      to = cause.to ?? (from === 'new' ? 'open' : from);
      break;
    case 'agent_note':
      to = cause.to ?? from;
      break;
  }
  if (to === from) {
    if (from === 'closed' && cause.kind !== 'set') throw closedError();
    return { outcome: 'unchanged', status: from };
  }
  if (!allowedMoves[from].includes(to)) {
    if (from === 'closed') throw closedError();
    throw new HeedError('invalid_transition', `a ${label(from)} ticket cannot become ${label(to)}`, {
      from,
      to,
      allowed: allowedMoves[from],
    });
  }
  return { outcome: 'changed', from, status: to };
}

const label = (s: TicketStatus) => s.replace('_', ' ');
const closedError = () =>
  new HeedError('ticket_closed', 'the ticket is closed and cannot change; a new customer message starts a follow-up ticket');
