import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { notify, type NewNotification } from '../notifications/service.ts';

type Due = { id: string; ticket_id: string; text: string; due_at: Date; owner_id: string; number: number; lead_id: string | null };

/**
 * Reminds owners of promises coming due and marks the promises whose time has passed as missed, escalating them to
 * the lead of the ticket's team. Claimed with SKIP LOCKED and stamped in one transaction with the events and
 * notifications: exactly once, whichever Heed process runs it.
 */
export async function fireDueCommitments(db: Db, at: Date, limit = 500): Promise<{ reminders: number; missed: number }> {
  const reminders = await db.transaction().execute(async (tx) => {
    const { rows } = await sql<Due>`
      with due as (
        select id from commitments where status = 'open' and reminded_at is null and remind_at <= ${at}
        order by remind_at limit ${limit} for update skip locked
      ),
      stamped as (update commitments c set reminded_at = ${at} from due where c.id = due.id returning c.*)
      select s.id, s.ticket_id, s.text, s.due_at, s.owner_id, t.number, null::uuid as lead_id
      from stamped s join tickets t on t.id = s.ticket_id`.execute(tx);
    await notify(
      tx,
      rows.map((r) => ({ agentId: r.owner_id, kind: 'commitment.reminder', ticketId: r.ticket_id, commitmentId: r.id, body: `#${r.number}: you promised "${r.text}" by ${r.due_at.toISOString()}` })),
    );
    return rows.length;
  });
  const missed = await db.transaction().execute(async (tx) => {
    const { rows } = await sql<Due>`
      with due as (
        select id from commitments where status = 'open' and due_at <= ${at}
        order by due_at limit ${limit} for update skip locked
      ),
      stamped as (update commitments c set status = 'missed', missed_at = ${at}, updated_at = ${at} from due where c.id = due.id returning c.*)
      select s.id, s.ticket_id, s.text, s.due_at, s.owner_id, t.number, tm.lead_id
      from stamped s join tickets t on t.id = s.ticket_id left join teams tm on tm.id = t.team_id`.execute(tx);
    if (rows.length === 0) return 0;
    await tx
      .insertInto('events')
      .values(rows.map((r) => ({ action: 'commitment.missed', entity: 'commitment', entity_id: r.id, ticket_id: r.ticket_id, actor_kind: 'system' as const, actor_id: null, after: JSON.stringify({ dueAt: r.due_at }) })))
      .execute();
    const notes: NewNotification[] = [];
    for (const r of rows) {
      notes.push({ agentId: r.owner_id, kind: 'commitment.missed', ticketId: r.ticket_id, commitmentId: r.id, body: `#${r.number}: the promise "${r.text}" was due ${r.due_at.toISOString()} and is missed` });
      if (r.lead_id && r.lead_id !== r.owner_id) {
        notes.push({ agentId: r.lead_id, kind: 'commitment.escalated', ticketId: r.ticket_id, commitmentId: r.id, body: `#${r.number}: a promise to the customer was missed ("${r.text}", due ${r.due_at.toISOString()})` });
      }
    }
    await notify(tx, notes);
    return rows.length;
  });
  return { reminders, missed };
}
