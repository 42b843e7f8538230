import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SlaMetric } from '../db/types.ts';
import { notify, type NewNotification } from '../notifications/service.ts';

const metricName: Record<SlaMetric, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

type Fired = { ticket_id: string; metric: SlaMetric; due_at: Date; number: number; owner_id: string; lead_id: string | null };

/**
 * Fires the SLA warnings and breaches that are due at `at`, at most `limit` of each. Rows are claimed with
 * FOR UPDATE SKIP LOCKED and stamped in the same transaction as their events and notifications, so when several
 * Heed processes run this at once each warning and each breach happens exactly once.
 */
export async function fireDueClocks(db: Db, at: Date, limit = 500): Promise<{ warnings: number; breaches: number }> {
  const warnings = await fire(db, 'warn', at, limit);
  const breaches = await fire(db, 'breach', at, limit);
  return { warnings, breaches };
}

async function fire(db: Db, kind: 'warn' | 'breach', at: Date, limit: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const stamp = kind === 'warn' ? sql.raw('warned_at') : sql.raw('breached_at');
    const when = kind === 'warn' ? sql.raw('warn_at') : sql.raw('due_at');
    const { rows } = await sql<Fired>`
      with due as (
        select ticket_id, metric from sla_clocks
        where ${when} <= ${at} and ${stamp} is null and ${when} is not null ${kind === 'warn' ? sql`and breached_at is null` : sql``}
        order by ${when}
        limit ${limit}
        for update skip locked
      ),
      fired as (
        update sla_clocks c set ${stamp} = ${kind === 'warn' ? at : sql`c.due_at`}
        from due where c.ticket_id = due.ticket_id and c.metric = due.metric
        returning c.ticket_id, c.metric, c.due_at
      )
      select f.ticket_id, f.metric, f.due_at, t.number, t.owner_id, tm.lead_id
      from fired f join tickets t on t.id = f.ticket_id left join teams tm on tm.id = t.team_id`.execute(tx);
    if (rows.length === 0) return 0;
    const action = kind === 'warn' ? 'sla.warning' : 'sla.breached';
    await tx
      .insertInto('events')
      .values(
        rows.map((r) => ({
          action,
          entity: 'ticket',
          entity_id: r.ticket_id,
          ticket_id: r.ticket_id,
          actor_kind: 'system' as const,
          actor_id: null,
          after: JSON.stringify({ metric: r.metric, dueAt: r.due_at }),
        })),
      )
      .execute();
    const notes: NewNotification[] = [];
    for (const r of rows) {
      const what = `#${r.number}: ${metricName[r.metric]}`;
      if (kind === 'warn') {
        notes.push({ agentId: r.owner_id, kind: 'sla.warning', ticketId: r.ticket_id, body: `${what} is due ${r.due_at.toISOString()} (75% of the target used)` });
      } else {
        notes.push({ agentId: r.owner_id, kind: 'sla.breached', ticketId: r.ticket_id, body: `${what} target breached at ${r.due_at.toISOString()}` });
        if (r.lead_id && r.lead_id !== r.owner_id) {
          notes.push({ agentId: r.lead_id, kind: 'sla.breached', ticketId: r.ticket_id, body: `${what} target breached at ${r.due_at.toISOString()} (you lead the ticket's team)` });
        }
      }
    }
    await notify(tx, notes);
    return rows.length;
  });
}
