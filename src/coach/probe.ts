// The probe harness of the phrasings*.test.ts files: sentences written to test one class of phrasing, each with the
// neutral look-alikes that must not fire. A fixed Wednesday in London, before the UK clocks change on 29 March.
import assert from 'node:assert/strict';
import { coachDraft, type FindingKind } from './coach.ts';
import { extractCommitments } from './commitments.ts';

export const probeOptions = { now: new Date('2026-03-11T10:00:00Z'), timeZone: 'Europe/London' };

/** Whether the coach finds `kind` in `text` (with the customer's last message as `context`). */
export const has = (text: string, kind: FindingKind, context: string | null = null) =>
  coachDraft(text, { ...probeOptions, context }).findings.some((f) => f.kind === kind);

/** The promises found in `text`, as phrase and due. */
export const promises = (text: string) => extractCommitments(text, probeOptions).map((c) => ({ phrase: c.phrase, due: c.due }));

/** Every positive must show `kind`, no negative may. */
export function table(kind: FindingKind, positive: string[], negative: string[], context: string | null = null) {
  for (const text of positive) assert.ok(has(text, kind, context), `expected ${kind}: ${text}`);
  for (const text of negative) assert.ok(!has(text, kind, context), `no ${kind} expected: ${text}`);
}

/**
 * The customer's last message decides no_acknowledgement: `reply` (no empathy in it) answering each of `complaints`
 * must be flagged, answering each of `notComplaints` must not.
 */
export function complaintTable(reply: string, complaints: string[], notComplaints: string[]) {
  for (const context of complaints) assert.ok(has(reply, 'no_acknowledgement', context), `a complaint, left unacknowledged: ${context}`);
  for (const context of notComplaints) assert.ok(!has(reply, 'no_acknowledgement', context), `not a complaint: ${context}`);
}
