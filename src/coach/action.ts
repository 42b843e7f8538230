// The promised action in a few words ("call the customer", "ship the replacement"), for lists and reminders.
import type { Span } from './text.ts';

const STOP = /\s+(?:so that|so|as soon as|as|once|when|whenever|if|unless|because|since|after|before|which|who|where|while|until|to (?:let|make sure|confirm|see|check)|and|but|or|then)\b|[,;:—–(]/i;
const FILLER = /^(?:definitely|personally|also|then|now|just|certainly|absolutely|immediately|promptly|first|next|make sure (?:to |that |i |we )?|aim to|try to|be sure to|ensure (?:that )?(?:i |we )?)\s*/i;
const TIME_WORDS = /\b(?:by|on|at|before|within|in|until|no later than|around|from|between|for)\s*$/i;

/** A short action from the words after the promise's verb: pronouns made third person, times removed. */
export function actionOf(fromVerb: string, subject: string, timeSpans: Span[]): string {
  let text = fromVerb;
  // Blank the time expressions so "call you tomorrow at 10" reads "call you".
  for (const t of [...timeSpans].sort((a, b) => b.start - a.start)) {
    if (t.start < 0 || t.end > text.length) continue;
    text = `${text.slice(0, t.start).replace(TIME_WORDS, '')} ${text.slice(t.end)}`;
  }
  text = text.replace(FILLER, '');
  const stop = STOP.exec(text.slice(1));
  if (stop) text = text.slice(0, stop.index + 1);
  // Six words of the draft at most, with its pronouns put in the third person.
  const words = text
    .replace(/[.!?"']+$/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((w) => w.replace(/^you(?:rself)?$/i, 'the customer').replace(/^your$/i, "the customer's").replace(/^u$/i, 'the customer'));
  // Words like "by" or "the" left dangling where a time or a long object was cut off.
  while (words.length > 1 && /^(?:by|on|at|in|within|before|the|a|an|to|for|and|with|of|from|until)$/i.test(words[words.length - 1]!)) words.pop();
  let action = words.join(' ').toLowerCase();
  const who = subject.toLowerCase();
  if (who === 'you') action = `customer will ${action}`;
  else if (!/^(?:i|we)$/.test(who) && action) action = `${who.replace(/^(?:the|our|your|a|an) /, '')}: ${action}`;
  return action || 'follow up';
}
