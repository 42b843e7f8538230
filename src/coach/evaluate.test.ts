import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CoachResult } from './coach.ts';
import { formatReport, parseLabelled, prf, score, type LabelledDraft } from './evaluate.ts';

const base = { context: null, now: '2026-03-11T10:00:00Z', timeZone: 'UTC', language: 'en' };
const drafts: LabelledDraft[] = [
  { ...base, id: 'a', text: "We can't. I'll call you tomorrow.", kinds: ['cant_focus'], commitments: [{ phrase: "I'll call you tomorrow", due: '2026-03-12T17:00:00Z' }] },
  { ...base, id: 'b', text: 'Call billing.', kinds: ['channel_redirect'], commitments: [] },
  { ...base, id: 'c', text: 'Hola.', language: 'es', kinds: [], commitments: [] },
];

// A scripted engine, so the arithmetic is checked independently of the rules.
const answers: Record<string, CoachResult> = {
  a: {
    language: 'en',
    findings: [{ kind: 'blame', start: 0, end: 9, excerpt: "We can't.", message: '', suggestion: '' }],
    commitments: [{ phrase: "I'll call you", start: 10, end: 23, due: '2026-03-12T17:00:00+00:00', action: 'call' }],
  },
  b: { language: 'en', findings: [{ kind: 'channel_redirect', start: 0, end: 13, excerpt: 'Call billing.', message: '', suggestion: '' }], commitments: [] },
  c: { language: 'und', findings: [], commitments: [] },
};

test('counts per kind at draft level, language accuracy, and due times by overlap and same instant', () => {
  const r = score(drafts, (d) => answers[d.id]!);
  assert.deepEqual(r.perKind.cant_focus, { tp: 0, fp: 0, fn: 1 });
  assert.deepEqual(r.perKind.blame, { tp: 0, fp: 1, fn: 0 });
  assert.deepEqual(r.perKind.channel_redirect, { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(r.perKind.commitment, { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(r.language, { right: 2, total: 3 });
  // "+00:00" and "Z" are the same instant.
  assert.deepEqual(r.due, { right: 1, total: 1 });
  assert.ok(r.misses.some((m) => m.id === 'a' && m.what === 'FN cant_focus'));
  assert.ok(r.misses.some((m) => m.id === 'c' && m.what === 'language'));
});

test('a commitment found elsewhere in the text, or with another time, does not count', () => {
  const elsewhere = { ...answers.a!, commitments: [{ phrase: "We can't", start: 0, end: 8, due: '2026-03-12T17:00:00Z', action: 'x' }] };
  assert.deepEqual(score([drafts[0]!], () => elsewhere).due, { right: 0, total: 1 });
  const late = { ...answers.a!, commitments: [{ ...answers.a!.commitments[0]!, due: '2026-03-12T18:00:00Z' }] };
  assert.deepEqual(score([drafts[0]!], () => late).due, { right: 0, total: 1 });
});

test('precision, recall and F1', () => {
  const { precision, recall, f1 } = prf({ tp: 8, fp: 2, fn: 8 });
  assert.equal(precision, 0.8);
  assert.equal(recall, 0.5);
  assert.ok(Math.abs(f1 - 0.6153846) < 1e-6);
  assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { precision: 0, recall: 0, f1: 0 });
});

test('reads JSON lines and names the bad line', () => {
  const ok = parseLabelled(`${JSON.stringify({ id: 'x', text: 't', now: base.now, timeZone: 'UTC', language: 'en', kinds: [], commitments: [] })}\n\n`, 'f.jsonl');
  assert.equal(ok.length, 1);
  assert.throws(() => parseLabelled('{"text": "t"}\n{oops', 'f.jsonl'), /f\.jsonl:1: needs text/);
  assert.throws(() => parseLabelled('{oops', 'f.jsonl'), /f\.jsonl:1: not JSON/);
});

test('the report lists every kind and, with errors, each miss', () => {
  const text = formatReport('set', score(drafts, (d) => answers[d.id]!), true);
  for (const k of ['cant_focus', 'blame', 'channel_redirect', 'no_acknowledgement', 'commitment', 'language accuracy', 'due-time accuracy']) {
    assert.match(text, new RegExp(k));
  }
  assert.match(text, /a {2}FN cant_focus/);
});
