import type { Db } from '../db/database.ts';
import type { Jobs, QueueSpec } from '../jobs/jobs.ts';
import { fireDueCommitments } from '../commitments/due.ts';
import { fireDueClocks } from '../sla/breaches.ts';
import { now } from '../time/clock.ts';
import { fireFollowUps } from './follow-ups.ts';
import { sendAcknowledgements, sendEtaUpdates } from './notices.ts';

export const TICK_QUEUE = 'follow-through.tick';
// `stately`: at most one tick queued and one running across every Heed process on the database.
export const tickQueueSpec: QueueSpec = { name: TICK_QUEUE, retryLimit: 5, retryDelaySeconds: 1, expireInSeconds: 120, policy: 'stately' };

export type TickResult = { warnings: number; breaches: number; reminders: number; missed: number; followUps: number; acknowledgements: number; etaUpdates: number };

/**
 * Everything follow-through owes at `at`: SLA warnings and breaches, commitment reminders and misses, follow-ups,
 * acknowledgements and ETA updates to customers. Each step claims its rows with SKIP LOCKED and stamps them in the
 * same transaction as its effects, so the result is exactly once however many processes tick at the same moment.
 */
export async function runDue(db: Db, jobs: Jobs, at: Date = now()): Promise<TickResult> {
  const total: TickResult = { warnings: 0, breaches: 0, reminders: 0, missed: 0, followUps: 0, acknowledgements: 0, etaUpdates: 0 };
  // A burst (a policy change, a long outage) is worked off in batches within one tick, up to a bound.
  for (let round = 0; round < 20; round++) {
    const c = await fireDueClocks(db, at);
    const p = await fireDueCommitments(db, at);
    const f = await fireFollowUps(db, at);
    const a = await sendAcknowledgements(db, jobs);
    const e = await sendEtaUpdates(db, jobs, at);
    total.warnings += c.warnings;
    total.breaches += c.breaches;
    total.reminders += p.reminders;
    total.missed += p.missed;
    total.followUps += f;
    total.acknowledgements += a;
    total.etaUpdates += e;
    if (c.warnings + c.breaches + p.reminders + p.missed + f + a + e === 0) break;
  }
  return total;
}

/**
 * The follow-through scheduler: a chain of pg-boss jobs, each queuing the next `intervalSeconds` later. It survives
 * restarts (the queued tick is in the database), and a failed tick is retried by the queue.
 */
export async function startScheduler(db: Db, jobs: Jobs, opts: { intervalSeconds: number; onTick?: (r: TickResult) => void }): Promise<void> {
  const next = () => jobs.send(db, TICK_QUEUE, {}, { singletonKey: 'tick', startAfter: new Date(Date.now() + opts.intervalSeconds * 1000) });
  // A tick a killed process left running would hold the chain until it expires (two minutes without timers).
  await jobs.releaseRunning(TICK_QUEUE);
  await jobs.work(TICK_QUEUE, async () => {
    try {
      const r = await runDue(db, jobs);
      opts.onTick?.(r);
    } finally {
      await next();
    }
  });
  await jobs.send(db, TICK_QUEUE, {}, { singletonKey: 'tick' });
}
