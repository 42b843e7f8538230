import type { Db } from '../db/database.ts';
import type { Jobs, QueueSpec } from '../jobs/jobs.ts';
import { surveyTick } from './send.ts';

export const SURVEY_QUEUE = 'surveys.tick';
// `stately`: one tick queued and one running across every Heed process, so a ticket is surveyed once.
export const surveyQueueSpec: QueueSpec = { name: SURVEY_QUEUE, retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 300, policy: 'stately' };

/** The survey job chain: a tick every `intervalSeconds`, surviving restarts (the queued tick is a row). */
export async function startSurveyJobs(db: Db, jobs: Jobs, opts: { intervalSeconds: number; publicUrl: string; log?: (line: string) => void }): Promise<void> {
  const next = () => jobs.send(db, SURVEY_QUEUE, {}, { singletonKey: 'tick', startAfter: new Date(Date.now() + opts.intervalSeconds * 1000) });
  await jobs.work(SURVEY_QUEUE, async () => {
    try {
      await surveyTick(db, jobs, { publicUrl: opts.publicUrl });
    } catch (err) {
      opts.log?.(`survey tick failed: ${(err as Error).message}`);
      throw err;
    } finally {
      await next();
    }
  });
  await jobs.send(db, SURVEY_QUEUE, {}, { singletonKey: 'tick' });
}
