import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/database.ts';
import { freshDatabase } from '../../test/helpers.ts';
import { startJobs, type Jobs } from './jobs.ts';

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('job queue workers', () => {
  let database: Database;
  let jobs: Jobs;
  before(async () => {
    database = await freshDatabase();
    jobs = await startJobs(
      database.db,
      [
        { name: 'test.burst', retryLimit: 0, retryDelaySeconds: 1 },
        { name: 'test.batch', retryLimit: 2, retryDelaySeconds: 1 },
      ],
      { pollSeconds: 1 },
    );
  });
  after(async () => {
    await jobs.stop();
    await database.close();
  });

  it('drains a burst without pausing between full batches', async () => {
    // Waiting the polling interval after every batch of 5, 100 jobs would take 20 s or more.
    for (let i = 0; i < 100; i++) await jobs.send(database.db, 'test.burst', { i });
    const done = new Set<number>();
    await jobs.work<{ i: number }>('test.burst', async ({ i }) => {
      done.add(i);
    }, { batchSize: 5 });
    assert.ok(await until(() => done.size === 100, 12_000), `only ${done.size} of 100 jobs ran within 12 s`);
  });

  it('fails only the job that threw in a batch; the others complete and are not run again', async () => {
    const runs = new Map<number, number>();
    for (let i = 0; i < 5; i++) await jobs.send(database.db, 'test.batch', { i });
    await jobs.work<{ i: number }>(
      'test.batch',
      async ({ i }, meta) => {
        runs.set(i, (runs.get(i) ?? 0) + 1);
        if (i === 2 && meta.retryCount === 0) throw new Error('first attempt of job 2 fails');
      },
      { batchSize: 5 },
    );
    assert.ok(await until(() => runs.get(2) === 2, 12_000), 'the failed job is retried');
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual([...runs.entries()].sort((a, b) => a[0] - b[0]), [[0, 1], [1, 1], [2, 2], [3, 1], [4, 1]]);
  });
});
