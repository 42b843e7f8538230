/**
 * Knowledge quality, measured (results in BENCHMARKS.md):
 *  - article suggestions on a labelled help-center set (src/knowledge/eval/<set>): right article first, in the top
 *    3, and `confident` false for inquiries no article answers;
 *  - banking77 through the real database path: train.csv as solved tickets (tagged with their intent), test.csv as
 *    new inquiries: similar-ticket top-1 intent accuracy, and V-measure of the repeated-inquiry grouping of test.csv
 *    (with the tag model, and without it: words alone).
 * Usage: node --import tsx scripts/knowledge-eval.ts [--set tallowbrook|ferrow|kestrel ...] [--dir PATH ...] [--banking77] [--misses N]
 * --words-only scores word matching alone (the ranker's model left out), for comparison.
 * --dir scores a set in any directory of the same layout (articles/*.md and inquiries.jsonl), e.g. your own.
 * (no --set: all three sets and banking77). Develop on tallowbrook and ferrow; kestrel is held out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { ArticleIndex } from '../src/knowledge/match/articles.ts';
import { groupInquiries, vMeasure } from '../src/knowledge/match/grouping.ts';
import { fromObject } from '../src/knowledge/match/vectors.ts';
import { similarTickets } from '../src/knowledge/similar.ts';
import { tagModel, trainTagModel } from '../src/knowledge/tag-model.ts';
import { indexPendingTickets } from '../src/knowledge/tickets-index.ts';
import { useRanker } from '../src/knowledge/match/rerank.ts';
import { loadSet, loadSetDir } from './knowledge-sets.ts';

const { values } = parseArgs({ options: { set: { type: 'string', multiple: true }, dir: { type: 'string', multiple: true }, 'words-only': { type: 'boolean' }, banking77: { type: 'boolean' }, misses: { type: 'string' } } });
const banking = path.join(import.meta.dirname, '../../shared/corpora/banking77');

function evalSet(nameOrDir: string, misses: number): void {
  const { name, docs, inquiries } = nameOrDir.includes('/') ? loadSetDir(nameOrDir) : loadSet(nameOrDir);
  const index = new ArticleIndex(docs);
  let answerable = 0, first = 0, top3 = 0, confidentRight = 0, confidentWrong = 0, unanswerable = 0, unConfident = 0;
  const wrong: string[] = [];
  const started = performance.now();
  for (const q of inquiries) {
    const { matches, confident: sure } = index.rank(`${q.subject ?? ''}\n${q.text}`);
    if (q.article) {
      answerable++;
      if (matches[0]?.id === q.article) first++;
      else wrong.push(`  ${q.id} want ${q.article}, got ${matches[0]?.id}: ${q.text.slice(0, 100)}`);
      if (matches.slice(0, 3).some((m) => m.id === q.article)) top3++;
      if (sure) matches[0]?.id === q.article ? confidentRight++ : confidentWrong++;
    } else {
      unanswerable++;
      if (!sure) unConfident++;
      else confidentWrong++;
    }
  }
  const ms = (performance.now() - started) / inquiries.length;
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  console.log(`\n== ${name}: ${docs.length} articles, ${inquiries.length} inquiries (${answerable} answerable, ${unanswerable} not)`);
  console.log(`  right article first      ${pct(first, answerable)}  (target 80%)`);
  console.log(`  right article in top 3   ${pct(top3, answerable)}  (target 92%)`);
  console.log(`  unanswerable, confident=false  ${pct(unConfident, unanswerable)}  (target: most)`);
  console.log(`  confident and right      ${pct(confidentRight, answerable)} of answerable; confident and wrong: ${confidentWrong}`);
  console.log(`  ${ms.toFixed(2)} ms per inquiry`);
  if (misses) console.log(wrong.slice(0, misses).join('\n'));
}

/** Rows of a two-column CSV (text,category) with RFC 4180 quoting (quoted fields may hold commas and newlines). */
function readCsv(file: string): { text: string; label: string }[] {
  const src = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows.slice(1).filter((r) => r.length === 2 && r[0]!.trim()).map(([text, label]) => ({ text: text!.trim(), label: label!.trim() }));
}

async function evalBanking(): Promise<void> {
  const train = readCsv(path.join(banking, 'train.csv'));
  const test = readCsv(path.join(banking, 'test.csv'));
  const database = await openDatabase({});
  const db = database.db;
  await migrate(db);
  const agent = await db.insertInto('agents').values({ email: 'eval@example.com', name: 'Eval' }).returning('id').executeTakeFirstOrThrow();
  const customer = await db.insertInto('customers').values({ name: 'Eval customer' }).returning('id').executeTakeFirstOrThrow();
  const insert = async (rows: { text: string; label: string }[], solved: boolean) => {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const r = await sql<{ id: string }>`
        insert into tickets (subject, status, channel, tags, requester_id, owner_id, solved_at)
        select left(s, 120), ${solved ? 'solved' : 'new'}, 'api', case when ${solved} then array[l] else '{}'::text[] end, ${customer.id}, ${agent.id},
          case when ${solved} then now() end
        from unnest(${chunk.map((c) => c.text)}::text[], ${chunk.map((c) => c.label)}::text[]) with ordinality as x(s, l, n) order by n
        returning id`.execute(db);
      const got = r.rows.map((x) => x.id);
      await sql`
        insert into messages (ticket_id, kind, direction, channel, author_customer_id, body_text)
        select id, 'reply', 'inbound', 'api', ${customer.id}, s from unnest(${got}::uuid[], ${chunk.map((c) => c.text)}::text[]) as x(id, s)`.execute(db);
      ids.push(...got);
    }
    return ids;
  };
  let t0 = performance.now();
  await insert(train, true);
  const testIds = await insert(test, false);
  while ((await indexPendingTickets(db, 2000)) > 0);
  console.log(`\n== banking77: ${train.length} solved tickets, ${test.length} new inquiries (indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  t0 = performance.now();
  const examples = await trainTagModel(db);
  console.log(`  tag model: ${examples} examples, trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const tagOf = new Map<string, string>();
  const rows = await sql<{ id: string; tags: string[] }>`select id, tags from tickets where status = 'solved'`.execute(db);
  for (const r of rows.rows) tagOf.set(r.id, r.tags[0]!);
  let right = 0;
  t0 = performance.now();
  for (let i = 0; i < test.length; i++) {
    const [top] = await similarTickets(db, { text: test[i]!.text, limit: 1, excludeTicketId: testIds[i] });
    if (top && tagOf.get(top.ticketId) === test[i]!.label) right++;
  }
  const perQuery = (performance.now() - t0) / test.length;
  console.log(`  similar-ticket top-1 intent accuracy  ${(right / test.length).toFixed(3)}  (target 0.88; ${perQuery.toFixed(1)} ms per query on PGlite)`);

  const idx = await sql<{ ticket_id: string; terms: Record<string, number> }>`
    select ticket_id, terms from ticket_index where ticket_id = any(${testIds}::uuid[])`.execute(db);
  const vecOf = new Map(idx.rows.map((r) => [r.ticket_id, fromObject(r.terms)]));
  const items = testIds.map((id) => ({ id, vector: vecOf.get(id)! }));
  const truth = test.map((t) => t.label);
  for (const [name, model] of [['with the tag model', await tagModel(db)], ['words alone (no tags)', null]] as const) {
    t0 = performance.now();
    const groups = groupInquiries(items, model);
    const predicted: string[] = new Array(items.length);
    groups.forEach((g, gi) => g.members.forEach((m) => (predicted[m] = String(gi))));
    const v = vMeasure(predicted, truth);
    const repeated = groups.filter((g) => g.members.length >= 2).length;
    console.log(`  grouping ${name}: V-measure ${v.v.toFixed(3)} (homogeneity ${v.homogeneity.toFixed(3)}, completeness ${v.completeness.toFixed(3)}), ` +
      `${groups.length} groups (${repeated} of 2+), ${(performance.now() - t0).toFixed(0)} ms  (target V ≥ 0.75)`);
  }
  await database.close();
}

if (values['words-only']) useRanker(null);
const sets = [...(values.set ?? []), ...(values.dir ?? [])];
if (!sets.length && !values.banking77) sets.push('tallowbrook', 'ferrow', 'kestrel');
for (const s of sets) evalSet(s, Number(values.misses ?? 0));
if (values.banking77 || (!values.set && !values.dir)) await evalBanking();
