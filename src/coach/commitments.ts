// The promises a draft makes to the customer, each with what is promised and when it is due. This is the one
// extractor: the coach shows these, and the commitments ledger (issue 4) stores them.
import { formatInstant, makeClock, type Clock } from './clock.ts';
import { dueFromParts, readDue } from './due.ts';
import { detectLanguage } from './language.ts';
import { actionOf } from './action.ts';
import { ACTION_VERBS, findHead } from './promise.ts';
import { redirectAt } from './rules/redirect.ts';
import { prepare, rawSpan, type PreparedText, type Sentence, type Span } from './text.ts';
import type { CoachOptions, Commitment } from './types.ts';

// An offer, a hypothetical or a question is not a promise.
const OFFER = /\b(?:(?<!\b(?:to see|to check|to ask|and see|and check|and ask|to find out|to confirm|and find out) )if you(?:'d| would)? (?:like|want|prefer|wish|rather)|if (?:that|this|it) (?:helps|works|suits|is (?:ok|okay|easier|helpful|better|convenient|useful))|if you(?:'d| would) find it|would you like|would it help|do you want|shall i|should i|if needed|if necessary|if you need (?:me|us|it|anything)|if preferred|just say the word|let me know if you(?:'d| would)? (?:like|want|prefer)|(?:i|we)(?:'ll| will) be (?:happy|glad|delighted|more than happy) to|happy to help|glad to help|if required|if you wish)\b/i;

/** Every promise in the draft. Non-English drafts give none (the rules read English only). */
export function extractCommitments(text: string, options: CoachOptions): Commitment[] {
  try {
    const prepared = prepare(typeof text === 'string' ? text : String(text ?? ''));
    if (detectLanguage(prepared.agent) !== 'en') return [];
    return commitmentsIn(prepared, makeClock(options), typeof text === 'string' ? text : String(text ?? ''));
  } catch {
    return [];
  }
}

/** The promises in an already prepared draft (coach.ts shares the preparation with the finding rules). */
export function commitmentsIn(p: PreparedText, clock: Clock, raw: string): Commitment[] {
  const out: Commitment[] = [];
  // Fifty promises is already more than any reply makes; the cap keeps a pasted document from running long.
  for (const s of p.sentences) {
    for (const c of commitmentClauses(s)) {
      if (out.length >= 50) return out;
      const clause = p.agent.slice(c.start, c.end);
      let reading = readDue(clause, clock);
      // "I'll be back on Tuesday and will call you then": "then" points at the time said earlier in the sentence.
      if (Object.keys(reading.parts).length === 0 && /\b(?:then|that day|at that point|that morning|that afternoon)\b/i.test(clause)) {
        // The nearest earlier clause that names a time: "closed on Monday, but I'll be back on Tuesday and … then".
        const earlier = p.agent.slice(s.start, c.start).split(/[,;]|\b(?:but|and|so)\b/i).reverse();
        const named = earlier.map((part) => readDue(part, clock)).find((r) => Object.keys(r.parts).length > 0);
        if (named) reading = { parts: named.parts, spans: reading.spans };
      }
      // "by 10am that day": the time is this clause's, the day the one named earlier in the sentence.
      if (!reading.parts.date && reading.parts.time && /\b(?:that day|that morning|that afternoon|the same day|on the day)\b/i.test(clause)) {
        const earlier = p.agent.slice(s.start, c.start).split(/[,;]|\b(?:but|and|so)\b/i).reverse();
        const named = earlier.map((part) => readDue(part, clock)).find((r) => r.parts.date);
        if (named?.parts.date) reading = { parts: { ...reading.parts, date: named.parts.date }, spans: reading.spans };
      }
      // "Your fitting is confirmed for Monday 23 March, and our fitter will arrive between 8 and 9am": the time belongs to
      // the appointment's date said earlier in the sentence.
      if (!reading.parts.date && reading.parts.time && !reading.parts.duration) {
        const earlier = p.agent.slice(s.start, c.start);
        if (/\b(?:confirmed|booked|scheduled|arranged|set|fixed|planned|pencilled in|reserved) (?:in )?for\b/i.test(earlier)) {
          const named = readDue(earlier, clock);
          if (named.parts.date) reading = { parts: { ...reading.parts, date: named.parts.date }, spans: reading.spans };
        }
      }
      // "emailed to you a week before", after "confirmed for March 21": counted back from the date named earlier.
      const ahead = /\b(a|an|one|two|three|four|five|six|seven|\d{1,2}|the)\s+(days?|weeks?)\s+(?:before|ahead|prior|in advance)\b/i.exec(clause);
      if (ahead && !reading.parts.date && !reading.parts.duration && reading.parts.businessDays === undefined) {
        const earlier = p.agent.slice(s.start, c.start);
        const named = readDue(earlier, clock);
        const n = ahead[1]!.toLowerCase() === 'the' ? 1 : (({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 } as Record<string, number>)[ahead[1]!.toLowerCase()] ?? Number(ahead[1]));
        if (named.parts.date && Number.isFinite(n)) {
          const back = named.parts.date.minus(/^week/i.test(ahead[2]!) ? { weeks: n } : { days: n });
          if (back >= clock.now.startOf('day')) reading = { parts: { date: back, time: reading.parts.time }, spans: reading.spans };
        }
      }
      const before = p.agent.slice(s.start, c.start);
      // "Kindly allow us 48 hours, we will update you": the time asked for is the promise's.
      if (Object.keys(reading.parts).length === 0 && /\b(?:allow|give)(?: (?:us|me|them))? (?:up to |about |around )?(?:\d{1,3}|a|an|one|two|three|four|five|seven|ten|twenty[- ]four|forty[- ]eight|seventy[- ]two) (?:more )?(?:business |working )?(?:hours?|hrs?|days?|weeks?)\b/i.test(before)) {
        const asked = /\b(?:allow|give)(?: (?:us|me|them))? (?:up to |about |around )?([\w-]+) (?:more )?((?:business |working )?(?:hours?|hrs?|days?|weeks?))\b/i.exec(before)!;
        const named = readDue(`within ${asked[1]} ${asked[2]}`, clock);
        if (Object.keys(named.parts).length) reading = { parts: named.parts, spans: reading.spans };
      }
      // "Bring her in at 4pm today and we'll re-stitch it": the promise happens at the time the request names.
      if (Object.keys(reading.parts).length === 0 && /^\s*(?:please\s+)?(?:bring|come|drop|pop|call|ring|send|book|pick)\b[^.;!?]*\band\s*$/i.test(before)) {
        const named = readDue(before, clock);
        if (named.parts.time) reading = { parts: named.parts, spans: reading.spans };
      }
      // "Once we have them, the claim will be paid within 48 hours": the clock starts at an unknown event.
      if ((reading.parts.duration || reading.parts.businessDays !== undefined) && /\b(?:once|as soon as|after|when)\b[^.;!?]*,\s*(?:and\s+)?$/i.test(before)) {
        reading = { parts: { ...reading.parts, duration: undefined, businessDays: undefined, unknownStart: true }, spans: reading.spans };
      }
      // "If they don't respond within 48 hours we'll refund you": the time belongs to the condition, not the promise.
      const condition = /^\s*(?:if|unless|should)\b[^,;]*?\b(?:i|we|you|they|he|she|it)(?:'ll| will)\b/i.exec(clause)?.[0] ?? /\b(?:if|unless)\b[^,;]*$/i.exec(before)?.[0] ?? '';
      if (condition && (reading.parts.duration || reading.parts.businessDays !== undefined)) {
        const own = readDue(clause.slice(condition.length), clock);
        if (!own.parts.duration && own.parts.businessDays === undefined) reading = { parts: { ...reading.parts, duration: undefined, businessDays: undefined, unknownStart: true }, spans: reading.spans };
      }
      if (c.needsTime && Object.keys(reading.parts).length === 0) continue;
      const due = dueFromParts(reading.parts, clock);
      const span = rawSpan(p, c.start, c.end);
      out.push({
        phrase: raw.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        due: due && due.isValid ? formatInstant(due) : null,
        action: actionOf(clause.slice(c.verbAt - c.start), c.subject, reading.spans.map((x) => ({ start: x.start - (c.verbAt - c.start), end: x.end - (c.verbAt - c.start) }))),
      });
    }
  }
  return out;
}

type PromiseClause = Span & { verbAt: number; subject: string; needsTime: boolean };

// Splits where a second promise starts: "…, and I'll email", "… and email you by 5pm", "…; we'll…".
const SPLIT = new RegExp(`\\s*(?:;|,\\s+or\\s+(?=(?:i|we)\\s+(?:can|could)\\b)|,?\\s+and\\s+(?=(?:should|may|might|could|usually|normally|typically|hopefully)\\s)|,?\\s+(?:and|but)\\s+(?=(?:in the meantime|meanwhile|for now|until then),?\\s)|,?\\s+(?:and|but|or)\\s+(?=(?:if|unless)\\s)|\\s[—–-]\\s|—|–|,\\s+(?:which|so that|so|while|whereas)\\s+|,?\\s+(?:and|but|so|while)\\s+(?=(?:i|we|you|they|he|she|it|the|your|our|this|that|my|there)\\b(?!'ll| will))|,?\\s+(?:and then|then|and|plus|but|so|while|whereas)\\s+(?=(?:will|shall)\\s|(?:(?:i|we|you|they|he|she|it|[A-Z][a-z]+|(?:the|our|your|a|an) (?:[\\w$£€.%-]+ ){0,4}?[\\w$£€.%-]*\\w|(?:[\\w-]+ )?[\\w-]+s)(?:'ll|\\s+will|\\s+shall|'m|'re)\\b|(?:also\\s+|then\\s+|personally\\s+)?(?:${ACTION_VERBS})\\b)))\\s*`, 'gi');

/** The promise-bearing clauses of a sentence. */
function commitmentClauses(s: Sentence): PromiseClause[] {
  const text = s.text;
  const conditionalPromise = /\bif (?:it|this|that|the \w+) (?:fails|happens|breaks|doesn't|does not|isn't|is not|still)/i.test(text);
  // An offer that opens the sentence makes its promises offers too ("If you'd like, I'll send a label"); an offer or a
  // courtesy in a later clause ("…, and if you need anything else just shout") only makes that clause an offer.
  const offerAt = conditionalPromise ? -1 : text.search(OFFER);
  if (offerAt >= 0 && offerAt < 4) return [];
  const segments: Span[] = [];
  let from = 0;
  SPLIT.lastIndex = 0;
  for (let m = SPLIT.exec(text); m; m = SPLIT.exec(text)) {
    if (m[0].length === 0) {
      SPLIT.lastIndex++;
      continue;
    }
    if (m.index > from) segments.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < text.length) segments.push({ start: from, end: text.length });
  const question = /\?\s*$/.test(text);
  // "I'll call you tomorrow at 10, does that work?": the tag question asks about the promise; it does not take it back.
  const tag = question ? /,\s*(?:does|do|is|would|will|can|could|shall|ok|okay|alright|right|how|hope|sound)\b[^,;]*\?\s*$/i.exec(text) : null;
  if (tag && segments.length) {
    const last = segments[segments.length - 1]!;
    if (tag.index > last.start) {
      segments[segments.length - 1] = { start: last.start, end: tag.index };
      segments.push({ start: tag.index + 1, end: text.length });
    }
  }
  const out: PromiseClause[] = [];
  let inherited: string | null = null;
  segments.forEach((seg, i) => {
    const segText = text.slice(seg.start, seg.end);
    if (question && i === segments.length - 1) return;
    if (offerAt >= 0 && OFFER.test(segText)) {
      inherited = null;
      return;
    }
    // "We're looking into it and will be in touch": the modal's subject was said before the "and".
    // A chat reply that opens "Will call you back at 3." drops its "I".
    const elided = /^(?:will|shall)\s/i.test(segText) ? (/\b(i|we|they|he|she)\b(?![\s\S]*\b(?:i|we|they|he|she)\b)/i.exec(text.slice(0, seg.start))?.[1] ?? (seg.start === 0 && !/^(?:will|shall)\s+(?:you|it|that|this|there|he|she|they|we|i|the|your|be able)\b/i.test(segText) ? 'I' : 'it')) : undefined;
    // A bare verb carries on the promise before it only after "and" / "then" ("… and email you by 5pm"); after a dash or
    // a semicolon it speaks to the customer ("- let me know if that doesn't suit").
    const joined = /(?:\band|\bthen|\bplus|&|,)\s*$/i.test(text.slice(0, seg.start));
    const found = findHead(elided ? `${elided} ${segText}` : segText, joined ? inherited : null);
    if (found && elided) {
      found.start = Math.max(0, found.start - elided.length - 1);
      found.verbAt = Math.max(0, found.verbAt - elided.length - 1);
    }
    if (!found) {
      inherited = null;
      return;
    }
    inherited = found.subject;
    // "Give the claims team a ring and they'll sort it out": the other side's promise rides on the customer's call.
    if (/^(?:they|he|she)$/i.test(found.subject) && redirectAt(text) >= 0) return;
    let end = seg.end;
    while (end > seg.start && /[\s.,;:!?"')]/.test(text[end - 1]!)) end--;
    const start = seg.start + found.start;
    if (end <= start) return;
    out.push({ start: s.start + start, end: s.start + end, verbAt: s.start + seg.start + found.verbAt, subject: found.subject, needsTime: found.needsTime });
  });
  return out;
}
