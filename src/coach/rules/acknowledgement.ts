// no_acknowledgement: the customer complained or is upset, and the draft answers without any apology,
// empathy or validation. Whether they complained is read from the ticket's last customer message, the
// customer text quoted in the draft, and what the draft itself says about the problem.
import type { Sentence } from '../text.ts';
import { isFormality, sentenceSpan, type Hit } from './clauses.ts';
import { complaintScore } from './complaint.ts';
import { learnedComplaint } from '../learned.ts';

// The draft's own account of a problem ("I see your order arrived damaged", "regarding your complaint").
const DRAFT_COMPLAINT = new RegExp(
  [
    "\\b(?:your|the) (?:complaint|frustration|disappointment|concerns? about|dissatisfaction)\\b",
    "\\b(?:regarding|re|about|following|in response to) (?:your|the) (?:complaint|issue|problem|missing|damaged|faulty|broken|late|delayed|lost|incorrect|wrong|double)\\b",
    "\\byou (?:said|say|mentioned|mention|reported|report|wrote|told us|tell us|noted|claim|stated|complained)\\b[^.!?]{0,80}\\b(?:broken|damaged|faulty|defective|missing|wrong|late|never|not|hasn't|didn't|doesn't|isn't|wasn't|twice|overcharged|lost|cracked|rude|upset|unhappy|disappointed|frustrated|waiting)\\b",
    "\\byour (?:report|reports|email|message|letter|call|complaint) (?:that|about|of|saying|regarding)\\b[^.!?]{0,100}\\b(?:failed|broken|damaged|faulty|defective|missing|wrong|late|never|not|hasn't|didn't|doesn't|isn't|wasn't|leak\\w*|second time|again|twice)\\b",
    "\\b(?:arrived|came|was delivered|is) (?:damaged|broken|late|faulty|cracked|smashed|defective|incomplete|missing)\\b",
    "\\b(?:charged|billed) (?:you )?(?:twice|double|two times|again|incorrectly|wrongly)\\b",
    "\\b(?:still|never|hasn't|has not|haven't|have not|didn't|did not) (?:arrived|been delivered|received|been refunded|working|been fixed|got back to you|called you back|heard back)\\b",
    "\\b(?:logged|noted|recorded|registered|filed|passed on) (?:your|the) (?:complaint|feedback|issue)\\b",
    // The draft names the failure it answers: "the double charge on your card", "the late delivery was caused by…".
    "\\b(?:the|your) (?:double|duplicate|incorrect|wrong|unexpected|unauthori[sz]ed) (?:charge|payment|debit|bill|fee|deduction)s?\\b",
    "\\b(?:the|your) (?:late|delayed|missed|failed|cancell?ed|missing|damaged|faulty|broken|lost|incorrect|wrong) (?:delivery|deliveries|order|parcel|package|item|appointment|collection|refund|payment|booking|flight|train|service|installation|repair|visit|pickup|pick-up)\\b",
    // Restating how the customer feels is not acknowledging it: "I see you're unhappy about the delay".
    "\\byou(?:'re| are| were|'ve been| have been| seem| sound) (?:\\w+ )?(?:unhappy|upset|frustrated|annoyed|disappointed|angry|dissatisfied|not happy|concerned) (?:about|with|that|by)\\b",
    "\\b(?:your|the) complaint (?:regarding|about|concerning|re|of)\\b|\\b(?:complaint|grievance) (?:has been|was|is) (?:registered|logged|recorded|noted|received|closed)\\b",
  ].join('|'),
  'i',
);

// Apology, empathy or validation in the agent's words.
const ACKNOWLEDGEMENT = new RegExp(
  [
    "\\b(?:sorry|apologi[sz]e\\w*|apologies|apology|regret|regrettable)\\b",
    // "I understand how annoying…", "I get why you're upset", "I understand you're frustrated"; "I understand you want a
    // refund" only restates the request.
    "\\b(?:i|we) (?:completely |totally |fully |really |do |can |absolutely )?(?:understand|get|hear)(?: (?:how|why)\\b| you(?:'re| are| were| must| feel| might be| may be)\\b| (?:that|your|the|what|this|it)\\b(?=[^.!?]{0,60}\\b(?:frustrat|annoy|upset|disappoint|inconvenien|stress|worr|concern|difficult|hard|unacceptable|awful|let down|should|hassle|angry|cross|fed up|unhappy|not (?:good|great|right|fair|ok)|anxious|distress|trouble|pain|bad)))",
    "\\bunderstandabl[ey]\\b|\\bunderstandably\\b",
    "\\b(?:frustrat\\w*|annoying|upsetting|stressful|disappointing|inconvenien\\w*|worrying|maddening|exasperating|concerning|infuriating)\\b",
    "\\bthank(?:s| you) (?:so much |very much |again )?for (?:your patience|bearing with|being patient|your understanding|sticking with)",
    "\\b(?:appreciate|appreciated) (?:your patience|you (?:letting|bringing|flagging|raising|telling|being)|how|that this|the (?:frustration|inconvenience|trouble|hassle))",
    "\\byou(?:'re| are) (?:absolutely |completely |quite |totally )?right\\b|\\bfair (?:point|enough|question)\\b|\\byou have every right\\b|\\bthat's a fair\\b",
    "\\b(?:that|this|it)(?:'s| is| was)? (?:not|n't|never) (?:acceptable|ok|okay|good enough|the (?:experience|service|standard)|what (?:we|you|i))|\\bunacceptable\\b|\\b(?:should(?:n't| not)|should never) have (?:happened|been (?:like|the case|allowed))\\b",
    "\\bmust (?:be|have been) (?:so |really |very |incredibly |quite )?(?:annoying|frustrating|stressful|upsetting|disappointing|inconvenient|worrying|difficult|a pain|awful|hard)\\b",
    "\\bwhat a (?:pain|hassle|nuisance|headache|nightmare)\\b|\\b(?:that|this) (?:sounds|is|was|'s) (?:awful|terrible|horrible|really (?:annoying|frustrating|bad)|not (?:good|great)|a (?:pain|hassle|headache|nightmare))\\b",
    "\\bi can (?:only )?(?:imagine|see why|see how|understand)\\b",
    "(?<!\\b(?:not|isn't|is not|wasn't|was not|n't)\\s)\\b(?:our|my) (?:mistake|fault|error|bad|apologies)\\b|\\bwe (?:messed|slipped|dropped the ball|got (?:this|it|that) wrong|let you down|made a mistake)\\b|\\blet you down\\b",
    "\\b(?:totally|completely|fully) (?:get|understand|hear)\\b|\\b(?:i|really) hear you\\b|\\bbummer\\b|\\b(?:that|this|it) (?:really |totally )?sucks\\b|\\bwhat a drag\\b|\\bvalid (?:point|concern|complaint)\\b|\\bempathi[sz]e\\b|\\bsympathi[sz]e\\b|\\bfeel (?:for you|your)\\b",
    "\\b(?:unfortunate|not ideal|far from ideal|not the (?:experience|service|standard)|below (?:the|our) standard|fell short|falls short|not up to (?:scratch|standard|par))\\b",
    "\\bthat's (?:really |so |very )?(?:not on|poor|bad|rough|tough|rubbish|a shame)\\b|\\bwhat a shame\\b|\\bshame\\b|\\bgutted\\b",
    "\\bthank(?:s| you) for (?:your|the) (?:feedback|honest feedback) (?:and|—|-)",
    "\\b(?:good|great|nice|fair) (?:catch|spot)\\b|\\bwell spotted\\b|\\bslipped (?:past|through) (?:us|our)\\b",
    "\\bpardon (?:the|our|my)\\b|\\b(?:that's|this is|it's|that one's) on me\\b|\\bmea culpa\\b|\\bi hate that\\b|\\b(?:not|never) what you (?:needed|wanted|expected|deserve)\\b|\\byou deserve(?:d)? better\\b|\\bwe owe you\\b|\\b(?:oh dear|oops|whoops|yikes|oof)\\b",
    "\\b(?:i'd|i would|anyone would) (?:be|feel) (?:annoyed|frustrated|upset|furious|cross|angry|the same)(?: too)?\\b|\\byou have every reason\\b|\\brightly (?:so|annoyed|upset|frustrated)\\b|\\boh no\\b|\\bi feel (?:terrible|awful|bad)\\b|\\b(?:that's|this is|it's) on us\\b|\\bwhat a (?:rubbish|terrible|awful|horrible|miserable|frustrating|stressful|rotten) \\w+|\\bmust (?:be|have been) (?:a|such a) (?:shock|worry|nightmare|pain|blow)\\b",
    // Empathy and validation in more voices (issue 5, round 3): "I realise how disruptive this has been", "sad to hear",
    // "not good at all", "I'd be fuming too", "totally fair to be annoyed", "ugh".
    "\\b(?:i|we) (?:fully |really |completely |do |can |totally )?(?:realise|realize|recogni[sz]e|know|see|appreciate)\\b[^.!?]{0,60}\\b(?:disrupt\\w*|hassle|trouble|stress\\w*|annoy\\w*|frustrat\\w*|inconvenien\\w*|difficult|upset\\w*|worr\\w*|awful|rough|pain|mess|ordeal|blow|shock|disappoint\\w*|let down)",
    "\\bcaused you (?:real |a lot of |so much |such |considerable |a great deal of )?(?:trouble|hassle|stress|worry|inconvenience|grief|problems|distress|upset)\\b",
    "\\b(?:hate|sad|saddened|gutted|heartbroken|devastated|upset) to (?:hear|read|learn|see)\\b|\\bcondolences?\\b|\\b(?:my|our) (?:deepest |sincere |heartfelt )?sympath(?:y|ies)\\b|\\bheartbreaking\\b",
    "\\b(?:that|this|it)(?:'s| is| was)? (?:really |just |simply |clearly |certainly |definitely )(?:not|n't) (?:acceptable|ok|okay|good enough|good|great|right|fair|on)\\b|^\\s*not (?:good|great|ok|okay|right|fair|on)(?: at all| enough)?\\b|\\bnot how (?:it|this|things) should (?:have gone|be|work|have happened)\\b",
    "\\b(?:poor show|not our (?:finest|best)(?: hour| moment)?|the worst|(?:one|two|three|\\w+) (?:times? )?too many)\\b|\\b(?:ugh|argh|ouch)\\b",
    "\\b(?:i'd|i would|anyone would|we'd|we would) (?:be|feel) (?:fuming|livid|cross|mad|raging|gutted|upset|annoyed|frustrated|furious)\\b|\\b(?:totally|completely|perfectly|entirely|quite) (?:fair|reasonable|understandable)\\b|\\bright to be (?:annoyed|upset|frustrated|angry|cross|disappointed|concerned|worried)\\b",
    "\\b(?:for|appreciate) your (?:patience|understanding)\\b",
    // Round 5: the failure's weight validated ("six weeks is far too long", "not how anyone should be spoken to").
    "\\b(?:is|was|'s|been) (?:a |such a )?(?:long|very long|really long) (?:time to wait|wait)\\b|\\b(?:is|'s|was) no good\\b|\\b(?:far|way|much|simply|just|really) too (?:long|slow)\\b|\\btoo long (?:to wait|a wait)\\b|\\b(?:longer|slower) than (?:it )?(?:should|ought to)\\b|\\b(?:not|isn't|is not|wasn't|was not) how (?:[\\w']+ ){1,3}(?:should|ought to)\\b",
    "\\b(?:i|we) (?:totally |completely |really |honestly |do )?(?:get it|understand)(?=\\s*(?:[,.!;—–-]|$))|\\b(?:hold|holding|put) (?:our|my) hands? up\\b|\\bshould(?:n't| not|'ve never| never) (?:have )?(?:had|needed) to\\b|\\bappreciate (?:that )?(?:this|that|it)(?:'s| is| isn't| is not| wasn't| was not| has been| hasn't been)\\b",
  ].join('|'),
  'i',
);

// Empathy said about the situation: "Waiting for results is hard, I know", "I know how stressful this is".
const SITUATION = /\b(?:is|are|can be|must be|has been|'s been|'s) (?:so |really |very |incredibly |always |never )?(?:hard|tough|difficult|nerve-?wracking|stressful|worrying|horrible|awful|miserable|scary|easy)\b[^.!?]{0,12}\b(?:i know|i understand|i'm sure|i imagine|i can imagine)\b|\b(?:i|we) know (?:how|it's|it is|this is|that's|that is|this has been|it's been) (?:so |really |very |incredibly )?(?:hard|tough|difficult|stressful|worrying|frustrating|annoying|scary|upsetting|disruptive)\b/i;

// Restating the customer's feeling ("I can see you're frustrated that the app double-booked your class", "I note you
// are unhappy with the decision") reports it; it is not empathy. "I can see how frustrating this is" still is.
const RESTATED = /\b(?:i|we) (?:can )?(?:see|note|notice|gather|observe) (?:that )?you(?:'re| are| were|'ve been| have been| seem| sound| feel| felt)? (?:\w+ )?(?:frustrated|upset|unhappy|annoyed|disappointed|angry|dissatisfied|concerned|cross|worried)\b/gi;

// An interjection aimed at a third party ("Ugh, that desk is a franchise and they're a nightmare") vents about them;
// beside blame it is not empathy for the customer.
const INTERJECTION_ONLY = /^(?:ugh|argh|ouch|oh no|shame|nightmare|a nightmare|what a nightmare)$/i;

function acknowledges(s: Sentence, blamed: ReadonlySet<number>): boolean {
  if (SITUATION.test(s.text)) return true;
  const text = s.text.replace(RESTATED, (m) => ' '.repeat(m.length));
  const m = ACKNOWLEDGEMENT.exec(text);
  if (!m) return false;
  if (blamed.has(s.start) && INTERJECTION_ONLY.test(m[0].trim())) {
    // Only the venting word: look for real empathy elsewhere in the sentence.
    const rest = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
    return ACKNOWLEDGEMENT.test(rest) && !INTERJECTION_ONLY.test(ACKNOWLEDGEMENT.exec(rest)?.[0].trim() ?? '');
  }
  return true;
}

/** Does any sentence apologise, empathise or validate? A greeting can carry the apology on its line ("Hi Priya, sorry
 * about the overcharge."), so every sentence counts. */
export function acknowledgesAny(sentences: Sentence[], blamed: ReadonlySet<number> = new Set()): boolean {
  return sentences.some((s) => acknowledges(s, blamed));
}

const REPORTED = /\byour (?:feedback|e-?mail|message|call|letter|report|chat|complaint|concerns?|query|enquiry|note|review)\b/i;

export type ComplaintSources = { context: string | null | undefined; quoted: string };

/** Is there a complaint or an upset customer to answer? */
export function customerComplained(sentences: Sentence[], sources: ComplaintSources): boolean {
  const customer = `${sources.context ?? ''}\n${sources.quoted}`;
  if (complaintScore(customer) >= 1) return true;
  // Where the lexicon finds nothing, the learned reading of the customer's words may (see learned.ts).
  if (learnedComplaint(customer)) return true;
  // "Following your call about the outage", "your message that the app keeps crashing": the draft restates a failure
  // the customer reported.
  return sentences.some((s) => DRAFT_COMPLAINT.test(s.text) || (REPORTED.test(s.text) && complaintScore(s.text) >= 1));
}

/** Finds a reply to a complaint that never acknowledges it. */
export function findNoAcknowledgement(sentences: Sentence[], sources: ComplaintSources, blamed: ReadonlySet<number> = new Set()): Hit[] {
  const words = sentences.filter((s) => !isFormality(s.text));
  if (words.length === 0) return [];
  if (acknowledgesAny(sentences, blamed)) return [];
  if (!customerComplained(sentences, sources)) return [];
  // Point at the sentence that takes up the complaint, or else where the answer opens.
  const anchor = words.find((s) => DRAFT_COMPLAINT.test(s.text)) ?? words[0]!;
  return [
    {
      kind: 'no_acknowledgement',
      ...sentenceSpan(anchor),
      message: 'The customer is upset about a problem, and this reply goes straight to business without acknowledging it.',
      suggestion:
        'Open by acknowledging what happened and how it affected them, e.g. "I\'m sorry your order arrived damaged. That\'s not the experience we want for you.", then give the fix.',
    },
  ];
}
