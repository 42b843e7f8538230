/**
 * The conversations of demo tickets: scripts of steps (customer messages, agent replies and notes, handoffs,
 * closing), each step written through the domain functions and noted in the ledger at its planned time.
 */
import type { Agent, Priority, TicketStatus } from '../db/types.ts';
import { acceptHandoff, declineHandoff, requestHandoff } from '../tickets/handoff.ts';
import { addAgentMessage, addCustomerMessage } from '../tickets/messages.ts';
import { updateTicket } from '../tickets/service.ts';
import * as C from './content.ts';
import { eventAt, messageAdded, ticketChanged, type Live, type Run, type Step } from './ledger.ts';
import { teamOf } from './people.ts';
import { DAY, MINUTE, type Plan } from './plans.ts';
import { agentBody, customerBody, fill } from './text.ts';

/** The steps of a new ticket's conversation, ending in the plan's final status. */
export function script(run: Run, plan: Plan, live: Live): Step[] {
  const { rng } = run;
  const info = C.INTENTS[plan.intent]!;
  const group: C.ReplyGroup = C.GROUPS[info.group];
  const p = plan.priority;
  const solve = () => info.solve ?? group.solve;
  const solveAfterAnswer = () => `${rng.pick(C.THANKS)}${solve()}`;
  const others = live.questions.filter((q) => q !== plan.question);
  const other = () => rng.pick(others.length ? others : live.questions);
  const steps: Step[] = [];

  switch (plan.final) {
    case 'new':
      if (rng.chance(0.3)) steps.push(customer(run, `${rng.pick(C.CHASERS)}${other()}`));
      if (rng.chance(0.15)) steps.push(note(run, p, () => group.note));
      break;
    case 'open': {
      const roll = rng.next();
      if (roll < 0.4) {
        steps.push(reply(run, p, () => rng.pick(C.ACKS)));
        if (rng.chance(0.4)) steps.push(note(run, p, () => group.note));
      } else if (roll < 0.7) {
        steps.push(reply(run, p, () => group.ask, 'pending'), customer(run, group.answer));
      } else if (roll < 0.85) {
        steps.push(note(run, p, () => group.note), reply(run, p, () => rng.pick(C.ACKS)));
      } else {
        steps.push(reply(run, p, solve, 'solved'), customer(run, `${rng.pick(C.STILL_BROKEN)}${other()}`));
      }
      break;
    }
    case 'pending':
      if (rng.chance(0.3)) steps.push(note(run, p, () => group.note));
      steps.push(reply(run, p, () => group.ask, 'pending'));
      break;
    case 'on_hold':
      if (rng.chance(0.6)) steps.push(reply(run, p, () => group.ask, 'pending'), customer(run, group.answer));
      else steps.push(reply(run, p, () => rng.pick(C.ACKS)));
      steps.push(note(run, p, () => group.hold ?? C.GENERIC_HOLD, 'on_hold'));
      break;
    case 'solved':
    case 'closed': {
      const roll = rng.next();
      if (roll < 0.35) steps.push(reply(run, p, solve, 'solved'));
      else if (roll < 0.85) steps.push(reply(run, p, () => group.ask, 'pending'), customer(run, group.answer), reply(run, p, solveAfterAnswer, 'solved'));
      else steps.push(note(run, p, () => group.note), reply(run, p, solve, 'solved'));
      break;
    }
  }

  // Handoffs come after the first thing an agent did (or first, on a ticket nobody has touched).
  const handoffs: Step[] = [];
  if (plan.untriaged) handoffs.push(reroute(run, plan, info.team));
  if (plan.handoff === 'escalate') handoffs.push(escalate(run, p));
  if (plan.handoff === 'bounce') handoffs.push(bounce(run));
  steps.splice(plan.untriaged || !steps[0] || steps[0].resolves ? 0 : 1, 0, ...handoffs);
  if (plan.handoff === 'pending') steps.push(leavePending(run, p));
  if (plan.final === 'closed') steps.push(close(run));
  return steps;
}

/** The steps after a customer writes again on a closed ticket: an acknowledgement, a solution, or nothing yet. */
export function followUpScript(run: Run, live: Live): Step[] {
  const info = C.INTENTS[live.intent]!;
  const roll = run.rng.next();
  if (roll < 0.5) return [reply(run, live.priority, () => run.rng.pick(C.ACKS))];
  if (roll < 0.8) return [reply(run, live.priority, () => info.solve ?? C.GROUPS[info.group].solve, 'solved')];
  return [];
}

function agentGap(run: Run, priority: Priority): number {
  const [lo, hi] = ({ urgent: [4, 40], high: [12, 180], normal: [25, 480], low: [60, 1440] } as const)[priority];
  return run.rng.logBetween(lo, hi) * MINUTE;
}
const customerGap = (run: Run) => run.rng.logBetween(8, 1800) * MINUTE;
const answerDelay = (run: Run) => run.rng.logBetween(5, 240) * MINUTE;

function customer(run: Run, text: string): Step {
  return {
    gap: customerGap(run),
    run: async (t, at) => {
      const r = await addCustomerMessage(run.db, { kind: 'customer', id: t.requester.id }, {
        ticketId: t.id,
        body: customerBody(run.rng, { channel: t.channel, from: t.requester, text: fill(run.rng, text), first: false }),
        channel: t.channel,
      });
      if (r.followUp) throw new Error('a demo conversation wrote to a closed ticket');
      messageAdded(run.ledger, t, at, r.message.id, r.ticket);
    },
  };
}

function reply(run: Run, priority: Priority, text: () => string, status?: TicketStatus): Step {
  return {
    gap: agentGap(run, priority),
    resolves: status === 'solved',
    run: async (t, at) => {
      const body = agentBody(run.rng, { channel: t.channel, to: t.requester, agentName: run.people.agents.get(t.ownerId)?.name, text: fill(run.rng, text()) });
      const r = await addAgentMessage(run.db, { ticketId: t.id, agentId: t.ownerId, kind: 'reply', body, status });
      messageAdded(run.ledger, t, at, r.message.id, r.ticket);
    },
  };
}

function note(run: Run, priority: Priority, text: () => string, status?: TicketStatus): Step {
  return {
    gap: agentGap(run, priority) / 2,
    run: async (t, at) => {
      const r = await addAgentMessage(run.db, { ticketId: t.id, agentId: t.ownerId, kind: 'note', body: fill(run.rng, text()), status });
      messageAdded(run.ledger, t, at, r.message.id, r.ticket);
      run.ledger.counts.notes++;
    },
  };
}

/** The owner closes the solved ticket a few days later. No ticket planned to end closed has a handoff pending, so none is withdrawn. */
function close(run: Run): Step {
  return {
    gap: run.rng.logBetween(2 * DAY, 4 * DAY),
    closing: true,
    run: async (t, at) => {
      const ticket = await updateTicket(run.db, { kind: 'agent', id: t.ownerId }, t.id, { status: 'closed' });
      ticketChanged(t, at, ticket);
      eventAt(run.ledger, t.id, at);
    },
  };
}

/** An untriaged ticket in the default team goes to the team its question belongs to. */
function reroute(run: Run, plan: Plan, teamKey: C.TeamKey): Step {
  const { rng } = run;
  const target = teamOf(run.people, teamKey);
  const outcome = plan.final === 'new' && rng.chance(0.5) ? 'pending' : rng.chance(0.85) ? 'accept' : 'decline';
  const answerIn = answerDelay(run);
  return {
    gap: agentGap(run, plan.priority),
    span: answerIn,
    run: async (t, at, scale) => {
      if (t.teamId === target.id || t.handoffPending) return;
      const note = fill(rng, rng.pick(C.REROUTE_NOTES)).replace('{team}', target.name);
      await handoff(run, { t, at, answerIn: answerIn * scale, to: { toTeamId: target.id, note }, outcome });
    },
  };
}

/** The owner asks a lead (or a colleague) to take the ticket over. */
function escalate(run: Run, priority: Priority): Step {
  const { rng, people } = run;
  const accept = rng.chance(0.65);
  const answerIn = answerDelay(run);
  return {
    gap: agentGap(run, priority),
    span: answerIn,
    run: async (t, at, scale) => {
      if (t.handoffPending) return;
      const team = [...people.teams.values()].find((x) => x.id === t.teamId);
      let to = team?.leadId && team.leadId !== t.ownerId && people.agents.has(team.leadId) ? team.leadId : undefined;
      if (!to) {
        const admins = [...people.agents.values()].filter((a) => a.role === 'admin').map((a) => a.id);
        const others = [...(team?.memberIds ?? []), ...admins].filter((id) => id !== t.ownerId && people.agents.has(id));
        if (!others.length) return;
        to = rng.pick(others);
      }
      const outcome = accept ? 'accept' : 'decline';
      await handoff(run, { t, at, answerIn: answerIn * scale, to: { toAgentId: to, note: rng.pick(C.ESCALATION_NOTES) }, outcome });
    },
  };
}

/** Nobody wants it: three or four accepted handoffs between teams, then a raised priority. */
function bounce(run: Run): Step {
  const { rng, people } = run;
  // Each hop: a wait before the request, then a wait for the answer; then the priority goes up.
  const hops = Array.from({ length: rng.int(3, 4) }, (_, i) => ({ before: i === 0 ? 0 : rng.logBetween(20, 240) * MINUTE, answer: answerDelay(run) }));
  const raise = rng.logBetween(5, 60) * MINUTE;
  return {
    gap: agentGap(run, 'normal'),
    span: hops.reduce((s, h) => s + h.before + h.answer, 0) + raise,
    run: async (t, at, scale) => {
      if (t.handoffPending) return;
      const order: C.TeamKey[] = ['cards', 'payments', 'accounts'];
      let when = at.getTime();
      const visited = new Set<string | null>([t.teamId]);
      for (const [i, hop] of hops.entries()) {
        when = Math.max(when + hop.before * scale, t.updatedAt.getTime() + 1000);
        const choices = order.filter((k) => teamOf(people, k).id !== t.teamId);
        const target = teamOf(people, choices[i % choices.length]!);
        const note = (visited.has(target.id) ? C.BOUNCE_BACK : C.BOUNCE_NOTES[target.key]).replace('{team}', target.name);
        visited.add(target.id);
        await handoff(run, { t, at: new Date(when), answerIn: hop.answer * scale, to: { toTeamId: target.id, note }, outcome: 'accept' });
        when = t.updatedAt.getTime();
      }
      const ticket = await updateTicket(run.db, { kind: 'agent', id: t.ownerId }, t.id, {
        priority: t.priority === 'urgent' ? 'urgent' : 'high',
        tags: [...new Set([...t.tags, 'escalated'])],
      });
      const raisedAt = new Date(Math.min(when + raise * scale, run.now - MINUTE));
      ticketChanged(t, raisedAt, ticket);
      eventAt(run.ledger, t.id, raisedAt);
    },
  };
}

/** A handoff asked for and not yet answered: something for the addressee's inbox. */
function leavePending(run: Run, priority: Priority): Step {
  const { rng, people } = run;
  return {
    gap: agentGap(run, priority) / 2,
    run: async (t, at) => {
      if (t.handoffPending) return;
      const others = [...people.teams.values()].filter((x) => x.id !== t.teamId);
      if (rng.chance(0.5) && others.length) {
        const target = rng.pick(others);
        const note = fill(rng, rng.pick(C.REROUTE_NOTES)).replace('{team}', target.name);
        await handoff(run, { t, at, answerIn: 0, to: { toTeamId: target.id, note }, outcome: 'pending' });
      } else {
        const candidates = [...people.agents.keys()].filter((id) => id !== t.ownerId);
        if (!candidates.length) return;
        await handoff(run, { t, at, answerIn: 0, to: { toAgentId: rng.pick(candidates), note: rng.pick(C.ESCALATION_NOTES) }, outcome: 'pending' });
      }
    },
  };
}

type HandoffPlan = {
  t: Live;
  at: Date;
  answerIn: number;
  to: { toAgentId?: string; toTeamId?: string; note: string };
  outcome: 'accept' | 'decline' | 'pending';
};

/** The owner requests a handoff at `at`; the addressee (or a member of the addressed team) answers `answerIn` later, unless it stays pending. */
async function handoff(run: Run, { t, at, answerIn, to, outcome }: HandoffPlan) {
  const { rng, people, ledger } = run;
  let answerer: Agent | undefined;
  if (outcome !== 'pending') {
    if (to.toAgentId) answerer = people.agents.get(to.toAgentId);
    else {
      const team = [...people.teams.values()].find((x) => x.id === to.toTeamId);
      const members = (team?.memberIds ?? []).filter((id) => id !== t.ownerId && people.agents.has(id));
      if (!members.length) return;
      answerer = people.agents.get(rng.pick(members));
    }
    if (!answerer) return;
  }
  const owner = people.agents.get(t.ownerId);
  if (!owner) return;
  const requested = await requestHandoff(run.db, { agentId: owner.id, role: owner.role }, { ticketId: t.id, ...to });
  const times = { created: at, resolved: null as Date | null };
  ledger.handoffs.set(requested.handoff.id, times);
  eventAt(ledger, t.id, at);
  t.updatedAt = at;
  if (!answerer) {
    t.handoffPending = true;
    ledger.counts.handoffsPending++;
    return;
  }
  const answeredAt = new Date(Math.min(at.getTime() + Math.max(answerIn, 1000), Math.max(at.getTime() + 1000, run.now - MINUTE)));
  const actor = { agentId: answerer.id, role: answerer.role };
  if (outcome === 'accept') {
    const r = await acceptHandoff(run.db, actor, t.id);
    ticketChanged(t, answeredAt, r.ticket);
    ledger.counts.handoffsAccepted++;
    if (r.ticket.bounced) ledger.bounced.add(t.id);
  } else {
    await declineHandoff(run.db, actor, t.id, rng.pick(to.toAgentId ? C.DECLINE_REASONS : C.TEAM_DECLINE_REASONS));
    t.updatedAt = answeredAt;
    ledger.counts.handoffsDeclined++;
  }
  eventAt(ledger, t.id, answeredAt);
  times.resolved = answeredAt;
}
