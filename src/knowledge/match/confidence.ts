import type { Match } from './articles.ts';

// Calibrated on the Tallowbrook development set and checked on Ferrow (scripts/knowledge-eval.ts prints the
// figures): a suggestion is offered to a customer only when the best article scores well on its own and clearly
// ahead of the runner-up. On both sets this keeps about nine in ten unanswerable inquiries unconfident; a lead of
// 1.5 would be confident and right on 6-10 points more answerable ones, but confident on 8-10 points more
// unanswerable ones.
export const confidentScore = 0.1;
export const confidentLead = 1.8;

/** Whether the best match is good enough to offer a customer for self-service. */
export function confidence(matches: Match[]): boolean {
  const [first, second] = matches;
  if (!first || first.score < confidentScore) return false;
  return !second || second.score <= 0 || first.score / second.score >= confidentLead;
}
