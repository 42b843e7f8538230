import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import { freshDatabase } from '../../test/helpers.ts';
import type { Database, Db } from '../db/database.ts';
import * as C from './content.ts';
import { seedDemo } from './seed.ts';

// Enough tickets for the seeder's guarantees: 40+ planned tickets get 3 bounced ones, 25+ at least one follow-up.
const N = 60;
const demoEmails = [C.ADMIN, ...C.AGENTS].map((a) => `${a.handle}@${C.DEMO_DOMAIN}`);

const count = async (db: Db, query: RawBuilder<unknown>) => (await sql<{ n: number }>`select count(*)::int as n from (${query}) as q`.execute(db)).rows[0]!.n;

/** What must hold in a seeded workspace, however many runs made it. */
async function assertInvariants(db: Db) {
  const orphans = sql`select 1 from tickets t left join agents a on a.id = t.owner_id where a.id is null`;
  assert.equal(await count(db, orphans), 0, 'every ticket is owned by an agent (active or not)');

  const statuses = await sql<{ status: string }>`select distinct status from tickets`.execute(db);
  for (const s of ['new', 'open', 'pending', 'solved', 'closed']) assert.ok(statuses.rows.some((r) => r.status === s), `a ${s} ticket`);

  const badStamps = sql`select 1 from tickets where
    (status in ('solved', 'closed')) is distinct from (solved_at is not null)
    or (status = 'closed') is distinct from (closed_at is not null)
    or solved_at < created_at or closed_at < solved_at`;
  assert.equal(await count(db, badStamps), 0, 'solved and closed tickets have solved_at ≥ created_at, closed ones closed_at ≥ solved_at, others neither');

  // Closing keeps solved_at: it is the time of the last change to solved, and closed_at the time of the close.
  const stampsOffEvents = sql`select 1 from tickets t where t.solved_at is not null and (
    t.solved_at <> (select max(e.created_at) from events e where e.ticket_id = t.id and e.after->>'status' = 'solved')
    or (t.closed_at is not null and t.closed_at <> (select e.created_at from events e where e.ticket_id = t.id and e.after->>'status' = 'closed')))`;
  assert.equal(await count(db, stampsOffEvents), 0, 'solved_at and closed_at match the events that solved and closed the ticket');

  const columns = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type = 'timestamp with time zone'
      and column_name not in ('expires_at', 'due_at', 'warn_at', 'next_due_at', 'expected_reply_by', 'follow_up_at', 'remind_at')`.execute(db);
  assert.ok(columns.rows.length >= 10);
  for (const c of columns.rows) {
    const future = sql`select 1 from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} > now()`;
    assert.equal(await count(db, future), 0, `${c.table_name}.${c.column_name} is never in the future (due times may be)`);
  }

  const outside = (table: 'messages' | 'events' | 'handoffs', column = 'created_at') =>
    sql`select 1 from ${sql.table(table)} x join tickets t on t.id = x.ticket_id
      where ${sql.ref(`x.${column}`)} < t.created_at or ${sql.ref(`x.${column}`)} > now()`;
  assert.equal(await count(db, outside('messages')), 0, 'every message lies within [ticket.created_at, now]');
  assert.equal(await count(db, outside('events')), 0, 'every ticket event lies within [ticket.created_at, now]');
  assert.equal(await count(db, outside('handoffs')), 0, 'every handoff was asked for within [ticket.created_at, now]');
  assert.equal(await count(db, outside('handoffs', 'resolved_at')), 0, 'every handoff was answered within [ticket.created_at, now]');

  const created = sql`select 1 from tickets t where not exists (
    select 1 from events e where e.ticket_id = t.id and e.action = 'ticket.created' and e.created_at = t.created_at)`;
  assert.equal(await count(db, created), 0, "every ticket has its 'ticket.created' event, at its created_at");

  assert.ok((await count(db, sql`select 1 from tickets where bounced`)) >= 1, 'a bounced ticket');
  assert.ok((await count(db, sql`select 1 from tickets where follow_up_of_id is not null`)) >= 1, 'a follow-up ticket');
  const badFollowUps = sql`select 1 from tickets f join tickets o on o.id = f.follow_up_of_id
    where o.status <> 'closed' or f.created_at <= o.closed_at or f.requester_id <> o.requester_id`;
  assert.equal(await count(db, badFollowUps), 0, 'a follow-up comes from the same customer after the closed ticket was closed');
}

describe('heed demo', () => {
  let database: Database;
  let db: Db;
  const lines: string[] = [];
  let summary = '';
  before(async () => {
    database = await freshDatabase();
    db = database.db;
    summary = await seedDemo(db, { tickets: N, log: (line) => lines.push(line) });
  });
  after(() => database.close());

  it('creates the demo agents, teams, organizations, customers and N tickets', async () => {
    const n = (table: 'agents' | 'teams' | 'organizations' | 'customers' | 'tickets') => count(db, sql`select 1 from ${sql.table(table)}`);
    assert.equal(await n('agents'), demoEmails.length, 'the demo agents and, with no admin in the workspace, the demo admin');
    assert.equal(await n('teams'), Object.keys(C.TEAMS).length);
    assert.equal(await n('organizations'), C.ORGANIZATIONS.length);
    assert.equal(await n('customers'), 150);
    assert.equal(await n('tickets'), N);
    const admin = await db.selectFrom('agents').select(['role', 'active']).where('email', '=', `${C.ADMIN.handle}@${C.DEMO_DOMAIN}`).executeTakeFirstOrThrow();
    assert.deepEqual(admin, { role: 'admin', active: true });
  });

  it('sets the default team through updateWorkspace, with its event', async () => {
    const ws = await db.selectFrom('workspace').select('default_team_id').executeTakeFirstOrThrow();
    const accounts = await db.selectFrom('teams').select('id').where('name', '=', C.TEAMS[C.DEFAULT_TEAM].name).executeTakeFirstOrThrow();
    assert.equal(ws.default_team_id, accounts.id);
    const events = await db.selectFrom('events').select(['after']).where('action', '=', 'workspace.updated').execute();
    assert.deepEqual(events.map((e) => e.after), [{ default_team_id: accounts.id }]);
  });

  it('leaves a consistent help desk: owners, status stamps, times, events, bounces and follow-ups', async () => {
    await assertInvariants(db);
    assert.ok(!lines.some((l) => l.includes('no planned time')), 'the backdating found a planned time for every ticket event');
  });

  it('prints the demo sign-in emails through its log callback', () => {
    for (const email of demoEmails) {
      assert.ok(lines.some((l) => l.includes(email) && l.includes('new')), `${email} is listed`);
    }
    assert.match(summary, new RegExp(`Sign in as ${C.ADMIN.handle}@${C.DEMO_DOMAIN} \\(admin\\)`));
    assert.match(summary, new RegExp(`added ${N} tickets`));
  });

  it('runs again: reuses agents, teams, organizations and customers and adds exactly N more tickets', async () => {
    const again: string[] = [];
    await seedDemo(db, { tickets: N, log: (line) => again.push(line) });
    assert.equal(await count(db, sql`select 1 from tickets`), 2 * N);
    assert.equal(await count(db, sql`select 1 from agents`), demoEmails.length);
    assert.equal(await count(db, sql`select 1 from teams`), Object.keys(C.TEAMS).length);
    assert.equal(await count(db, sql`select 1 from organizations`), C.ORGANIZATIONS.length);
    assert.equal(await count(db, sql`select 1 from customers`), 150);
    for (const email of demoEmails) assert.ok(again.some((l) => l.includes(email) && l.includes('existing')), `${email} is listed as existing`);
    await assertInvariants(db);
  });
});
