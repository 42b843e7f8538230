import type { Match } from './articles.ts';

export const conf = { score: 0.1, lead: 1.8 };

/** Whether the best match is good enough to offer a customer for self-service. */
export function confidence(matches: Match[]): boolean {
  const [first, second] = matches;
  if (!first || first.score < conf.score) return false;
  return !second || second.score <= 0 || first.score / second.score >= conf.lead;
}
