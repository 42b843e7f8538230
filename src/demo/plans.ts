/** Planning the demo tickets: when each is opened, by whom, about what, and how far it gets. */
import type { Channel, Priority, TicketStatus } from '../db/types.ts';
import * as C from './content.ts';
import type { Run } from './ledger.ts';
import type { Cust } from './people.ts';
import type { Rng } from './random.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The tickets spread over this many days before now. */
export const SPAN_DAYS = 60;

export type HandoffKind = 'none' | 'escalate' | 'bounce' | 'pending';

export type Plan = {
  at: Date;
  intent: string;
  question: string;
  requester: Cust;
  channel: Channel;
  priority: Priority;
  /** The status the ticket's conversation ends in. */
  final: TicketStatus;
  /** Opened without a team: it lands in the default team and is handed on to its intent's team. */
  untriaged: boolean;
  handoff: HandoffKind;
};

/** Plans `count` tickets in time order; a few of the older ones bounce between teams. */
export function makePlans(run: Run, count: number): Plan[] {
  const { rng, now, people } = run;
  const intents = Object.keys(C.INTENTS);
  const totalWeight = people.customers.reduce((s, c) => s + c.weight, 0);
  const pickCustomer = () => {
    let r = rng.next() * totalWeight;
    for (const c of people.customers) {
      r -= c.weight;
      if (r < 0) return c;
    }
    return people.customers[people.customers.length - 1]!;
  };
  const plans: Plan[] = plannedTimes(rng, now, count).map((at) => {
    const intent = rng.pick(intents);
    const requester = pickCustomer();
    return {
      at,
      intent,
      question: rng.pick(run.questions.get(intent)!),
      requester,
      channel: rng.weighted([['email', 45], ['web', 20], ['chat', 22], ['api', 5], ['phone', 8]] as const),
      priority: priorityFor(rng, C.INTENTS[intent]!, requester.vip),
      final: finalStatus(rng, (now - at.getTime()) / HOUR),
      untriaged: rng.chance(0.1),
      handoff: 'none',
    };
  });
  if (count >= 20) showEveryStatus(plans);
  // Handoffs: a few bounced tickets (3+ handoffs), some escalations, a few still waiting for an answer.
  const older = plans.filter((p) => p.final !== 'new' && now - p.at.getTime() > 3 * DAY);
  const bounces = Math.min(older.length, Math.max(count >= 40 ? 3 : 0, Math.round(count * 0.015)));
  for (let i = 0; i < bounces; i++) {
    const candidates = older.filter((p) => p.handoff === 'none');
    if (candidates.length) rng.pick(candidates).handoff = 'bounce';
  }
  for (const p of plans) {
    if (p.handoff !== 'none') continue;
    if (p.final !== 'new' && rng.chance(0.07)) p.handoff = 'escalate';
    else if ((p.final === 'open' || p.final === 'pending') && rng.chance(0.06)) p.handoff = 'pending';
  }
  return plans;
}

/**
 * A small demo still shows every status a ticket waits in: chance can leave out the few recent tickets that are
 * new or open, so the newest tickets of a status with others to spare take the statuses left out.
 */
function showEveryStatus(plans: Plan[]) {
  for (const status of ['new', 'open', 'pending', 'on_hold'] as const) {
    if (plans.some((p) => p.final === status)) continue;
    const spare = [...plans].reverse().find((p) => plans.filter((q) => q.final === p.final).length > 1);
    if (spare) spare.final = status;
  }
}

/** Opening times over the last SPAN_DAYS days: fewer at weekends and at night, more lately (the desk is growing). */
function plannedTimes(rng: Rng, now: number, count: number): Date[] {
  const out: Date[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 200) {
    const daysAgo = rng.next() * SPAN_DAYS;
    const day = new Date(now - daysAgo * DAY);
    const dow = day.getUTCDay();
    let w = dow === 0 || dow === 6 ? 0.45 : 1;
    w *= 0.65 + 0.35 * (1 - daysAgo / SPAN_DAYS); // the desk is growing
    if (daysAgo < 3) w *= 2.2; // and busy this week
    else if (daysAgo < 7) w *= 1.5;
    if (rng.next() > w / 2.2) continue;
    const hour = rng.weighted([[6, 2], [7, 4], [8, 7], [9, 9], [10, 9], [11, 9], [12, 8], [13, 8], [14, 8], [15, 8], [16, 7], [17, 6], [18, 5], [19, 4], [20, 3], [21, 2], [22, 1]] as const);
    day.setUTCHours(hour, rng.int(0, 59), rng.int(0, 59), rng.int(0, 999));
    if (day.getTime() > now - 10 * MINUTE) continue;
    out.push(day);
  }
  while (out.length < count) out.push(new Date(now - rng.next() * SPAN_DAYS * DAY));
  return out.sort((a, b) => a.getTime() - b.getTime());
}

/** How far a ticket of this age has come: recent ones are mostly new, old ones mostly closed. */
function finalStatus(rng: Rng, ageHours: number): TicketStatus {
  const w = rng.weighted;
  if (ageHours < 8) return w([['new', 65], ['open', 18], ['pending', 10], ['solved', 7]] as const);
  if (ageHours < 48) return w([['new', 40], ['open', 22], ['pending', 18], ['on_hold', 5], ['solved', 15]] as const);
  if (ageHours < 24 * 7) return w([['new', 8], ['open', 18], ['pending', 20], ['on_hold', 10], ['solved', 26], ['closed', 18]] as const);
  return w([['open', 7], ['pending', 8], ['on_hold', 5], ['solved', 12], ['closed', 68]] as const);
}

function priorityFor(rng: Rng, info: C.IntentInfo, vip: boolean): Priority {
  const w = rng.weighted;
  let p: Priority =
    info.urgency === 'urgent'
      ? w([['urgent', 6], ['high', 4]] as const)
      : info.urgency === 'high'
        ? w([['high', 6], ['normal', 4]] as const)
        : info.urgency === 'low'
          ? w([['low', 6], ['normal', 4]] as const)
          : w([['normal', 80], ['low', 8], ['high', 10], ['urgent', 2]] as const);
  if (vip && p === 'normal' && rng.chance(0.4)) p = 'high';
  return p;
}
