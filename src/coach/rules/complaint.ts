// Did the customer complain? A small score over the customer's words: feelings weigh most, a failure of
// the service or product counts, emphasis and repetition add, and a plain question with one stray
// problem word ("my parcel is stuck in customs, what do they need?") stays a question.

const FEELING = new RegExp(
  "\\b(?:angry|furious|livid|fuming|upset|annoyed|irritated|frustrat\\w*|disappoint\\w*|unhappy|not happy|fed up|fed-up|sick (?:and tired )?of|appall\\w*|outrag\\w*|disgust\\w*|unacceptable|not acceptable|ridiculous|absurd|terrible|awful|horrible|horrendous|dreadful|worst|useless|pathetic|shocking|disgrace\\w*|(?:a|absolute|total|complete) joke|rip-?off|scam|theft|robbery|cheated|ripped off|lie|lied|lying|liars?|insane|shoddy|rude|humiliat\\w*|embarrass\\w*|gutted|devastated|desperate|worried|wits' end|in bits|stressed|stressful|dangerous|stinks|incompetent|hopeless|nightmare|failing (?:us|me)|never again|not ordering|complain\\w*|can't afford|costing me|threaten\\w*|furious|livid|shambles|beyond a joke|had enough|last straw|fuming|not good enough|poor service|terrible service|want (?:my|a|the|our) (?:money|refund|cash)|give (?:me|us) (?:my|our) money back|made it up|you owe me|explain (?:this|yourselves)|how dare|sort it out|shaking|scared|frightened|terrified|panick?(?:ing|ed)?|distressed|anxious|heartbroken|crying|in tears|beside myself|helpless|unbelievable|gobsmacked|cheesed off|hacked off|ruined|let down|expected better|taking my business elsewhere|speak to (?:a|your) manager|last time i|not what i paid for|you people|very poor|poor service|poor communication|can't believe|cannot believe|how hard can it be|waste of (?:time|money)|shocked|appalled|infuriat\\w*|unhelpful|no help|fobbed off|messed up|screwed up|chaos|a mess|what a joke)\\b",
  'gi',
);

const FAILURE = new RegExp(
  "\\b(?:broken|broke|damaged|faulty|defective|smashed|shattered|split|leaking|leaks|stained|ripped|missing|lost|never (?:arrived|got|came|received|turned up|showed)|hasn't (?:arrived|moved|come|been|turned up)|haven't (?:been|received|got|heard)|still (?:hasn't|haven't|not|no|waiting|shows|can't|don't|doesn't|isn't)|not here|didn't (?:work|arrive|say|turn up|come|show)|doesn't (?:work|open|fit|turn on|charge)|won't (?:work|open|light|start|take|turn on|charge|load)|stopped working|packed up|crashed|crashing|(?:is|was|been) down|declined|rejected|refused|refusing|cancel+ed|removed|deleted|charged|overcharged|double[- ]charged|billed|surcharge|late|delayed|stone cold|cold|(?:is|was|are|were|got (?:it|this|that)|been|all) wrong|(?:to|the) wrong (?:place|person|address|house|door|account|email|number|branch|flat|customer)|wrong (?:item|size|colou?r|order|address|amount|product|one|date|time|price|band|room|ticket|name)|(?:is|are|was|were) (?:all )?gone|kicked|turned (?:us|me) away|locked out|without (?:a|my|any|hot|power|heating|water|internet|phone)|no (?:signal|text|call|email|warning|notice|confirmation|reply|response|one|answer)|nobody|no one|nowhere|gone missing|went missing|been waiting|waited|threw|promised|off since|mould|mold|written off|sent back|(?:has|have|'ve|has been|keeps?|kept) missed|(?:driver|courier|engineer|crew|bin men|collectors?|they|you) (?:have |has |'ve )?missed|(?:has|had|got|sent|gave|put|with|showing|shows|came with) (?:me |us )?(?:the |a )?wrong [\\w-]+|you've kept|kept taking|not included|isn't included|it's been (?:\\d+|a|two|three|four|five|six|several|many) (?:days|weeks|months)|(?:hasn't|haven't|has not|have not|didn't|did not|never|still not|still hasn't|still haven't) (?:fixed|sorted|repaired|replied|answered|called|refunded|sent|delivered|turned up|responded|got back|paid|processed|resolved|returned|rung|emailed)|fined|penali[sz]ed|now (?:you're|you are|they're|they are) (?:saying|telling|refusing|charging)|now it's (?:£|\\$|€)\\d|now (?:i've|i have) been|now i'm being|without telling|(?:asked|told|called|rung|rang|emailed|written|chased)(?: you)?(?: about (?:this|it))? (?:\\w+ )?(?:times|twice)|where (?:is|'s|has|are) my)\\b",
  'gi',
);

// Wear and accidents ("the bin has cracked") are only half a complaint until the company is part of the story.
const DAMAGE = /\b(?:dent|dents|dented|scratch(?:ed|es)?|chipped|cracked|bent|crushed|soaked|torn|mouldy|moldy|rotten|spoiled|expired|stained|ripped)\b/gi;
const COMPANY_DID = /\b(?:you|your (?:driver|courier|engineer|technician|staff|team|store|shop|website|site|app|system|receptionist|agent|rep|company|people|service))(?:'ve| have)?\s+(?:just\s+)?(?:delivered|sent|supplied|fitted|installed|left|threw|dropped|damaged|broke|lost|charged|cancell?ed|refused|gave|told|billed|kept|rejected|ignored|promised)\b/gi;

const EMPHASIS = /!!|\?!|!\?|\?\?|\b(?:again|AGAIN|second time|third time|fourth time|fifth time|(?:two|three|four|five|six|\d+) (?:times|weeks|days|months) (?:running|in a row|now))\b/g;
const SHOUT = /\b[A-Z]{3,}\b/g;
// Capitals that are names of things, not raised voices.
const ACRONYM = /^(?:USA|UK|EU|ASAP|FYI|UPS|DHL|USPS|PIN|ID|SMS|PDF|URL|FAQ|IBAN|BIC|VAT|TV|PC|USB|HDMI|GPS|AM|PM|API|CSV|SSO|ISA|HMO|NBN|NHS|DVLA|HMRC|GP|CEO|IT|HR|SIM|ATM|CVV|UTC|GMT|BST|EST|PST|SUV|MOT|ETA|OTP|VPN|DNS|WIFI|ISP|ONE|THE|AND|FOR)$/;
const POLITE_REQUEST = /^\s*(?:please\s+)?(?:can|could|may|would) (?:i|we|you)\b|^\s*(?:is|would) it (?:be )?possible\b|^\s*is there (?:any )?way\b|^\s*(?:would|will) you be able\b/i;
const QUESTION_START = /^\s*(?:hi|hello|hey|dear)?[^a-z]{0,3}\s*(?:can|could|is|are|do|does|how|when|what|which|would|will|any|should|has|have|may|might|quick question|i'd like|we'd like|thinking|just wondering|please could)\b/i;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return (text.match(re) ?? []).length;
}

/** Failures the customer reports of the company, not their own doing ("I cancelled a day late"). */
function countFailures(text: string): number {
  let n = 0;
  FAILURE.lastIndex = 0;
  for (let m = FAILURE.exec(text); m; m = FAILURE.exec(text)) {
    const own = /\b(?:i|we)(?: just| have| had|'ve|'d)? $/i.test(text.slice(Math.max(0, m.index - 12), m.index));
    if (!own || !/^(?:cancel+ed|missed|lost|broke|damaged|deleted|removed|late|wrong|declined|refused|rejected)$/i.test(m[0])) n++;
  }
  return n;
}

/** How strongly the customer's words complain (below 1 = not a complaint; 1 or more counts as one). */
export function complaintScore(text: string): number {
  const t = text.length > 8000 ? text.slice(0, 8000) : text;
  if (!t.trim()) return 0;
  const feelings = count(FEELING, t);
  const failures = countFailures(t);
  const emphasis = count(EMPHASIS, t);
  const shouts = (t.match(SHOUT) ?? []).filter((w) => !ACRONYM.test(w)).length;
  const damage = count(DAMAGE, t);
  const companyDid = count(COMPANY_DID, t);
  // A single "!" adds half: with one failure it tips a report into a complaint.
  const bangs = /(?<![!?])!(?![!?])/.test(t) ? 0.5 : 0;
  let score = 2 * Math.min(feelings, 3) + Math.min(failures + companyDid + damage / 2, 3) + Math.min(emphasis + shouts + bangs, 2);
  // A request or question that mentions one problem in passing is asking, not complaining.
  const lastClause = t.trim().split(/(?<=[.!?,;])\s+/).pop() ?? '';
  if (feelings === 0 && score <= 1 && (QUESTION_START.test(t) || POLITE_REQUEST.test(lastClause))) score = 0;
  return score;
}
