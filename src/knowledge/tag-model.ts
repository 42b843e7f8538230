import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { load, store, train, type Classifier, type Example, type StoredClassifier } from './match/classifier.ts';
import { fromObject } from './match/vectors.ts';

export const TAG_MODEL = 'ticket-tags';
// A tag needs this many solved tickets before the model learns it; the model needs this many tags.
const minPerTag = 5;
const maxTags = 200;
const maxExamples = 30_000;

/**
 * Trains the tag model: which tags a new inquiry would get, learned from the workspace's solved tickets (their
 * indexed text, their tags). Similar tickets and repeated-inquiry groups use it to know which words say which
 * question. Returns the number of examples, or 0 when there is too little to learn from (the old model is then
 * removed, so nothing stale is used).
 */
export async function trainTagModel(db: Db): Promise<number> {
  const rows = await sql<{ terms: Record<string, number>; tags: string[] }>`
    select i.terms, t.tags from tickets t join ticket_index i on i.ticket_id = t.id
    where t.status in ('solved', 'closed') and cardinality(t.tags) > 0
    order by t.solved_at desc nulls last limit ${maxExamples}`.execute(db);
  const freq = new Map<string, number>();
  for (const r of rows.rows) for (const tag of r.tags) freq.set(tag, (freq.get(tag) ?? 0) + 1);
  const tags = new Set([...freq].filter(([, n]) => n >= minPerTag).sort((a, b) => b[1] - a[1]).slice(0, maxTags).map(([t]) => t));
  const examples: Example[] = [];
  for (const r of rows.rows) {
    const vector = fromObject(r.terms);
    for (const tag of r.tags) if (tags.has(tag)) examples.push({ vector, label: tag });
  }
  if (tags.size < 2) {
    await db.deleteFrom('knowledge_models').where('name', '=', TAG_MODEL).execute();
    return 0;
  }
  const model = await train(examples, { yieldEvery: 2000 });
  const data = JSON.stringify(store(model));
  await db
    .insertInto('knowledge_models')
    .values({ name: TAG_MODEL, examples: examples.length, data, trained_at: new Date() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ examples: examples.length, data, trained_at: new Date() }))
    .execute();
  return examples.length;
}

const loaded = new WeakMap<object, { trainedAt: number; model: Classifier | null }>();

/** The current tag model of this database (loaded once per training), or null when none has been trained. */
export async function tagModel(db: Db): Promise<Classifier | null> {
  const stamp = await sql<{ t: Date | null }>`select max(trained_at) as t from knowledge_models where name = ${TAG_MODEL}`.execute(db);
  const trainedAt = stamp.rows[0]?.t ? new Date(stamp.rows[0].t).getTime() : 0;
  const hit = loaded.get(db);
  if (hit && hit.trainedAt === trainedAt) return hit.model;
  let model: Classifier | null = null;
  if (trainedAt) {
    const row = await db.selectFrom('knowledge_models').select('data').where('name', '=', TAG_MODEL).executeTakeFirst();
    if (row) model = load(row.data as StoredClassifier);
  }
  loaded.set(db, { trainedAt, model });
  return model;
}

/** Whether tickets have been solved since the model was trained (or none was, and there are solved tickets). */
export async function tagModelStale(db: Db): Promise<boolean> {
  const r = await sql<{ stale: boolean }>`
    select exists (
      select 1 from tickets t where t.solved_at is not null
        and t.solved_at > coalesce((select trained_at from knowledge_models where name = ${TAG_MODEL}), '-infinity'::timestamptz)
    ) as stale`.execute(db);
  return r.rows[0]?.stale ?? false;
}
