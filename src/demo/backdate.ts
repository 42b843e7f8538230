/**
 * Backdating: the domain functions stamped every row with the database clock; these plain UPDATEs move the rows
 * this run created (and their events) back to their planned times, so the desk looks like weeks of work.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Run } from './ledger.ts';
import { DAY, HOUR, MINUTE, SPAN_DAYS } from './plans.ts';
import { makeRng } from './random.ts';

type Times = { id: string; values: (Date | null)[] };

/** Moves back the rows this run created: setup rows to before the first ticket, ticket rows to their planned times. */
export async function backdate(run: Run, startEventId: number) {
  await backdateSetup(run, startEventId);
  await backdateTickets(run, startEventId);
}

/** Agents, teams, organizations and customers appear in the month before the first ticket; a customer shortly before writing in. */
async function backdateSetup({ db, now, people, ledger }: Run, startEventId: number) {
  const { created } = people;
  const at = (ms: number) => new Date(Math.min(ms, now - MINUTE));
  const rng = makeRng(7);
  const setupStart = now - (SPAN_DAYS + 30) * DAY;
  const agentTimes = created.agents.map((id, i) => ({ id, at: at(setupStart + i * 3 * HOUR) }));
  const teamTimes = created.teams.map((id, i) => ({ id, at: at(setupStart + DAY + i * HOUR) }));
  const orgTimes = created.organizations.map((id) => ({ id, at: at(setupStart + rng.logBetween(2 * DAY, 25 * DAY)) }));
  const customerTimes = created.customers.map((id) => {
    const first = ledger.firstTicketOf.get(id)?.getTime() ?? now - rng.next() * SPAN_DAYS * DAY;
    return { id, at: at(Math.max(setupStart + 2 * DAY, first - rng.logBetween(HOUR, 30 * DAY))) };
  });
  const both = (list: { id: string; at: Date }[]): Times[] => list.map((r) => ({ id: r.id, values: [r.at, r.at] }));
  const once = (list: { id: string; at: Date }[]): Times[] => list.map((r) => ({ id: r.id, values: [r.at] }));
  await setTimes(db, 'agents', ['created_at', 'updated_at'], both(agentTimes));
  await setTimes(db, 'teams', ['created_at', 'updated_at'], both(teamTimes));
  await setTimes(db, 'team_members', ['added_at'], once(teamTimes), 'team_id');
  await setTimes(db, 'organizations', ['created_at', 'updated_at'], both(orgTimes));
  await setTimes(db, 'customers', ['created_at', 'updated_at'], both(customerTimes));
  await setTimes(db, 'customer_identities', ['created_at'], once(customerTimes), 'customer_id');

  const entityTimes = [...agentTimes, ...teamTimes, ...orgTimes, ...customerTimes];
  if (entityTimes.length) {
    await sql`update events as e set created_at = v.at
      from unnest(${entityTimes.map((r) => r.id)}::text[]::uuid[], ${entityTimes.map((r) => r.at.toISOString())}::text[]::timestamptz[]) as v(id, at)
      where e.entity_id = v.id and e.ticket_id is null and e.id > ${startEventId}`.execute(db);
  }
  // The default team was set just after the teams were made.
  if (created.workspace && teamTimes[0]) {
    await sql`update events set created_at = ${new Date(teamTimes[0].at.getTime() + MINUTE).toISOString()}::timestamptz
      where action = 'workspace.updated' and id > ${startEventId}`.execute(db);
  }
}

/** Tickets, messages, handoffs and ticket events get the times the ledger planned for them. */
async function backdateTickets({ db, log, ledger }: Run, startEventId: number) {
  await setTimes(
    db,
    'tickets',
    ['created_at', 'updated_at', 'solved_at', 'closed_at'],
    ledger.tickets.map((t) => ({ id: t.id, values: [t.createdAt, t.updatedAt, t.solvedAt, t.closedAt] })),
  );
  await setTimes(db, 'messages', ['created_at'], ledger.messages.map((m) => ({ id: m.id, values: [m.at] })));
  await setTimes(db, 'handoffs', ['created_at', 'resolved_at'], [...ledger.handoffs].map(([id, h]) => ({ id, values: [h.created, h.resolved] })));

  // Each call the run made on a ticket wrote exactly one event on it, in the order the ledger noted them.
  const events = ledger.tickets.length
    ? await db
        .selectFrom('events')
        .select(['id', 'ticket_id'])
        .where('id', '>', startEventId)
        .where('ticket_id', 'in', ledger.tickets.map((t) => t.id))
        // Promises read from replies get their reply's time below, not a planned slot of their own.
        .where('action', 'not like', 'commitment.%')
        .orderBy('id')
        .execute()
    : [];
  const seen = new Map<string, number>();
  const eventTimes: { id: number; at: Date }[] = [];
  let mismatched = 0;
  for (const e of events) {
    const times = ledger.ticketEvents.get(e.ticket_id!) ?? [];
    const i = seen.get(e.ticket_id!) ?? 0;
    seen.set(e.ticket_id!, i + 1);
    const time = times[Math.min(i, times.length - 1)];
    if (i >= times.length) mismatched++;
    if (time) eventTimes.push({ id: Number(e.id), at: time });
  }
  await deriveConversationState(db, ledger.tickets.map((t) => t.id));
  await backdateCommitments(db, ledger.tickets.map((t) => t.id), startEventId);
  if (mismatched) log(`  (${mismatched} ticket events had no planned time; they keep their neighbours' times)`);
  if (eventTimes.length) {
    await sql`update events as e set created_at = v.at
      from unnest(${eventTimes.map((r) => String(r.id))}::text[]::int8[], ${eventTimes.map((r) => r.at.toISOString())}::text[]::timestamptz[]) as v(id, at)
      where e.id = v.id`.execute(db);
  }
}

/**
 * Who spoke last, since when the customer waits and when they first got an answer follow from the backdated
 * messages. (SLA clocks keep the times of the seeding run: they start when the demo was made; no reply time was
 * told to demo customers, so ETA accuracy is not faked from them.)
 */
async function deriveConversationState(db: Db, ticketIds: string[]) {
  if (ticketIds.length === 0) return;
  await sql`
    with m as (
      select ticket_id,
        min(created_at) filter (where direction = 'outbound' and author_agent_id is not null) as first_agent,
        max(created_at) filter (where direction = 'outbound' and author_agent_id is not null) as last_agent,
        max(created_at) as last_public
      from messages where kind = 'reply' and ticket_id = any(${ticketIds}::text[]::uuid[]) group by ticket_id
    )
    update tickets t set
      first_replied_at = m.first_agent,
      last_public_from = case when m.last_agent >= m.last_public then 'agent' else 'customer' end,
      waiting_since = case when m.last_agent >= m.last_public then null else (
        select min(x.created_at) from messages x
        where x.ticket_id = t.id and x.kind = 'reply' and x.direction = 'inbound' and x.created_at > coalesce(m.last_agent, '-infinity')) end,
      ack_pending = false, expected_reply_by = null, first_expected_reply_by = null
    from m where m.ticket_id = t.id`.execute(db);
}

/**
 * Promises the coach read from demo replies move with their reply: made when the reply was sent, due as long after
 * it as they were due after the seeding run. Those already past due are missed at the scheduler's first tick.
 */
async function backdateCommitments(db: Db, ticketIds: string[], startEventId: number) {
  if (ticketIds.length === 0) return;
  await sql`
    update commitments c set
      due_at = c.due_at - (c.created_at - m.created_at),
      remind_at = c.remind_at - (c.created_at - m.created_at),
      updated_at = m.created_at,
      created_at = m.created_at
    from messages m
    where m.id = c.message_id and c.ticket_id = any(${ticketIds}::text[]::uuid[])`.execute(db);
  await sql`
    update events e set created_at = c.created_at from commitments c
    where e.entity_id = c.id and e.action like 'commitment.%' and e.id > ${startEventId}`.execute(db);
}

/** Sets timestamp columns of many rows in one statement. */
async function setTimes(
  db: Db,
  table: 'agents' | 'teams' | 'team_members' | 'organizations' | 'customers' | 'customer_identities' | 'tickets' | 'messages' | 'handoffs',
  columns: string[],
  rows: Times[],
  keyColumn = 'id',
) {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r.values[i]?.toISOString() ?? null));
  const names = ['id', ...columns.map((_, i) => `c${i}`)];
  await sql`update ${sql.table(table)} as t
    set ${sql.join(columns.map((c, i) => sql`${sql.ref(c)} = v.${sql.ref(`c${i}`)}`))}
    from unnest(${sql.join([sql`${rows.map((r) => r.id)}::text[]::uuid[]`, ...arrays.map((a) => sql`${a}::text[]::timestamptz[]`)])})
      as v(${sql.raw(names.join(', '))})
    where t.${sql.ref(keyColumn)} = v.id`.execute(db);
}
