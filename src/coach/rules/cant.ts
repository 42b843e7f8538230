// cant_focus: the draft dwells on what cannot be done and offers nothing concrete in its place.
import type { Sentence } from '../text.ts';
import { clauseAt, clausesOf, isFormality, matches, type Hit } from './clauses.ts';

const REFUSAL = new RegExp(
  [
    "\\b(?:can ?not|can't|cant|won't be able to|will not be able to|wouldn't be able to|unable to)\\b",
    "\\b(?:i|we)(?: just| simply| really)? (?:could ?not|couldn't)\\b",
    "\\b(?:am|are|is|'m|'re|were|was)(?: not|n't) (?:able|allowed|permitted|authori[sz]ed|in a position)\\b",
    "\\b(?:not|never) (?:be )?(?:able|allowed|permitted) to\\b",
    "\\bno way (?:to|for|that|we|i)\\b",
    "\\b(?:isn't|is not|there's no|there is no|there isn't|there is not)(?: any| a| really any)? (?:way|means|option|possibility) (?:to|for|of|we|i|that)\\b",
    "\\b(?:isn't|is not|aren't|are not|wasn't|was not|won't be|will not be|'s not|'re not) (?:\\w+ )?(?:possible|allowed|permitted|an option|available for|eligible|refundable|returnable|covered|something (?:i|we) can)\\b",
    "\\b(?:there (?:are|is)|we have|we've got) no (?:more |further |other )?[\\w-]+(?: [\\w-]+)? (?:available|left|free|remaining)\\b",
    "\\bimpossible\\b(?! to (?:deal|work|get hold of|reach|talk|please|predict|say|tell|know))",
    // "no upgrades are possible", "there isn't anything more we can do", "not something I have the authority to approve",
    // "we're fully booked that night", "sold out", "discontinued".
    "\\bno [\\w-]+(?: [\\w-]+)? (?:are|is|will be|would be) (?:possible|available|allowed|permitted)\\b|\\b(?:isn't|is not|'s not) anything (?:more |else |further )?(?:that )?(?:i|we) (?:can|could) do\\b",
    "\\b(?:isn't|is not|aren't|are not|'s not) something (?:that )?(?:i|we) (?:have|'ve got) the (?:authority|power|ability|discretion) to\\b",
    "\\b(?:(?:are|is|'re|'s|were|was) (?:completely |fully |totally )?(?:fully booked|sold out|booked up)|(?:has|have|had) (?:been )?(?:discontinued|sold out)|(?:is|are|was|were) (?:now )?discontinued)\\b",
    // "no further requests can be entertained", "no late entries will be accepted".
    "\\bno (?:further |more |new |late |other |additional )?[\\w-]+ (?:can|could|will|may) be (?:entertained|accepted|considered|processed|made|given|taken|granted|issued|allowed|approved)\\b",
    "\\b(?:does|do|did|will|would)(?:n't| not) (?:allow|permit|cover|let (?:me|us))\\b",
    "\\bwon't let (?:me|us)\\b",
    "\\b(?:we|i|our (?:[\\w\\u00c0-\\u024f-]+ )?[\\w\\u00c0-\\u024f-]+)(?: simply| just| unfortunately)? (?:don't|do not|doesn't|does not|won't|will not|never) (?:offer|do|accept|provide|support|give|issue|allow|refund|replace|exchange|make exceptions|ship|deliver|cover|sell|take|honou?r|reimburse|compensate|price[- ]match|permit|collect|trace)\\b",
    "\\bnothing (?:more |else |further )?(?:that )?(?:i|we) can do\\b",
    // Policy, eligibility and "it won't happen" said without a modal: "it's not our policy to", "you're ineligible".
    "\\b(?:it's not|it is not|it isn't|that's not|that is not|that isn't) (?:our|the company's|company|the) policy to (?:refund|offer|give|issue|accept|allow|make|compensate|reimburse|exchange|replace|waive|extend|reopen|honou?r|provide|release|transfer|price-?match|reinstate)\\b|\\bagainst (?:our|company|the) (?:[\\w-]+ )?(?:policy|rules)\\b|\\bour policy is not to\\b",
    "\\bineligible\\b|\\b(?:not|isn't|is not|'s not|won't be|will not be) (?:going to )?happen(?:ing)?\\b(?! again)",
    "\\b(?:not|never) (?:going|gonna) to be able to\\b|\\bnot gonna be able to\\b|\\bno can do\\b",
    "\\b(?:i|we) (?:don't|do not) have (?:the )?(?:ability|authority|power|access|option|means|facility|capacity|discretion) to\\b",
    "\\b(?:won't|will not|wouldn't|would not) (?:allow|permit|cover|accept|let (?:me|us|you))\\b",
    "\\bbeyond what (?:i|we)(?:'m| am|'re| are)? (?:can|able to|allowed to)\\b",
    // More refusal idioms: "not on the cards", "not doable", "no chance of", "won't budge", "non-negotiable", "turned down".
    "\\b(?:isn't|is not|'s not|not) on the cards\\b|\\bnot (?:doable|feasible|viable|workable)\\b|^\\s*not possible\\b|\\bno (?:chance|prospect|question) of\\b|\\bwon't (?:budge|move|bend|negotiate)\\b|\\bnon-?negotiable\\b",
    "\\b(?:is|are|was|were) (?:strictly )?(?:prohibited|forbidden|not permitted|banned)\\b|\\b(?:has|have|had) been (?:turned down|refused|declined|rejected|denied)\\b|\\b(?:was|were|has been|is) unsuccessful\\b",
    "\\b(?:we|i)(?:'re| are| am|'m) not (?:prepared|willing|going) to (?:refund|reimburse|compensate|offer|give|pay|cover|replace|exchange|waive|extend|accept|honou?r|reverse|reopen|make an exception|issue|credit|reconsider|change (?:the|our|this|that|it))\\b|\\b(?:we|i) no longer (?:carry|stock|sell|offer|make|provide|do|support|accept)\\b|\\bwon't be getting (?:any )?more\\b",
    "\\bnothing (?:more |else )?(?:that )?(?:i|we|anyone|anybody) (?:can|could|am able to|are able to|is able to) (?:do|change|offer|override|alter|undo|reverse|waive|refund|approve)\\b",
    "\\b(?:not much|very little|nothing much) (?:more )?(?:that )?(?:i|we) (?:can|could) do\\b",
    "\\b(?:nobody|no one|no-one)(?: [\\w ]{0,30}?)? (?:can|could|is able to|will be able to|is allowed to) (?:see or )?(?:change|override|alter|undo|reverse|waive|refund|approve|amend|lift)\\b",
    "\\b(?:i|we)(?: have| have got|'ve got|'ve) no (?:access|authority|ability|power|discretion|say|control) (?:to|over|in)\\b|\\babove my pay ?grade\\b",
    "\\b(?:wouldn't|won't|doesn't|does not|don't|didn't|would not|will not|do not|did not) qualify\\b|\\b(?:isn't|is not|'s not|not) (?:a thing|something) (?:that )?(?:we|i) (?:do|offer|provide|support|allow)\\b",
    // Idioms of refusal: "our hands are tied", "out of the question", "I'm afraid not", "a no from us", "the charge stands".
    "\\bhands are tied\\b|\\bout of the question\\b|\\b(?:afraid|sadly|regrettably) not\\b|\\b(?:is|'s|are) a (?:no|firm no|hard no|no-go|non-starter)\\b",
    "\\b(?:charge|fee|decision|invoice|bill|penalty|fine|ruling|outcome)s? (?:still |therefore |thus |hence |so |must |will |has to |does )?(?:stands?|will stand|remains? in place)\\b(?! at\\b)",
    // Round 7 (drafts5): a disputed charge declared right or final ("The charge of €300 is therefore correct", "The
    // denial stands", "the decline stands", "the fee applies").
    "\\b(?:charge|fee|decision|invoice|bill|penalty|fine|denial|decline|refusal|rejection|price|fare|premium|surcharge|excess)s? (?:of [^.;!?]{1,25}? )?(?:is|are|was|were) (?:therefore |thus |so |still |entirely |perfectly |quite )?(?:correct|valid|accurate|final)\\b|\\bthe (?:denial|decline|refusal|rejection)s? (?:still )?(?:stands?|remains?)\\b|\\bthe (?:new )?(?:charge|fee|price|premium|surcharge)s? (?:still )?(?:applies|apply|remains?(?=\\s*(?:[.;!]|$)))",
    "\\b(?:we|i)(?: will not| won't|'ll not) be (?:issuing|refunding|offering|providing|giving|paying|covering|honou?ring|waiving|reimbursing|compensating|accepting|making|replacing|exchanging|reversing|crediting|extending)\\b",
    "(?<!\\b(?:card|payment|transaction|bank|transfer)(?: \\w+)? )\\b(?:is|has been|have been|are|was|were|will be) (?:declined|rejected|denied|excluded|refused)\\b",
    "\\b(?:'s|is|are|'re|was|were)(?: simply| just| really| sadly| unfortunately)? not (?:possible|allowed|permitted|eligible|refundable|covered|granted|accepted|approved|offered|given|issued|honou?red|supported|included|provided)\\b",
    "\\b(?:don't|do not|doesn't|does not|won't|will not) (?:get |be )?(?:refunded|reimbursed|exchanged|compensated|credited|waived|reversed|reinstated)\\b",
    "\\bthere(?:'s| is| are) no (?:[\\w-]+ ){1,2}(?:any ?more|any longer)\\b",
    "\\b(?:have|has|had) to (?:decline|refuse|reject|deny)\\b",
    "\\b(?:must|will|'ll) (?:have to )?(?:decline|refuse|reject|deny)\\b",
    "\\bno longer (?:possible|available|able|offer|accept|support|provide|do)\\b",
    "\\b(?:not|isn't|is not|aren't|are not) something (?:i|we)(?:'m|'re| am| are)? (?:can|able|do|offer|provide|support|allow|cover|permit|handle|arrange)\\b",
    // Round 5: "not something we're in a position to do", "not something the practice is able to provide".
    "\\b(?:not|isn't|is not|aren't|are not) something (?:that )?(?:i|we|the [\\w-]+(?: [\\w-]+)?|our [\\w-]+(?: [\\w-]+)?)(?:'m|'re| am| are| is| can| could)? (?:(?:currently|really|ever) )?(?:in a position to|able to|allowed to|permitted to|set up to|equipped to)\\b",
    // "Exporting audit logs older than 90 days isn't supported", "that's not on our roadmap".
    "\\b(?:isn't|aren't|wasn't|weren't|is not|are not)(?: currently| yet)? (?:supported|offered)\\b|\\bnot on (?:our|the) roadmap\\b",
    "\\bnot within (?:our|my|the) (?:remit|power|authority|gift|control|policy)\\b",
    "\\bthe answer (?:is|has to be|will have to be) no\\b|\\b(?:have to|must|'ll have to|will have to) say no\\b",
    "\\boff the table\\b",
    "\\b(?:remains?|remained) (?:payable|due|owing|outstanding)\\b|\\b(?:is|are) still (?:payable|owed|owing)\\b|\\b(?:is|are) still due(?= *(?:[.,;!]|$| in full))|\\b(?:is|are) (?:now |already |completely |sadly )?(?:full|fully subscribed|oversubscribed|at capacity)\\b(?! of\\b)|\\bnon-?refundable\\b|\\bnon-?(?:transferable|exchangeable|returnable|cancell?able|amendable)\\b",
    // Round 5: a limit stated as the only case ("refunds are only available within 14 days", "we only deliver within the M25").
    "\\b(?:is|are) only (?:available|possible|offered|valid|allowed|permitted|accepted|issued|given|refundable) (?:within|for|to|on|in|if|when|with|up to|before)\\b|\\b(?:we|i) (?:can )?only (?:deliver|ship|post|operate|serve|sell) (?:to|within|in|on|at)\\b|\\b(?:we|i) (?:can )?only (?:accept|offer|issue|refund|exchange|allow|take|cover) (?:returns|refunds|exchanges|bookings|cash|card|cards|payments?|one|two|a single|full|unused|unopened|items|orders|requests|applications|claims)\\b",
    "\\bno (?:refunds?|returns?|exchanges?|exceptions?|cancell?ations?|compensation) (?:are|is|can|will|after|on|for|once)\\b",
    "\\b(?:there are|there's|there is) no (?:plans|way|option|possibility)\\b",
    "\\bpolicy (?:doesn't|does not|won't|will not|prohibits|forbids|prevents|states that we (?:can't|cannot))\\b",
    // Refusal dressed as lack of means: "no discretion to", "no mechanism for", "zero flexibility", "not an option".
    "\\b(?:have|has|there's|there is|with|we've got) (?:no|zero|little) (?:discretion|mechanism|flexibility|authority|ability|power|leeway|scope|facility|means|provision|process|capacity) (?:to|for|on|here|in)\\b",
    "\\b(?:zero|no) (?:flexibility|discretion|leeway|exceptions?)\\b",
    "\\b(?:isn't|is not|aren't|are not|won't be|will not be)(?: really)? an option\\b",
    "\\bfalls? (?:outside|beyond) (?:what|the scope|our|the limits)\\b",
    "\\b(?:outside|beyond) (?:what|the scope of what) (?:we|i|our [\\w ]{1,30}?|the [\\w ]{1,30}?) (?:is |are |am )?(?:able|allowed|permitted) to\\b",
  ].join('|'),
  'gi',
);

// "can't" that refuses nothing: idioms of delight or emphasis.
const IDIOM = /^(?:can ?not|can't|cant|could ?not|couldn't)\s+(?:wait|thank|stress|recommend|emphasi[sz]e|overstate|believe|imagine|help but|go wrong|beat|miss|complain|say enough|tell you how|express|agree more|be happier|be more|get enough|praise|(?:really )?(?:answer|speak|vouch|account) for)\b/i;
// A negation before the refusal, in the same clause, cancels it: "there's no hill this bike can't climb".
const DOUBLE_NEGATIVE = /\b(?:nothing|no [\w-]+|not a (?:thing|problem)|nobody|no one|none)\b(?:(?!\b(?:and|but|so|or|because|as|which|since)\b)[^.,;!?]){0,40}$/i;
// A refusal inside a condition, a consequence or a report of the customer's own trouble is not the agent refusing.
const CONDITION = /\b(?:if|unless|in case|should|whether|so that|in the event)\b[^,;]*$/i;
// "Once a payment has gone it can't be pulled back" still refuses; "when you can't log in" reports.
const WHEN = /\b(?:when|whenever|once)\b[^,;]*$/i;
const CONSEQUENCE = /(?:,|\band)\s+so\b[^,;]*$|^so\b[^,;]*$|\bwhich is why\b[^,;]*$|\bthat's why\b[^,;]*$/i;
const REPORTED = /\b(?:sorry|understand|see|saw|hear|heard|know|noticed?|mentioned|said|say|says|told|report(?:ed|s)?|frustrating|annoying|gather|sounds? like|that)\b[^.;!?]{0,60}$/i;
const CUSTOMER_SUBJECT = /\b(?:you|you're|you've been|you have been|your \w+(?: \w+)?|it|the (?:app|page|site|website|link|device|router|item|product|printer|phone|card|code|system))\s*(?:still\s+|just\s+|simply\s+|now\s+)?$/i;
// Perception and knowledge ("I can't see the order", "no way of knowing") state a fact; they refuse nothing.
const PERCEPTION = /^(?:can ?not|can't|cant|could ?not|couldn't|unable to)\s+(?:see(?! (?:you|him|her|them|patients?|anyone|your (?:son|daughter|child|baby|dog|cat|pet))\b)|find|locate|spot|hear|tell (?:if|whether|from)|remember|recall|say for (?:sure|certain)|reproduce)\b|^no way (?:of|to) (?:know|tell)/i;

// Doing something instead: an offer, a next step, a remedy the agent gives or has given.
const ALTERNATIVE = new RegExp(
  [
    "\\b(?:i|we)(?:'ll| will| can| could(?! have\\b| of\\b|'ve\\b)| am able to| are able to|'m able to|'re able to|'d be (?:happy|glad) to| would be (?:happy|glad) to|'m (?:happy|glad) to|'re (?:happy|glad) to|'m going to|'re going to| am going to| are going to)\\s+(?:also\\s+|still\\s+|now\\s+|instead\\s+)?(?!(?:confirm|see|assure|understand|imagine|appreciate|hear|feel|sense|tell (?:how|that|you're|you are)|only (?:imagine|apologi[sz]e|say)|tell you|only|not|n't|be honest|need|have to|let you know|keep you|be in touch|help (?:you )?with any(?:thing)?|answer any|assist with any|help you with anything|pass (?:on )?(?:your|this|that) (?:feedback|comments))\\b)",
    "\\b(?:i|we)(?:'ve| have)(?: also| already| just| now| today| personally| gone ahead and)? (?!(?:been|had|checked|looked|noted|logged|read|received|tried|seen|spoken|reviewed|investigated|confirmed|explained|listened|heard|considered|discussed|passed (?:it|this|that|your feedback|your comments) on|no|not|to)\\b)[a-z]+(?:ed|en|t|un|ne|de)\\b",
    "\\b(?:what|the (?:best|next) thing) (?:i|we) (?:can|could|have|will|'ve|'ll) (?:do|done|offer)\\b",
    "\\byou (?!could(?: have|'ve| of)\\b)(?:can|could|may|are welcome to|'re welcome to|are free to|'re free to|will be able to|'ll be able to)(?: still| also| instead| always)?\\b|\\byou(?:'re| are) (?:more than |very |most )?(?:welcome|free) to\\b",
    "\\b(?:instead|alternatively|alternative|options?|another way|next best|workaround|what's possible)\\b",
    "\\b(?:in the meantime|meanwhile|until then|(?<!\\b(?:bye|ciao|cheerio|ta-ra|that's all|that is all|all) )for now)\\b(?![^.;!?]*\\b(?:can't|cannot|unable|not|sorry|unfortunately)\\b)",
    "\\b(?:gives|give|entitles|lets|allows) you\\b|\\byou (?:still )?(?:get|have|keep)(?: free| full| a| an| the)\\b",
    "\\b(?:she|he|they|[A-Z][a-z]+)(?:'ll| will) (?:call|phone|ring|email|contact|see|book|arrange|send|visit|help)\\b",
  ].join('|'),
  'i',
);
// Something on offer stated plainly: "so there's a free cloakroom at the entrance".
const AVAILABLE = /\b(?:there's|there is|there are|we have(?! (?:\w+ed|been|had|\w+en)\b)|we've got|we offer|we do offer|(?:is|are) available|(?:is|are) free|(?:is|are) open|(?<!\b(?:that|which|who) )(?:includes?|comes? with))\b/i;
// Pointing at the rules or closing the case offers nothing: "you can read our terms online", "I'll close this ticket".
const NO_OFFER = /\b(?:next (?:year|time|month)|in (?:the )?future|going forward|from now on)\b[^.;!?]{0,60}\byou can\b|\byou can\b[^.;!?]{0,60}\b(?:next (?:year|time|month)|in (?:the )?future|going forward|from now on)\b|\byou can (?:read|find|see|view|check|review|look at)\b[^.;!?]{0,40}\b(?:policy|policies|terms|conditions|t&cs|faqs?|rules)\b|\byou can (?:contact|call|email|reach|get in touch with|write to) us (?:again|any ?time|if)\b|\b(?:i|we)(?:'ll| will)(?: be sure to)? (?:make a note|pass (?:this|that|it|your \w+) on|pass on|continue to monitor)\b|\boptions? (?:are|is) (?:very |quite )?(?:limited|restricted|few)\b|\b(?:i|we)(?:'ll| will| have|'ve) (?:now )?(?:close[ds]?|closing|mark(?:ed)?|note[ds]?|record(?:ed)?|log(?:ged)?|keep) (?:this|the|your) (?:ticket|case|request|enquiry|query|complaint|feedback|comments|details)\b/i;
// Words that make a "but …" clause a limit or an apology rather than something offered.
const NOT_AN_OFFER = /\b(?:unfortunately|sorry|afraid|policy|rules|terms|regret|apolog|can't|cannot|unable|not|no|nothing|never|only|value|feedback|hope|look forward|welcome you|appreciate)\b/i;

export type CantContext = {
  /** Start offsets (in the prepared text) of sentences that send the customer elsewhere: those count as an alternative. */
  redirectSentences: Set<number>;
};

/** Finds refusals with no concrete alternative anywhere in the agent's words. */
export function findCantFocus(sentences: Sentence[], ctx: CantContext = { redirectSentences: new Set() }): Hit[] {
  const refusals: { start: number; end: number }[] = [];
  const refusalClauses = new Set<number>();
  for (const s of sentences) {
    if (/\?\s*$/.test(s.text)) continue;
    const at = refusalAt(s.text);
    if (at < 0) continue;
    const clause = clauseAt(s, s.start + at);
    refusals.push(clause);
    refusalClauses.add(clause.start);
  }
  if (refusals.length === 0) return [];
  if (ctx.redirectSentences.size > 0) return [];
  if (alternativeIn(sentences, refusalClauses)) return [];
  const first = refusals[0]!;
  const sentence = sentences.find((s) => s.start <= first.start && first.start < s.end)?.text ?? '';
  return [
    {
      kind: 'cant_focus',
      ...first,
      message: 'This dwells on what cannot be done and offers the customer nothing in its place.',
      suggestion: suggestionFor(sentence),
    },
  ];
}

/** Where the sentence refuses, or -1. */
export function refusalAt(text: string): number {
  for (const m of matches(REFUSAL, text)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index);
    const verbFirst = after.replace(/^(?:i|we)(?: just| simply| really)? /i, '');
    if (IDIOM.test(verbFirst) || PERCEPTION.test(verbFirst)) continue;
    if (DOUBLE_NEGATIVE.test(before) || CONDITION.test(before)) continue;
    if (WHEN.test(before) && CUSTOMER_SUBJECT.test(before) && !/\bit\s*$/i.test(before)) continue;
    // "estimated reads get done when the meter reader can't get access": a third party's trouble, told as the
    // circumstance in a when-clause, refuses nothing.
    if (/^(?:can ?not|can't|cant|couldn't|could not|unable to)\b/i.test(after) && /\b(?:when|whenever|once)\s+(?:(?:the|a|an|your|their) (?!(?:payment|money|order|booking|refund|transfer|ticket|item|parcel|claim)\b)[\w-]+(?: [\w-]+)?|they|he|she)\s*$/i.test(before)) continue;
    // "…, so bags bigger than A4 aren't allowed in" explains a rule; "…, so there's nothing I can do" still refuses.
    const serviceRefusal = /^(?:can ?not|can't|cant|won't|will not) be (?:refunded|reversed|changed|cancell?ed|exchanged|returned|reissued|amended|moved|transferred|credited|waived|extended|replaced|repaired|reinstated)\b|^(?:can ?not|can't|cant) (?:override|overturn|lift|waive|reverse|amend|approve|release|unblock|unfreeze)\b|^(?:wouldn't|won't|doesn't|does not|would not|will not|don't|do not) qualify\b/i.test(after);
    // "… so it can't slip through again": a purpose the agent is securing, not a refusal.
    if (/\bso(?: that)? (?:it|this|that|they|nobody|no one)\s*$/i.test(before) && /^[^.;!?]{0,40}\bagain\b/i.test(after)) continue;
    if (CONSEQUENCE.test(before) && !serviceRefusal && !/\b(?:i|we|me|us|i'm|we're|afraid|unfortunately|sadly)\b/i.test(`${/\bso\b[^,;]*$/i.exec(before)?.[0] ?? ''} ${text.slice(m.index, m.index + m[0].length + 30)}`)) continue;
    if (CUSTOMER_SUBJECT.test(before) && REPORTED.test(before)) continue;
    // A past attempt that failed is a report, not a refusal: "the driver was unable to deliver because nobody was in",
    // "sorry we weren't able to get to you sooner".
    if (/^(?:unable to|(?:could ?not|couldn't)\b|(?:were|was)(?: not|n't) able\b)/i.test(after) || /\b(?:was|were)\s*$/i.test(before)) {
      const pastAttempt = /\b(?:the|our|your) (?:[\w-]+ )?(?:driver|courier|engineer|technician|postman|postie|rider|fitter|plumber|electrician|crew|team|surveyor|nurse|doctor|agent)\s+(?:was|were)?\s*$|\b(?:he|she|they)\s+(?:was|were)?\s*$/i.test(before);
      const tooLate = /^[^.;!?]{0,60}\b(?:sooner|earlier|in time|yesterday|last (?:week|night|time)|this morning|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i.test(after);
      if (pastAttempt || tooLate) continue;
    }
    return m.index;
  }
  return -1;
}

/** The first clause that offers something in place of the refusal, or null (exported for tests and debugging). */
export function alternativeIn(sentences: Sentence[], refusalClauses: Set<number>): string | null {
  for (const s of sentences) {
    if (isFormality(s.text)) continue;
    // "We can't refund it, but our outlet store has the same model at half price": a turn to something offered.
    const turn = /(?:,|;|—|–)?\s*\bbut\b\s+([^.;!?]+)/i.exec(s.text);
    if (turn && refusalAt(s.text) >= 0 && turn.index > refusalAt(s.text) && !NOT_AN_OFFER.test(turn[1]!)) return turn[0];
    for (const c of clausesOf(s)) {
      const text = s.text.slice(c.start - s.start, c.end - s.start);
      // The refusal's own clause ("we can't offer an exchange") cannot also be its alternative.
      if (refusalClauses.has(c.start) || refusalAt(text) >= 0) continue;
      if (NO_OFFER.test(text)) continue;
      // "It's payable before we can submit your application": a condition of ours, not something offered.
      const offered = text.replace(/\b(?:before|until|unless|so that|in order that|so)\s+(?:we|i)\s+(?:can|could|will|are able to)\s+\w+/gi, ' ');
      if (ALTERNATIVE.test(offered) || (AVAILABLE.test(offered) && !NOT_AN_OFFER.test(offered))) return text;
    }
  }
  return null;
}

/** A rewrite hint that names the likely alternatives for what was refused. */
function suggestionFor(sentence: string): string {
  const s = sentence.toLowerCase();
  if (/refund|money back|reimburse|compensat/.test(s)) {
    return 'Lead with what you can do: offer the exchange, a repair, store credit or a partial refund, then mention the limit in one short clause.';
  }
  if (/cancel|change|amend|modify|move|update/.test(s)) {
    return 'Lead with what you can do: say what can still be changed, or offer to set up the new order, booking or request for them, then give the limit briefly.';
  }
  if (/deliver|ship|send|express|date|appointment|book/.test(s)) {
    return 'Lead with what you can do: offer the nearest option you have (another service, a date, a slot, a collection point) and commit to it.';
  }
  return 'Lead with what you can do: offer a concrete alternative or a next step you will take, and keep the limit to one short clause.';
}
