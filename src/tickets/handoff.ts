import { syncClocks } from '../sla/clocks.ts';
import { dbNow, type Db, type Tx } from '../db/database.ts';
import { ticketColumns, type Handoff, type Role, type Ticket } from '../db/types.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { routeNewTicket } from './routing.ts';
import { lockTicket } from './service.ts';
import { publish } from '../realtime/events.ts';

export type HandoffActor = { agentId: string; role: Role };
export type HandoffRequest = { ticketId: string; toAgentId?: string; toTeamId?: string; note: string };
export type HandoffResult = { ticket: Ticket; handoff: Handoff };

const asActor = (a: HandoffActor): Actor => ({ kind: 'agent', id: a.agentId });

const touchTicket = (tx: Tx, id: string) =>
  tx.updateTable('tickets').set({ updated_at: dbNow() }).where('id', '=', id).returning(ticketColumns).executeTakeFirstOrThrow();

async function pendingHandoff(tx: Tx, ticketId: string): Promise<Handoff> {
  const h = await tx.selectFrom('handoffs').selectAll().where('ticket_id', '=', ticketId).where('status', '=', 'pending').executeTakeFirst();
  if (!h) throw notFound('pending handoff');
  return h;
}

/** Whether the agent may answer a handoff: its addressee, a member of the team it is addressed to, or an admin. */
async function mayAnswer(tx: Tx, actor: HandoffActor, h: Handoff): Promise<'addressee' | 'team_member' | 'admin' | null> {
  if (h.to_agent_id === actor.agentId) return 'addressee';
  if (!h.to_agent_id && h.to_team_id) {
    const member = await tx
      .selectFrom('team_members')
      .select('agent_id')
      .where('team_id', '=', h.to_team_id)
      .where('agent_id', '=', actor.agentId)
      .executeTakeFirst();
    if (member) return 'team_member';
  }
  return actor.role === 'admin' ? 'admin' : null;
}

/**
 * Asks another agent or team to take a ticket over. The note carries the context and is required;
 * the current owner stays accountable until the handoff is accepted.
 */
export async function requestHandoff(db: Db, actor: HandoffActor, req: HandoffRequest): Promise<HandoffResult> {
  const note = req.note.trim();
  if (!note) throw new HeedError('note_required', 'a handoff needs a note that tells the next owner what is going on', { field: 'note' });
  if (!req.toAgentId && !req.toTeamId) {
    throw new HeedError('validation_failed', 'give toAgentId or toTeamId', [{ field: 'toAgentId', message: 'required without toTeamId' }]);
  }
  return db.transaction().execute(async (tx) => {
    const ticket = await lockTicket(tx, req.ticketId);
    if (ticket.status === 'closed') throw new HeedError('ticket_closed', 'a closed ticket cannot be handed off');
    if (ticket.owner_id !== actor.agentId && actor.role !== 'admin') {
      throw new HeedError('forbidden', 'only the owner of the ticket or an admin can hand it off');
    }
    const pending = await tx.selectFrom('handoffs').select('id').where('ticket_id', '=', ticket.id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw new HeedError('handoff_pending', 'a handoff is already pending for this ticket: it must be accepted, declined or cancelled first', { handoffId: pending.id });
    if (req.toAgentId) {
      const target = await tx.selectFrom('agents').select(['id', 'active']).where('id', '=', req.toAgentId).executeTakeFirst();
      if (!target || !target.active) throw new HeedError('reference_not_found', 'toAgentId: no active agent with this id');
      if (target.id === ticket.owner_id) throw new HeedError('rule_violation', 'this agent already owns the ticket');
    }
    if (req.toTeamId) {
      const team = await tx.selectFrom('teams').select('id').where('id', '=', req.toTeamId).executeTakeFirst();
      if (!team) throw new HeedError('reference_not_found', 'toTeamId: no such team');
    }
    const handoff = await tx
      .insertInto('handoffs')
      .values({
        ticket_id: ticket.id,
        from_agent_id: ticket.owner_id,
        requested_by_id: actor.agentId,
        to_agent_id: req.toAgentId ?? null,
        to_team_id: req.toTeamId ?? null,
        note,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = await touchTicket(tx, ticket.id);
    await recordEvent(tx, {
      action: 'handoff.requested',
      entity: 'handoff',
      entityId: handoff.id,
      ticketId: ticket.id,
      actor: asActor(actor),
      after: { fromAgentId: ticket.owner_id, toAgentId: handoff.to_agent_id, toTeamId: handoff.to_team_id, note },
    });
    await publish(tx, { type: 'handoff.requested', ticketId: ticket.id, handoffId: handoff.id, status: 'pending', toAgentId: handoff.to_agent_id, toTeamId: handoff.to_team_id, actorId: actor.agentId });
    return { ticket: updated, handoff };
  });
}

/** The addressee (or a member of the addressed team, or an admin) takes the ticket; ownership moves now. */
export async function acceptHandoff(db: Db, actor: HandoffActor, ticketId: string): Promise<HandoffResult> {
  return db.transaction().execute(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    const h = await pendingHandoff(tx, ticketId);
    if (ticket.status === 'closed') throw new HeedError('ticket_closed', 'a closed ticket cannot change owner');
    const role = await mayAnswer(tx, actor, h);
    if (!role) throw new HeedError('forbidden', 'only the agent or team this handoff is addressed to can accept it');
    let newOwner = h.to_agent_id ?? (role === 'team_member' ? actor.agentId : undefined);
    if (!newOwner) newOwner = (await routeNewTicket(tx, h.to_team_id)).ownerId;
    const now = dbNow();
    const updated = await tx
      .updateTable('tickets')
      .set((eb) => ({
        owner_id: newOwner,
        team_id: h.to_team_id ?? ticket.team_id,
        handoff_count: eb('handoff_count', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', ticketId)
      .returning(ticketColumns)
      .executeTakeFirstOrThrow();
    // The team's SLA policy may differ, and open promises follow the accountable owner.
    if (updated.team_id !== ticket.team_id) await syncClocks(tx, ticketId);
    if (updated.owner_id !== ticket.owner_id) {
      await tx.updateTable('commitments').set({ owner_id: updated.owner_id }).where('ticket_id', '=', ticketId).where('status', '=', 'open').execute();
    }
    const handoff = await tx
      .updateTable('handoffs')
      .set({ status: 'accepted', resolved_by_id: actor.agentId, resolved_at: now })
      .where('id', '=', h.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, {
      action: 'handoff.accepted',
      entity: 'handoff',
      entityId: h.id,
      ticketId,
      actor: asActor(actor),
      before: { ownerId: ticket.owner_id, teamId: ticket.team_id, handoffCount: ticket.handoff_count },
      after: { ownerId: updated.owner_id, teamId: updated.team_id, handoffCount: updated.handoff_count, bounced: updated.bounced },
    });
    await publish(tx, { type: 'handoff.answered', ticketId, handoffId: h.id, status: 'accepted', toAgentId: h.to_agent_id, toTeamId: h.to_team_id, actorId: actor.agentId });
    return { ticket: updated, handoff };
  });
}

/** The addressee refuses with a reason; the ticket stays with its owner, who sees the reason. */
export async function declineHandoff(db: Db, actor: HandoffActor, ticketId: string, reason: string): Promise<HandoffResult> {
  const why = reason.trim();
  if (!why) throw new HeedError('reason_required', 'say why the handoff is declined, so the owner can act on it', { field: 'reason' });
  return answer(db, actor, ticketId, async (tx, h) => {
    if (!(await mayAnswer(tx, actor, h))) throw new HeedError('forbidden', 'only the agent or team this handoff is addressed to can decline it');
    return { status: 'declined', decline_reason: why, action: 'handoff.declined', after: { reason: why } };
  });
}

/** The owner (or whoever asked, or an admin) withdraws a pending handoff. */
export async function cancelHandoff(db: Db, actor: HandoffActor, ticketId: string): Promise<HandoffResult> {
  return answer(db, actor, ticketId, async (_tx, h, ticket) => {
    const allowed = actor.agentId === h.requested_by_id || actor.agentId === ticket.owner_id || actor.role === 'admin';
    if (!allowed) throw new HeedError('forbidden', 'only the owner, the agent who asked or an admin can cancel a handoff');
    return { status: 'cancelled', decline_reason: null, action: 'handoff.cancelled', after: {} };
  });
}

type Answer = { status: 'declined' | 'cancelled'; decline_reason: string | null; action: string; after: Record<string, unknown> };

async function answer(db: Db, actor: HandoffActor, ticketId: string, decide: (tx: Tx, h: Handoff, t: Ticket) => Promise<Answer>) {
  return db.transaction().execute(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    const h = await pendingHandoff(tx, ticketId);
    const a = await decide(tx, h, ticket);
    const handoff = await tx
      .updateTable('handoffs')
      .set({ status: a.status, decline_reason: a.decline_reason, resolved_by_id: actor.agentId, resolved_at: dbNow() })
      .where('id', '=', h.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = await touchTicket(tx, ticketId);
    await recordEvent(tx, { action: a.action, entity: 'handoff', entityId: h.id, ticketId, actor: asActor(actor), after: a.after });
    await publish(tx, { type: 'handoff.answered', ticketId, handoffId: h.id, status: a.status, toAgentId: h.to_agent_id, toTeamId: h.to_team_id, actorId: actor.agentId });
    return { ticket: updated, handoff };
  });
}
