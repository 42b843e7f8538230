// Reply coach speed and memory: p50/p99 ms per ~1,000-character draft after warm-up, and the RSS that
// loading and running the coach adds.   node --import tsx bench/coach.ts [--file F.jsonl] [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { file: { type: 'string' }, runs: { type: 'string', default: '5000' }, warmup: { type: 'string', default: '1000' } },
});
const root = path.resolve(import.meta.dirname, '..');
const file = values.file ?? path.join(root, 'src/coach/eval/drafts.jsonl');
const runs = Math.max(100, Number(values.runs) || 5000);
const warmup = Math.max(0, Number(values.warmup) || 0);

type Line = { text: string; timeZone?: string; context?: string | null };

function loadTexts(): { texts: Line[]; source: string } {
  if (fs.existsSync(file)) {
    const texts = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => typeof l.text === 'string' && l.text.length > 0);
    if (texts.length) return { texts, source: path.relative(root, file) };
  }
  const fallback = [
    "Hi Sam,\n\nThanks for getting in touch. We can't refund a used item, but I can exchange it today.",
    "I'm sorry the parcel arrived damaged. I'll send a replacement by Friday and call you tomorrow to confirm.",
    'Please call our billing team on 0800 123 456. That was the courier\'s fault, not ours.',
  ];
  return { texts: fallback.map((text) => ({ text })), source: 'built-in sample (labelled set not found)' };
}

/**
 * Drafts of about 1,000 characters, each made by joining consecutive labelled texts, with the customer's message of
 * the first as context (so the complaint reading runs too, as it does when a reply is sent on a ticket).
 */
function buildDrafts(texts: Line[]): { text: string; context: string | null }[] {
  const drafts: { text: string; context: string | null }[] = [];
  for (let i = 0; i < texts.length; i++) {
    let draft = '';
    for (let j = i; draft.length < 1000; j = (j + 1) % texts.length) draft += (draft ? '\n\n' : '') + texts[j]!.text;
    drafts.push({ text: draft.slice(0, 1100), context: texts[i]!.context ?? null });
  }
  return drafts;
}

const { texts, source } = loadTexts();
const drafts = buildDrafts(texts);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const { coachDraft } = await import('../src/coach/coach.ts');
const options = { now: new Date('2026-03-11T10:00:00Z'), timeZone: 'Europe/London' };

for (let i = 0; i < warmup; i++) coachDraft(drafts[i % drafts.length]!.text, { ...options, context: drafts[i % drafts.length]!.context });
const times = new Float64Array(runs);
// CPU time as well as wall time: on a shared machine the wall clock also counts the time other processes
// held the core, which says nothing about the coach.
const cpu = new Float64Array(runs);
for (let i = 0; i < runs; i++) {
  const draft = drafts[i % drafts.length]!;
  const withContext = { ...options, context: draft.context };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  coachDraft(draft.text, withContext);
  times[i] = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu[i] = (c.user + c.system) / 1000;
}
gc?.();
const rssAfter = process.memoryUsage().rss;
times.sort();
cpu.sort();
const pct = (p: number, a: Float64Array = times) => a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]!;
const meanChars = Math.round(drafts.reduce((s, d) => s + d.text.length, 0) / drafts.length);
console.log(
  `coach: ${runs} runs over ${drafts.length} drafts of ~${meanChars} chars (from ${source}), after ${warmup} warm-up: ` +
    `wall p50 ${pct(50).toFixed(3)} ms, p99 ${pct(99).toFixed(3)} ms, max ${times[times.length - 1]!.toFixed(2)} ms; ` +
    `process CPU (all threads, GC included) p50 ${pct(50, cpu).toFixed(3)} ms, p99 ${pct(99, cpu).toFixed(3)} ms; ` +
    `RSS +${((rssAfter - rssBefore) / 2 ** 20).toFixed(1)} MB (loading and running the coach${gc ? ', after gc' : ''})`,
);
