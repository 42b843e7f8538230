// Clause boundaries inside a sentence, and the hit type every rule returns. Rules work on the prepared
// (agent-only) text; coach.ts maps their spans back to the raw draft.
import type { FindingKind } from '../types.ts';
import type { Sentence, Span } from '../text.ts';

export type Hit = Span & { kind: FindingKind; message: string; suggestion: string };

// Where one clause ends and the next begins: hard punctuation, or a conjunction that turns the sentence.
const BOUNDARY = /\s*(?:[;:]|\s[—–-]\s|—|–|\(|\)|,\s*(?=(?:but|however|though|although|yet|instead|so|which|and|because|as|since|while|unless|if|once|when|otherwise|or)\b)|\s+(?=(?:but|however|although|whereas|yet|instead)\b))\s*/gi;

/** The clauses of a sentence as spans of the whole text. */
export function clausesOf(sentence: Sentence): Span[] {
  const out: Span[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(sentence.text); m; m = BOUNDARY.exec(sentence.text)) {
    if (m[0].length === 0) {
      BOUNDARY.lastIndex++;
      continue;
    }
    if (m.index > from) out.push({ start: sentence.start + from, end: sentence.start + m.index });
    from = m.index + m[0].length;
  }
  if (from < sentence.text.length) out.push({ start: sentence.start + from, end: sentence.end });
  return out.filter((c) => c.end > c.start);
}

/** The clause of `sentence` holding the text position `at`, widened to the sentence when the clause is tiny. */
export function clauseAt(sentence: Sentence, at: number): Span {
  const clause = clausesOf(sentence).find((c) => at >= c.start && at < c.end);
  if (!clause || clause.end - clause.start < 12) return { start: sentence.start, end: sentence.end };
  return clause;
}

/** The sentence span, trimmed of a trailing full stop so the excerpt reads as a phrase. */
export function sentenceSpan(sentence: Sentence): Span {
  let end = sentence.end;
  while (end > sentence.start && /[\s.,;:]/.test(sentence.text[end - sentence.start - 1]!)) end--;
  return { start: sentence.start, end: end > sentence.start ? end : sentence.end };
}

/** Runs a global regex over a string and yields each match (the regex's lastIndex is reset first). */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** Is this sentence only a greeting or sign-off ("Hi Ann,", "Best regards", "Thanks, Jo")? */
export function isFormality(text: string): boolean {
  return /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]{0,40}[,!.]?|(?:kind |best |warm )?regards\b.*|best(?: wishes)?,?|cheers,?|thanks?(?: you)?(?: again)?[,!.]?(?:\s+\w+)?|thank you,?\s*\w*|sincerely,?.*|many thanks,?.*|all the best,?.*|--\s*|[A-Z][a-z]+(?: [A-Z][a-z]+)?,?)$/i.test(text.trim());
}
