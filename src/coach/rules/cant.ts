// cant_focus: the draft dwells on what cannot be done and offers nothing concrete in its place.
import type { Sentence } from '../text.ts';
import { clauseAt, clausesOf, isFormality, matches, type Hit } from './clauses.ts';

const REFUSAL = new RegExp(
  [
    "\\b(?:can ?not|can't|cant|could ?not|couldn't|won't be able to|will not be able to|wouldn't be able to|unable to)\\b",
    "\\b(?:am|are|is|'m|'re|were|was)(?: not|n't) (?:able|allowed|permitted|authori[sz]ed|in a position)\\b",
    "\\b(?:not|never) (?:be )?(?:able|allowed|permitted) to\\b",
    "\\bno way (?:to|for|of|that|we|i)\\b",
    "\\b(?:is|isn't|is not|are|aren't|are not|was|wasn't|won't be|will not be|'s not|'re not)(?: not)? (?:possible|allowed|permitted|an option|available for|eligible|refundable|returnable|covered)\\b",
    "\\bimpossible\\b",
    "\\b(?:does|do|did|will|would)(?:n't| not) (?:allow|permit|cover|let (?:me|us))\\b",
    "\\b(?:we|i|our (?:\\w+ )?(?:team|company|store|shop|policy|system))(?: simply| just| unfortunately)? (?:don't|do not|doesn't|does not|won't|will not|never) (?:offer|do|accept|provide|support|give|issue|allow|refund|replace|exchange|make exceptions|ship|deliver|cover|sell|take|honou?r|reimburse|compensate|price[- ]match|permit)\\b",
    "\\bnothing (?:more |else )?(?:that )?(?:i|we) can do\\b",
    "\\bout of (?:my|our) hands\\b",
    "\\b(?:have|has|had) to (?:decline|refuse|reject|deny)\\b",
    "\\b(?:must|will|'ll) (?:have to )?(?:decline|refuse|reject|deny)\\b",
    "\\bno longer (?:possible|available|able|offer|accept|support|provide|do)\\b",
    "\\bnot something (?:i|we) (?:can|are able|do)\\b",
    "\\bnon-?refundable\\b",
    "\\bno (?:refunds?|returns?|exchanges?|exceptions?|cancell?ations?) (?:are|is|can|will|after|on|for|once)\\b",
    "\\bpolicy (?:doesn't|does not|won't|will not|prohibits|forbids|prevents|states that we (?:can't|cannot))\\b",
  ].join('|'),
  'gi',
);

// "can't" that is no refusal: idioms of delight or emphasis.
const IDIOM = /^(?:can ?not|can't|cant|could ?not|couldn't)\s+(?:wait|thank|stress|recommend|emphasi[sz]e|overstate|believe|imagine|help but|go wrong|beat|miss|complain|say enough|tell you how|express|agree more|be happier|be more|get enough|praise)\b/i;
// A negation before the refusal cancels it: "nothing your router can't handle".
const DOUBLE_NEGATIVE = /\b(?:nothing|no (?:problem|issue|task|question|job|device|reason|one)|not a (?:thing|problem)|nobody|never)\b[^.,;!?]{0,40}$/i;
// A refusal inside a condition or a report of the customer's own trouble is not the agent refusing.
const CONDITION = /\b(?:if|unless|in case|should|whether|when|whenever|once|so that|in the event)\b[^,;]*$/i;
const REPORTED = /\b(?:sorry|understand|see|saw|hear|heard|know|noticed?|mentioned|said|say|says|told|report(?:ed|s)?|frustrating|annoying|gather|sounds? like|that)\b[^.;!?]{0,60}$/i;
const CUSTOMER_SUBJECT = /\b(?:you|you're|you've been|you have been|your \w+(?: \w+)?|it|the (?:app|page|site|website|link|device|router|item|product|printer|phone|card|code|system))\s*(?:still\s+|just\s+|simply\s+|now\s+)?$/i;
// Perception and knowledge ("I can't see the order") state a fact; they do not refuse the customer.
const PERCEPTION = /^(?:can ?not|can't|cant|could ?not|couldn't|unable to)\s+(?:see|find|locate|spot|hear|tell (?:if|whether|from)|remember|recall|say for (?:sure|certain)|access your|reproduce)\b/i;

// What counts as doing something instead: an offer, a next step, a remedy the agent gives or can give.
const ALTERNATIVE = new RegExp(
  [
    "\\b(?:i|we)(?:'ll| will| can| could| am able to| are able to|'m able to|'re able to|'d be (?:happy|glad) to| would be (?:happy|glad) to|'m (?:happy|glad) to|'re (?:happy|glad) to|'m going to|'re going to| am going to| are going to)\\s+(?!(?:confirm|see|assure|understand|imagine|appreciate|tell you|only|not|n't|be honest|need|have to|let you know|keep you|be in touch|get back|help with any|answer any|assist with any|help you with anything|pass (?:on )?(?:your|this|that) (?:feedback|comments)|look into)\\b)",
    "\\b(?:i|we)(?:'ve| have) (?:already |also |just |now |gone ahead and )?(?:arranged|issued|applied|added|sent|set up|booked|ordered|credited|refunded|processed|upgraded|extended|reserved|created|started|raised|escalated|passed|forwarded|put|organi[sz]ed|waived|reduced|discounted)\\b",
    "\\byou (?:can|could|may|are welcome to|'re welcome to|are free to|'re free to|will be able to|'ll be able to)(?: still| also| instead| always)?\\b",
    "\\bwhat (?:i|we) can do\\b",
    "\\b(?:instead|alternatively|alternative|other option|another option|next best|the best i can do|workaround|what's possible)\\b",
    "\\b(?:offer|exchange|replacement|store credit|credit note|voucher|discount|repair|swap|partial refund|goodwill|gesture|upgrade|reship|resend)\\b",
  ].join('|'),
  'i',
);

/** Finds refusals with no concrete alternative anywhere in the agent's words. */
export function findCantFocus(sentences: Sentence[]): Hit[] {
  const refusals: { sentence: number; start: number; end: number }[] = [];
  const refusalClauses = new Set<number>();
  sentences.forEach((s, index) => {
    if (s.text.trim().endsWith('?')) return;
    for (const m of matches(REFUSAL, s.text)) {
      const before = s.text.slice(0, m.index);
      const after = s.text.slice(m.index);
      if (IDIOM.test(after) || PERCEPTION.test(after)) continue;
      if (DOUBLE_NEGATIVE.test(before) || CONDITION.test(before)) continue;
      if (CUSTOMER_SUBJECT.test(before) && REPORTED.test(before)) continue;
      const clause = clauseAt(s, s.start + m.index);
      refusals.push({ sentence: index, ...clause });
      refusalClauses.add(clause.start);
      break;
    }
  });
  if (refusals.length === 0) return [];
  if (hasAlternative(sentences, refusalClauses)) return [];
  const first = refusals[0]!;
  const excerpt = sentences[first.sentence]!.text;
  return [
    {
      kind: 'cant_focus',
      start: first.start,
      end: first.end,
      message: 'This dwells on what cannot be done and offers the customer nothing in its place.',
      suggestion: suggestionFor(excerpt),
    },
  ];
}

function hasAlternative(sentences: Sentence[], refusalClauses: Set<number>): boolean {
  for (const s of sentences) {
    if (isFormality(s.text)) continue;
    for (const c of clausesOf(s)) {
      const text = s.text.slice(c.start - s.start, c.end - s.start);
      // The refusal's own clause ("we can't offer an exchange") cannot also be its alternative.
      if (refusalClauses.has(c.start) || hasRefusal(text)) continue;
      if (ALTERNATIVE.test(text)) return true;
    }
  }
  return false;
}

function hasRefusal(text: string): boolean {
  for (const m of matches(REFUSAL, text)) {
    if (!IDIOM.test(text.slice(m.index)) && !PERCEPTION.test(text.slice(m.index))) return true;
  }
  return false;
}

/** A rewrite hint that names the likely alternatives for what was refused. */
function suggestionFor(sentence: string): string {
  const s = sentence.toLowerCase();
  if (/refund|money back|reimburse/.test(s)) {
    return 'Lead with what you can do: offer the exchange, a repair, store credit or a partial refund, then mention the limit in one short clause.';
  }
  if (/cancel|change|amend|modify/.test(s)) {
    return 'Lead with what you can do: say what can still be changed, or offer to set up the new order or return for them, then give the limit briefly.';
  }
  if (/deliver|ship|send|express|date/.test(s)) {
    return 'Lead with what you can do: offer the nearest option you have (another service, a date, a collection point) and commit to it.';
  }
  return 'Lead with what you can do: offer a concrete alternative or next step you will take, and keep the limit to one short clause.';
}
