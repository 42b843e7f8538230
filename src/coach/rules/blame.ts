// blame: the draft moves responsibility onto a colleague, another team, a vendor, "the system" or the customer.
import type { Sentence } from '../text.ts';
import { clauseAt, matches, type Hit } from './clauses.ts';

const TEAM = '(?:billing|shipping|warehouse|delivery|dispatch|accounts?|finance|sales|tech(?:nical)?|it|support|returns|logistics|dev(?:elopment)?|engineering|product|marketing|fulfil?ment|payments?|install(?:ation)?|service|customer service|front desk|head office|store|branch|kitchen|booking|reservations?|operations|ops|quality|legal|management)';
const OTHERS = [
  '(?:my|our|a|one of (?:my|our)) (?:colleagues?|co-?workers?|team ?mates?|managers?|supervisors?|predecessors?|staff|trainees?|new (?:guy|hire|starter))',
  '(?:the|your|that) (?:previous|last|other|first|earlier|night|weekend|new|temp(?:orary)?) (?:agent|rep|representative|person|colleague|guy|girl|advisor|adviser|shift|team|staff member|employee|technician|engineer)',
  `(?:the|our|that) ${TEAM}(?: (?:team|department|dept|people|guys|folks|staff|lads|side|office))?`,
  `${TEAM} (?:team|department|dept|people|guys|folks|staff)`,
  '(?:the |your |our )?(?:courier|carrier|delivery (?:driver|company|firm|partner)|driver|postman|post office|postal service|supplier|vendor|manufacturer|factory|payment (?:provider|processor|gateway)|third[- ]party|contractor|partner|installer|engineer|technician)s?',
  '(?:the |our |your )?(?:system|software|computer|website|site|app|machine|algorithm|tool|platform|database|server)',
  '(?:ups|fedex|dhl|usps|royal mail|hermes|evri|dpd|parcelforce|paypal|stripe|amazon|the bank|your bank)',
  '(?:whoever|someone|somebody|they|he|she)',
].join('|');
// A colleague by name ("Bob", "Sarah in billing"): case matters, so it has a regex of its own.
const NAMED = '[A-Z][a-z]{2,}(?: (?:in|from|on) (?:the )?[A-Za-z]+)?';

const FAILURE = [
  '(?:messed|screwed|mucked|cocked|botched|fouled|balls?ed|stuffed) (?:it |this |that |things |your \\w+ )?up',
  'made (?:a|an|the|another) (?:\\w+ )?(?:mistake|error|mess|hash|blunder)',
  'got (?:it|this|that|your \\w+|the \\w+) (?:all )?wrong',
  '(?:gave|give|told|tell|sent|send) (?:you|people|customers|everyone) (?:the |some |a )?(?:wrong|incorrect|bad|false|outdated)',
  '(?:always|keeps?|constantly|often|never stops?) (?:tell|telling|gives?|giving|gets?|getting|mess|messing|screw|screwing|forget|forgetting|lose|losing|break|breaking|mix|mixing|mislabel)',
  'dropped the ball',
  'never (?:sent|processed|updated|shipped|told|passed|logged|bothered|checked|followed|read|entered)',
  "(?:didn't|did not) (?:bother|process|send|update|pass|log|read|check|follow|enter|do (?:their|his|her) job)",
  'failed to',
  "(?:forgot|neglected) to",
  '(?:should|shouldn\'t|should not) have (?!been able)',
  '(?:was|were) supposed to',
  '(?:is|are|was|were) (?:useless|incompetent|hopeless|clueless|terrible|awful|rubbish|a nightmare|always (?:wrong|broken|down|glitching|slow|late))',
  '(?:glitched|bugged out|crashed|went haywire|screwed up|messed up)',
  '(?:is|are|was|were) (?:to blame|at fault|responsible for (?:this|the|that|your))',
  "(?:lost|misplaced|mislaid|broke|damaged|mislabell?ed|mixed up|ignored) (?:it|your|the|this|that)",
].join('|');

const ADVERBS = "(?:(?:\\w+ly|just|also|clearly|must have|probably|then|obviously|apparently|again)\\s+)*";
const THIRD_PARTY_FAULT = [
  new RegExp(`(?:^|[^\\w'])(${OTHERS})\\s+${ADVERBS}(${FAILURE})`, 'gi'),
  new RegExp(`(?:^|[^\\w'])(${NAMED})\\s+${ADVERBS}(${FAILURE})`, 'g'),
];

const PATTERNS: RegExp[] = [
  // Fault named outright: "that's billing's fault", "not our fault", "the courier's fault".
  /\b(?:it'?s|it is|it was|that'?s|that is|that was|this is|this was|was|is|entirely|totally|all|completely|really)\s+(?:entirely\s+|all\s+|totally\s+|completely\s+|really\s+|down to\s+|on\s+)?(?!(?:our|my)\b)(?:[\w-]+'s|their|his|her|your|the [\w ]{1,25}'s)\s+(?:fault|mistake|error|doing|problem|responsibility|issue|screw-?up|mess)\b/gi,
  /\bnot (?:our|my|the company's) (?:fault|problem|responsibility|department|job|area|issue|concern|remit|doing|mistake)\b/gi,
  /\b(?:that|this|it)(?:'s| is| was)(?:n't| not) (?:on )?(?:us|me|my (?:end|side|doing)|our (?:end|side|doing))\b/gi,
  /\b(?:that|this|it)(?:'s| is| was) (?:not|n't) (?:something|anything) (?:i|we) (?:handle|deal with|are responsible for|control|can be blamed for)\b/gi,
  /\bnothing to do with (?:me|us|our (?:team|company|store|side|end))\b/gi,
  /\b(?:i|we) (?:just|only) work here\b/gi,
  /\b(?:above|beyond) my pay ?grade\b/gi,
  /\bi (?:don'?t|do not) make the (?:rules|polic(?:y|ies))\b/gi,
  /\bnot (?:up to|down to|my call|my decision)\b(?! (?:you|the customer))/gi,
  /\bthat'?s on (?:them|him|her|the \w+|billing|\w+'s end)\b/gi,
  /\b(?:blame|blaming) (?:the|our|your|their|them|him|her|[A-Z]\w+|it on)\b/g,
  /\b(?:the|our) (?:\w+ )?(?:team|department|system|courier|supplier|warehouse) (?:is|are|was|were) (?:at fault|to blame)\b/gi,
  new RegExp(`\\b(?:that'?s|it'?s|this is|that is|it is|they are|they're) (?:a |an )?(?:${TEAM}|courier|supplier|warehouse|manufacturer|vendor)(?:'s)? (?:issue|problem|thing|mess|fault|department|job),? not (?:ours|mine|us|me)\\b`, 'gi'),
  // The customer's fault: "you should have read the terms", "you entered the wrong address".
  /\byou (?:really )?(?:should|ought to|needed to|were supposed to|was supposed to|must) have (?!(?:received|got|gotten|been (?:sent|given|contacted|notified|emailed|told|refunded|charged)|seen an?|had an?)\b)(?:\w+ ){0,2}?(?:read|checked|looked|followed|known|noticed|realised|realized|paid|double-checked|entered|ordered|selected|chosen|told|contacted|measured|confirmed|kept|used|tested|asked)\b/gi,
  /\b(?:if you had|had you|if you'd)\s+(?:\w+ )?(?:read|checked|followed|looked|paid attention|bothered|noticed|measured|ordered)\b/gi,
  /\byou (?:didn'?t|did not|never|failed to|forgot to|neglected to)\s+(?:bother to\s+)?(?:read|check|follow|pay attention|notice|bother|measure|double-check|look at)\b/gi,
  /\byou (?:must have |clearly |obviously |probably )?(?:entered|typed|selected|chose|picked|used|gave us|put in|provided|ordered|filled in|booked|clicked) (?:in )?(?:the |an? |your )?(?:\w+ )?(?:wrong|incorrect|invalid|old|outdated)\b/gi,
  /\b(?:your|the customer's) (?:own )?(?:fault|mistake|error|responsibility to)\b/gi,
  /\buser error\b/gi,
  /\b(?:as|which is|it is|it's|this is|that is) (?:clearly|plainly|explicitly|very clearly) (?:stated|written|explained|shown|mentioned|outlined|marked|listed)\b/gi,
  /\byou (?:agreed|accepted|consented) to (?:the|our|these) (?:terms|t&cs?|conditions|policy|polic(?:y|ies))\b/gi,
  /\b(?:it|this|that) (?:clearly )?(?:says|said|states|stated) (?:so |that )?(?:clearly |right )?(?:on|in) (?:the|our) (?:terms|website|site|listing|page|description|product page|confirmation|email|faq)\b/gi,
];

// Naming an outside cause (weather, a strike, a national holiday) explains; it does not shift blame.
const OUTSIDE_CAUSE = /\b(?:storm|snow|flood|weather|strike|industrial action|holiday|pandemic|covid|hurricane|earthquake|wildfire|road closure|customs|outage at|power cut)\b/i;
// Owning the mistake for the team is the opposite of blame.
const OWNING = /\b(?:our|my) (?:fault|mistake|error|bad)\b|\bwe (?:messed|got it wrong|made a mistake)|\bi (?:messed|got it wrong|made a mistake)/i;

/** Finds sentences that deflect responsibility. */
export function findBlame(sentences: Sentence[]): Hit[] {
  const hits: Hit[] = [];
  for (const s of sentences) {
    if (s.text.trim().endsWith('?')) continue;
    let at = -1;
    for (const [i, re] of THIRD_PARTY_FAULT.entries()) {
      for (const m of matches(re, s.text)) {
        if (OUTSIDE_CAUSE.test(s.text) || (i === 1 && notAPerson(m[1]!))) continue;
        at = m.index + (m[0].length - m[0].trimStart().length);
        break;
      }
      if (at >= 0) break;
    }
    if (at < 0) {
      for (const re of PATTERNS) {
        const m = re.exec(s.text);
        re.lastIndex = 0;
        if (m && !OWNING.test(s.text.slice(Math.max(0, m.index - 20), m.index + m[0].length))) {
          at = m.index;
          break;
        }
      }
    }
    if (at < 0) continue;
    const clause = clauseAt(s, s.start + at);
    hits.push({
      kind: 'blame',
      ...clause,
      message: 'This puts the fault on someone else instead of owning the problem for the team.',
      suggestion:
        'Own it for the company: say plainly what went wrong ("we sent the wrong size") and what you are doing to fix it, without naming who is to blame.',
    });
  }
  return hits.slice(0, 3);
}

/** A capitalised word that starts a sentence, a weekday or a greeting is not a colleague's name. */
function notAPerson(actor: string): boolean {
  return /^(?:I|We|It|This|That|There|Please|Unfortunately|Sadly|Thanks|Thank|Sorry|Hi|Hello|Dear|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Yesterday|Our|Your|The|Once|When|If|As|So|And|But|Then|Just|Also|Apologies|Again|Yes|No|Ok|Okay|Great|Good)\b/.test(actor);
}
