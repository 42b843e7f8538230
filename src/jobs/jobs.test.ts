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
        { name: 'test.chain', retryLimit: 3, retryDelaySeconds: 1, policy: 'stately' },
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

  it('releases a job left running (as by a killed process), so a stately chain goes on at once', async () => {
    await jobs.send(database.db, 'test.chain', {}, { singletonKey: 'tick' });
    let release = () => {};
    const stuck = new Promise<void>((r) => (release = r));
    const attempts: number[] = [];
    await jobs.work('test.chain', async (_d, meta) => {
      attempts.push(meta.retryCount);
      await stuck; // this "process" hangs in its tick, as if it had died
    });
    assert.ok(await until(() => attempts.length === 1, 8_000), 'the first run started');
    // Another process starts: it releases the running tick and works the chain itself.
    const other = await startJobs(database.db, [{ name: 'test.chain', retryLimit: 3, retryDelaySeconds: 1, policy: 'stately' }], { pollSeconds: 0.5 });
    try {
      const retried: number[] = [];
      await other.work('test.chain', async (_d, meta) => {
        retried.push(meta.retryCount);
      });
      assert.equal(await other.releaseRunning('test.chain'), 1);
      assert.ok(await until(() => retried.length === 1, 8_000), 'the released tick ran again in the other process');
      assert.equal(retried[0], 1, 'as a retry');
    } finally {
      release();
      await other.stop();
    }
  });
});
