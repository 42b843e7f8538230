// The promises a draft makes to the customer, each with what is promised and when it is due. This is the one
// extractor: the coach shows these, and the commitments ledger (issue 4) stores them.
import { makeClock, type Clock } from './clock.ts';
import { readDue, dueFromParts } from './due.ts';
import { formatInstant } from './clock.ts';
import { detectLanguage } from './language.ts';
import { actionOf } from './action.ts';
import { prepare, rawSpan, type PreparedText, type Sentence, type Span } from './text.ts';
import type { CoachOptions, Commitment } from './types.ts';

const ACTION_VERBS =
  'call|ring|phone|e-?mail|text|message|send|resend|ship|post|dispatch|deliver|check|double-check|chase|confirm|update|let|keep|get|follow|arrange|book|schedule|organi[sz]e|process|issue|refund|credit|replace|repair|fix|sort|look|investigate|review|escalate|pass|forward|contact|reach|reply|respond|come|visit|collect|pick|drop|return|apply|add|remove|cancel|reset|restore|reactivate|order|put|write|notify|inform|speak|talk|raise|set|give|make|bring|try|monitor|track|hold|waive|reimburse|pay|transfer|test|install|upgrade|extend|unlock|expedite|prioriti[sz]e|push|ensure|share|attach|provide|have|be|refer|loop|flag|text|mail|courier|swap|exchange|top up|compensate|ask|find';

const NOUN_SUBJECT =
  "(?:our|the|your|a|an|one of our) (?:[\\w-]+ ){0,2}(?:team|technician|engineer|courier|driver|specialist|manager|department|warehouse|partner|agent|colleague|supervisor|staff|store|office|lab|workshop|replacement|refund|credit|parcel|package|order|item|part|parts|voucher|label|invoice|code|link|confirmation|delivery|shipment|payment|money|funds|device|unit|repair|visit|callback|call|email|update|fix|patch|account|card|subscription|booking|appointment|case|ticket|reply|response|answer|order|new one|documents?|paperwork|report|quote|estimate|reimbursement|compensation)";
const PRONOUN_SUBJECT = "(?:i|we|they|he|she|it|this|that|you|who|which|someone(?: from [\\w ]{1,30}?)?|somebody(?: from [\\w ]{1,30}?)?|billing|accounts|support)";
const MODAL = "(?:\\s+(?:will|shall)\\s+|'ll\\s+|\\s+(?:am|are|is)\\s+going\\s+to\\s+|'m\\s+going\\s+to\\s+|'re\\s+going\\s+to\\s+|'s\\s+going\\s+to\\s+)";
const ADVERBS = "(?:(?:definitely|personally|also|then|now|just|certainly|absolutely|immediately|promptly|gladly|happily|still|first|next|then|make sure (?:to |that |i |we |it |you )?|aim to|try to|be sure to|endeavou?r to|ensure (?:that )?(?:i |we |it |you )?)\\s*)*";

const HEAD = new RegExp(`(?:^|[^\\w'])(${NOUN_SUBJECT}|${PRONOUN_SUBJECT})${MODAL}${ADVERBS}([\\w'-]+)(?:\\s+([\\w'-]+))?`, 'gid');
const NAMED_HEAD = /(?:^|[^\w'])([A-Z][a-z]+)(?:'ll\s+|\s+will\s+)([\w'-]+)(?:\s+([\w'-]+))?/gd;
const PROGRESSIVE = /(?:^|[^\w'])(i|we)(?:'m|'re|\s+am|\s+are)\s+(?:also\s+|now\s+|personally\s+)?(sending|calling|shipping|arranging|booking|issuing|processing|posting|dispatching|ordering|refunding|crediting|escalating|passing|forwarding|chasing|emailing|ringing|visiting|coming|dropping|couriering|getting|putting|setting|replacing|repairing|fixing|collecting|upgrading|scheduling|having|organi[sz]ing)\b/gi;
const PROMISE = /(?:^|[^\w'])(?:i|we) (?:promise|guarantee|commit|give you my word|give you our word)\b|\byou have (?:my|our) word\b|\brest assured,? (?:i|we|it|you)\b|\b(?:you can|you'll|you will|please) expect (?:a|an|the|it|your|to (?:hear|receive|get|see))\b|\blet me (?:check|look into|find out|chase|investigate|speak|ask|get|see what|dig|look at|follow up|confirm|sort)\b/gid;

// Verbs after "will" that make no promise: needs, abilities, pleasantries, talk about this very email.
const NOT_AN_ACTION = /^(?:not|n't|never|need|needs|require|have|has|want|wait|await|be|likely|probably|usually|typically|normally|generally|depend|depends|take|cost|vary|apply|remain|expire|find|notice|see|say|admit|explain|note|mention|point|leave|let|hear|know|like|love|appreciate|understand|assume|agree|hope|try|do|also)$/i;
// After "will be": only states that are the promise being kept count.
const BE_STATES = /^(?:in touch|contacted|called|emailed|sent|given|issued|refunded|credited|reimbursed|notified|updated|delivered|shipped|dispatched|posted|processed|fixed|resolved|sorted|ready|with you|back|repaired|replaced|collected|picked|reactivated|restored|live|active|arranged|booked|scheduled|waived|applied|added|cancelled|canceled|paid|returned|corrected|reversed|released|expedited|prioriti[sz]ed|escalated|passed|forwarded|on (?:its|their|the) way|there|calling|sending|shipping|emailing|contacting|visiting|checking|following|in contact|reaching|looking|getting|arriving|coming)$/i;
const HAVE_OBJECTS = /^(?:it|them|this|that|the|a|an|your|an? \w+|someone|somebody|an answer|news|an update|everything)$/i;
const YOU_VERBS = /^(?:receive|get|have|see|hear|be|start|begin|notice)$/i;
const THING_VERBS = /^(?:arrive|be|ship|go|reach|show|appear|land|come|get|turn|clear|reflect|post|update|follow|take|happen|drop|need|have|run)$/i;

// An offer, a hypothetical or a question is not a promise.
const OFFER = /\b(?:if you(?:'d| would)? (?:like|want|prefer|wish|rather)|if (?:that|this|it) (?:helps|works|suits|is (?:ok|okay|easier|helpful|better|convenient|useful))|if you(?:'d| would) find it|would you like|would it help|do you want|shall i|should i|if needed|if necessary|if you need (?:me|us|it|anything)|if preferred|just say the word|let me know if you(?:'d| would)? (?:like|want|prefer)|(?:i|we)(?:'ll| will) be (?:happy|glad|delighted|more than happy) to|happy to help|glad to help|if required|if you wish)\b/i;
const GENERAL = /\b(?:usually|typically|normally|generally|in most cases|tends? to|often|sometimes|may|might|could|can take|on average|as a rule)\b/i;

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
  for (const s of p.sentences) {
    if (out.length >= 50) break;
    for (const c of commitmentClauses(s)) {
      const clause = p.agent.slice(c.start, c.end);
      const reading = readDue(clause, clock);
      if (c.progressive && Object.keys(reading.parts).length === 0) continue;
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

type PromiseClause = Span & { verbAt: number; subject: string; progressive: boolean };

// Splits where a second promise starts: "…, and I'll email", "… and email you by 5pm", "…; we'll…".
const SPLIT = new RegExp(`\\s*(?:;|\\s[—–-]\\s|—|–|,?\\s+(?:and then|then|and|plus|but|so|while|whereas)\\s+(?=(?:(?:i|we|you|they|he|she|it|[A-Z][a-z]+|${NOUN_SUBJECT})(?:'ll|\\s+will|\\s+shall|'m|'re)\\b|(?:also\\s+|then\\s+|personally\\s+)?(?:${ACTION_VERBS})\\b)))\\s*`, 'gi');

/** The promise-bearing clauses of a sentence. */
function commitmentClauses(s: Sentence): PromiseClause[] {
  const text = s.text;
  if (OFFER.test(text) && !/\bif (?:it|this|that|the \w+) (?:fails|happens|breaks|doesn't|does not|isn't|is not|still)/i.test(text)) {
    // An offer anywhere in the sentence makes its promises offers too ("If you'd like, I'll send a label").
    return [];
  }
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
  const out: PromiseClause[] = [];
  let inherited: string | null = null;
  segments.forEach((seg, i) => {
    const segText = text.slice(seg.start, seg.end);
    if (question && i === segments.length - 1) return;
    const found = findHead(segText, inherited);
    if (!found) {
      inherited = null;
      return;
    }
    inherited = found.subject;
    let end = seg.end;
    while (end > seg.start && /[\s.,;:!?"')]/.test(text[end - 1]!)) end--;
    const start = seg.start + found.start;
    if (end <= start) return;
    out.push({ start: s.start + start, end: s.start + end, verbAt: s.start + seg.start + found.verbAt, subject: found.subject, progressive: found.progressive });
  });
  return out;
}

type Head = { start: number; verbAt: number; subject: string; progressive: boolean };

/** The promise's subject and verb in one clause, or null when the clause promises nothing. */
function findHead(seg: string, inherited: string | null): Head | null {
  if (GENERAL.test(seg) && !/\b(?:i|we)(?:'ll| will)\b/i.test(seg)) return null;
  for (const m of all(HEAD, seg)) {
    const subject = m[1]!.toLowerCase();
    if (promises(subject, m[2]!, m[3] ?? '')) return { start: m.indices![1]![0], verbAt: m.indices![2]![0], subject, progressive: false };
  }
  for (const m of all(NAMED_HEAD, seg)) {
    if (/^(?:I|We|It|This|That|There|You|They|He|She|Which|What|Who)$/.test(m[1]!)) continue;
    if (promises('they', m[2]!, m[3] ?? '')) return { start: m.indices![1]![0], verbAt: m.indices![2]![0], subject: m[1]!, progressive: false };
  }
  for (const m of all(PROGRESSIVE, seg)) {
    return { start: m.indices![1]![0], verbAt: m.indices![2]![0], subject: m[1]!.toLowerCase(), progressive: true };
  }
  for (const m of all(PROMISE, seg)) {
    const start = m.index + (m[0].length - m[0].replace(/^[^\w']+/, '').length);
    return { start, verbAt: start, subject: 'i', progressive: false };
  }
  // "… and email you by 5pm": a bare verb carries on the promise of the clause before it.
  const bare = inherited ? BARE_VERB.exec(seg) : null;
  if (bare && inherited) return { start: 0, verbAt: bare.indices![1]![0], subject: inherited, progressive: false };
  return null;
}

const BARE_VERB = new RegExp(`^(?:also\\s+|then\\s+|personally\\s+)?(${ACTION_VERBS})\\b`, 'id');

function* all(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/** Does "<subject> will <verb> <next>" promise an action to the customer? */
function promises(subject: string, verb: string, next: string): boolean {
  const v = verb.toLowerCase();
  const n = next.toLowerCase();
  if (/^(?:not|n't|never|no)$/.test(v)) return false;
  if (subject === 'you') {
    if (!YOU_VERBS.test(v)) return false;
    if (v === 'be') return BE_STATES.test(n) && !/^(?:able|charged|billed|asked|required|responsible|redirected|prompted)$/.test(n);
    if (v === 'have') return !/^to$/.test(n);
    if (v === 'see' || v === 'notice') return /^(?:it|the|a|your|an)$/.test(n);
    return !/^(?:to|charged)$/.test(n);
  }
  if (/^(?:it|this|that|which)$/.test(subject)) {
    if (!THING_VERBS.test(v)) return false;
    if (v === 'be') return BE_STATES.test(n);
    if (v === 'take' || v === 'need' || v === 'have' || v === 'run') return false;
    return true;
  }
  if (v === 'be') return BE_STATES.test(n) && n !== 'looking' && !/^(?:able|happy|glad|delighted|pleased|honest|brief|frank|sure|in a position)$/.test(n);
  if (v === 'have') return HAVE_OBJECTS.test(n) && n !== 'to';
  if (v === 'let') return /^(?:you|them)$/.test(n);
  if (v === 'need' || v === 'want' || v === 'require') return false;
  if (v === 'do') return /^(?:it|this|that|my|our|everything|the|a|whatever)$/.test(n);
  if (v === 'try') return /^(?:to|and|again|calling|another)$/.test(n);
  if (v === 'also') return true;
  return !NOT_AN_ACTION.test(v) || v === 'see' && /^(?:you|to|what|if)$/.test(n);
}
