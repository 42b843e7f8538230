// The reply coach: reads an agent's draft before it is sent, points at the words that dwell on the can't,
// shift blame, send the customer elsewhere or skip past a complaint, and lists the promises it makes.
import v8 from 'node:v8';
import { makeClock } from './clock.ts';
import { commitmentsIn } from './commitments.ts';
import { detectLanguage } from './language.ts';
import { findNoAcknowledgement } from './rules/acknowledgement.ts';
import { findBlame } from './rules/blame.ts';
import { learnedBlame } from './learned.ts';
import { findCantFocus } from './rules/cant.ts';
import { findRedirects } from './rules/redirect.ts';
import type { Hit } from './rules/clauses.ts';
import { prepare, rawSpan } from './text.ts';
import type { CoachOptions, CoachResult, Finding } from './types.ts';

export type { CoachOptions, CoachResult, Commitment, Finding, FindingKind } from './types.ts';

// The rules are a few hundred regular expressions run on every draft. V8 starts each one in its bytecode interpreter
// and is meant to compile it to machine code after one run, but measured on bench/coach.ts most of them stayed
// interpreted: p50 2.4 ms per 1,000-character draft instead of 1.1 ms with every pattern compiled at first use.
// Compiling at first use costs a fraction of a millisecond once per pattern and a few kilobytes of code; it applies to
// patterns compiled from now on in this process, which the coach's are (V8 compiles a pattern on its first run).
try {
  v8.setFlagsFromString('--no-regexp-tier-up');
} catch {
  // An embedder that refuses the flag only loses speed.
}

/** Coaches one draft; never throws (a draft it cannot read gives language "und" and nothing else). */
export function coachDraft(text: string, options: CoachOptions): CoachResult {
  try {
    const raw = typeof text === 'string' ? text : String(text ?? '');
    const prepared = prepare(raw);
    const language = detectLanguage(prepared.agent.trim() ? prepared.agent : prepared.quoted);
    if (language !== 'en') return { language, findings: [], commitments: [] };
    const { sentences } = prepared;
    const context = typeof options?.context === 'string' ? options.context : null;
    const redirects = findRedirects(sentences);
    // A refusal followed by "email X instead" is a redirect, not a can't: the redirect is its alternative.
    const redirectSentences = new Set(redirects.map((r) => sentences.find((s) => s.start <= r.start && r.start < s.end)?.start ?? r.start));
    const blame = findBlame(sentences);
    // Where the patterns find nothing, the learned model may still read the draft as blaming (see learned.ts).
    if (blame.length === 0) {
      const learned = learnedBlame(prepared.agent, sentences);
      if (learned) blame.push(learned);
    }
    // Sentences that deflect: a venting "ugh" in one of them is not empathy for the customer.
    const blamed = new Set(blame.map((b) => sentences.find((s) => s.start <= b.start && b.start < s.end)?.start ?? b.start));
    const hits: Hit[] = [
      ...findCantFocus(sentences, { redirectSentences }),
      ...blame,
      ...redirects,
      ...findNoAcknowledgement(sentences, { context, quoted: prepared.quoted }, blamed),
    ];
    const findings: Finding[] = hits
      .map((h) => {
        const span = rawSpan(prepared, h.start, h.end);
        return { kind: h.kind, start: span.start, end: span.end, excerpt: raw.slice(span.start, span.end), message: h.message, suggestion: h.suggestion };
      })
      .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
    const commitments = commitmentsIn(prepared, makeClock(options), raw);
    return { language, findings, commitments };
  } catch {
    return { language: 'und', findings: [], commitments: [] };
  }
}
