// channel_redirect: the draft sends the customer to another channel, team or contact to start again,
// instead of the agent carrying the case there.
import type { Sentence } from '../text.ts';
import { clauseAt, matches, type Hit } from './clauses.ts';

// The customer is told (or advised) to do it themselves; "you can" only invites, so it counts for the
// strong verbs (call, email, visit …) and not for self-service ones ("you can book online").
const TOLD = "please|pls|plz|kindly|maybe|perhaps|why not|(?:we |i )?request you to|requesting you to|you'?ll wanna|you wanna|you(?:'re| are) gonna (?:need|have|want) to|(?:customers|users|members|tenants|patients|students|parents|applicants|residents|guests|travellers|passengers) (?:should|must|need to|will need to|are asked to)|you are (?:kindly )?(?:requested|advised|asked|required) to|just|simply|then|so|instead|otherwise|(?:you|u)(?:'ll| will)? (?:need|have|want|would need|would have|'d need|'d have) to|you need to|you must|you should|you'd (?:need|have|want) to|you would (?:need|have) to|best to|(?:the )?(?:best|easiest|quickest|simplest|fastest) (?:way|thing|option|bet|place|route)?(?: to [\\w ]{1,20}?)? ?(?:is|would be|will be) to|your best (?:bet|option) (?:is|would be|will be) to|i'd (?:recommend|suggest|advise)(?: that you)?|i (?:would )?(?:recommend|suggest|advise)(?: that you)?(?: you)?|we (?:recommend|suggest|advise|ask that you|ask you to)|go ahead and|try to|try|it's best to|it is best to|it would be best to|i'm afraid you'll have to|unfortunately you'll (?:need|have) to|you'll want to|if not|failing that|or else";
const INVITED = "you may (?:wish|want|like) to|you might (?:wish|want|like) to|you can|you could|you may|feel free to|you'?re welcome to|you are welcome to";
const START = "(?:^|[.!;:,—–-]\\s*)";
// An instruction said outright, for the broad errand pattern below (TOLD also has "so", "just", "then", which there
// would catch accounts: "so the delay sits with him").
const INSTRUCTED = "please|pls|kindly|(?:you|u)(?:'ll| will)? (?:need|have) to|you need to|you must|you should|you'd (?:need|have|want) to|you would need to|you can|you could|you may|you might want to|you may want to|you'll want to|i'd (?:recommend|suggest|advise)|we (?:recommend|suggest|advise)|it's best to|best to";
const STRONG_VERB = "(?:call|phone|ring|telephone|e-?mail|contact|reach out to|get in touch with|write to|write in(?: to)?|have a (?:word|chat) with|approach (?:the|your|our|their|any|a)|revert (?:back )?to (?!(?:you|us|me)\\b)|reach (?:our|the|their|your) (?!(?:end|limit|goal|target|destination)\\b)|message|text|dm|visit|pop into|pop in to|pop down to|head to|head over to|head into|stop by|drop by|drop into|go (?:in)?to|go back (?:in)?to|go back (?:in|through)|come (?:in|into|down to|to)|speak (?:to|with)|talk (?:to|with)|chat (?:to|with)|ask at|ask (?:the|your|them|him|her|at|in|billing|reception|[A-Z]\\w+)|check with|take (?:it|this|that) up with|take (?:it|them|this|that|(?:your|the) [\\w-]+(?: [\\w-]+)?) (?:back |along |in |down )?(?:to|into) (?!(?:you|us|me)\\b)|sort (?:it|this|that)(?: out)? (?:directly )?with|resolve (?:it|this|that) (?:directly )?with|settle (?:it|this|that) with|deal (?:directly )?with (?:them|him|her|the [\\w-]+)|follow (?:it |this )?up with|liaise with|raise (?:it|this|that) with|book with|apply to|hand (?:it|them|the [\\w-]+) in|bring (?:it|them|the [\\w-]+|your [\\w-]+)(?: [\\w-]+){0,6} (?:in|to)|post (?:it|them|the [\\w-]+|your [\\w-]+) to|take (?:it|them|the [\\w-]+) (?:in |back )?to|return (?:it|them|the [\\w-]+) to|direct (?:your|any|this|the)(?: [\\w-]+){0,2} to|send (?:your|an|a|the|this|them|it|any|all)(?: [\\w-]+){0,2} to|forward (?:this|your|it|any|all|the [\\w-]+)(?: [\\w-]+){0,2} to|(?:send|drop|shoot|fire off|pop) (?:us |them |him |her )?(?:a |an )?(?:dm|direct message|message|note|line|pm|email|e-mail) (?:to|at|in|on|via)|(?:send|drop|shoot|pop) (?:us|them|him|her) (?:a|an) (?:dm|direct message|message|note|line|pm|email|e-mail|text)|give (?:them|him|her|(?:the|our|your|their) [\\w-]+(?: [\\w-]+)?|(?!(?:me|us)\\b)[A-Z][\\w-]+) a (?:call|ring|bell|buzz|shout)|(?:hop|jump) on (?:to )?(?:the )?(?:live chat|chat|phone|a call)|go through (?:the|your|their)|(?:dm|message) (?:us|them) on|whatsapp|tweet|get (?:on|on ?to|onto) (?!(?:it|this|that)\\b)|dispute (?:it|this|that|the [\\w-]+) with|claim (?:it )?(?:from|with|off|against) (?!us\\b)|refer (?:your|the|this|it) (?:[\\w-]+ )?to|escalate (?:it|this|your [\\w-]+) to|collect (?:it|them|the [\\w-]+|your [\\w-]+) (?:from|at|there|in person)(?! (?:the |our )?(?:reception|front desk|counter)\\b)|post (?:your|the) [\\w ]{1,20}? there|(?:appeal|complain) to|seek (?:advice|help|guidance|support|assistance) (?:from|at|with)|see (?:your|a) (?:gp|doctor|pharmacist|dentist|optician|solicitor|lawyer|accountant|bank))";
const WEAK_VERB = "(?:send|re-?send|open|submit|raise|file|create|log|start|fill (?:in|out)|complete|use|book|rebook|re-book|report|request|make|post|apply|place|register|renew|lodge|arrange|order|re-?order|reorder|try|pay|dispute|appeal|update|change|amend|claim|list|sell|resell|upload|resubmit|re-?apply|cancel)";
const CHANNEL = "(?:(?:a|an) (?:new|separate|fresh|second|another|support|formal) (?:[\\w-]+ )?(?:ticket|request|case|claim|enquiry|inquiry|form|chat|complaint|application|report|query)|\\ba (?:[\\w-]+ )?ticket with\\b|\\b(?:a|an) (?:[\\w-]+ )?(?:claim|complaint|dispute|case|request|query|enquiry|report) (?:with|against) (?!(?:us|me)\\b)|\\bwith (?:them|him|her|that team|that department)\\b|\\b(?:directly )?from (?:them|him|her|the (?:airline|seller|retailer|manufacturer|insurer|bank|council|operator|provider|courier|carrier|venue|hotel|organiser|promoter))\\b|another (?:ticket|request|case|claim|enquiry|inquiry|form)|(?:online|in person|by post|by phone|over the phone)\\b|\\b(?:through|via|on|at|using|with|in|from) (?:the |our |your |their |a |an )?(?:[\\w'&>-]+ ){0,4}(?:website|site|portal|app|page|form|forum|community|line|hotline|helpline|number|branch|store|shop|office|desk|centre|center|counter|reception|hub|account|address|inbox|clinic|pharmacy|chat|team|department|dept)\\b|[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\+?\\d[\\d ()-]{6,}\\d|(?:www\\.|https?:\\/\\/)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|co\\.uk|io|org|net|gov|edu|gov\\.uk|ac\\.uk|org\\.uk)\\b|\\bpo box\\b)";

// "is going to call you" is the future, not "going into the branch".
const GERUND = "(?:recommend|suggest|advise|try|trying|tried|consider|is|would be|(?:best|better) off) (?:giving (?:them|him|her|the [\\w-]+(?: [\\w-]+)?|[A-Z][\\w-]+) a (?:bell|ring|call|buzz|shout|tinkle|line|message)|calling|phoning|ringing|e-?mailing|contacting|reaching out to|getting in touch with|writing to|messaging|visiting|going (?:into|in to|to (?=(?:the|your|a|an|our|their|any|one of)\\b))|popping into|heading (?:over )?to|speaking (?:to|with)|talking (?:to|with)|chatting (?:to|with)|checking with|taking (?:it|this|that) up with)";
const REDIRECTS: RegExp[] = [
  new RegExp(`(?:${START}|\\b(?:${TOLD}|${INVITED})\\s+)(?:also\\s+|directly\\s+|instead\\s+)?${STRONG_VERB}\\b`, 'gi'),
  new RegExp(`\\b${GERUND}\\b`, 'gi'),
  new RegExp(`(?:${START}|\\b(?:${TOLD})\\s+)(?:also\\s+|instead\\s+)?${WEAK_VERB}\\b[^.;!?]{0,70}?${CHANNEL}`, 'gi'),
  // "You'll have to use the Tralee branch": the place itself is the channel.
  new RegExp(`(?:${START}(?=visit|try)|\\b(?:${TOLD})\\s+)(?:also\\s+|instead\\s+)?(?:use|visit|try) (?:the|another|a|your|their) (?:[\\w'-]+ ){0,2}(?:branch|office|store|shop|website|site|portal|app|post office|counter|helpline|hotline|help cent(?:re|er)|help ?desk|knowledge base|faqs?|link|form|number|phone line|emergency line|phone number|contact number|email address)\\b`, 'gi'),
  // Round 7 (drafts5): "a police report", "see your academic advisor", "that's for
  // your IT team to fix", "any query needs to come from you to the board", "claims can be made via the website".
  new RegExp(`\\b(?:${TOLD}|${INVITED})\\s+(?:also\\s+)?(?:file|make|lodge|submit|get) (?:a|an) (?:police|crime|insurance) report\\b`, 'gi'),
  // Round 7 (holdout7, read after its one scoring): an errand to another party or its channel, whatever the verb
  // ("Please take the kettle back to the Leeds branch", "put your complaint to the hotel in writing", "lodge a claim
  // through the sender", "you can file an appeal with the state Department of Insurance").
  new RegExp(`\\b(?:${INSTRUCTED})\\s+(?:also\\s+|directly\\s+|instead\\s+|keep\\s+)?(?!(?:have|be|see|note|bear|keep in mind|let|reply)\\b)[a-z]+\\b[^.;!?]{0,60}?\\b(?:with|to|through|at|via|from|on|in) (?:the|your|their|a|an|one of the|your nearest|the nearest) (?:[\\w'-]+ ){0,3}(?:hotel|seller|supplier|dealer|sender|promoter|airline|manufacturer|insurer|police(?: station)?|police|help ?cent(?:re|er)|department|board|authority|council|admin|administrator|landlord|returns cent(?:re|er)|booking portal|order page|event page|online pharmac(?:y|ies)|pharmac(?:y|ies)|carrier|courier|broker|ombudsman|regulator|embassy|consulate|gp|account manager|it team|it department|office|branch|store)\\b`, 'gi'),
  new RegExp(`\\b(?:${INSTRUCTED})\\s+(?:take (?:it|this|that|the matter) up|coordinate|sort (?:it|this|that) out|raise (?:it|this|that)|settle (?:it|this|that)|follow (?:it|this|that) up) (?:directly )?with (?:them|him|her)\\b`, 'gi'),
  // "Your IT admin should check the IdP settings", "your bank will need to reverse it": the customer's own contact.
  /\byour (?:[\w-]+ ){0,2}(?:admin|administrator|it team|it department|it|bank|card issuer|landlord|insurer|gp|employer|accountant|broker) (?:should|will need to|needs to|need to|must|has to|have to|would need to) (?!(?:be|have|'ve)\b)[a-z]+/gi,
  new RegExp(`\\b(?:${TOLD})\\s+(?:also\\s+)?(?:go and |go to )?see (?:your|the|a) (?:[\\w-]+ )?(?:advis[eo]r|gp|doctor|dentist|pharmacist|bank|insurer|landlord|lawyer|solicitor|accountant|it team|admin|administrator|manager|tutor|supervisor|counsel+or|consultant|specialist|registrar|optician)\\b`, 'gi'),
  /\b(?:that's|that is|it's|it is|this is)(?: really| one| something)? for (?:your|the|their) (?:[\w-]+ ){0,2}(?:team|department|dept|admin|administrator|bank|provider|insurer|landlord|council|it|manufacturer|seller|developers?|school|surgery|gp)\b(?: to (?:fix|sort|handle|deal with|look at|resolve|answer|change|decide|sort out))/gi,
  /\b(?:needs?|has|have|must|should|will need) to come (?:directly )?from you\b/gi,
  /\b(?:claims?|requests?|refunds?|complaints?|appeals?|disputes?|applications?|returns?|changes?|bookings?|cancellations?|reports?|reimbursements?) (?:can|may) (?:also )?be (?:made|submitted|lodged|filed|raised|requested|logged|placed|started|opened) (?:online|through|via|at|on (?:the|our|their|your)|by (?:phone|post|calling|emailing))\b/gi,
  // Round 5: "Kindly check the embassy website", "please see the manufacturer's site": another party's pages.
  new RegExp(`\\b(?:${TOLD})\\s+(?:also\\s+)?(?:check|consult|see|look at|refer to|read) (?:the|their|your) (?:[\\w'-]+ )?(?:embassy|consulate|government|council|manufacturer|airline|bank|insurer|provider|carrier|courier|seller|official|gov|[A-Z][\\w'-]+)(?:'s)? (?:website|site|portal|app|page|helpline|faqs?)\\b`, 'gi'),
  // "repairs need logging on the tenant portal": the gerund passive of a self-service step.
  /\b(?:needs?|want|wants) (?:logging|reporting|booking|submitting|raising|filing|lodging|registering|requesting|sending|renewing|updating) (?:in |up |through )?(?:online|on|through|via|at|with|by (?:phone|post|e-?mail))\b/gi,
  // "Faults need to be reported online", "claims must be submitted by the sender".
  /\b(?:needs?|has|have|must|should|can only|could only|may only|are to|is to)(?: only)? (?:to )?be (?!(?:able|allowed|charged|billed)\b)[a-z]+(?:ed|en|ne|de)(?: up| in| out| over)? (?:only )?(?:online|through|via|by (?:the|your|phone|post|calling|phoning|emailing|contacting|visiting|writing)|at|in person|in writing|with|directly|over the phone|on|to (?!(?:you|us|me)\b)|from (?!(?:you|us|me|our|this)\b)(?:the|their|your) )\b/gi,
  // Present passive: "account closures are done through the app", "API issues are handled by … through the forum".
  /\b(?:is|are) (?:only |not )?(?:done|handled|made|processed|submitted|dealt with|managed|booked|arranged|renewed|paid|lodged)(?: by [\w ]{1,40}?)? (?:only )?(?:through|via|online|in person|in (?:store|branch|writing|the app)|by phone|over the phone|directly (?:with|through|via|at)|by (?:calling|phoning|ringing|emailing|e-mailing|visiting|contacting|writing to))\b/gi,
  /\bgo(?:es)? (?:only )?(?:through|via) (?:the|our|your|their) (?:[\w-]+ ){0,3}(?:portal|website|site|app|manufacturer|form|line|team|department|office|insurer|provider|bank|seller|retailer|carrier|courier|supplier)\b/gi,
  /\b(?:only|directly|just) (?:by|through|via) (?:calling|phoning|ringing|emailing|contacting|visiting|writing to)\b/gi,
  // "balance queries go to them", "any claim will need to go to the county", "refunds have to come through Deliveroo".
  /\b(?:quer(?:y|ies)|questions?|complaints?|claims?|refunds?|requests?|disputes?|appeals?|issues?|problems?|enquir(?:y|ies)|concerns?|anything)(?: (?:about|for|concerning|regarding|on|with) [\w' ]{1,30}?)? (?:go|goes|will go|would go|need to go|needs to go|will need to go|has to go|have to go|must go|should go|come|comes|has to come|have to come|must come|will need to come) (?:directly )?(?:to|through|via) (?!(?:to )?(?:us|me|you|your (?:account|inbox|e-?mail|basket|cart|settings|profile|dashboard|spam|junk|bank account|card(?! (?:issuer|provider|company|scheme))|balance|wallet|address|home|door|phone|device)|this (?:email|inbox|address|ticket|thread)|the same|(?:our|the) (?:[\w-]+ )?(?:process|procedure|system)|by|today|tomorrow|tonight|on|in|within|without|ok|okay|fine|successfully|properly|automatically|as|and|now|shortly|soon|overnight|straight away)\b)/gi,
  // Round 5: "Drop the lettings team an email", "give the depot a ring": the customer told to make the contact.
  new RegExp(`(?:${START}|\\b(?:${TOLD})\\s+)(?:give|drop|send|shoot|fire off|flick) (?!(?:me|us|you|it)\\b)(?:them|him|her|the [\\w-]+(?: [\\w-]+)?|[\\w-]+(?: [\\w-]+)?|your [\\w-]+(?: [\\w-]+)?) (?:a|an) (?:quick )?(?:call|ring|bell|buzz|shout|line|message|email|e-mail|note|text|dm)\\b`, 'gi'),
  // "I'd chase them directly", "I would ring the surgery yourself": advice to the customer, not the agent acting.
  /\b[Ii](?:'d| would) (?:chase|contact|call|ring|phone|e-?mail|ask|speak to|talk to|get in touch with|message|write to) (?:them|him|her|the [\w-]+(?: [\w-]+)?|your [\w-]+(?: [\w-]+)?)(?: (?:directly|yourself|first|if i were you|asap|straight away)\b|(?=\s*(?:[.!]|$)))/gi,
  /\b[Ii](?:'d| would) (?:give|drop|send|shoot) (?:them|him|her|the [\w-]+(?: [\w-]+)?|[A-Z][\w-]+) (?:a|an) (?:call|ring|bell|buzz|shout|line|message|email|e-mail)\b/g,
  // Round 5: an instruction with another contact written out ("send the photo again to readings@…", "ping accounts@…",
  // "Damage must be reported using the Aftercare form …: www…"). A handoff by the agent is caught by HANDOFF.
  /(?:^|[.!;:,—–-]\s*|\b(?:please|pls|kindly|just|then|so|fixed|sorted|changed)\s+)(?:re-?send|send|e-?mail|ping|message|dm|text|forward|submit|upload|post|report|log|raise|write|call|ring|phone|contact|try)\b[^.;!?]{0,80}?(?:\b[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.|\bhttps?:|\+?\b\d[\d ()-]{6,}\d\b)/gi,
  /\b(?:must|should|need to|needs to|has to|have to|can only) be (?:reported|submitted|raised|logged|made|sent|lodged|filed|requested|claimed|registered)\b[^.;!?]{0,80}?(?:\b[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.|\bhttps?:|\b[\w-]+\.(?:com|co\.uk|org|io|net|gov|example)\b)/gi,
  /\b(?:needs?|has|have) to go (?:back )?(?:to|through|via) (?:the |our |your |their )?(?:[\w-]+ ){0,3}(?:team|department|dept|office|desk|line|branch|store|portal|website|provider|company|council|bank|dealer|seller|supplier|manufacturer|insurer|hotel|airline|promoter|sender|landlord)\b/gi,
];
// "Billing can be reached on 0800 …", "their number is …", "the returns form is at …".
const CONTACT_INFO = [
  /\b(?:they|he|she|billing|accounts|sales|support|the [\w ]{1,30}(?:team|department|dept|desk|office|store))\s+(?:can|will|may|should) (?:be (?:reached|contacted|emailed|called)|help you|assist you|sort (?:this|it|that) out|look into (?:this|it|that)|deal with (?:this|it|that)|advise you|handle (?:this|it|that))\s+(?:at|on|via|by|through|if you)\b/gi,
  /\b(?:their|his|her) (?:\w+ )?(?:number|email|e-mail|line)(?: address)? (?:is|are)\b[^.?!]{0,60}(?:\d{3}|@|www\.|https?:|\.com|\.co\b|on the (?:back|front)|on their (?:website|site|app)|in (?:the|your) (?:app|letter|email))/gi,
  /\b(?:their|the|his|her|our) (?:[\w'-]+ ){0,3}?(?:phone number|telephone number|contact number|direct line|number to call|email address|e-mail address|contact details|contact information|hotline|helpline|website|site|web address|web page|portal) (?:for (?:this|that|[\w ]{1,25}) )?(?:is|are|can be found)\b[^.?!]{0,60}(?:\d{3}|@|www\.|https?:|\.com|\.co\b|below|here)/gi,
  /\b[\w-]+'s (?:phone |contact |direct )?(?:number|line|email|e-mail|email address|website|site|portal|hotline|helpline) (?:is|are)\b[^.?!]{0,60}(?:\d{3}|@|www\.|https?:|\.com|\.co\b)/gi,
  /\b(?:they're|they are|he's|she's|it's) (?:on|at) (?:\+?\d[\d ()-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.]+)/gi,
  // "The best person to speak to is your account manager", "it'd be worth giving the council a ring".
  /\bthe (?:best|right|only|quickest) (?:person|people|team|department|place|number|one|contact|way) to (?:speak|talk|contact|ask|call|ring|email|e-mail|write|go|deal|get hold of)(?: to| with)? (?:is|are|would be|will be)\b/gi,
  /\b(?:it'd|it would|it might|might|may|would) be worth (?:giving|calling|contacting|ringing|emailing|e-mailing|asking|speaking|checking with|getting in touch|popping|dropping|visiting|talking)\b/gi,
  // Round 5: "The best way to sort this is through our online chat", "our app has a live chat that can help with this".
  /\bthe (?:best|right|only|quickest|easiest|fastest|simplest) (?:way|place|route|option) to (?:[\w-]+ ){1,3}(?:is|would be|will be) (?:through|via|by|on|at|to|with|using)\b/gi,
  /\b(?:has|have|there's|there is) (?:a|an) (?:[\w-]+ )?(?:live chat|chat|helpline|hotline|help ?desk|help cent(?:re|er)|form|portal|support line|phone line) (?:that|which|who) (?:can|will|could) (?:help|assist|deal|sort|answer)\b/gi,
  // "a separate call-out, which you can book on 0800 555 0123": an invitation with another contact written out.
  /\b(?:you can|you could|you may|you'll be able to)\s+(?:book|arrange|report|log|raise|request|order|make|renew|apply|register|pay)\b[^.;!?]{0,60}?(?:\b[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.|\bhttps?:|\+?\b\d[\d ()-]{6,}\d\b)/gi,
  // "You can update your details through your personal tax account", "any change has to come from them".
  /\b(?:you can|you could|you'll need to|you will need to|you need to) (?:update|change|amend|correct|manage|check|view|renew|cancel) (?!(?:your |the )?(?:preferences|settings|notifications|password|profile|marketing)\b)(?:[\w-]+ ){0,3}?(?:through|via|on|in|with|at) (?:your|their|the) (?:[\w-]+ ){0,2}(?:account|portal|website|site|app|office|branch|online banking)\b(?! (?:settings|preferences|here|with us|on our|page here))|\b(?:changes?|amendments?|corrections?|updates?) (?:has|have|will have|would have|need|needs|must) to come (?:from|through|via) (?!(?:us|me|you)\b)/gi,
  // "You might want to report it to the police", "take it up with your insurer".
  new RegExp(`\\b(?:${TOLD}|${INVITED}|you might want to|you may want to)\\s+(?:report|take|raise|escalate|refer) (?:it|this|that|them|the [\\w-]+(?: [\\w-]+)?) (?:up )?(?:to|with) (?!(?:us|me)\\b)(?:the|your|a|an|their) [\\w-]+`, 'gi'),
  // "For urgent issues call 111".
  /\bfor (?:[\w-]+ ){0,4}(?:issues?|queries|questions?|problems?|enquiries|help|support|emergencies|matters|needs)\s*,?\s+(?:please\s+)?(?:call|ring|phone|email|e-mail|contact|visit|text|message|go to|head to|dial)\b/gi,
  // "The council's parking team will be able to help with that": another party, for the customer to approach.
  /\b(?:the [\w-]+'s|your|their|the) (?:[\w-]+ ){0,2}(?:team|department|office|desk|helpline|provider|bank|insurer|council|manufacturer|retailer|seller|company|surgery|pharmacy|embassy|airline|landlord|agent) (?:will|would|should|can|could|may|might) (?:be (?:able|happy|best placed) to )?(?:help|assist|advise|sort|deal|answer)\b(?! you (?:on|at|when|by|tomorrow|today))/gi,
  // "the pensions team is on 0300 …", "Billing are at billing@…".
  /\b(?:the [\w ]{1,30}?(?:team|department|dept|desk|office|line|unit|people)|billing|accounts|sales|support) (?:is|are|can be reached|can be contacted) (?:on|at) (?:\+?\d[\d ()-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.]+)/gi,
  // "You'll find their contact details under 'Sold by'": another party's contact, for the customer to start again with.
  /\b(?:you'll|you will|you can|you should|you'd) (?:find|get|see|look up) (?:their|his|her|the [\w-]+'s|[A-Z][\w-]+'s) (?:[\w-]+ )?(?:contact details|contact information|contact info|number|phone number|email(?: address)?|e-mail(?: address)?|website|web page|address|helpline|portal)\b/gi,
  // "You can update your address at their office or online": doing it yourself at another party's desk or site.
  /\b(?:you can|you could|you may|you'll need to|you will need to|you need to) (?:\w+ )(?:[\w-]+ ){0,4}?(?:at|on|via|through|with|in) (?:their|his|her|the [\w-]+'s|[A-Z][\w-]+(?: [A-Z][\w-]+)*'s) (?:[\w-]+ ){0,2}(?:office|website|site|portal|app|page|line|number|desk|branch|counter|reception|helpline|hotline)\b/gi,
  /\bthe (?:phone )?number for (?:the |your |our )?[\w ]{1,25}? is\b/gi,
  /\b(?:they|he|she|your [\w ]{1,20}?|the [\w ]{1,30}?) (?:is|are|would be|will be) (?:best|better) placed to\b/gi,
  /\b(?:that's|this is|that is|it's|that would be|that'd be|this would be|that'll be|that will be) (?:one|a question|a matter|something) for (?:the|your|our) [\w-]+/gi,
  // "Your best bet is the council's website", "the team you want is Accounts", "it's the airline you need to speak to".
  /\b(?:best bet|best option|best route|quickest route|best place|way forward) (?:is|would be|will be) (?:the|their|your|a|an|[A-Z][\w-]+'s) (?:[\w'-]+ ){0,3}?(?:website|site|portal|app|branch|office|team|line|helpline|number|desk|bank|insurer|council|manufacturer|seller|provider|store|shop|department)\b/gi,
  /\bthe (?:team|department|people|person|place|number|line|form|portal|office) (?:you (?:want|need)|to (?:ask|call|contact|speak to|talk to|email)) (?:is|are)\b|\byou(?:'ll| will)? need (?:the|their|a|an) (?:[\w-]+ ){0,2}(?:portal|website|site|form|app|team|department|line|helpline|branch|office|desk)\b(?! (?:number|reference))/gi,
  /\b(?:it's|it is|that's|that is) (?:the|your|their) [\w ]{1,25}? (?:that )?you(?:'ll)? (?:need|want|have) to (?:speak|talk|contact|call|write|go|ask|deal)\b/gi,
  /\byou(?:'d| would) be better off (?:asking|calling|contacting|emailing|speaking|going|talking|checking)\b/gi,
  /\b(?:you can|you'll|you will|you should) (?:reach|contact|find|get hold of) (?:them|him|her|billing|(?:the|our) [\w ]{1,25}(?:team|department|desk|office|line)) (?:at|on|via|by)\b/gi,
  /\b(?:that|this|it|these|refunds|returns|warranty claims|such requests)(?:'s| is| are| would be| will be) (?:handled|dealt with|managed|taken care of|processed|covered) (?:by|through) (?!us\b)[^.?!]{0,60}(?:so|please|you(?:'ll| will)? (?:need|have|can|should|must))\b[^.?!]{0,30}\b(?:contact|call|email|e-mail|reach|speak|talk|write|visit)/gi,
];

// The agent carries the case: a handoff done or promised, with the other side coming back to the customer.
const HANDOFF = /\b(?:i|we)(?:'ve|'ll| have| will| had|'m| am| are|'re)?\s+(?:already |just |now |also |gone ahead and |going to |personally )?(?:passed|pass|forwarded|forward|sent|send|shared|share|escalated|escalate|transferred|transfer|referred|refer|raised|copied|cc'?d|cc|looped|loop|handed|hand|flagged|flag|logged|noted|recorded|opened|created|filed|submitted|booked|arranged|contacted|contact|emailed|called|messaged|notified|notify|alerted|alert|connected|connect|put you through|added|included|attached|asked|ask|told|informed|briefed|brief)\b[^.?!]{0,80}\b(?:to|with|for|in|on)\b/i;
const THEY_WILL_COME_BACK = /\b(?:they|he|she|billing|accounts|someone|somebody|a (?:member|colleague|specialist)|the [\w ]{1,30}(?:team|department|desk|specialists?|manager|technician|engineer))(?:'ll| will| are going to|'re going to| should)\s+(?:\w+ )?(?:contact|call|email|e-mail|ring|phone|reach out|get in touch|be in touch|get back|reply|respond|follow up|write)\b/i;
// Closing courtesies that keep the customer with us ("if you have any questions, contact us").
const COURTESY = /\b(?:if|should|whenever|in case) you (?:have|need|want|'ve got|require|think of)(?: any)?(?: other| more| further| additional)? (?:questions?|quer(?:y|ies)|help|assistance|information|info|anything|support|advice|clarification|problems|issues|trouble)\b|\b(?:anything else|any other questions|any questions|any further)\b/i;
// Same channel or the agent themself: replying here or calling the agent is no fresh start.
const SAME_CHANNEL = /\b(?:reply(?:ing)? (?:to|directly to) (?:this|my) (?:email|message|ticket)|(?:call|email|e-mail|contact|reach|message|text|ring) me\b|(?:get|come) back to me|let me know)\b/i;

/** Finds sentences that send the customer elsewhere without carrying the context. */
export function findRedirects(sentences: Sentence[]): Hit[] {
  const hits: Hit[] = [];
  const handoffDone = sentences.some((s) => THEY_WILL_COME_BACK.test(s.text) && !/\?\s*$/.test(s.text));
  for (const s of sentences) {
    const at = redirectAt(s.text);
    if (at < 0) continue;
    if (HANDOFF.test(s.text) || THEY_WILL_COME_BACK.test(s.text)) continue;
    if (handoffDone && !/\b(?:you(?:'ll| will)? (?:need|have) to|please)\b/i.test(s.text)) continue;
    const clause = clauseAt(s, s.start + at);
    hits.push({
      kind: 'channel_redirect',
      ...clause,
      message: 'This sends the customer somewhere else to start over, without passing their case along.',
      suggestion:
        'Do the handoff yourself: pass the order number, the details and what has been tried to the right team, then tell the customer who will contact them and by when.',
    });
  }
  return hits.slice(0, 3);
}

/** Where in the sentence the redirect starts, or -1 (commitments.ts asks too: a promise inside a redirect is not one). */
export function redirectAt(raw: string): number {
  // "Could you fill in the form on our site?" asks the customer to go elsewhere just as "please fill in …" does: read the
  // polite question as "please" (same length, so positions still match the sentence).
  const ask = /^(\W*)(?:could|can|would) you(?: please| just| kindly)?\s+/i.exec(raw);
  const text = ask ? `${ask[1]}${' '.repeat(ask[0].length - ask[1]!.length - 7)}please ${raw.slice(ask[0].length)}` : raw;
  // A question asks, unless it is a request to go elsewhere: "Could you fill in the contact form on our site?"
  if (/\?\s*$/.test(text) && !/\b(?:please|you(?:'ll| will)? need to|have you tried|did you try|why not|maybe try|perhaps try|could you try)\b/i.test(text) && !/^\W*(?:could|can|would) you (?:please |just |kindly )?(?:fill|call|ring|phone|e-?mail|contact|visit|submit|complete|go|head|pop|use|raise|open|log|message)\b/i.test(text)) return -1;
  for (const re of REDIRECTS) {
    for (const m of matches(re, text)) {
      const rest = text.slice(m.index, m.index + m[0].length + 60);
      if (SAME_CHANNEL.test(rest.slice(0, m[0].length + 12))) continue;
      // "contact us" with no other channel named keeps the customer where they are.
      if (/^[^.;!?]*?\b(?:us|me)\b/i.test(rest.slice(m[0].length - 6, m[0].length + 4)) && !/\d{3}|@|www\.|https?:|\b(?:store|shop|branch|office|counter|website|portal|form|line|number|phone|app|whatsapp|instagram|facebook|twitter|messenger|live chat|social media|dms?)\b/i.test(rest)) continue;
      // The courtesy is a condition said before the verb ("if you have any questions, call …"); "direct any further
      // queries to the claims team" names the queries being sent away, which is the redirect itself.
      if (COURTESY.test(text.slice(0, m.index)) || (COURTESY.test(m[0]) && !/\b(?:direct|send|forward|refer|address)\b/i.test(m[0]))) continue;
      // "Ask each member to bring their ID", "bring the hearing aids to the practice on Tuesday at 10": things to
      // bring to what the agent arranged, not a channel to start over in.
      // "I'll try to call you before 5": the agent is the one who acts.
      if (/\b(?:i|we)(?:'ll| will| shall|'d| would|'m going to| am going to|'re going to| are going to)?(?: also| just| then)?\s*$/i.test(text.slice(Math.max(0, m.index - 30), m.index)) && /^\W*(?:try|just|then|also|instead)\b/i.test(m[0])) continue;
      // "Go to Settings and switch on notifications": a step in the app the customer already uses, not another channel.
      if (/\bgo (?:in)?to\b/i.test(m[0]) && /^\s*(?:the |your |my )?(?:settings|menu|tab|profile|preferences|options|account settings|dashboard|inbox|basket|cart|checkout|home ?screen)\b/i.test(text.slice(m.index + m[0].length))) continue;
      const said = text.slice(m.index);
      // "I tried ringing you yesterday": the agent reaching the customer is no redirect.
      if (/^\W*(?:try|trying|tried|recommend|suggest|is|would be)\s+\w+ing\s+(?:you|u)\b/i.test(said) || (/\b(?:i|we)(?:'ve| have|'d| had)?\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index)) && /^\W*(?:tried|trying)\b/i.test(said))) continue;
      // "orders have to be picked up by the named person": who may do it under a rule, not a channel.
      if (/\bby the (?:named|registered|same|original|account|card|lead|main|booking|policy) (?:person|holder|owner|passenger|guest|customer|member|applicant|name)/i.test(m[0] + text.slice(m.index + m[0].length, m.index + m[0].length + 40)) && /\bby the\s*$/i.test(m[0]) && !/\b(?:through|via|online|portal|website|app|form|at the|in person|by (?:phone|post|e-?mail))\b/i.test(text.slice(m.index + m[0].length))) continue;
      if (/^\W*(?:\w+ )?ask (?:[\w-]+ ){1,3}to (?:bring|sign|fill|provide|have|wear|keep|complete|show)\b/i.test(said)) continue;
      if (/\bbring\b/i.test(m[0]) && /\b(?:appointment|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|at \d{1,2}(?::\d\d)?\b|tomorrow|(?:set aside|reserved|waiting|ready|kept) for you)/i.test(text)) continue;
      return m.index + (m[0].length - m[0].replace(/^[^\w]+/, '').length);
    }
  }
  for (const re of CONTACT_INFO) {
    const m = re.exec(text);
    re.lastIndex = 0;
    if (m) return m.index;
  }
  return -1;
}
