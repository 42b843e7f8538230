/**
 * `heed demo`: fills a workspace with a living help desk to explore. Every row is written through the domain
 * functions (so each has its audit events); afterwards the timestamps of what this run created are moved back,
 * so the tickets look like 60 days of work. Running it again reuses the demo agents, teams, organizations and
 * customers and adds another batch of tickets.
 *
 * people.ts finds or creates who works and writes in; plans.ts, tickets.ts and conversations.ts play the tickets,
 * noting in the ledger (ledger.ts) when each thing should appear to have happened; backdate.ts writes those times.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { TicketStatus } from '../db/types.ts';
import { backdate } from './backdate.ts';
import * as C from './content.ts';
import { ensureKnowledge } from './knowledge.ts';
import { newLedger, type Run } from './ledger.ts';
import { ensurePeople, setAvailability } from './people.ts';
import { SPAN_DAYS } from './plans.ts';
import { makeRng } from './random.ts';
import { seedTickets } from './tickets.ts';
import { demoEmail, loadQuestions } from './text.ts';

/** Seeds the demo workspace with `tickets` new tickets; logs progress and the demo sign-ins, and returns a summary. */
export async function seedDemo(db: Db, opts: { tickets: number; log: (line: string) => void }): Promise<string> {
  const started = Date.now();
  const questions = loadQuestions();
  const startEventId = await db
    .selectFrom('events')
    .select(sql<number>`coalesce(max(id), 0)::int8`.as('id'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.id));
  // Seeded by the number of tickets already there, so a second run adds different tickets.
  const existing = await db.selectFrom('tickets').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();

  const people = await ensurePeople(db, opts.log);
  await ensureKnowledge(db, people, opts.log);
  const run: Run = { db, rng: makeRng(77 + Number(existing.n)), now: started, log: opts.log, people, questions, ledger: newLedger() };
  await seedTickets(run, Math.max(0, Math.floor(opts.tickets)));
  await setAvailability(db, people);
  await backdate(run, startEventId);
  return summary(run, ((Date.now() - started) / 1000).toFixed(1));
}

function summary({ people, ledger }: Run, seconds: string): string {
  const byStatus = new Map<TicketStatus, number>();
  for (const t of ledger.tickets) byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
  const statuses = (['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const)
    .map((s) => `${byStatus.get(s) ?? 0} ${s.replace('_', ' ')}`)
    .join(', ');
  const c = ledger.counts;
  const { created } = people;
  const teams = [...people.teams.values()];
  const defaultTeam = teams.find((t) => t.id === people.defaultTeamId)?.name;
  const signIn = people.demoAgents.get(C.ADMIN.handle) ?? [...people.demoAgents.values()][0];
  const kept = people.demoAgents.size - created.agents.length;
  return (
    `Demo workspace ready in ${seconds}s. Sign in as ${signIn?.email ?? demoEmail(C.AGENTS[0]!.handle)}` +
    `${signIn?.role === 'admin' ? ' (admin)' : ''} or any demo agent listed above with the password ${C.DEMO_PASSWORD}` +
    `${kept ? ' (unless it has been changed since an earlier demo run)' : ''}. ` +
    `The workspace has ${people.demoAgents.size} demo agents in the teams ${teams.map((t) => t.name).join(', ')}` +
    `${defaultTeam ? ` (new tickets without a team go to ${defaultTeam})` : ''}, ` +
    `${C.ORGANIZATIONS.length} organizations (${created.organizations.length} new) and ${people.customers.length} customers (${created.customers.length} new); ` +
    `this run added ${ledger.tickets.length} tickets over the last ${SPAN_DAYS} days (${statuses}) with ${c.messages} messages, ${c.notes} of them internal notes, ` +
    `${c.handoffsAccepted + c.handoffsDeclined + c.handoffsPending} handoffs (${c.handoffsAccepted} accepted, ${c.handoffsDeclined} declined, ` +
    `${c.handoffsPending} waiting for an answer; ${ledger.bounced.size} tickets bounced 3 or more times) and ${c.followUps} follow-up tickets` +
    `${c.skipped ? `; ${c.skipped} steps were skipped` : ''}. The customers' questions come from banking77 (PolyAI, CC BY 4.0).`
  );
}
