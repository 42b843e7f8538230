// Where similarTickets spends its time on an indexed bench database (left behind by bench/knowledge.ts on
// PostgreSQL): each step timed over the inquiry mix, and EXPLAIN (ANALYZE, BUFFERS) of the candidate query.
//   node --import tsx bench/knowledge-explain.ts [--url postgres://postgres@127.0.0.1:5432/heed_bench] [--calls N]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { inquiryVector, rerank } from '../src/knowledge/similar.ts';
import { tagModel } from '../src/knowledge/tag-model.ts';
import { topTerms } from '../src/knowledge/match/vectors.ts';
import { loadInquiries } from './knowledge-data.ts';

const { values } = parseArgs({ args: process.argv.slice(2), options: { url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/heed_bench' }, calls: { type: 'string', default: '300' } } });
const database = await openDatabase({ databaseUrl: values.url, poolSize: 2 });
const db = database.db;
const inquiries = loadInquiries();

/** The candidate query of similarTickets (src/knowledge/similar.ts), written out here only to time and EXPLAIN it. */
const candidateSql = (top: [string, number][], prefix = '') => sql`${sql.raw(prefix)}
  with q as (select * from unnest(${top.map(([t]) => t)}::text[], ${top.map(([, w]) => w)}::float8[]) as q(term, w)),
  hits as (
    select p.ticket_id, sum(q.w * p.weight) as score
    from q cross join lateral (
      select tt.ticket_id, tt.weight from ticket_terms tt where tt.term = q.term order by tt.weight desc limit 400
    ) p group by p.ticket_id
  ),
  best as (select ticket_id, score from hits order by score desc limit 300)
  select t.id, t.number, t.subject, t.status, t.solved_at, t.tags, i.terms
  from best h join tickets t on t.id = h.ticket_id join ticket_index i on i.ticket_id = h.ticket_id
  where t.status in ('solved', 'closed') order by h.score desc limit 80`;

const steps = { vector: [] as number[], candidates: [] as number[], model: [] as number[], rerank: [] as number[] };
const n = Number(values.calls);
for (let i = 0; i < n + 20; i++) {
  const q = inquiries[(i * 7 + 11) % inquiries.length]!;
  let t = performance.now();
  const v = await inquiryVector(db, `${q.subject ?? ''}\n${q.body}`);
  const tv = performance.now() - t;
  if (v.size === 0) continue;
  t = performance.now();
  const rows = await candidateSql(topTerms(v, 12)).execute(db);
  const tc = performance.now() - t;
  t = performance.now();
  const model = await tagModel(db);
  const tm = performance.now() - t;
  t = performance.now();
  rerank(v, rows.rows as { tags: string[]; terms: Record<string, number> }[], model);
  const tr = performance.now() - t;
  if (i < 20) continue;
  steps.vector.push(tv), steps.candidates.push(tc), steps.model.push(tm), steps.rerank.push(tr);
}
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
for (const [k, xs] of Object.entries(steps)) console.log(`${k}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms`);

const sample = inquiries.find((q) => q.source === 'banking77')!;
const v = await inquiryVector(db, sample.body);
console.log(`EXPLAIN for "${sample.body}" (terms ${topTerms(v, 12).map(([t]) => t).join(' ')}):`);
const plan = await candidateSql(topTerms(v, 12), 'explain (analyze, buffers)').execute(db);
for (const r of plan.rows as Record<string, string>[]) console.log(Object.values(r)[0]);
await database.close();
