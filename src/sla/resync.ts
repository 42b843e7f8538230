import type { Db } from '../db/database.ts';
import type { Jobs, QueueSpec } from '../jobs/jobs.ts';
import { now } from '../time/clock.ts';
import { syncClocks } from './clocks.ts';
import { forgetSettings, loadSettings } from './policies.ts';

export const RESYNC_QUEUE = 'sla.resync';
export const resyncQueueSpec: QueueSpec = { name: RESYNC_QUEUE, retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 3600, policy: 'stately' };

/**
 * Recomputes the clocks of every ticket that is not closed, after a policy or calendar changed: new targets, new
 * due times, breaches lifted where the new target is longer. Works in batches of `batch` tickets, one transaction
 * each, so a large workspace is never locked at once. Returns how many tickets it looked at.
 */
export async function resyncOpenTickets(db: Db, batch = 500): Promise<number> {
  forgetSettings();
  const settings = await loadSettings(db);
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  for (;;) {
    const ids = await db.transaction().execute(async (tx) => {
      // Locked like any other change to a ticket, so a reply arriving meanwhile waits for its batch.
      const rows = await tx
        .selectFrom('tickets')
        .select('id')
        .where('status', '<>', 'closed')
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .execute();
      const at = now();
      for (const { id } of rows) await syncClocks(tx, id, at, { settings });
      return rows;
    });
    if (ids.length === 0) return seen;
    seen += ids.length;
    after = ids[ids.length - 1]!.id;
  }
}

/**
 * Open tickets get new due times after a policy, calendar or business-day change: in the background when there is
 * a job queue (a large workspace takes a while), at once otherwise (tests, tools).
 */
export async function requestResync(db: Db, jobs: Jobs | undefined): Promise<void> {
  forgetSettings();
  if (jobs) await jobs.send(db, RESYNC_QUEUE, {}, { singletonKey: 'resync' });
  else await resyncOpenTickets(db);
}
