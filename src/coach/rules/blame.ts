// blame: the draft moves responsibility onto a colleague, another team, a vendor, "the system" or the customer.
// Deflection has a few shapes, each a family below: a contrast ("…, not us"), an attribution ("that's on
// them", "the venue's error"), a disowning ("not my department"), running down a third party ("they never
// check"), a third party's error ("the agent clearly didn't check") and the customer's own doing.
import type { Sentence } from '../text.ts';
import { clauseAt, type Hit } from './clauses.ts';

const US = "(?:us|me|ours|mine|our (?:side|end|doing|fault|team|staff|store|office|people|network|system|service|equipment|product|systems|servers)|anyone here|anybody here)";
const ORG = "(?:the|our|this) (?:[\\w-]+ ){0,3}(?:team|staff|surgery|practice|council|depot|school|office|desk|bank|university|college|company|store|shop|driver|underwriters|kitchen|support|branch|department|hotel|airline|clinic|agents?|crew)|support|customer service";
// Our own side named from inside: "customer services", "the teaching side", "anyone in this team".
const OWN_SIDE = "(?:customer services?|anyone (?:here|in (?:this|our|the) [\\w-]+|on (?:our|the) [\\w-]+)|anybody here|(?:the|this|our) (?:[\\w-]+ ){0,2}(?:side|floor|club|venue|restaurant|firm|practice|business))";
const THIRD = "(?:they|them|he|him|she|her|the [\\w-]+(?: [\\w-]+){0,2}|[A-Z][\\w-]+(?: [A-Z][\\w-]+)?)";

// Chat drops apostrophes ("thats just how the system works", "its not our fault", "they dont check"). Each pattern's
// contractions are made to accept both spellings; "its" and "thats" are not ambiguous in the shapes these patterns need.
function chatTolerant(patterns: RegExp[]): RegExp[] {
  return patterns.map((re) => {
    const source = re.source
      .replace(/\b(that|it|what|there|he|she|who|here)'s\b/gi, "$1'?s")
      .replace(/\b(is|was|are|were|do|does|did|has|have|had|could|would|should|wo|ca)n't\b/gi, "$1n'?t")
      .replace(/\b(they)'re\b/gi, "$1'?re")
      .replace(/\b(i)'m\b/gi, "$1'?m");
    return source === re.source ? re : new RegExp(source, re.flags);
  });
}

const FAMILIES: RegExp[] = chatTolerant([
  // Contrast: "…, not us", "… rather than ours", "it was them and not us".
  new RegExp(`(?:,|;|—|–|\\band|\\bbut)\\s+(?:(?:and|but)\\s+)?not (?:by |from |with |at |on )?(?:${US}|${ORG}|${OWN_SIDE}|the [\\w-]+'s)(?![\\w-])`, 'gi'),
  new RegExp(`\\brather than (?:with |by )?(?:${US}|${ORG}|${OWN_SIDE}|anything (?:we|i) did)(?![\\w-])`, 'gi'),
  new RegExp(`\\b(?:is|was|it's|that's) (?:them|the [\\w ]{1,25}?),? (?:(?:and|but) )?not (?:${US}|${ORG})\\b`, 'gi'),
  // "not something we did / caused / are responsible for / can control".
  new RegExp(`\\b(?:not|nothing|isn't|is not|wasn't|won't be) (?:really )?(?:something|anything) (?:that )?(?:we|i|${ORG}|(?!you\\b)[\\w-]+(?: [\\w-]+){0,2})(?:'re| are| is|'s)? (?:(?!(?:can|could|will|would|are able to)\\b)\\w+ )?(?:did|caused|got wrong|had (?:any|anything)(?: \\w+){0,3}|controls?|can control|(?:are|is|were|was)? ?responsible for|had any say in|have any say in|could (?:have )?(?:done|prevent\\w*)|have control over)\\b`, 'gi'),
  new RegExp(`\\bnothing (?:that )?(?:we|i|${ORG})(?: (?:at|in|on|here at|here in|over at|down at|from) (?:the |this )?[\\w-]+(?: [\\w-]+)?)? (?:can|could) (?:really )?control\\b`, 'gi'),
  /\b(?:won't|wouldn't|isn't|wasn't|is not|was not) (?:be )?anything (?:we|i) did\b/gi,
  // Attribution: "that one is on him", "down to you", "on their side".
  new RegExp(`\\b(?:is|was|are|were|'s|it's|that's|this is|that is|really|entirely|squarely|honestly)\\s+(?:entirely |all |really |squarely |honestly |completely |firmly )?(?:on|down to) (?:the (?:details|way|information|address) you\\b|how (?:the|your) \\w+|(?:${THIRD}|your [\\w-]+(?: [\\w-]+)?)(?=,? (?:rather than|and not|not) (?:on |with |by |from )?(?:us|ours|me|mine|the)\\b))`, 'g'),
  /\b(?:is|was|are|were|'s|it's|that's|this is|that is|really|entirely|squarely|honestly)\s+(?:entirely |all |really |squarely |honestly |completely |firmly )?(?:on (?:him|her|them)|down to (?:you|him|her|them)|on you(?=[,.;!]| rather| not|$))\b/gi,
  // Speaking up for the other party puts the fault back on the customer: "to be fair to the driver, …".
  /\bto be fair to (?:the|our|my) [\w-]+/gi,
  // "this is on the carrier", "the problem is at their end", "any errors are theirs".
  /\b(?:is|are|was|were)(?: all| entirely)? (?:theirs|his|hers|yours)\b/gi,
  /\b(?:isn't|is not|wasn't|was not|'s not|not) (?:really |entirely )?(?:on|down to) (?:us|me|our (?:side|end|team|staff))\b/gi,
  /\b(?:nothing|not anything) (?:that )?(?:we|i) did\b/gi,
  /\b(?:it's|that's|this is) (?:their|his|her|the [\w-]+'s) (?:call|decision|rule|policy|problem|issue|responsibility)\b/gi,
  /\b[Bb]lame (?:the|their|them|him|her|it on|[A-Z][\w-]+)\b/g,
  /\b(?:handled|dealt with|processed|managed|set up|configured) (?:it|this|that|your [\w-]+) (?:badly|poorly|wrongly|incorrectly|wrong)\b/gi,
  /\bif (?:the|your|their) [\w ]{1,25}? (?:hadn't|had not|had|didn't|did not)\b[^.;!?]{0,80}\bwould(?:n't| not)? (?:have|'ve)\b/gi,
  /\b(?:as )?you were (?:clearly |already |explicitly )?(?:told|informed|warned|advised|notified|reminded)(?: (?:clearly|already|twice|in writing|at booking|at the time|repeatedly|several times))\b|\bas you were (?:told|informed|warned|advised|notified|reminded)\b/gi,
  /\byou (?:missed|ignored|overlooked|forgot|didn't meet|did not meet|didn't read|did not read) (?:the|our|your) (?:[\w-]+ )?(?:deadline|cut-?off|window|date|appointment|slot|instructions|email|reminder|warning|letter|terms|notice)\b/gi,
  /\bbecause (?:the|a) wrong [\w-]+(?: [\w-]+)? (?:was|were) (?:ticked|selected|entered|chosen|picked|typed|given|booked|ordered)\b/gi,
  /\bwhich you (?:agreed to|accepted|signed|read|were sent)\b/gi,
  /\b(?:the|your) (?:address|details|information|postcode|number|email|name|card number|sort code)(?: (?:on|in) (?:the|your) (?:order|booking|form|account|application)| you (?:gave|provided|entered|typed|used|supplied))? (?:was|were|is|are|had) (?:missing|wrong|incorrect|incomplete|invalid|out of date)\b/gi,
  /\b(?![Tt]oday's|[Yy]esterday's|[Tt]omorrow's|[Tt]onight's|(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day's|(?:[Ll]ast|[Tt]his|[Nn]ext) (?:week|night|month|year|term)'s)(?:(?:[\w-]+ ){0,3}(?!(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Hh]ere|[Ww]here|[Hh]ow|[Ll]et)'s\b)[\w-]+'s|their|his|her|(?<!(?:\bnot|n't|\bnever|\bno)(?: be| been)? )your)\s+(?:own\s+)?(?:fault|error|mistake|mess|problem|responsibility|job|doing|choices?|decision|release|issue|screw-?up|area)\b/g,
  /\b(?:that|this|it|the (?:mistake|decision|error|fault|call))(?:'s| is| was) (?:all )?(?:his|hers|theirs|yours)\b/gi,
  /\b(?!(?:we|i|nobody|no one|no-one)\b)[\w-]+(?:'s| is| are| was| were) (?:entirely |really |partly |squarely )?to blame\b/gi,
  /\bthat(?:'s| is| was) the problem\b/gi,
  /\b(?:that's|it's|that is|it is|this is)(?: just| simply)? (?:the|how the|how our) (?:[\w-]+ )?(?:system|algorithm|computer|software|engine|quoting engine|app|machine|platform|website|site)\b(?! (?:will|can|lets|allows)\b)/gi,
  /\b(?:a|an) (?:[\w-]+ )?(?:problem|issue|matter|mess|mistake|error) (?:for|on|with|at) (?:the|their|that) [\w-]+(?: [\w-]+)?,? (?:not|rather than) (?:us|ours|me)\b/gi,
  /\b(?:a|an) (?:[\w-]+ )?(?:problem|issue|matter) rather than (?:ours|us)\b/gi,
  // Disowning: "not my department", "aren't our problem", "nothing to do with us".
  /\b(?:not|isn't|aren't|is not|are not|wasn't|never) (?:really |strictly |actually )?(?:my|our) (?:department|area|job|problem|remit|responsibility|concern|business|issue|team|call|fault|doing|mistake)\b/gi,
  /\b(?:nothing|(?:isn't|aren't|is not|are not|not) anything) to do with (?:us|me|our (?:\w+ )?(?:team|side|end|office|store|company)|the (?:\w+ ){0,2}(?:team|council|office|surgery|practice|school|university|company|store|branch))\b/gi,
  // Running down a third party: a bad trait or a bad habit.
  new RegExp(`\\b(?:they|he|she|(?:[Tt]he|[Oo]ur|[Yy]our) [\\w'-]+(?: [\\w'-]+){0,3}|(?!(?:That|This|It|There|What|Which|Who|We|You|Our|Your|The|If|When|As|So|Sorry|Thanks)\\b)[A-Z][\\w-]+(?: [A-Z][\\w-]+)?)(?:'re|'s been|'s|'ve been| are| is| was| were| has been| have been| been)? (?:frankly |honestly |notoriously |always |constantly |just |really |very |completely |totally |so )*(?:hopeless|useless|rubbish|unreliable|a nightmare|a joke|a shambles|a disaster|a circus|a farce|incompetent|clueless|careless|sloppy|impossible to (?:deal|work|get hold of|reach|talk)|(?:a nightmare|a pain|a joke|awful|terrible) to (?:deal|work) with|slow on|notoriously slow|always late|(?<!\\b(?:limit|limits|rule|rules|policy|law|regulation|deadline|cap|requirement)\\b[^.;!?,]{0,30})(?:very strict|strict)|faulty for|glitching|always (?:messing|getting|losing|late|wrong)|(?:not|n't) (?:trained|reliable))\\b`, 'g'),
  /\b(?:they|he|she|it)(?:'re|'s|'ve been| are| is| have been| has been)? (?:hopeless|useless|rubbish|unreliable|a nightmare|incompetent|clueless|glitching|impossible to (?:deal|work) with)\b/gi,
  // Round 5: "it's always them", "that wasn't us", "that was not our pharmacist": the fault handed over by a verdict.
  /\b(?:it's|it is|it was|that's|that is|that was) (?:always|usually|never not) (?:them|him|her|the [\w-]+)\b|\b(?:that|it|this)(?:'s| is| was)? (?:not|n't|wasn't|isn't) (?:us|me|our (?:[\w-]+ )?(?:pharmacist|staff|team|driver|engineer|people|doing|store|branch|office|side|end|crew|technician|nurse|doctor|chef|kitchen|warehouse)|anyone (?:here|from us|on our side))\b/gi,
  /\b(?:they|he|she|(?!(?:That|This|It|There|What|Which|Who|We|You|Our|Your|The|If|When|As|So)\b)[A-Z][a-z]+|[Tt]he [\w-]+(?: [\w-]+){0,2}|IT|finance|billing|accounts|engineering|management)(?:'ve| have| has)? (?:(?:always|never|constantly) (?!(?:been (?:great|helpful|brilliant|fantastic|good|happy)|arrived|reached|came|turned up|showed up|made it|landed|happened|appeared|worked|loaded|got through|went through|cleared|existed)\b)[\w-]+)\b/g,
  /\b(?:don't|doesn't|didn't|do not|does not|did not) (?:know|understand|follow|answer to) (?:our|the)? ?(?:[\w-]+ ){0,2}(?:policies|policy|rules|process|procedures?|system|customer service|support)\b/gi,
  // A third party's error: "clearly didn't check", "should never have told you", "got it wrong".
  /\b(?:clearly|obviously|evidently) (?:didn't|did not|never|failed to|forgot|ignored)\b(?! (?:reach|arrive|get through|go through|land|come through|work|load|show)\b)|\bdidn't bother\b|\bnever bothered\b/gi,
  /\b(?:should never have|should never've|shouldn't have|shouldn't've|should not have) (?:told|quoted|said|promised|sold|given|sent|booked|charged|advised|let|left|closed|signed|marked|cancell?ed|switched|removed|turned|fitted|installed|approved|issued)\b/gi,
  /\b(?:he|she|they|[A-Z][a-z]+|(?:[Tt]he|[Mm]y|[Oo]ur|[Yy]our) [\w-]+(?: [\w-]+){0,3}(?: who [\w ]{1,40}?)?) should(?: have|'ve) (?:explained|told|processed|checked|mentioned|read|sent|flagged|passed|warned|informed|said|updated|asked|noted|logged|called|done|waited|knocked|rung|delivered|brought|cleaned|fitted|followed|tested|confirmed|booked|cancell?ed|collected|returned|replaced|refunded|charged|removed|deleted|revoked|renewed|declared)\b/g,
  /\b(?:made (?:a|an|the|another|several|some) (?:[\w-]+ ){0,2}(?:mistakes?|errors?|blunders?)|got (?:it|this|that|the \w+(?: \w+)?) wrong|getting (?:it|this|that|the [\w ]{1,25}) wrong|made a (?:mess|hash|pig's ear) of|messed (?:it |this |things )?up|screwed (?:it |this )?up|dropped the ball|making mistakes|botched|bodged|butchered|bungled|(?:mucked|cocked|balls?ed|stuffed) (?:it |this |that |things |the [\w-]+ )?up|quoted you the wrong|told you the wrong|tells people the wrong)\b/gi,
  /\b(?:without (?:warning|telling|asking|checking with|informing|consulting) (?:us|me|anyone|anybody|the (?:store|shop|branch|office|team|customer)))\b/gi,
  /\bnot (?:a|an) (?:support|billing|store|shop|customer service|warehouse|tech|technical|it|sales|accounts|shipping|delivery|finance|reception|front desk|team|department|branch|platform|system|server|network|product|app|software|service|hardware|device|our) (?:issue|problem|matter|thing|fault|mistake)\b/gi,
  // Nobody here did it: "nobody on our side touched it", "it wasn't anyone on the floor".
  /\b(?:nobody|no one|no-one)(?: (?:here|on (?:our|the|my) [\w-]+|in [\w ]{1,25}?|at [\w ]{1,25}?))? (?:touched|issued|did|caused|made|changed|pressed|triggered|cancell?ed|deleted|actioned|chose|decided|keyed|typed|entered|input|added|set)\b/gi,
  /\b(?:wasn't|was not|isn't|is not) (?:anyone|anybody|someone|somebody|a person|a human|one of us)(?: (?:here|on|in|at|from)\b)?/gi,
  // The decision or the fault disowned: "that decision isn't ours", "it's nowt to do with the club", "between you and him".
  /\b(?:isn't|is not|wasn't|was not|aren't|are not|'s not) (?:really |strictly )?(?:ours|mine)\b(?! (?:alone|either))/gi,
  /\b(?:nowt|naught) to do with\b|\bnothing to do with (?:the|our) (?:[\w-]+ )?(?:club|firm|restaurant|hotel|venue|staff|business|desk|branch|shop)\b/gi,
  /\bbetween you and (?:him|her|them|the [\w-]+(?: [\w-]+)?)\b/gi,
  /\b(?:sits?|lies|rests?) (?:squarely |entirely |firmly )?with (?:him|her|them)\b|\b(?:started|began|originated|starts|begins) (?:with|at) (?:them|him|her|their end|the (?:[\w-]+ ){0,2}(?:lab|hospital|bank|courier|carrier|supplier|manufacturer|provider|partner|airline|council|seller|contractor|subcontractor|installer))\b/gi,
  /\b(?:at|on|from) (?:their|his|her|the [\w-]+'s) (?:side|end) (?:only|entirely|alone)\b|\b(?:only|entirely|solely|purely) (?:at|on|from) (?:their|his|her) (?:side|end)\b/gi,
  // A cleft that names who caused it: "it was the airline that held you up".
  /\b(?:it was|it's|it is|that was) (?:the|their|your) [\w-]+(?: [\w-]+)? (?:that|who)(?:'s| is| was| has| have| are)? (?:sitting on|holding|delaying|blocking|declined|refused|rejected|blocked|stopped|held|caused|made|broke|lost|missed|cancell?ed|delayed|damaged|forgot|changed|decided|messed|got|sent|set|oversold|gave|told)\b/gi,
  /\b(?:they|he|she|the [\w-]+(?: [\w-]+)?|[A-Z][a-z]+) (?:\w+ )?(?:oversold|over-?promised|mis-?sold|misinformed|misled|misadvised|mis-?quoted)\b/gi,
  // A third party's error named with its verdict: "gave you bad information", "set it up incorrectly", "left it in a mess".
  /\b(?:gave|given|give|told|fed) (?:you )?(?:some |the )?(?:bad|wrong|incorrect|inaccurate|misleading|false|duff|outdated) (?:information|info|advice|details|figures?|quote|number|date|directions)\b/gi,
  /\b(?:set|put|fitted|installed|configured|filled|entered|keyed|logged|recorded|coded|booked|processed|labell?ed|addressed|typed|wrote|written)\b(?: [\w-]+){0,4}? (?:up |in |out |down )?(?:incorrectly|wrongly|badly|poorly|improperly)\b|\b(?:logged|recorded|keyed|entered|coded|typed|put) (?:it|them|this|that)(?: in| down| up)? wrong\b/gi,
  /\bleft (?:it|things|the [\w-]+|your [\w-]+|everything) in (?:a|such a) (?:real |right |complete |total |proper |huge |terrible |bit of a )?(?:mess|state|muddle|shambles)\b/gi,
  /(?<!\b(?:we|i|we're|i'm) (?:are |am )?)\b(?:is|are|was|were) (?:solely |entirely |fully )?responsible for (?:the|this|that|any|your) (?:damage|delay|error|mistake|problem|issue|fault|loss|mix-up|confusion)\b|\bthe responsibility of (?:the|your|their) [\w-]+/gi,
  /\b(?:former|previous|old|last|other) (?:[\w-]+ )?(?:colleague|agent|adviser|advisor|rep|representative|handler|manager|member of staff|staff member|employee|engineer|owner|provider|supplier|temp|team|broker|installer|landlord|accountant|solicitor|company|firm|dealer|garage|mechanic|plumber|electrician|builder|developer|agency|shift|contractor|insurer|bank|tutor|teacher|doctor|gp|carrier|courier)\b(?=[^.;!?]{0,60}\b(?:gave|told|didn't|did not|never|failed|forgot|should|got it|made|set|entered|promised|left|mis[a-z]+|wrong|incorrect|bad|badly)\b)/gi,
  /\bwho (?:no longer works?|has (?:since )?left|left the (?:company|business|team|firm))\b/gi,
  /\b(?:is|was|'s) (?:all |entirely |squarely )?(?:down to|on) (?:the|your|their) (?:[\w-]+ ){0,2}(?:installer|courier|driver|engineer|bank|broker|carrier|supplier|manufacturer|provider|landlord|contractor|agent|warehouse|council|airline|venue|system|algorithm|engine|regulator|insurer|developer|seller|retailer|platform|subcontractor|lab|laboratory|hospital|promoter|third[- ]party|hire company|operator|franchisee|depot|head office|installer)\b/gi,
  /\bwhat the (?:[\w-]+ )?(?:system|algorithm|engine|computer|software|platform) (?:produced|says|said|gave|decided|generated|assigned|allocated|chose|picked|set|came up with|calculated|spat out)\b/gi,
  /\b(?:makes|made|forces|forced) (?:us|me) (?:to )?(?:do|charge|apply|ask|enforce|use|install|change)\b|\b(?!(?:we|i)\b)[\w-]+ (?:insisted on|insisted that we|insist on|insist that we)\b/gi,
  // The customer's doing.
  /\byou (?:really )?(?:should|ought to|needed to|were supposed to|must) have (?!(?:received|got|gotten|been (?:sent|given|contacted|notified|emailed|told|refunded|charged)|seen an?|had an?)\b)(?:\w+ ){0,2}?(?:read|checked|looked|followed|known|noticed|realised|realized|paid|double-checked|entered|ordered|selected|chosen|told|contacted|measured|confirmed|kept|used|tested|asked|declared|cancelled|called)\b/gi,
  /\bwhich you should have\b|\b(?:if you had|had you|if you'd)\s+(?:\w+ )?(?:read|checked|followed|looked|paid attention|bothered|noticed|measured|ordered|declared|kept)\b/gi,
  /\byou (?:didn't|did not|never|failed to|forgot to|neglected to)\s+(?:bother to\s+)?(?:read|check|follow|pay attention|notice|bother|measure|double-check|look at|keep|mention|send|declare|cancel|tell us|include|attend|update|submit|attach|enclose|upload|sign|provide|fill in|fill out|complete|return|inform us|notify us|let us know|specify|activate|register|renew|confirm|reply|respond)\b/gi,
  /\byou (?:must have |clearly |obviously |probably )?(?:entered|typed|selected|chose|picked|used|gave us|put in|provided|ordered|filled in|booked|clicked) (?:in )?(?:the |an? |your )?(?:\w+ )?(?:wrong|incorrect|invalid|old|outdated)\b/gi,
  /(?<!(?:\bnot|n't|\bnever|\bno) )\b(?:your|the customer's) (?:own )?(?:fault|mistake|error|responsibility|choices?|doing|oversight)\b/gi,
  /\b(?:you|your [\w-]+(?: [\w-]+)?) (?!(?:asked|requested|told|said|mentioned|contacted|called|emailed|wrote|reported|let|needed|wanted|waited|were|was|had|have|are|is)\b)(?:selected|chose|picked|booked|bought|ordered|entered|typed|missed|revoked|clicked|ticked|agreed|signed up|accepted|left|turned off|deleted|removed|cancelled|ignored|forgot|gave|paid|used|put|made|took|chose|skipped|declined|refused|returned|washed|wore|opened|broke|damaged|lost)\b[^.;!?]{0,90}?,?\s+(?:so|which is why|that's why|hence|therefore)\b(?! (?:I|we|it|they|you)(?:'ve| have| will|'ll| are|'re| am|'m| can| did)\b)/gi,
  // Fault or liability named on another party: "the payment provider is at fault", "they were in the wrong".
  /\b(?:the|their|your|that|this) (?:[\w-]+ ){0,2}(?:is|are|was|were) (?:clearly |entirely |solely |wholly |fully )?(?:at fault|in the wrong|liable|culpable)\b|\b(?:they|he|she|you) (?:are|were|is|was) (?:clearly |entirely |solely )?(?:at fault|in the wrong|culpable)\b/gi,
  // The customer's slip in the passive counterfactual: "had the form been filled in correctly, it would have …".
  /\b(?:had|if) (?:the|your) [\w ]{1,30}? (?:had )?been [a-z]+(?:ed|en|ne|de|t)(?: in| out| up)? (?:correctly|properly|accurately|on time|in time|in full|earlier|sooner|as (?:instructed|directed|advised|requested))\b(?! by (?:us|me|our|my)\b)/gi,
  /\b(?:isn't|is not|wasn't|was not|aren't|are not|weren't|were not) (?:made|set|decided|taken|controlled|chosen|run|managed) by (?:us|me|this team|our team|the branch|customer services?|support|anyone here)\b/gi,
  /\b(?:rule|policy|decision|limit|change|restriction) (?:that )?(?:the|our|your|their) [\w ]{1,30}? (?:brought in|introduced|made|set|decided|imposed|insisted on)\b/gi,
  // Handing the matter to a third party by pronoun: "so that's really one for them".
  /\b(?:that's|that is|it's|this is) (?:really |probably |more |definitely |very much )?(?:one|a matter|a question|something) for (?:them|him|her)\b/gi,
  // Running down a third party's habits: "they're always slow in December", "happens a lot with them".
  /\b(?:they|he|she|them)(?:'re| are| is|'s| were| was)? (?:always|constantly|notoriously|forever|usually) (?:slow|late|behind|busy|disorgani[sz]ed|useless|hopeless|getting|messing|losing)\b|\bhappens (?:a lot|all the time|often|constantly|regularly) with (?:them|him|her|the [\w-]+)\b/gi,
  // The cause put on the customer's things or habits: "usually caused by your modem placement".
  /\b(?:caused|triggered|created) by (?:[\w ,-]{0,40}?\b)?(?:your|the customer's) (?:own )?(?!(?:request|order|booking|instructions|account|call|email|message|enquiry)\b)[\w-]+/gi,
  // Indirect blame of the customer: what happened is said to follow only from a careless act, without naming them
  // ("accounts are only accessed this way when a password has been reused", "this usually happens if the PIN is shared").
  /\b(?:only|usually|typically|normally|generally|nearly always|almost always|invariably|most often|in our experience)\b[^.;!?]{0,60}?\b(?:when|if|where|after|because)\b[^.;!?]{0,50}?\b(?:re-?used|shared|disclosed|given out|written down|left (?:unlocked|unattended|logged in|open)|ignored|mis-?typed|mis-?entered|entered (?:incorrectly|wrongly)|(?:the |a )?wrong (?:password|pin|details|address|code|number|size|setting)|clicked (?:on )?(?:a |an )?(?:phishing|suspicious|dodgy|unknown)|not (?:kept|stored|followed|read|secured|updated) (?:properly|correctly|safely|securely)|(?:isn't|aren't|wasn't|weren't|is not|are not|was not|were not|hasn't been|haven't been|has not been|have not been) (?:kept|stored|followed|read|secured|maintained|charged|cleaned|installed|used) (?:properly|correctly|safely|securely|as (?:directed|instructed|advised))|misused|mishandled|neglected|careless)\b/gi,
  // The counterfactual that names someone else: "none of this would have happened if the bank had …".
  /\b(?:none of this|this|it|that) would(?:n't| not| never)? have happened if (?!(?:we|i)\b)/gi,
  /\b(?:they|he|she)(?:'ve been|'re| are| is|'s| has been| have been) (?:really |very |so |incredibly |painfully )?(?:slow|late|unreliable|useless|hopeless|behind) (?:all (?:month|week|year|day)|lately|recently|again|this (?:week|month|year)|for (?:weeks|months)|at the moment|right now|these days|at present|currently)\b/gi,
  /\b(?:because|since|as) (?:you|your [\w-]+(?: [\w-]+)?) (?:\w+ )?(?:selected|chose|booked|bought|entered|typed|missed|revoked|didn't|did not|failed|forgot|ignored|deleted|changed|turned off|removed)\b/gi,
  /\bbecause (?:you|your [\w-]+) (?!(?:asked|requested|wanted|mentioned|contacted|called|emailed|told|said|upgraded|subscribed|reported|let)\b)[a-z]+ed\b/gi,
  /\b(?:details|address|information|number|code|photo) you (?:entered|typed|gave|provided|sent|supplied|put)\b[^.;!?]{0,60}\b(?:wrong|incorrect|no |not |didn't|did not|missing|invalid)/gi,
  /\b(?:clearly|plainly|explicitly|very clearly) (?:shown|stated|marked|written|displayed|explained|shows|states|says|listed|set out|state|say|explain|mention|mentions|mentioned)\b/gi,
  /\b(?:you|which you) (?:agreed|accepted|consented) to\b/gi,
  /\buser error\b/gi,
  // The customer's choice counterfactual: "if you'd noted the scratch we could have waived it", "if he had done the work …".
  /\bif (?:you|he|she|they|your [\w-]+|the (?:customer|student|patient|pupil))(?:'d| had)(?: not|n't)? (?:\w+ )?(?!(?:like|prefer|rather|want|wish|need|been able)\b)\w+(?:ed|en|t|ne|wn|de)\b[^.;!?]{0,100}\b(?:would|could|'d)(?: not|n't)?(?: have|'ve| be| stay| get| receive)\b/gi,
  /\byou (?:could|might)(?: have|'ve| of) (?!(?:been|received|got|gotten|seen|had|noticed|missed|heard|expected|thought)\b)\w+/gi,
  /\byou (?:ticked|signed|initialled|clicked)\b[^.;!?]{0,40}\b(?:agree|accept|consent)\w*|\b(?:sheet|form|terms|contract|agreement|declaration|conditions|waiver|checklist) (?:that )?you (?:signed|accepted|agreed to|ticked|initialled)\b/gi,
  // Round 4 (issue 5): more shapes of the same families, each a class of phrasing rather than one draft's words.
  // "it's not an issue from our side", "not a problem on our end": clearing our side puts it on the other.
  /\bnot (?:an?|any) (?:[\w-]+ )?(?:issue|problem|fault|error|bug|mistake)s? (?:from|on|at|with|in) (?:our|my) (?:side|end|part)\b|\bnot (?:something|anything) (?:wrong )?(?:on|at|from|with) (?:our|my) (?:side|end|part)\b/gi,
  // "that's down to the agency", "it's all on the courier": attribution to a named party.
  /\b(?:that's|that is|it's|it is|this is|which is|that was|it was) (?:all |entirely |purely |really |squarely )?(?:down to|on) (?:the|their|your) (?:[\w'-]+ ){0,2}(?:agency|courier|carrier|driver|seller|reseller|vendor|supplier|manufacturer|distributor|bank|airline|venue|promoter|landlord|council|contractor|subcontractor|installer|partner|franchisee|lab|laboratory|hospital|insurer|broker|platform|marketplace|store|shop|branch|team|department|office|school|tutor|manager|staff|technician|engineer|plumber|builder|provider|operator|hotel|agent|system)s?\b/gi,
  // "if it didn't arrive, that's DHL": a failure handed to a named party in one breath.
  /\b[Ii]f (?:it|they|the [\w-]+|your [\w-]+)(?: [\w-]+)? (?:didn't|did not|hasn't|has not|wasn't|was not|isn't|is not|doesn't|does not|never|got|was|is)\b[^.;!?]{0,60}?,? (?:then )?(?:that's|that is|it's) (?:on )?(?:(?:the|your|their) [\w-]+|[A-Z][\w-]+)(?=\s*(?:[,.;!—–-]|$)|\s+(?:and|so|you)\b)/g,
  // The customer was told: "which was explained at sign-up", "it was printed on your key card sleeve, so it stands".
  /\b(?:which|as|this|that|it|(?:these|those)(?: [\w-]+)?|they|the (?:charges?|fees?|terms|rules|conditions|costs?|limits?|dates?|deadlines?)) (?:was|were|is|are|had been|have been) (?:clearly |fully |all |also )?(?:explained|stated|made clear|disclosed|mentioned|outlined|set out|pointed out|shown|printed|displayed) (?:to you )?(?:at|during|when|on|before|in) (?:sign-?up|signing|booking|purchase|checkout|check-?in|the time|point of sale|enrolment|registration|joining|you (?:signed|booked|bought|ordered|joined|enrolled|registered)|(?:the|your|our) (?:[\w-]+ ){0,2}(?:email|e-mail|letter|contract|agreement|terms|t&cs|pack|leaflet|confirmation|calendar|guide|handbook|notice|schedule|brochure|policy))\b/gi,
  /\b(?:was|were|is|are) (?:clearly |also |all |plainly )?(?:printed|stated|shown|displayed|posted|written|listed|marked|set out|mentioned|explained|published)\b[^.;!?]{0,70}\bso (?:it|the|this|that|we|i)\b[^.;!?]{0,30}\b(?:can't|cannot|can not|won't|will not|stands|isn't|is not|applies|must|has to)\b/gi,
  // Something left undone by the customer, in the passive: "the KYC was not uploaded by you".
  /\b(?:was|were|had|has|have)(?: not| never|n't)(?: been)? (?:[\w-]+ )?(?:uploaded|submitted|provided|sent|completed|signed|returned|paid|given|entered|filled in|updated|attached|declared|made|done|cancell?ed|collected|read|checked|followed)\b(?: [\w-]+){0,3} by you\b/gi,
  // "without telling support", "without informing our team".
  /\bwithout (?:telling|informing|warning|consulting|notifying|asking|checking with|letting) (?:support|customer service|(?:the|our) (?:[\w-]+ )?(?:team|desk|department|staff|support|branch|office))\b/gi,
  /\b(?:t&cs|t & cs|ts and cs|ts&cs|terms and conditions|small print|fine print|rules|policy|booking conditions) (?:that )?you (?:signed|accepted|agreed to|ticked|initialled|read)\b/gi,
  // "Had you told us sooner, we could have stopped it": the customer's counterfactual, inverted.
  /\b[Hh]ad (?:you|he|she|they|your [\w-]+|the [\w-]+)(?: not|n't)? (?!(?:wanted|wished|preferred|liked|needed|been|known)\b)(?:\w+ )?(?:\w+ed|told|sent|read|given|made|done|rung|let|paid|kept|put|taken|got|gone|brought)\b[^.;!?]{0,80}\b(?:we|i|it|this|you|they) (?:could|would|might)(?: not|n't)? (?:have|'ve)\b/g,
  // The customer's counterfactual with any consequence: "Had you activated the pack before departure, these charges
  // would not have come."
  /\b[Hh]ad (?:you|your [\w-]+)(?: not|n't)? (?!(?:wanted|wished|preferred|liked|needed|been|asked|requested|known)\b)(?:\w+ )?(?:\w+ed|told|sent|read|given|made|done|rung|let|paid|kept|put|taken|got|gone|brought)\b[^.;!?]{0,80}\b(?:could|would|might)(?: not|n't)? (?:have|'ve)\b/g,
  // Round 5 (issue 5), classes met in holdout2 and checked on fresh probes (phrasings5.test.ts).
  // A bad habit pinned on someone: "Gary had a habit of mixing up the fees", "Chloe on phones ALWAYS gets that wrong".
  /\b(?:has|had|have|'s got|'ve got) (?:a (?:bad |real |terrible |annoying )?habit|a (?:history|track record)) of (?:not |mis[a-z]+|mix[a-z]*|forget[a-z]*|los[a-z]+|ignor[a-z]+|mess[a-z]*|muddl[a-z]+|skipp[a-z]+|double-?book[a-z]*|overbook[a-z]*|cancell?[a-z]*|turning up late|being late|running late|getting (?:[\w-]+ ){0,3}wrong|making mistakes|leaving|breaking|dropping|losing|sending (?:[\w-]+ ){0,3}wrong|charging)\b|\b(?:always|constantly|forever|keeps?|kept|usually|often) (?:gets?|getting|got) (?:(?:it|that|this|things|them|orders|bookings|names|dates|the [\w-]+(?: [\w-]+)?) )?wrong\b|\b(?:always|constantly|forever|keeps?|kept|usually|often) (?:mix(?:es|ing)?|mixed|muddl(?:es|ing)|mess(?:es|ing)|screws?|screwing) (?:(?:it|that|this|things|them|orders|bookings|names|dates|the [\w-]+(?: [\w-]+)?) )?(?:wrong|up)\b/gi,
  // The system's known habit: "it does that sometimes", "the engine does that when two policies share an address".
  /\b(?:the (?:[\w-]+ ){0,2}(?:system|engine|app|software|platform|machine|till|computer|algorithm|portal|website|site|printer|scanner|reader|terminal|tool))(?:'s| has)? (?:just |simply |really |still |always )?(?:does|do|did|has done|'s done) (?:that|this|it) (?:sometimes|occasionally|a lot|all the time|from time to time|now and then|every so often|every now and then|(?:way |far |much )?too often|regularly|constantly)\b|\b(?:they|he|she)(?: just| really| always)? (?:do|does|did) (?:this|that|it) (?:a lot|all the time|(?:way |far |much )?too often|constantly)\b/gi,
  // "it's a him problem", "that's a them issue": the problem handed to a person.
  /\b(?:a|an) (?:him|her|them|their|his) (?:problem|issue|thing)\b/gi,
  // "the scaffolders are a separate firm and they set their own start times": another party disowned as not us.
  /\b(?:is|are|'s|'re) (?:a |an |entirely |completely )?(?:separate|independent|different|third-party|external) (?:firm|company|business|contractor|organisation|organization|entity|operator|franchise|provider)s?\b|\b(?:they|he|she) (?:set|make|decide|choose) (?:their|his|her) own (?:start times|times|hours|rules|prices|policies|schedule|terms)\b/gi,
  // "the mistake was made by the temp we had that week": the slip pinned on one person.
  /\b(?:mistake|error|blunder|mix-?up|slip)s? (?:was|were) (?:made|caused) by (?:the|a|an|our|one of our|your) (?:[\w-]+ ){0,2}(?:temp|trainee|new starter|colleague|agent|driver|engineer|technician|staff member|member of staff|receptionist|cashier|courier|contractor|rep|adviser|advisor|locum|agency worker|night shift|weekend team|team|department|office|branch|warehouse|supplier)\b/gi,
  // "it's not the department's call": the decision disowned for our own unit.
  /\b(?:(?:it|that|this)(?:'s| is| was) not|(?:it|that|this) (?:isn't|wasn't)) (?:really |actually )?the (?:department|team|office|school|faculty|store|shop|branch|company|club|practice|council|desk|hotel|restaurant|clinic|surgery|bank|university|college|gym|pharmacy|agency|firm)'s (?:call|decision|choice|doing|fault|rule|problem)\b/gi,
  // "that's not a mistake I'd have made": the agent's side cleared by contrast with someone else's error.
  // "Like I said in my last email, you need to read the instructions": the customer told off for not listening.
  /\b(?:like|as) (?:i|we) (?:said|mentioned|explained|told you|stated|advised)\b[^.;!?]{0,50}\byou (?:need|needed|have|had|must|should|were supposed)\b/gi,
  /\bnot (?:an?|the kind of|the sort of) (?:mistake|error|slip|thing) (?:i|we|anyone here|our team)(?:'d| would)(?: ever)? (?:have |'ve )?(?:made|make)\b/gi,
  // The customer's side named as the cause: "this is on your side, not a platform issue".
  /\b(?:(?:this|that|it|the (?:problem|issue|fault|error|glitch|bug|delay|drop-?outs?|outage)(?: \w+)?)(?:'s| is| was| lies| sits) (?:all |entirely |squarely |firmly |definitely |clearly )?(?:on|at|from) your (?:side|end)|(?:is|was|'s|are|were|lies|sits) (?:all |entirely |squarely |firmly |definitely |clearly )?(?:at|from|on) your end)\b/gi,
  // A customer's duty in the passive: "this should have been arranged by you in advance", "it should have been pointed
  // out at collection". "It should have been flagged to you" owns it, and is left alone.
  /\bshould(?: really| definitely| clearly)? (?:have|'ve) been (?:\w+ )?(?:arranged|booked|pre-?booked|reported|raised|declared|pointed out|mentioned|requested|notified|disclosed|queried|returned|submitted|sent in|logged|cancell?ed|noted|ordered|paid|renewed|updated)\b(?! to you)(?=[^.;!?]{0,40}\b(?:by you|by yourself|at (?:collection|check-?in|check-?out|pick-?up|the time|the counter|the desk|drop-?off|booking)|when you|before you|in advance|beforehand|on arrival|on delivery|on receipt|within \d|within (?:one|two|three|seven|fourteen|thirty|the)\b))|\bshould(?: really)? (?:have|'ve) been (?:\w+ )?\w+(?:ed|en|t) by you\b/gi,
  /\b(?:the )?(?:computer|system) says no\b/gi,
  // "you must have typed it wrong", "you must have missed the email": the customer's slip, guessed at.
  /\byou (?:must|may|might|probably|likely) (?:have|'ve) (?:\w+ ){0,4}(?:wrong|wrongly|incorrectly|by mistake|in error)\b|\byou (?:must|may|might|probably|likely) (?:have|'ve) (?:missed|ignored|forgotten|forgot|deleted|misread|misunderstood|overlooked|skipped|cancell?ed|unsubscribed|clicked)\b/gi,
  // "your bank must have declined it": the fault guessed onto a third party.
  /\b(?:your|the|their) (?:[\w-]+ ){0,2}(?:bank|courier|carrier|provider|network|isp|employer|insurer|card issuer|email provider|spam filter|firewall|app store|mobile network|broadband provider)s? (?:must|probably|likely)(?: have|'ve)? (?:\w+ed|blocked|declined|lost|sent|flagged|filtered|stopped|held|rejected|bounced|put|taken)\b/gi,
  /\b(?:that's|that is|it's) (?:someone|somebody) else(?:'s)?\b|\bsomeone else's (?:job|problem|department|area|responsibility|call|remit)\b/gi,
  /\b(?:clearly|obviously|evidently),? (?:he|she|they|the [\w-]+(?: [\w-]+)?) (?:didn't|did not|never|hadn't|had not|wasn't|forgot|ignored)\b/gi,
  // Running a party down for a habit: "the depot in Leeds is terrible for this".
  /\b(?:they|he|she|the [\w-]+(?: (?:in|at) [A-Z][\w-]+)?(?: [\w-]+){0,2})(?:'re|'s| are| is| has been| have been| was| were) (?:\w+ )?(?:terrible|awful|shocking|dreadful|appalling|notorious|bad|poor|rubbish|hopeless|useless) (?:for|at|with|about) (?:this|that|it|these|those|deliveries|\w+ing)\b/gi,
  // A job done badly by someone else: "your installer wired it incorrectly", "you filled it in wrongly".
  /\b(?:[\w-]+ed|did|put|set|made|sent|wrote|fit|built) (?:it|them|this|that|your [\w-]+|the [\w-]+) (?:up |in |out |down )?(?:incorrectly|wrongly|badly|improperly|poorly)\b/gi,
  /\b(?:wasn't|weren't|was not|were not|isn't|aren't|not) (?:really |even )?paying attention\b/gi,
  /\b(?:aren't|isn't|weren't|wasn't|are not|is not|were not|was not) (?:properly |adequately |well |even )?trained\b/gi,
  // The customer's duty, stated after the fact: "you were supposed to cancel 48 hours in advance", "it was up to you to check".
  /\byou were (?:supposed|meant|required|expected|asked|obliged) to (?!(?:receive|get|have|hear|be|see|enjoy)\b)|\byou (?:needed|had|were required) to (?:\w+ ){0,3}(?:by|before|in advance|within|at least|prior)\b/gi,
  /\b(?:it was|it's|it is|that was|that's|this was) (?:up to|on) you to\b/gi,
  /\bleft (?:a|such a|an absolute|a real|a right|a total) (?:mess|state|shambles|tip)\b|\btold (?:them|him|her) off\b/gi,
  // "That's a Visa issue", "it's a courier problem": the issue assigned to another party by name.
  /\b(?:[Tt]hat's|[Tt]hat is|[Ii]t's|[Ii]t is|[Tt]his is) (?:a|an|really a|purely a|entirely a) (?:[A-Z][\w-]+|bank|courier|carrier|supplier|manufacturer|network|isp|provider|airline|venue|council|lab|third-party|vendor|partner|browser|device|phone|hardware|router|customs|retailer|seller|landlord|insurer|user|customer) (?:issue|problem|matter|thing|fault|error|side issue)\b/g,
  /\b(?:on|at|from) [A-Z][\w-]+'s (?:side|end)\b/g,
  /\b(?:[Dd]id you not|[Dd]idn't you|[Ww]hy didn't you|[Ww]hy did you not|[Hh]ave you not|[Hh]aven't you|[Dd]id nobody tell you|[Ww]ere you not|[Ww]eren't you) (?:[\w-]+ ){0,6}?(?:read|check|notice|look at|follow|aware|warned|sign|agree to|realise|realize|told|informed)\w*\b/g,
  /\b(?:incorrect|wrong|incomplete|invalid|inaccurate|missing|mismatched|false) (?:[\w-]+ ){0,2}(?:furnished|provided|given|entered|supplied|submitted|filled in|uploaded|typed|sent|declared) by you\b/gi,
]);

// Shapes that can also be a neutral account ("the courier failed to deliver, so I've booked a redelivery",
// "the fault is at their end and I've chased them"): they count only when the agent neither apologises nor
// acts in that sentence or the next; a third party named while the agent acts is routing, not blame.
const WEAK: RegExp[] = chatTolerant([
  // Round 7 (holdout5): our own unit declared powerless over another party's doing ("the front desk has no control over
  // their schedule", "support doesn't get advance notice", "the adjuster only passes on what the vendor's report says").
  /\b(?:the|our|this) (?:[\w-]+ ){0,2}(?:front desk|desk|store|shop|counter|branch|office|support(?: team)?|team|adjuster|agents?|staff|reception|call cent(?:re|er)|advisers?|advisors?|clinic|surgery|depot)\b (?:has|have|had|gets?) (?:no|zero) (?:control|say|access|influence|involvement|visibility|input)\b/gi,
  /\b(?:support|the (?:[\w-]+ )?(?:store|front desk|counter|branch|desk|call cent(?:re|er)|agents|staff|advisers|advisors|reception)) (?:doesn't|don't|does not|do not|never) (?:get|gets) (?:any |advance |prior )?(?:notice|notified|told|informed|warning|a say)\b/gi,
  /\b(?:only|just|simply) (?:pass(?:es)? on|relays?|forwards?|goes? by|follows?|posts?|prints?|bills?|charges?) (?:on )?(?:what|whatever) (?:they|the [\w-]+(?:'s)?(?: [\w-]+){0,2}|[A-Z][\w-]+(?:'s)?) (?:says?|sends?|tells?|gives?|decides?|sets?|reports?|provides?|report says)\b/gi,
  // Round 6: responsibility handed to a named party with nothing done ("our contractor, Cleanways Ltd, who are
  // responsible for missed collections"), and the customer's omission as the cause ("you didn't answer the door",
  // "without 24 hours' notice, which you didn't give", "you were not in"). Beside the agent's own action these are an account.
  /\b(?:who|which) (?:is|are|were|was) (?:solely |fully |entirely |directly |wholly )?responsible for\b/gi,
  /\b(?:you|which you) (?:didn't|did not|failed to|forgot to|neglected to) (?:answer|bring|give|provide|attend|declare|notify|tell|update|include|return|submit|sign|read|follow|renew|register|inform|leave)\b/gi,
  /\byou were(?:n't| not) (?:in|home|at home|available|there|present)\b/gi,
  /\b(?:did not|didn't|failed to|forgot to) \w+[^.;!?]{0,40}\bwhich (?:is what |was what )?caused\b/gi,
  // "All customers received it", "you would have received a letter": the customer told they were informed.
  /\ball (?:customers|members|users|tenants|residents|account holders|subscribers|passengers|guests|students|patients) (?:received|were sent|were told|were notified|were emailed|got|were informed)(?: (?:it|this|that|the (?:same )?(?:letter|e-?mail|notice|newsletter|reminder|update|notification|message|text))\b|(?=\s*(?:[.,;!]|$| in\b| on\b| by\b)))|\b(?:you|which you) (?:would|will) have (?:received|been sent|been notified|been emailed|got)\b(?! (?:it|this|one) by)/gi,
  // "The transfer was sent to the account details you provided": done as the customer asked, so the fault is theirs.
  /\b(?:sent|delivered|posted|shipped|paid|transferred|addressed|(?<=(?:payment|transfer|deposit|refund|transaction)s? (?:was|were|has been|had been) )made) (?:to|using|with|for|on|at) (?:the |your )?(?:[\w-]+ )?(?:details|address|account|information|number|postcode|date|name|email(?: address)?) (?:that )?you (?:provided|gave|entered|supplied|typed|selected|used|gave us|put in)\b/gi,
  // Round 5: advice for "next time" puts the fault on the customer ("Next time please add a safe place"); a staff
  // member's word against the complaint, or damage said to be there before ("the technician says the post was
  // already rotten"). Beside an apology or the agent's fix these are an account.
  /\b(?:next time|in future|in the future|going forward|for future reference),? (?:please |kindly |do |just |you (?:should|need to|must|could) )?(?:make sure|ensure|remember|double-check|check|read|add|include|leave|select|choose|allow|measure|note)\b/gi,
  /\b(?:says|said|claims|claimed|insists|insisted|swears|swore|maintains|reports|reported) (?:that )?(?:the|your|it|this|he|she|they)\b[^.;!?]{0,40}\b(?:already|was fine|were fine|correctly|properly|as (?:requested|instructed)|in (?:perfect|good|working) (?:condition|order))\b|\b(?:was|were|had been) already (?:broken|damaged|rotten|cracked|faulty|scratched|dented|loose|leaking|like that|worn|split|chipped)\b/gi,
  // Round 5: the customer's doing as the cause, in the passive ("missed because your bin was not at the kerbside",
  // "applied because the tank was returned at 3/4").
  /\bbecause (?:your|the) [\w-]+(?: [\w-]+)? (?:was not|wasn't|were not|weren't) (?:at|on|in|out|ready|available|accessible|there|presented)\b|\bbecause (?:the|your) [\w-]+(?: [\w-]+)? (?:was|were|had been) (?:returned|submitted|booked|cancell?ed|received|used|worn|opened|left|parked|collected|paid|dropped off|handed in) (?:late|after|at|with|without|empty|open|outside|past|less|only|too|partly|half|unlocked)\b/gi,
  // A slip told as a plain fact ("the surgery sent the wrong strength", "they packed the wrong size"): beside the agent's
  // apology or fix it is an account of what went wrong; said alone it leaves the fault with them.
  /\b(?:picked|packed|sent|shipped|fitted|installed|booked|keyed|printed|delivered|quoted|issued|loaded|labell?ed|entered|typed|selected|chose|used|recorded|logged|noted|wrote|gave|prescribed|dispensed|served|charged|billed|put|cut|made|set|registered|addressed) (?:you |out |in |up |(?:\w+ ){0,4})?(?:the |a )?wrong\b/gi,
  // "the 14th, which is the date you entered": what went wrong named as the customer's own choice.
  /\b(?:which|that) (?:is|was) (?:the |exactly the )?(?:date|address|size|option|time|number|details?|email|postcode|colou?r|model|plan|fare|room|seat|flight|day) (?:that )?you (?:entered|selected|chose|picked|typed|gave|booked|provided|ordered|asked for|requested)\b/gi,
  /\b(?:is|'s|was|are|were|lies|sits)(?: all| squarely| entirely| firmly| really)? (?:on|with) (?:the|your) (?:[\w-]+ ){0,2}(?:carrier|courier|bank|broker|supplier|manufacturer|vendor|airline|venue|landlord|insurer|contractor|agency|regulator|council|platform|provider|partner|seller|retailer|post office|system|algorithm|engine|developer|app store|marketplace|subcontractor|lab|laboratory|hospital|promoter|third[- ]party|hire company|operator|franchisee|depot|head office|installer)\b/gi,
  /\b(?:at|on|from) (?:their|his|her|the [\w-]+'s) (?:side|end)\b/gi,
  /\bthe (?:\w+ ){0,2}(?:came|comes|come) from (?:them|him|her|the (?:\w+ ){0,2}(?:supplier|manufacturer|courier|vendor|system|venue|airline|partner))\b/gi,
  /\b(?:all the time|every so often|most terms|every term|again and again|time and again|constantly)\b/gi,
  /\b(?:out of (?:our|my) hands|(?:outside|beyond) (?:our|my) control)\b/gi,
  /\b(?:forgot|failed|neglected|refused) to\b/gi,
  // A third party's slip told plainly: "the warehouse lost it", "the surgery sent it to the wrong hospital", "didn't submit".
  /\b(?:the|your|a|their) (?:[\w-]+ ){0,2}(?:warehouse|courier|driver|hotel|restaurant|agency|partner|pharmacy|clinic|school|council|branch|store|shop|porter|guy|staff|vendor|seller|engineer|installer|bank|broker|carrier|agent|rep|colleague|surgery|provider|supplier|contractor|landlord|temp|adviser|advisor|manufacturer|airline|venue|depot|office|team)\b[^.;!?]{0,40}?\b(?:lost|misplaced|mislaid|broke|damaged|mixed up|didn'?t|did not|never) (?:(?:even|actually|properly) )?(?:it|them|your|the|submit|send|pass|update|process|check|tell|inform|record|log|file|book|cancel|forward|deliver|flag|follow|read|wait|knock|ring|attempt|try|leave|scan|note|notice|listen|call|turn up|show up|honou?r|respond|reply)(?:ed|ped)?\b/gi,
  /\b(?:sent|delivered|posted|shipped|took|directed|routed|forwarded|addressed) (?:[\w-]+ ){0,3}to the wrong\b/gi,
  // The system did it: "the booking software double-booked it automatically", "generated by the revenues system".
  // What the system will do by itself ("the system will automatically retry tomorrow") is information, not blame.
  /\b(?:the|our|its) (?:[\w-]+ ){0,2}(?:system|software|platform|algorithm|engine|computer|checker|tool)\b(?:(?!\b(?:will|'ll|can|would|going to|may|should)\b)[^.;!?]){0,40}?\b(?:did (?:it|this|that)|[a-z]+ed (?:it |this |that |them |you |your [\w-]+ )?automatically)\b/gi,
  /\b(?:generated|triggered|added|applied|set|issued|created|placed|produced|calculated|sent) (?:automatically )?by (?:the|our) (?:[\w-]+ ){0,2}(?:system|software|platform|algorithm|engine|computer|checker|tool)\b/gi,
  /\bthese things happen\b/gi,
  // The customer's omission given as the cause: "missed because it was not presented at the kerbside by 7am".
  /\bbecause (?:it|they|your [\w-]+(?: [\w-]+)?|the [\w-]+(?: [\w-]+)?) (?:was not|were not|wasn't|weren't|had not been|hadn't been|was never|were never|had never been) (?:properly |correctly |fully )?(?:presented|put out|submitted|completed|signed|returned|paid|registered|renewed|activated|declared|attached|filled in|labell?ed|packed|confirmed|updated|left out)\b/gi,
  // A decision, rule or fault made by another party, named in the passive: "that limit was set by our compliance
  // department", "the mark was entered by your tutor"; beside the agent's own part ("… and we're required to
  // enforce it") it explains a rule.
  /\b(?:decision|limit|rule|policy|restriction|freeze|block|lock|hold|mark|grade|score|price|pricing|fee|charge|increase|schedule|change|error|bug|mistake|fault|booking|entry|seat|allocation|cap|ban|suspension)s? (?:was|were|is|are|has been|had been|have been|gets|got) (?:\w+ )?(?:made|set|taken|entered|introduced|imposed|applied|placed|brought in|decided|chosen|assigned|released|keyed|caused|allocated|issued|signed off|approved) by (?!(?:us|me|myself|ourselves|you|yourself|law|statute|legislation|parliament|the (?:government|regulator|law|state|court|courts)|ofgem|ofcom|ofwat|hmrc|the irs|the fca)\b)(?:the |our |your |their |a |an )?[\w'-]+/gi,
  /\b(?:they|he|she|(?!(?:That|This|It|There|What|Which|Who|We|You|Our|Your|The|If|When|As|So)\b)[A-Z][a-z]+|the [\w-]+(?: [\w-]+){0,2}) (?:keeps? [\w-]+ing|kept [\w-]+ing)\b/g,
  // A third party's act given as the cause: "because the hire company sent an old vehicle".
  /\b(?:because|since|as) (?:the|their|your) (?:[\w'-]+ ){0,3}(?:company|partner|supplier|manufacturer|courier|carrier|driver|bank|lab|hospital|seller|merchant|promoter|contractor|subcontractor|installer|landlord|airline|venue|council|provider|software|system|terminal|agent|rep|depot|warehouse|distributor|staff|technician|tutor|manager|team|department|admin|administrator|engineer|plumber|office)(?: [\w-]+)? (?:had |has |have )?(?!(?:asked|requested|agreed|confirmed|needed|wanted)\b)(?:[a-z-]+ed|sent|lost|took|gave|made|broke|forgot|held|kept|left|put|set|got|told|sold|brought|went|did|wrote|ran|built|shut|stuck|spent|chose|drove|threw)\b/gi,
  /\b(?:listed|advertised|described|priced|displayed|posted|showed|labell?ed) (?:it |them |you |your [\w-]+ )?(?:in |at |as |with |under )?(?:the |a )?wrong\b/gi,
  /\b(?:due to|caused by|because of|down to) (?:the|our|a) (?:new |old )?(?:[\w-]+ ){0,2}(?:system|software|platform|algorithm|engine|computer|tool|app)\b/gi,
  // Clearing our side: "there is no fault on our network".
  /\bno (?:fault|problem|issue|error|outage) (?:on|with|at|in) (?:our|my) (?:network|side|end|system|systems|part|line|servers?)\b/gi,
  // The customer told it was theirs to do ("you are responsible for the security of your password"); said beside
  // an action of the agent's it is an instruction ("you are responsible for returning it; I've emailed a label").
  /\b(?:you|customers|passengers|guests|users|tenants|members|account holders|cardholders|the customer|the account holder|the cardholder|the buyer|the sender) (?:are|is|were|was|remain|remains) (?:solely |fully |entirely |ultimately )?responsible for (?:the |your |their |its )?(?:own |full )?(?:security|safety|accuracy|checking|ensuring|making sure|keeping|providing|supplying|entering|reading|any (?:damage|loss|errors?|mistakes?)|damage|loss|errors?|mistakes?|passwords?|details|information|choices?)\b/gi,

  // Round 4: the cause pinned on a person or party ("down to the new kitchen manager", "caused by other guests",
  // "due to your module tutor not submitting them"); beside the agent's own fix it is an account, not blame.
  /\b(?:down to|due to|caused by|because of|the fault of|the result of|result of) (?:(?:the|your|their|a|an|other|some|one of (?:the|your)) (?:new |temporary |agency |locum |junior |trainee |other |previous |old )?(?:[\w'-]+ ){0,3}(?:managers?|staff|chefs?|cooks?|kitchen|waiters?|waitress|servers?|drivers?|couriers?|carriers?|colleagues?|technicians?|tutors?|teachers?|lecturers?|department|engineers?|contractors?|subcontractors?|agency|suppliers?|distributors?|vendors?|partners?|franchisees?|residents?|guests?|tenants?|neighbou?rs?|users?|office|team|receptionists?|porters?|cleaners?|plumbers?|electricians?|builders?|installers?|landlords?|bank|airline|operators?|sellers?|resellers?|brokers?|insurers?|lab|laboratory|hospital|council|authority|station|warehouse|depot|admin|administrator|provider|platform team|dev team|developers?)|(?:other |some )?(?:residents|guests|tenants|neighbou?rs|passengers|other customers))\b(?! (?:strike|shortage|sickness|illness|absence)s?\b)/gi,
  /\b(?:(?:the|result of|because of|due to) )?(?:[\w-]+ ){0,2}not being (?:provided|submitted|sent|paid|returned|completed|supplied|given|entered|uploaded|updated|signed|read|taken|presented|registered)\b/gi,
  // "the delay is at the police station end", "it's their end, not head office".
  /\b(?:it's|it is|that's|that is|this is|(?:the )?(?:delay|problem|issue|fault|error|hold-?up|hold up|blockage) (?:is|was|lies|sits)) (?:at |on |from )?(?:their |his |her |the (?:[\w'-]+ ){1,3})(?:end|side)\b/gi,
  // "visa issues are outside our scope" disowns a topic; "not within our remit to change grades" refuses an action (cant_focus).
  /\b(?:outside|beyond|not (?:within|in|part of)) (?:our|my|the (?:[\w'-]+ ){0,2}(?:office|team|department)'s) (?:scope|remit|jurisdiction|purview|area|responsibilit(?:y|ies)|department|brief|job description)\b(?! to\b)/gi,
  /\b(?:they|he|she|the [\w-]+(?: [\w-]+){0,2}|which)(?:'ve| have| has|'s)? been (?:very |really |so |badly |massively |chronically )?(?:understaffed|short-?staffed|slow|swamped|overwhelmed|behind|unreliable|useless|hopeless)(?: (?:reviewing|processing|getting|sending|dealing|responding|with|on|all|lately|recently|again|for))?\b/gi,
  /\b(?:customers|tenants|residents|guests|members|users|passengers|students|patients|you|the (?:customer|tenant|resident|guest|member|user|passenger|student|patient|buyer|owner|consignee|sender|account holder))(?:'re| are| is| were| was| remain| remains) (?:solely |fully |entirely |ultimately )?(?:responsible|liable|accountable) for\b[^.;!?]{0,60}\b(?:under|as per|according to|in line with|per) (?:the|your|our) /gi,
  // The system did it ("the system flagged your account", "the booking system double-booked the slot"), a team or a
  // partner slipped ("the night shift didn't log your call", "our delivery partner lost the parcel", "marketing sent that
  // email by mistake", "IT pushed an update that broke the login"); beside the agent's fix these are an account.
  /\b(?:the|our|their|your|the [\w-]+'s) (?:[\w-]+ )?(?:system|computer|software|algorithm|platform|machine|booking system|portal|app)\b (?:has |had )?(?:flagged|blocked|locked|cancell?ed|rejected|declined|double-booked|overbooked|deleted|removed|froze|suspended|marked|closed|wiped|lost|glitched|crashed|reset)\b/gi,
  /\b(?:IT|[Mm]arketing|[Bb]illing|[Aa]ccounts|[Ff]inance|[Ss]ales|[Mm]anagement|[Hh]ead office|[Dd]ispatch|[Rr]eception|(?:[Tt]he|[Oo]ur|[Yy]our|[Tt]heir) (?:[\w-]+ ){0,2}(?:team|department|dept|office|desk|shift|crew|staff|partner|provider|vendor|supplier|courier|developers?|devs?|guy|lady|person|agent|colleague|temp|trainee|receptionist|nurse|technician|tech|driver|engineer|contractor|carrier|manufacturer))\b (?:has |had |have )?(?:broke|deleted|lost|misplaced|mislaid|mixed up|messed up|dropped|ignored|overlooked|forgot|missed|double-booked|overbooked|overcharged|mis-?\w+ed|didn't (?:log|record|note|pass|send|process|check|read|update|tell|book|file|submit|follow|flag)|did not (?:log|record|note|pass|send|process|check|read|update|tell|book|file|submit|follow|flag)|never (?:logged|recorded|passed|sent|processed|checked|updated|told|booked|filed|submitted|followed|flagged))\b/g,
  /(?<!\b(?:was|were|been|be|is|are|got) )\b(?:sent|made|done|issued|applied|charged|cancell?ed|deleted|booked|entered|posted|processed) (?:[\w-]+ ){0,3}(?:by mistake|in error|by accident|accidentally)\b|\b(?:pushed|released|rolled out|deployed|made|sent) (?:an? |the )?(?:[\w-]+ )?(?:update|change|release|patch|email|batch)\b[^.;!?]{0,20}\b(?:that|which) (?:broke|caused|deleted|wiped|crashed|triggered|locked)\b/gi,
  /\b(?:is|was|are|were|'s)(?: entirely| all| purely| squarely| solely| completely)? (?:down to|caused by) (?!(?:the (?:last|wire|bone|few|final|\d)|earth|zero|\d|Christmas|Easter|New Year|Covid|COVID|Brexit|Black Friday|Boxing Day|Ramadan|Eid|Diwali|Thanksgiving|Hanukkah|Chinese New Year|Lunar New Year)\b)(?:[A-Z][\w-]+(?: [A-Z][\w-]+)*|the [A-Z][\w'-]+(?: [A-Z][\w'-]+)*)/g,
  /\b(?:a )?known (?:issue|problem|bug|fault|glitch) (?:with|on|at|in) (?:the [\w'-]+'s|their|the (?:supplier|manufacturer|vendor|provider|partner|courier|carrier|bank|platform)(?:'s)?)\b/gi,
  /\b(?:dragging (?:their|his|her|its) feet|taking (?:their|his|her|its) (?:sweet )?time|sitting on (?:it|this|that|your [\w-]+))\b/gi,
  /\b(?:hold-?up|delay|problem|issue|fault|error|blockage|bottleneck|mistake)(?:'s| is| was| lies| sits| rests)(?: \w+)? with (?:the|your|their) (?:[\w-]+ )?(?:solicitors?|supplier|courier|carrier|bank|lender|broker|insurer|landlord|agent|agency|council|manufacturer|seller|vendor|partner|provider|contractor|subcontractor|installer|airline|venue|promoter|lab|hospital|surgery|school|employer|embassy|consulate|registry|depot|warehouse|team|department|office|network operator|operator|distributor|franchisee|meter|land registry)s?\b/gi,
  /\b(?:didn't|did not|never|failed to) (?!(?:arrive|reach|come|load|work|go|get|turn)\b)(?:\w+ ){1,3}(?:properly|correctly|carefully|in time|on time|as (?:agreed|promised|instructed|asked))\b/gi,
  // "so they're responsible" for what went wrong; "he's responsible for the boiler" only says whose job the boiler is.
  /\b(?:they're|they are|they were|he's|he is|she's|she is) (?:\w+ )?(?:responsible|liable|accountable|to blame|at fault)\b(?=\s*(?:[.,;!—–-]|$|now|here|for (?:this|that|it|what|the (?:delay|mistake|error|problem|issue|damage|loss|mix-up|fault|hold-?up)|any (?:delay|mistake|error|problem|issue|damage|loss))\b))/gi,
  /\b(?:because|since|as) our (?:[\w-]+ ){0,2}(?:partner|provider|supplier|courier|carrier|vendor|contractor|manufacturer|host|hosting provider)s? (?:had|has|have|did|didn't|sent|lost|made|broke|forgot|missed)\b/gi,
  // Round 4, more voices: "the mistake happened at the branch level", "a technical issue of the payment gateway",
  // "the concerned department has not yet responded", "you did not turn up for the appointment",
  // "too many wrong passwords were entered".
  /\b(?:happened|occurred|arose|originated|started) (?:at|on|in|with|from) (?:the|their) (?:[\w-]+ ){1,2}(?:level|end|side)\b/gi,
  /\b(?:issue|problem|fault|error|glitch|bug|outage) (?:of|from|at|on|with|in) (?:the|their) (?:[\w-]+ ){0,2}(?:gateway|bank|courier|carrier|provider|network|supplier|vendor|partner|operator|airline|manufacturer|processor|registrar|exchange|isp)\b/gi,
  /\b(?:the )?(?:concerned |relevant |respective )?(?:department|team|office|supplier|vendor|solicitors?|agent|landlord|insurer|manufacturer|seller|partner|contractor|employer|embassy|consulate|authority|authorities)(?:'s| has| have)? (?:still )?(?:not yet|yet to|not|n't|never) (?:yet )?(?:respond|responded|replied|reply|answered|answer|got back|get back|come back|returned|approved|actioned|processed)\b/gi,
  /\byou (?:did not|didn'?t|failed to|never) (?:turn up|show up|attend|arrive|respond|reply|pay|return|collect|submit|provide|sign|complete|update|notify|inform|tell|call|read|check|follow)\b/gi,
  /\b(?:too many|several|multiple|repeated) (?:wrong|incorrect|failed|invalid) (?:passwords?|pins?|attempts?|codes?|logins?|log-?ins?)\b/gi,
]);

// Deflection in the agent's own voice ("I just work here", "we just follow the rules"): the subject is the
// agent, so these skip the own-side check the other families get.
const FIRST_PERSON: RegExp[] = chatTolerant([
  /\b(?:i|we)(?:'ve| have)? (?:got )?(?:nothing|nowt) to do with\b|\b(?:i|we)(?:'ve| have)? (?:got )?no (?:control|say|influence) over\b|\b(?:i|we) (?:don't|do not) (?:control|decide|set|run|manage) (?:the|that|this|it|what|how|when|their|those|who)\b/gi,
  /\b(?:we|i)(?:'re| are| am|'m) (?:not|in no way) (?:responsible|liable|accountable|to blame) for\b/gi,
  /\bnot (?:one|something|a (?:rule|decision|policy|change)) (?:that )?(?:i|we)(?: personally)? (?:agree|agreed|would agree) with\b|\b(?:i|we) (?:don't|do not|didn't|did not) (?:agree with|support|like) (?:it|this|that|the (?:rule|decision|policy|change|limit))\b/gi,
  /\b(?:we|i) (?:just|only|simply|merely) (?:follow|apply|enforce|implement|pass on|do what)\b/gi,
  /\b(?:i|we) (?:just|only|merely|simply) (?:do|answer|handle|deal with|work (?:in|on|for)|run|look after|cover|type|pass on|manage|maintain|own|operate|supply|book|arrange|host|list|advertise|(?:take|collect|process|sell) (?:it|them|the [\w-]+|what|payments|orders|bookings|the money))\b/gi,
  /\b(?:i|we) (?:don't|do not|didn't|did not) (?:set|make|decide|write|choose|control) (?:the |these |those |our |your |any )?(?:fees|prices|pricing|rules|policy|policies|charges|rates|terms|decisions?|arrangements|schedule|timetable)\b/gi,
  /\b(?:have|has|get|had) no say\b|\b(?:don't|do not|doesn't|does not) (?:get|have) (?:a|any) say\b/gi,
  // Clearing one's own side implies the fault is elsewhere: "it left us in perfect condition", "we did nothing wrong".
  /\b(?:left (?:us|our [\w-]+(?: [\w-]+)?)|was (?:dispatched|sent|packed|shipped|delivered|fitted|installed)|when (?:it|they) left (?:us|our [\w-]+)) in (?:perfect|good|excellent|pristine|full working|working|mint) (?:condition|order|working order|shape)\b|\b(?:was|were) in (?:perfect|good|excellent|pristine|full working|working|mint) (?:condition|order|working order|shape) when (?:it|they) (?:left (?:us|our)|(?:was|were) (?:dispatched|sent|packed|shipped|delivered|fitted|installed|checked))\b/gi,
  /\b(?:we|i|our [\w-]+(?: [\w-]+)?) (?:did|have done|'ve done|has done) (?:nothing wrong|everything (?:correctly|right|by the book|we (?:should|could)))\b|\b(?:we|i|our [\w-]+) (?:followed|have followed|'ve followed) (?:the|all|our) (?:correct|proper|standard|right|usual) (?:procedures?|process(?:es)?|protocols?|steps)\b|\bnothing (?:was )?wrong (?:on|at|with) (?:our|my) (?:side|end|part)\b/gi,
  // "We did warn you the item was final sale": the warning held up against the customer.
  /\b(?:we|i) did (?:warn|tell|inform|advise|remind) you\b|\b(?:we|i) (?:warned|told|reminded) you (?:twice|already|repeatedly|clearly|at the time)\b/gi,
  // "The Company does not accept liability for losses arising from third-party networks": responsibility disowned.
  /\b(?:do|does|will|can|cannot|can't) not accept (?:any )?(?:liability|responsibility)\b|\b(?:don't|doesn't|won't|can't|cannot) accept (?:any )?(?:liability|responsibility)\b|\baccepts? no (?:liability|responsibility)\b/gi,
  /\b(?:i|we) (?:just|only) work here\b|\b(?:above|beyond) my pay ?grade\b|\bi (?:don'?t|do not) make the (?:rules|polic(?:y|ies))\b/gi,
  // Round 4: our side disowned in the third person ("Pharmacy is not at fault", "the Registry is not responsible for
  // delays", "we're not responsible once it's dropped off"), "no role in it", "we are only the seller",
  // "if it were up to me", "we can't answer for how he spoke to you".
  /(?<!\byou(?:'re| are)?\s?)(?<!\b(?:customers?|passengers?|guests?|tenants?) )\b(?:(?:is|are|am|was|were)(?: simply| just| really| certainly| therefore)? (?:not|in no way)|isn't|aren't|'re not|'m not) (?:responsible|liable|accountable|at fault|to blame)\b|\bcan(?:'t|not| not) be held (?:responsible|liable|accountable)\b/gi,
  /\b(?:has|have|had|play|plays|played) no (?:role|part|involvement|hand) in\b/gi,
  /\b(?:we|i)(?:'re| are| am|'m) (?:only|just|merely|simply) (?:the|a|an) (?:[\w-]+ )?(?:seller|retailer|reseller|middleman|intermediary|broker|agent|platform|marketplace|messenger|booking agent|distributor|reception|front desk|call cent(?:re|er)|admin team|agency|dealer|host|reseller|go-between)\b/gi,
  /\bif it (?:were|was|had been) (?:up to|down to) me\b|\bif i had (?:my|any) (?:way|say)\b/gi,
  /\b(?:can't|cannot|can not) (?:really )?(?:answer|speak|vouch|account) for (?:how|what|the|his|her|their|them|him|that)\b/gi,
  /\bover (?:whom|which) (?:we|i) have (?:no|limited|little|zero) (?:control|say|influence)\b|\b(?:we|i)(?:'ve| have)? (?:got )?(?:limited|little) (?:control|say|influence) over\b/gi,
  /\b(?:i|we)(?:'m| am|'re| are) (?:only|just|merely|simply) (?:the|a|an) (?:[\w-]+ )?(?:receptionist|cashier|temp|trainee|intern|assistant|admin|clerk|operator|advis[oe]r|rep|representative|team member|front desk|sales team|sales person|salesperson|booking agent|call handler|night porter|porter|cleaner|driver|volunteer|customer service agent|support agent|chat agent)\b|\b(?:i|we)(?:'m| am|'re| are) (?:only|just|merely) (?:in|on|with|from) (?:the )?(?:[\w-]+ )?(?:sales|support|front desk|phones|reception|bookings|admin|team|desk|side)\b/gi,
  /\bi (?:wasn't|was not) (?:on shift|working|on duty|here|in that day|the one (?:who|that))\b/gi,
  /\b(?:head office|management|the company|this office|our office|the (?:[\w-]+ )?(?:team|department|branch|office))(?: is| are| was| were)(?: not|n't| in no way) (?:involved|party to|a party to|part of (?:this|that|it))\b/gi,
  // Round 6 (holdout3 read as development): a colleague's habit ("he's new and keeps telling people the wrong
  // returns window", "they're always doing this", "housekeeping are always behind"), the work disowned ("it is not
  // done by our team", "we're not the ones who left it unfinished").
  /\bkeeps? (?:on )?(?:telling|giving|quoting|sending|booking|getting|making|losing|forgetting|mixing|mis-?\w+ing)\b[^.;!?]{0,40}?\b(?:wrong|mistakes?|errors?|up)\b/gi,
  /\b(?:always|constantly|forever) (?:behind|doing (?:this|that)|at it)\b/gi,
  /\bnot (?:done|caused|made|sent|issued|initiated|triggered|applied|set up|raised) (?:by|from) (?:us|me|our (?:[\w-]+ )?(?:team|staff|side|store|company|office|people|end|billing|system))\b/gi,
  /(?<=\b(?:we|i)(?:'re| are|'m| am| were| was) )not the ones? (?:who|that|to)\b/gi,
]);

const RHETORICAL = /\b(?:did you not|didn't you|why didn't you|why did you not|have you not|haven't you|did nobody tell you|were you not|weren't you)\b[^?]{0,80}\b(?:read|check|notice|look|follow|told|informed|aware|warned|sign|agree|realise|realize)\w*/i;

// Naming an outside cause (weather, a strike, a national holiday) explains; it does not shift blame.
const OUTSIDE_CAUSE = /\b(?:air traffic control|ATC restrictions|volcanic ash|storm|snow|flood|weather|strike|industrial action|bank holiday|pandemic|hurricane|earthquake|wildfire|road closure|power cut|met office)\b/i;
// Owning the mistake for the team is the opposite of blame.
const OWNING = /\bif\b[^.;!?]{0,50}\bby (?:us|me)\b|\b(?:(?:that|this|it)(?: one)?(?:'s| is| was) (?:all |totally |entirely |completely )?on us|(?:that|this|it)(?:'s| is| was) (?:still )?(?:our|my) (?:responsibility|job to (?:fix|put right|sort))|(?<!(?:\bnot|n'?t|\bnever) (?:really |entirely |actually )?)our (?:fault|mistake|error|bad)|(?:mistake|error|fault) (?:on|at) our (?:side|end)|we (?:messed|got (?:it|this|that) wrong|made a mistake|dropped the ball|let you down)|i (?:messed|got (?:it|this|that) wrong|made a mistake))\b/i;
const AGENT_ACTS = /\b(?:i|we)(?:'ve| have|'ll| will|'m| am|'re| are)(?: already| now| also| just)? (?!(?:not|no|been|had|never|afraid|sorry|unable)\b)[a-z]+(?:ed|ing)?\b|\b(?:i|we)(?:'ll| will) \w+/i;
// A fix reported in the passive ("…, which has now been corrected") makes the account part of putting it right.
const FIXED = /\b(?:has|have|had) (?:now |since |already |just )?been (?:corrected|fixed|resolved|sorted|amended|updated|put right|rectified|reversed|refunded)\b|\b(?:is|are|'s|was|were) (?:now |all |already )?(?:fixed|resolved|sorted|corrected|working again|back up|back online|back to normal)\b/i;
// Handing a case to the team that deals with it is routing, not blame: "handled by X rather than us".
const ROUTING = /\b(?:handled|dealt with|managed|run|covered|processed|looked after|issued|administered|arranged) by\b/i;

// "You should have received a confirmation email this morning": where something is expected, not whose fault it is.
const EXPECTED_ARRIVAL = /\bshould (?:have|'ve) (?:received|got|arrived|come through|reached you|been (?:sent|emailed|delivered|credited|refunded|notified))\b/i;

/**
 * Sentence i cannot deflect, whatever its words: a real question (the rhetorical "did you not read the email?" still
 * puts it on the customer), an outside cause, or the agent owning the mistake around it.
 */
function neverDeflects(sentences: Sentence[], i: number): boolean {
  const s = sentences[i]!;
  if ((/\?\s*$/.test(s.text) && !RHETORICAL.test(s.text)) || OUTSIDE_CAUSE.test(s.text)) return true;
  return OWNING.test(`${sentences[i - 1]?.text ?? ''} ${s.text} ${sentences[i + 1]?.text ?? ''}`);
}

/** An apology, a fix or the agent's own action in or right after sentence i: a weak shape there is an account. */
function accountGiven(sentences: Sentence[], i: number): boolean {
  const s = sentences[i]!;
  return AGENT_ACTS.test(`${s.text} ${sentences[i + 1]?.text ?? ''} ${sentences[i + 2]?.text ?? ''}`) || /\b(?:sorry|apologi[sz]e|apologies|regret)\b/i.test(s.text) || FIXED.test(s.text);
}

/**
 * Whether sentence i is an account, not deflection, for a weak signal (the learned model): it never deflects, it
 * tells where something is expected, or an account is given around it.
 */
export function neutralAccount(sentences: Sentence[], i: number): boolean {
  return neverDeflects(sentences, i) || EXPECTED_ARRIVAL.test(sentences[i]!.text) || accountGiven(sentences, i);
}

/** Whether the text names an outside cause (a strike, a storm): an account of it is not deflection. */
export const namesOutsideCause = (text: string) => OUTSIDE_CAUSE.test(text);

/** Finds sentences that deflect responsibility. */
export function findBlame(sentences: Sentence[]): Hit[] {
  const hits: Hit[] = [];
  sentences.forEach((s, i) => {
    if (neverDeflects(sentences, i)) return;
    const acts = accountGiven(sentences, i);
    const at = deflectionAt(s.text, acts);
    if (at < 0) return;
    const clause = clauseAt(s, s.start + at);
    hits.push({
      kind: 'blame',
      ...clause,
      message: 'This puts the fault on someone else instead of owning the problem for the team.',
      suggestion:
        'Own it for the company: say plainly what went wrong ("we sent the wrong size") and what you are doing to fix it, without naming who is to blame.',
    });
  });
  return hits.slice(0, 3);
}

function deflectionAt(text: string, agentActs: boolean): number {
  let best = -1;
  for (const re of FIRST_PERSON) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  const families = agentActs ? FAMILIES : [...FAMILIES, ...WEAK];
  for (const re of families) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (isOwnOrRouting(text, m)) continue;
      if (best < 0 || m.index < best) best = m.index;
      break;
    }
  }
  return best;
}

// The company owning the case in the same sentence: how the customer dealt with us, our own slip, their innocence.
const OWNED = /\b(?:don't|do not|did not|didn't|not|never|won't|wouldn't) (?:be )?blam(?:e|ing)\b|\byou paid us\b|\b(?:isn't|is not|wasn't|was not|not) something you (?:could|would|should) (?:have|'ve)\b|(?<!\bnot |\brather than |\bnot just )\b(?:booked|bought|ordered|paid|purchased|signed up|travel(?:l)?ed|(?:is|are|was) booked) (?:it |them |this |that |the [\w-]+(?: [\w-]+)? )?(?:with|from|through) us\b(?!,? not\b)|\b(?:our|my) (?:own )?(?:[\w-]+(?:'s)? )?(?:mistake|fault|slip|error|responsibility|doing|oversight)\b(?=,? not (?:yours|the [\w-]+'s|theirs|his|hers)\b)|\bnot something (?:the|our|your) [\w-]+(?: [\w-]+)? did wrong\b|\b(?:was|were|is|are) (?:entirely |completely )?(?:outside|beyond) (?:our|anyone's) control\b|\b(?:isn't|is not|wasn't|was not|aren't|are not) at fault\b|\bnot (?:yours|your fault|your doing|down to you|on you)\b|\b(?:isn't|is not|wasn't|was not|none of (?:this|it) is|none of (?:this|it) was) (?:anything you did|your fault|your doing|down to you)\b/i;

/** "we always …", "our fault", "handled by the council rather than us" are not deflection. */
function isOwnOrRouting(text: string, m: RegExpExecArray): boolean {
  const phrase = m[0];
  // "You booked the package with us", "that was our depot's mistake, not yours": the agent owning it for the company.
  if (OWNED.test(text)) return true;
  // "the refund is yours regardless": a thing given, not a fault handed over ("the mistake was yours").
  if (/\byours$/i.test(phrase) && !/\b(?:mistake|error|fault|choice|decision|responsibility|call|doing|problem|slip|oversight)\b/i.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  const before = text.slice(Math.max(0, m.index - 60), m.index);
  // "The app should never have charged you twice": our own system's failure, owned.
  const ownSystem = "(?:the|our|my) (?:[\\w-]+ )?(?:app|system|website|site|till|machine|software|platform|portal|card reader|terminal)";
  if (/^(?:should|shouldn't)/i.test(phrase.trim()) && new RegExp(`(?:^|[,;:]\\s*|\\b(?:and|but|so)\\s+)${ownSystem}\\s+$`, 'i').test(before)) return true;
  if (new RegExp(`^${ownSystem} should(?:n't| never| not)\\b`, 'i').test(phrase.trim()) && (/(?:^|[,;:]\s*|\b(?:and|but|so)\s+)$/i.test(before))) return true;
  // "Our driver should have waited and knocked": one colleague's slip named, even if said as "our".
  const colleagueSlip = /^(?:our|my) (?:[\w-]+ )?(?:driver|engineer|technician|tech|agent|receptionist|courier|rep|adviser|advisor|cashier|nurse|doctor|chef|waiter|waitress|server|porter|cleaner|installer|fitter|plumber|electrician|surveyor|manager|colleague|temp|trainee) should(?: have|'ve)\b/i.test(phrase.trim());
  // "Your order is with the courier": where a thing is, not whose fault it is.
  if (/^(?:is|'s|are|was|were)\b[^.;!?]*?\bwith\b/i.test(phrase) && /\b(?:order|parcel|package|item|case|claim|application|request|letter|form|documents?|paperwork|refund|payment|file|passport|visa|car|vehicle|device|phone|laptop|repair|delivery|shipment|return|goods|box|boxes|keys?)\s*$/i.test(before)) return true;
  // "this morning's release", "a bug in Tuesday's release": a time owns nothing. "a date of your choice" is an idiom,
  // and "the bundle that serves your area" is a place, not a remit.
  if (/\b(?:today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|week|weekend|month|year|term|season|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s\s+(?:own\s+)?[\w-]+$/i.test(phrase) || /\bof your (?:own )?choices?$/i.test(text.slice(Math.max(0, m.index - 3), m.index + phrase.length)) || (/\byour area$/i.test(phrase) && !/\b(?:is|'s|was|are|that's|it's)\s+$/i.test(before))) return true;
  // "the store where you bought the item", "the card you paid with": a relative clause locates, it accuses nobody.
  if (/^(?:you|your)\b/i.test(phrase.trim()) && /\b(?:where|when|which|the (?:day|date|time|way|place|site|store|shop|branch))\s+$/i.test(before)) return true;
  // "As you booked via Roomly, …": how the customer booked explains who handles it; it is not their slip.
  if (/^(?:because|since|as)\s+you\b/i.test(phrase) && /^\s*(?:via|through|with|on|online|directly|using|from|at)\b/i.test(text.slice(m.index + phrase.length))) return true;
  // "I can see you're frustrated that the app double-booked your class": the customer's complaint restated in an
  // empathy frame, not the agent's account of whose fault it is.
  if (/\b(?:frustrat\w*|upset|annoy\w*|angry|disappoint\w*|unhappy|cross|worried|concerned|furious|gutted|fed up)(?: (?:\w+ ){0,2}(?:that|because|about|as|when)|,? (?:that|because|about|as|when))\s+(?:[\w'-]+\s+){0,6}$/i.test(before) || /\byou(?:'ve| have)? (?:say|said|mention(?:ed)?|report(?:ed)?|told us|feel|felt|explain(?:ed)?) (?:that )?(?:[\w'-]+\s+){0,6}$/i.test(before)) return true;
  // "If you didn't attend, just let me know": a condition about the customer accuses nobody.
  if (/^you\b/i.test(phrase.trim()) && /\b(?:if|unless|in case|whether)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return true;
  // "our delivery partner lost it" names an outside party, however it is owned.
  if (/^(?:we|i|our|my|we've|i've)\b/i.test(phrase.trim()) && !colleagueSlip && !(/^our\b/i.test(phrase.trim()) && /\b(?:hopeless|useless|rubbish|unreliable|incompetent|clueless|careless|sloppy|not trained|n't trained|a nightmare|a joke|a shambles|a disaster|a circus|a farce)\b/i.test(phrase)) && !/^our (?:[\w-]+ )?(?:partner|supplier|courier|vendor|contractor|subcontractor|provider|carrier|manufacturer|agency|franchisee|landlord|installer|distributor|developers?|devs?)s?\b/i.test(phrase.trim())) return true;
  // "not something we can do" refuses; it blames nobody.
  if (/\b(?:can|will|would|are able to|am able to)(?: \w+)? do\b/i.test(phrase)) return true;
  if (/^(?:you|your)\b/i.test(phrase.trim()) && /\b(?:always|never|constantly)\b|\bkeeps? \w+ing\b/i.test(phrase)) return true;
  // "the mandate was never cancelled" reports a fact; a habit is "they never check".
  if (/\b(?:was|were|is|are|be|been|had)\s+(?:always|never)\s+\w+(?:ed|en|wn|ne|t)\b/i.test(phrase)) return true;
  // "handled by the county Board of Elections, not this office" routes the case; it blames nobody.
  if ((/\brather than\b/i.test(phrase) || (/^\W*(?:(?:and|but)\s+)?not\b/i.test(phrase) && !/\b(?:us|ours|me|mine)\b/i.test(phrase))) && ROUTING.test(text.slice(0, m.index))) return true;
  // "so sorry, missing half the order is rubbish": the agent siding with the customer about the mess, not running anyone down.
  if (/\b(?:rubbish|a joke|a nightmare|a shambles|a disaster|a farce|a circus)\b/i.test(phrase) && /\b(?:sorry|apologi[sz]e|apologies)\b/i.test(text)) return true;
  // The agent's own side as the subject ("we made a mistake", "I should have told you") owns it.
  if (/\b(?:i|we|i've|we've|i have|we have|i had|we had|i'd|we'd)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, m.index - 24), m.index))) return true;
  return false;
}
