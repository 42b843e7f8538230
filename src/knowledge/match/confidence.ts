import type { Match } from './articles.ts';

// Calibrated on the Tallowbrook development set (scripts/knowledge-eval.ts prints the figures): a suggestion is
// offered to a customer only when the best article scores well on its own and clearly ahead of the runner-up.
export const confidentScore = 0.1;
export const confidentLead = 1.8;

/** Whether the best match is good enough to offer a customer for self-service. */
export function confidence(matches: Match[]): boolean {
  const [first, second] = matches;
  if (!first || first.score < confidentScore) return false;
  return !second || second.score <= 0 || first.score / second.score >= confidentLead;
}
