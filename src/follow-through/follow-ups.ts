import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { HeedError } from '../http/errors.ts';
import { notify } from '../notifications/service.ts';
import { lockTicket } from '../tickets/service.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { now } from '../time/clock.ts';

/** "Remind me at this time if the customer hasn't replied": one follow-up per ticket; null clears it. */
export async function setFollowUp(db: Db, actor: Actor & { kind: 'agent' }, ticketId: string, at: Date | null) {
  if (at && at.getTime() <= now().getTime()) throw new HeedError('validation_failed', 'remindAt: must be in the future');
  return db.transaction().execute(async (tx) => {
    const t = await lockTicket(tx, ticketId);
    if (t.status === 'closed') throw new HeedError('ticket_closed', 'the ticket is closed');
    await tx.updateTable('tickets').set({ follow_up_at: at, follow_up_agent_id: at ? actor.id : null }).where('id', '=', ticketId).execute();
    await recordEvent(tx, { action: at ? 'ticket.follow_up_set' : 'ticket.follow_up_cleared', entity: 'ticket', entityId: ticketId, ticketId, actor, before: { followUpAt: t.follow_up_at }, after: { followUpAt: at } });
    return { followUpAt: at, agentId: at ? actor.id : null };
  });
}

/**
 * Fires the follow-ups that are due: the agent is reminded when the customer has still not replied; a customer
 * reply in the meantime makes the reminder moot, and it is cleared quietly.
 */
export async function fireFollowUps(db: Db, at: Date, limit = 500): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string; number: number; agent: string | null; owner: string; customer_spoke: boolean }>`
      with due as (
        select id from tickets where follow_up_at <= ${at} order by follow_up_at limit ${limit} for update skip locked
      ),
      cleared as (
        update tickets t set follow_up_at = null, follow_up_agent_id = null from due where t.id = due.id
        returning t.id, t.number, t.owner_id, t.last_public_from
      )
      select c.id, c.number, old.follow_up_agent_id as agent, c.owner_id as owner, c.last_public_from = 'customer' as customer_spoke
      from cleared c join tickets old on old.id = c.id`.execute(tx);
    const reminders = rows.filter((r) => !r.customer_spoke);
    await notify(tx, reminders.map((r) => ({ agentId: r.agent ?? r.owner, kind: 'ticket.follow_up', ticketId: r.id, body: `#${r.number}: the customer has not replied; time to follow up` })));
    for (const r of reminders) {
      await recordEvent(tx, { action: 'ticket.follow_up_due', entity: 'ticket', entityId: r.id, ticketId: r.id, actor: { kind: 'system' } });
    }
    return reminders.length;
  });
}
