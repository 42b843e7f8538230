import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '../db/database.ts';

/** pg-boss reaches the database through Kysely, so on PGlite it waits its turn like every other query. */
const adapter = (db: Queryable): PgBoss.Db => ({
  executeSql: async (text: string, values: unknown[]) => {
    const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: r.rows as unknown[] };
  },
});

export type JobMeta = { id: string; retryCount: number; retryLimit: number };
export type JobHandler<T> = (data: T, meta: JobMeta) => Promise<void>;
/** Handles a whole fetched batch; returns the jobs that failed, by id (each is failed and retried alone). */
export type BatchHandler<T> = (batch: { data: T; meta: JobMeta }[]) => Promise<Map<string, Error>>;

/** How many jobs a worker takes per fetch (each is handled, and fails, on its own); above 1, a full batch is followed by another fetch at once. */
export type WorkOptions = { batchSize?: number };

/** When a job may start, and a key that keeps one queued job per key (with a `short` or `stately` queue). */
export type SendOptions = { startAfter?: Date; singletonKey?: string };

export type Jobs = {
  /** Enqueues a job in the caller's transaction: it runs only if that transaction commits. */
  send<T extends object>(tx: Queryable, queue: string, data: T, options?: SendOptions): Promise<void>;
  /** Enqueues many jobs of one queue in one statement, in the caller's transaction (the queue's retry rules apply). */
  sendMany<T extends object>(tx: Queryable, queue: string, items: T[]): Promise<void>;
  work<T>(queue: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  /** Like work, for handlers that do a batch's reads and writes together (one statement for ten jobs). */
  workBatch<T>(queue: string, handler: BatchHandler<T>, options?: WorkOptions): Promise<void>;
  /**
   * Fails the queue's running jobs, so the queue retries them: for a timer chain when a process starts. A tick left
   * running by a killed process would otherwise hold a stately queue (one running) until it expires, and every timer
   * with it. Only for handlers that are safe to run twice at once (the scheduler's claims are SKIP LOCKED).
   */
  releaseRunning(queue: string): Promise<number>;
  stop(): Promise<void>;
};

export type QueueSpec = {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds?: number;
  /** pg-boss queue policy: `stately` keeps at most one queued and one active job (per singleton key). */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
};

/**
 * Heed's job queue: pg-boss on the same database (SKIP LOCKED claims, so several Heed processes can share
 * the work). Every timer, reminder and outgoing message goes through it.
 */
export async function startJobs(db: Db, queues: QueueSpec[], opts: { pollSeconds?: number } = {}): Promise<Jobs> {
  const boss = new PgBoss({ db: adapter(db), schedule: false, supervise: true, migrate: true });
  boss.on('error', () => {}); // failures of maintenance are retried by pg-boss itself
  await boss.start();
  for (const q of queues) {
    await boss.createQueue(q.name, {
      name: q.name,
      policy: q.policy ?? 'standard',
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: q.expireInSeconds ?? 300,
    });
  }
  async function workBatch<T>(queue: string, handler: BatchHandler<T>, options: WorkOptions = {}): Promise<void> {
    const batchSize = options.batchSize ?? 1;
    const worker = await boss.work<T>(queue, { pollingIntervalSeconds: opts.pollSeconds ?? 1, batchSize, includeMetadata: true }, async (batch) => {
      let failed: Map<string, Error>;
      try {
        failed = await handler(batch.map((job) => ({ data: job.data, meta: { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit } })));
      } catch (err) {
        failed = new Map(batch.map((job) => [job.id, err as Error]));
      }
      // The failed jobs alone fail (and are retried by their queue's rules); pg-boss completes the rest of the batch.
      for (const [id, err] of failed) await boss.fail(queue, id, { message: err.message });
      // A full batch means more may be waiting: fetch again at once instead of after the polling pause, so a
      // burst (a thousand acknowledgements) drains at the speed of the work, not one batch per interval. Only for
      // queues worked in batches: the one-at-a-time timer chains (stately queues) keep their pause, because
      // pg-boss completes a job after the handler returns, without waiting, and a fetch at once could run
      // before that (seen as a scheduler chain that stopped ticking on a loaded machine).
      if (batchSize > 1 && batch.length === batchSize) boss.notifyWorker(worker);
    });
  }

  return {
    async send(tx, queue, data, options = {}) {
      await boss.send(queue, data, { db: adapter(tx), ...options });
    },
    async sendMany(tx, queue, items) {
      if (items.length) await boss.insert(items.map((data) => ({ name: queue, data })), { db: adapter(tx) });
    },
    work<T>(queue: string, handler: JobHandler<T>, options: WorkOptions = {}) {
      return workBatch<T>(queue, async (batch) => {
        const failed = new Map<string, Error>();
        for (const job of batch) {
          try {
            await handler(job.data, job.meta);
          } catch (err) {
            failed.set(job.meta.id, err as Error);
          }
        }
        return failed;
      }, options);
    },
    workBatch,
    async releaseRunning(queue) {
      const { rows } = await adapter(db).executeSql(`select id from pgboss.job where name = $1 and state = 'active'`, [queue]);
      const ids = (rows as { id: string }[]).map((r) => r.id);
      if (ids.length) await boss.fail(queue, ids);
      return ids.length;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
