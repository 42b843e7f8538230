import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Jobs, QueueSpec } from '../jobs/jobs.ts';
import { computeGroups, defaultWindow, freshFor } from './groups.ts';
import { indexPendingTickets } from './tickets-index.ts';
import { TAG_MODEL, tagModelStale, trainTagModel } from './tag-model.ts';

export const KNOWLEDGE_QUEUE = 'knowledge.tick';
// `stately`: one tick queued and one running across every Heed process, so the index is written by one at a time.
export const knowledgeQueueSpec: QueueSpec = { name: KNOWLEDGE_QUEUE, retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 600, policy: 'stately' };

// The tag model is retrained at most this often, and only when tickets were solved since.
const retrainEvery = 10 * 60_000;
const attempts = new WeakMap<Db, number>();
const groupings = new WeakMap<Db, number>();

export type KnowledgeTick = { indexed: number; trained: number | null; grouped: number | null };

/**
 * One round of knowledge upkeep: read new tickets into the index (bounded), retrain the tag model when tickets
 * were solved since it was trained, and regroup the default window of repeated inquiries when its stored
 * grouping has aged (two thirds of `freshFor`) or the model changed.
 */
export async function knowledgeTick(db: Db, at = new Date()): Promise<KnowledgeTick> {
  let indexed = 0;
  for (let round = 0; round < 20; round++) {
    const n = await indexPendingTickets(db);
    indexed += n;
    if (n === 0) break;
  }
  let trained: number | null = null;
  const last = await sql<{ t: Date | null }>`select max(trained_at) as t from knowledge_models where name = ${TAG_MODEL}`.execute(db);
  const lastAt = last.rows[0]?.t ? new Date(last.rows[0].t).getTime() : 0;
  // A workspace without enough tags keeps no model, so the stored time cannot pace the attempts: this process's
  // last attempt does.
  const attemptedAt = attempts.get(db) ?? 0;
  if (at.getTime() - Math.max(lastAt, attemptedAt) >= retrainEvery && (await tagModelStale(db))) {
    attempts.set(db, at.getTime());
    trained = await trainTagModel(db);
  }
  let grouped: number | null = null;
  const stored = await sql<{ t: Date | null }>`select max(computed_at) as t from inquiry_groups where since = 'epoch' and until = 'epoch'`.execute(db);
  const storedAt = stored.rows[0]?.t ? new Date(stored.rows[0].t).getTime() : 0;
  // Regrouping reads the whole window (thousands of tickets, seconds of CPU), so new tickets alone do not trigger
  // it: the grouping is renewed when it nears `freshFor` or a new tag model was trained (fresh=true in the API
  // recomputes at once). A grouping that found no group stores nothing, so this process's last one paces it too.
  const groupedAt = Math.max(storedAt, groupings.get(db) ?? 0);
  if ((trained !== null && trained > 0) || at.getTime() - groupedAt >= freshFor * 0.66) {
    groupings.set(db, at.getTime());
    grouped = (await computeGroups(db, defaultWindow(), { isDefault: true })).length;
  }
  return { indexed, trained, grouped };
}

/** The knowledge job chain: a tick every `intervalSeconds`, surviving restarts (the queued tick is a row). */
export async function startKnowledgeJobs(db: Db, jobs: Jobs, opts: { intervalSeconds: number; log?: (line: string) => void }): Promise<void> {
  const next = () => jobs.send(db, KNOWLEDGE_QUEUE, {}, { singletonKey: 'tick', startAfter: new Date(Date.now() + opts.intervalSeconds * 1000) });
  await jobs.work(KNOWLEDGE_QUEUE, async () => {
    try {
      await knowledgeTick(db);
    } catch (err) {
      opts.log?.(`knowledge upkeep failed: ${(err as Error).message}`);
      throw err;
    } finally {
      await next();
    }
  });
  await jobs.send(db, KNOWLEDGE_QUEUE, {}, { singletonKey: 'tick' });
}
