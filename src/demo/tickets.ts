/**
 * Demo tickets: opens the planned tickets in time order, plays each one's conversation, and lets some closed
 * tickets come back as follow-ups when their customer writes again.
 */
import type { Ticket } from '../db/types.ts';
import type { Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import { addCustomerMessage } from '../tickets/messages.ts';
import { openTicket } from '../tickets/service.ts';
import * as C from './content.ts';
import { followUpScript, script } from './conversations.ts';
import { eventAt, type Live, type Run, type Step } from './ledger.ts';
import { teamOf } from './people.ts';
import { DAY, MINUTE, SPAN_DAYS, makePlans, type Plan } from './plans.ts';
import { customerBody, subjectFrom, tagOf } from './text.ts';

type FollowUp = { at: Date; original: Live };

/** Opens `count` tickets over the last SPAN_DAYS days, about 4% of them follow-ups of closed ones. */
export async function seedTickets(run: Run, count: number) {
  const { rng, ledger } = run;
  if (run.people.customers.length === 0) throw new Error('no demo customers to open tickets for');
  const followUpTarget = Math.floor(count * 0.04);
  const plans = makePlans(run, count - followUpTarget);
  // More than half the tickets end closed; spread the follow-ups over all of them rather than the first few weeks.
  const followUpChance = Math.min(1, (1.4 * followUpTarget) / Math.max(1, plans.filter((p) => p.final === 'closed').length));
  const queue: FollowUp[] = [];
  let done = 0;
  const progress = () => {
    done++;
    if (done % 100 === 0) run.log(`  ${done} tickets…`);
  };
  // Follow-ups due before `until`, in time order, so ticket numbers keep following the opening times.
  const flushFollowUps = async (until: Date) => {
    queue.sort((a, b) => a.at.getTime() - b.at.getTime());
    while (queue.length && queue[0]!.at <= until) {
      const { at, original } = queue.shift()!;
      if (ledger.counts.followUps >= followUpTarget) continue;
      await playFollowUp(run, original, at);
      progress();
    }
  };

  const latest = run.now - 30 * MINUTE;
  const stayedClosed: Live[] = [];
  run.log(`Opening ${count} tickets over the last ${SPAN_DAYS} days…`);
  for (const plan of plans) {
    await flushFollowUps(plan.at);
    const live = await playTicket(run, plan);
    progress();
    if (live.status !== 'closed' || !live.closedAt) continue;
    if (ledger.counts.followUps + queue.length < followUpTarget && rng.chance(followUpChance)) {
      const at = new Date(live.closedAt.getTime() + rng.logBetween(DAY, 12 * DAY));
      if (at.getTime() < latest) {
        queue.push({ at, original: live });
        continue;
      }
    }
    stayedClosed.push(live);
  }
  await flushFollowUps(new Date(run.now));
  // Too few closed tickets came back by chance: others closed a day or more ago come back now (so even a small
  // demo has a follow-up), and the rest of the count is opened as ordinary tickets.
  const candidates = stayedClosed.filter((t) => t.closedAt!.getTime() + DAY < latest);
  while (ledger.counts.followUps < followUpTarget && candidates.length) {
    const original = candidates.splice(rng.int(0, candidates.length - 1), 1)[0]!;
    const closedAt = original.closedAt!.getTime();
    await playFollowUp(run, original, new Date(closedAt + rng.logBetween(DAY, Math.min(12 * DAY, latest - closedAt))));
    progress();
  }
  const missing = count - ledger.tickets.length;
  if (missing > 0) {
    for (const plan of makePlans(run, missing)) {
      await playTicket(run, plan);
      progress();
    }
  }
}

/** Opens one ticket and plays its conversation. */
async function playTicket(run: Run, plan: Plan): Promise<Live> {
  const info = C.INTENTS[plan.intent]!;
  const intentTeam = teamOf(run.people, info.team);
  const customer: Actor = { kind: 'customer', id: plan.requester.id };
  const input = {
    subject: subjectFrom(plan.question),
    body: customerBody(run.rng, { channel: plan.channel, from: plan.requester, text: plan.question, first: true }),
    requesterId: plan.requester.id,
    channel: plan.channel,
    priority: plan.priority,
    tags: [tagOf(plan.intent), ...C.GROUPS[info.group].tags, ...(plan.requester.vip ? ['vip'] : [])],
    customFields: { intent: plan.intent },
    teamId: plan.untriaged ? undefined : intentTeam.id,
  };
  let opened: { ticket: Ticket; messageId: string };
  try {
    opened = await run.db.transaction().execute((tx) => openTicket(tx, customer, input));
  } catch (err) {
    // The workspace's default team may have nobody to route to: give the ticket to its intent's team instead.
    if (!(err instanceof HeedError) || !plan.untriaged) throw err;
    opened = await run.db.transaction().execute((tx) => openTicket(tx, customer, { ...input, teamId: intentTeam.id }));
  }
  const live = opens(run, opened.ticket, plan.at, opened.messageId, {
    channel: plan.channel,
    requester: plan.requester,
    intent: plan.intent,
    questions: run.questions.get(plan.intent)!,
  });
  await play(run, live, plan.at, script(run, plan, live));
  return live;
}

/** The customer of a closed ticket writes again: a follow-up ticket opens, kept with the agent who knows the case. */
async function playFollowUp(run: Run, original: Live, at: Date) {
  const { rng } = run;
  const question = rng.pick(original.questions);
  const text = `${rng.pick(C.STILL_BROKEN)}${question}`;
  const result = await addCustomerMessage(run.db, { kind: 'customer', id: original.requester.id }, {
    ticketId: original.id,
    body: customerBody(rng, { channel: original.channel, from: original.requester, text, first: false }),
    channel: original.channel,
  });
  if (!result.followUp) throw new Error('expected a follow-up ticket');
  const live = opens(run, result.ticket, at, result.message.id, original);
  run.ledger.counts.followUps++;
  await play(run, live, at, followUpScript(run, live));
}

/** Notes a ticket just opened (its first message and its 'ticket.created' event) as planned at `at`. */
function opens(run: Run, ticket: Ticket, at: Date, messageId: string, about: Pick<Live, 'channel' | 'requester' | 'intent' | 'questions'>): Live {
  const { ledger } = run;
  const live: Live = {
    id: ticket.id,
    status: ticket.status,
    ownerId: ticket.owner_id,
    teamId: ticket.team_id,
    priority: ticket.priority,
    tags: ticket.tags,
    channel: about.channel,
    requester: about.requester,
    intent: about.intent,
    questions: about.questions,
    createdAt: at,
    updatedAt: at,
    solvedAt: null,
    closedAt: null,
    handoffPending: false,
  };
  ledger.tickets.push(live);
  eventAt(ledger, live.id, at);
  ledger.messages.push({ id: messageId, at });
  ledger.counts.messages++;
  if (!ledger.firstTicketOf.has(live.requester.id)) ledger.firstTicketOf.set(live.requester.id, at);
  return live;
}

/** Runs the steps, spaced by their gaps; squeezes them to end before now, and drops a closing that would be in the future. */
async function play(run: Run, live: Live, start: Date, steps: Step[]) {
  const length = (list: Step[]) => list.reduce((s, st) => s + st.gap + (st.span ?? 0), 0);
  let total = length(steps);
  const available = run.now - MINUTE - start.getTime();
  if (total > available && steps[steps.length - 1]?.closing) {
    steps = steps.slice(0, -1);
    total = length(steps);
  }
  const scale = total > available ? Math.max(0, available) / total : 1;
  let t = start.getTime();
  for (const step of steps) {
    t += step.gap * scale;
    const at = new Date(Math.min(Math.max(t, live.updatedAt.getTime() + 1000), run.now - MINUTE));
    t += (step.span ?? 0) * scale;
    try {
      await step.run(live, at, scale);
    } catch (err) {
      if (!(err instanceof HeedError)) throw err;
      run.ledger.counts.skipped++;
      if (run.ledger.counts.skipped <= 5) run.log(`  (skipped a step on a ticket: ${err.message})`);
    }
  }
}
