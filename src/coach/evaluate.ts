// Scores the coach against labelled drafts (src/coach/eval/*.jsonl): per kind at draft level, language, and
// due times of the labelled commitments. scripts/coach-eval.ts prints what this computes.
import { coachDraft, type CoachResult } from './coach.ts';
import type { FindingKind } from './types.ts';

export type LabelledDraft = {
  id: string;
  text: string;
  context?: string | null;
  now: string;
  timeZone: string;
  language: string;
  kinds: string[];
  commitments: { phrase: string; due: string | null }[];
};

export const KINDS = ['cant_focus', 'blame', 'channel_redirect', 'no_acknowledgement', 'commitment'] as const;
export type ScoredKind = (typeof KINDS)[number];

export type Counts = { tp: number; fp: number; fn: number };
export type Miss = { id: string; what: string; detail: string };
export type Report = {
  drafts: number;
  perKind: Record<ScoredKind, Counts>;
  language: { right: number; total: number };
  due: { right: number; total: number };
  misses: Miss[];
};

/** Reads JSON lines; a line that is not a labelled draft is an error naming its line number. */
export function parseLabelled(jsonl: string, source: string): LabelledDraft[] {
  const out: LabelledDraft[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`${source}:${i + 1}: not JSON (${(err as Error).message})`);
    }
    const d = value as Partial<LabelledDraft>;
    if (typeof d.text !== 'string' || typeof d.now !== 'string' || !Array.isArray(d.kinds)) {
      throw new Error(`${source}:${i + 1}: needs text, now and kinds`);
    }
    out.push({
      id: String(d.id ?? `${source}:${i + 1}`),
      text: d.text,
      context: d.context ?? null,
      now: d.now,
      timeZone: d.timeZone ?? 'UTC',
      language: d.language ?? 'en',
      kinds: d.kinds,
      commitments: Array.isArray(d.commitments) ? d.commitments : [],
    });
  });
  return out;
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}

/** Where the labelled phrase sits in the draft (case-insensitive fallback), or -1. */
function locate(text: string, phrase: string): number {
  const exact = text.indexOf(phrase);
  return exact >= 0 ? exact : text.toLowerCase().indexOf(phrase.toLowerCase());
}

/** Runs the coach over the drafts and counts what it got right. */
export function score(drafts: LabelledDraft[], run: (d: LabelledDraft) => CoachResult = defaultRun): Report {
  const perKind = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredKind, Counts>;
  const report: Report = { drafts: drafts.length, perKind, language: { right: 0, total: 0 }, due: { right: 0, total: 0 }, misses: [] };
  for (const d of drafts) {
    const result = run(d);
    report.language.total++;
    if (result.language === d.language) report.language.right++;
    else report.misses.push({ id: d.id, what: 'language', detail: `expected ${d.language}, got ${result.language}` });
    for (const kind of KINDS) {
      const expected = kind === 'commitment' ? d.commitments.length > 0 || d.kinds.includes('commitment') : d.kinds.includes(kind);
      const got = kind === 'commitment' ? result.commitments.length > 0 : result.findings.some((f) => f.kind === (kind as FindingKind));
      const counts = perKind[kind];
      if (expected && got) counts.tp++;
      else if (got) {
        counts.fp++;
        const detail = kind === 'commitment' ? result.commitments.map((c) => c.phrase).join(' | ') : result.findings.filter((f) => f.kind === kind).map((f) => f.excerpt).join(' | ');
        report.misses.push({ id: d.id, what: `FP ${kind}`, detail });
      } else if (expected) {
        counts.fn++;
        report.misses.push({ id: d.id, what: `FN ${kind}`, detail: d.text.replace(/\s+/g, ' ').slice(0, 300) });
      }
    }
    for (const c of d.commitments) {
      report.due.total++;
      const at = locate(d.text, c.phrase);
      const end = at + c.phrase.length;
      const overlapping = at < 0 ? [] : result.commitments.filter((x) => x.start < end && x.end > at);
      if (overlapping.some((x) => sameInstant(x.due, c.due))) {
        report.due.right++;
        continue;
      }
      const got = overlapping.length ? overlapping.map((x) => `${x.due} («${x.phrase}»)`).join(', ') : at < 0 ? 'phrase not found in text' : 'no commitment found there';
      report.misses.push({ id: d.id, what: 'due', detail: `«${c.phrase}» expected ${c.due}, got ${got} [now ${d.now} ${d.timeZone}]` });
    }
  }
  return report;
}

function defaultRun(d: LabelledDraft): CoachResult {
  return coachDraft(d.text, { now: new Date(d.now), timeZone: d.timeZone, context: d.context ?? null });
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Precision, recall and F1 of one kind's counts. */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The report as a plain-text table. */
export function formatReport(title: string, r: Report, errors: boolean): string {
  const lines = [`${title}: ${r.drafts} drafts`, 'kind                   TP   FP   FN  precision  recall     F1'];
  for (const kind of KINDS) {
    const c = r.perKind[kind];
    const { precision, recall, f1 } = prf(c);
    lines.push(`${kind.padEnd(20)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)}  ${f1.toFixed(3).padStart(5)}`);
  }
  lines.push(`language accuracy    ${r.language.right}/${r.language.total} = ${ratio(r.language.right, r.language.total).toFixed(3)}`);
  lines.push(`due-time accuracy    ${r.due.right}/${r.due.total} = ${ratio(r.due.right, r.due.total).toFixed(3)}`);
  if (errors && r.misses.length) {
    lines.push('', 'misses:');
    for (const m of r.misses) lines.push(`  ${m.id}  ${m.what}: ${m.detail}`);
  }
  return lines.join('\n');
}
