// Is this clause a promise? Finds "<subject> will <verb>" (and its cousins: "going to", "I won't forget to",
// "I'm sending … today", "your parcel arrives tomorrow") and decides from the subject and the verb whether
// it promises an action to the customer, rather than describing, offering or asking.

export const ACTION_VERBS =
  'call|ring|phone|e-?mail|text|message|send|resend|ship|post|dispatch|deliver|check|double-check|chase|confirm|update|let|keep|get|follow|arrange|book|rebook|schedule|organi[sz]e|process|issue|reissue|refund|credit|replace|repair|fix|sort|look|investigate|review|escalate|pass|forward|contact|reach|reply|respond|come|visit|collect|pick|drop|return|apply|add|remove|cancel|reset|restore|reactivate|order|put|write|notify|inform|speak|talk|raise|set|give|make|bring|try|monitor|track|hold|waive|reimburse|pay|transfer|test|install|upgrade|extend|unlock|expedite|prioriti[sz]e|push|ensure|share|attach|publish|cut|restart|resume|reopen|reconnect|brief|provide|have|refer|loop|flag|mail|courier|swap|exchange|top up|compensate|ask|find|meet|inspect|jump|deploy|activate|reconnect|email|fit|refit|assess|evaluate|examine|diagnose|measure|survey|quote|attend|deal|handle|resolve|complete|finish|prepare|draft|approve|authori[sz]e|sign|clean|clear|correct|amend|adjust|waive|honou?r|match|reverse|unblock|block|freeze|release|reinstate|reschedule|rearrange|recheck|retest|replace|redeliver|re-?send|chase|nudge|remind|confirm|tell|show|walk|guide|explain|note|log|record|open|close|renew|switch|move|migrate|port|transfer|connect|reconnect|restore|deliver|drop|pop|swing|stop|come|arrive|turn|head|go|return|bring|take|keep|stay|work|look|see|speak|talk|decide|discuss|treat|consider|replant|repaint|reseal|clean|service|whatsapp|dm|ping|sms|facetime|skype|tidy|restock|refill|valet|hoover|vacuum|recalibrate|calibrate|patch|rewire|reprint|print|re-?key';

// The modal that carries the promise; "won't forget to" is a promise said the other way round.
const MODAL = /(?:\s+(?:will|shall)\s+|'ll\s+|\s+(?:am|is|are)\s+going\s+to\s+|'(?:m|re|s)\s+going\s+to\s+)(?:not\s+forget\s+to\s+|never\s+forget\s+to\s+)?|\s+(?:won't|will not|will never)\s+(?:forget|fail)\s+to\s+|\s+(?:won't|will never)\s+(?=(?:charge|bill|fine|penali[sz]e|cancel|close|disconnect|cut|increase|raise|chase|suspend|deduct|pass|report|remove|delete)\b)/gi;
const ADVERBS = /^(?:(?:definitely|personally|also|then|now|just|certainly|absolutely|immediately|promptly|gladly|happily|first|next|straight|aim to|try to|be sure to|endeavou?r to)\s*)*/i;
// "a date for when your passport will be issued": a modal inside a when/whether clause is reported, not promised.
const EMBEDDED = /\b(?:when|whether|until|once|how|what|where|as soon as|by the time)\s+(?:the |your |our |a |an |my |their )?[\w'£$€-]+(?: [\w'£$€-]+){0,2}\s*$/i;

// Verbs after "will" that make no promise: needs, abilities, pleasantries, talk about this very email.
const NOT_AN_ACTION = /^(?:level|not|n't|never|need|needs|require|want|wait|await|likely|probably|usually|typically|normally|generally|only|automatically|still|depend|depends|take|cost|vary|apply|remain|expire|find|notice|say|admit|explain|note|mention|point|leave|hear|know|like|love|appreciate|understand|assume|agree|hope|also|enjoy|feel|look|seem|mean|want|work|help|accept|include|lose|stay|last|become|happen|cover|continue|charge|bill)$/i;
// After "will be": only the states that keep the promise count.
const BE_STATES = /^(?:brought|driven|fitted|in touch|contacted|called|emailed|sent|given|issued|reissued|refunded|credited|reimbursed|notified|updated|delivered|shipped|dispatched|posted|mailed|processed|fixed|resolved|sorted|ready|with|back|repaired|replaced|collected|picked|reactivated|restored|live|active|activated|arranged|booked|scheduled|waived|applied|added|cancell?ed|paid|returned|corrected|reversed|released|expedited|prioriti[sz]ed|escalated|passed|forwarded|on|there|calling|sending|shipping|emailing|contacting|visiting|checking|following|reaching|getting|arriving|coming|deployed|installed|connected|reconnected|inspected|reviewed|transferred|honou?red|removed|withdrawn|cleared|closed|opened|done|finished|completed|handled|chased|ordered|topped|waiting)$/i;
/** "assessed", "reissued", "shipped", "written": the participle of one of the service verbs. */
function serviceParticiple(word: string): boolean {
  // "re-issued", "re-booked": the hyphen of the prefix is spelling, not a new verb.
  const w = word.toLowerCase().replace(/^re-/, 're');
  if (!/(?:ed|en)$/.test(w)) return false;
  const stem = w.replace(/(?:ed|en)$/, '');
  return [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1'), stem.replace(/i$/, 'y'), w.replace(/d$/, '')].some((x) => ACTION_VERB.test(x) || (/^re(?!ad|ally|ach|ceiv|ply|ward)/.test(x) && ACTION_VERB.test(x.slice(2))));
}
// Passives that describe rather than promise: "you will be charged", "it will be needed", "it'll be based on …".
const NOT_PROMISED_STATE = /^(?:published|able|charged|billed|asked|required|expected|needed|based|located|limited|subject|affected|considered|treated|deemed|used|allowed|permitted|given|taken|seen|known|happened|concerned|interested|pleased|delighted|surprised|disappointed|tired|closed|open|even|often|broken|written|spoken|forgotten|hidden|done|been)$/i;
const YOU_VERBS = /^(?:receive|get|have|hear|be|start|begin|see)$/i;
const THING_VERBS = /^(?:arrive|be|ship|go|reach|show|appear|land|come|get|clear|post|follow|drop|reflect)$/i;

// Present tense about a scheduled event: "your parcel arrives tomorrow", "it's with you on Friday".
const SCHEDULED = /(?:^|[^\w'])((?:it|they|your [\w-]+(?: [\w-]+)?|the [\w-]+(?: [\w-]+)?))(?:'s|'re| is| are)?\s+(?:with you|arriving|arrives|ships|goes out|going out|lands|due (?:to arrive|with you|back|out)|on (?:its|their) way|out for delivery|being (?:delivered|sent|shipped|posted|dispatched|processed|couriered)|(?:on|in) (?:today's|tomorrow's|[\w-]+'s|the next) (?:run|van|delivery|round|collection|batch|dispatch|post|shipment))\b/gid;
// "I'm sending a replacement today": the present progressive counts only with a time (checked by the caller).
// Chat drops the article: "New pair ships tomorrow", "Replacement arrives Friday" (the time is checked by the caller).
const SCHEDULED_BARE = /^\s*((?:[A-Z][\w-]*|new|replacement|refund)(?: [\w-]+)?)\s+(?:ships|arrives|goes out|lands|gets (?:dispatched|delivered|sent)|is (?:dispatched|delivered|sent out))\b/d;
const PROGRESSIVE = /(?:^|[^\w'])(i|we)(?:'m|'re|\s+am|\s+are)\s+(?:also\s+|now\s+|personally\s+)?(sending|calling|shipping|arranging|booking|issuing|processing|posting|dispatching|ordering|refunding|crediting|escalating|passing|forwarding|chasing|emailing|ringing|visiting|coming|dropping|couriering|getting|putting|setting|replacing|repairing|fixing|collecting|upgrading|scheduling|having|organi[sz]ing|checking)\b/gid;
const PROMISE = new RegExp(`(?:^|[^\\w'])(?:ill|im gonna|imma) (?=(?:${ACTION_VERBS})\\b)|` + /(?:^|[^\w'])(?:i|we) (?:promise|guarantee|commit|give you my word|give you our word)\b|\byou have (?:my|our) word\b|\brest assured,? (?:i|we|it|you)\b|\b(?:you can|you'll|you will|please) expect (?:a|an|the|it|your|to (?:hear|receive|get|see))\b|^\s*expect (?:a|an|the|your|our|my) (?:call|email|e-mail|text|message|reply|visit|update|refund|parcel|delivery|letter|quote)\b|\blet me (?:check|look into|find out|chase|investigate|speak|ask|get|see what|dig|look at|follow up|confirm|sort)\b/.source, 'gid');
const ELIDED_ACTION = new RegExp(`^\\s+(?:will|shall)\\s+(?:also\\s+|then\\s+|definitely\\s+)?(?:${ACTION_VERBS})\\b`, 'i');
const ACTION_VERB = new RegExp(`^(?:${ACTION_VERBS})$`, 'i');
const BARE_VERB = new RegExp(`^(?:also\\s+|then\\s+|personally\\s+)?(${ACTION_VERBS})\\b`, 'id');

const GENERAL = /\b(?:by default|usually|typically|normally|generally|in most cases|tends? to|often|sometimes|may|might|could|can take|on average|as a rule|automatically)\b/i;

export type Head = { start: number; verbAt: number; subject: string; needsTime: boolean };

/** The promise's subject and verb in one clause, or null when the clause promises nothing. */
export function findHead(seg: string, inherited: string | null): Head | null {
  // "Once the part arrives (usually 3-5 days), our technician will fit it": the aside's "usually" is not the promise's.
  const general = GENERAL.test(seg.replace(/\([^)]*\)/g, ' '));
  MODAL.lastIndex = 0;
  // A clause has a handful of modals; a run-on "will will will …" is not worth more than the first twenty.
  let seen = 0;
  for (let m = MODAL.exec(seg); m && seen < 20; m = MODAL.exec(seg), seen++) {
    let subject = subjectBefore(seg, m.index);
    // "sorry bout that 🙈 will get a new one out": chat drops the "I" after an interjection or an emoji.
    if (!subject && /^\s+(?:will|shall)\s/i.test(seg.slice(m.index)) && /(?:^|[.!?,;:—–-]|\p{Extended_Pictographic}|\b(?:sorry|thanks|thank you|ok|okay|sure|no worries|no problem|cheers|done|great)\b[^.!?]{0,20}?\p{Extended_Pictographic}?)\s*$/iu.test(seg.slice(0, m.index)) && ELIDED_ACTION.test(seg.slice(m.index))) subject = { start: m.index + 1, text: 'I' };
    if (!subject || EMBEDDED.test(seg.slice(Math.max(0, m.index - 80), m.index))) continue;
    // "Renaming the column will get you unblocked": a gerund subject says what an action does, it promises nothing.
    if (/^[a-z]+ing (?:the|your|a|an|it|this|that|them|my|our|off|out|up|back|down|in|over)\b/i.test(subject.text) && !/^(?:everything|nothing|something|anything|morning|evening|billing|booking|shipping|housekeeping|nursing|marketing|engineering|accounting|ticketing|catering|parking|training|planning|licensing|building)\b/i.test(subject.text)) continue;
    // "I can't guarantee the driver will call ahead", "I hope they'll reply": a promise withheld or only hoped for.
    if (/\b(?:(?:can't|cannot|can not|couldn't|won't|don't|do not|not)\s+(?:\w+\s+)?(?:guarantee|promise|say|confirm|be sure|be certain|know)|(?:i|we) (?:hope|doubt|wonder|think|believe|guess|imagine|reckon|suspect|assume|expect))(?: that| if| whether)?\s+(?:[\w'-]+\s+){0,4}$/i.test(seg.slice(Math.max(0, m.index - 80), m.index + 1).replace(/\s*$/, ' '))) continue;
    const afterModal = seg.slice(m.index + m[0].length);
    const adverbs = ADVERBS.exec(afterModal)?.[0] ?? '';
    const words = /^([\w'-]+)(?:\s+([\w'-]+))?(?:\s+([\w'-]+))?/.exec(afterModal.slice(adverbs.length));
    if (!words) continue;
    const kind = subjectKind(subject.text);
    if (general && kind !== 'agent') continue;
    // "We won't charge you …": the negated promise reads as "will not charge".
    const negated = /^\s+(?:won't|will never)\s+$/i.test(m[0]);
    if (!(negated ? promises(kind, 'not', words[1]!, words[2] ?? '', subject.text) : promises(kind, words[1]!, words[2] ?? '', words[3] ?? '', subject.text))) continue;
    // "Update the key and it'll clear": what a thing does by itself is a promise only with a time ("it will arrive
    // tomorrow", "it'll show on your statement within 3 days").
    const thingNeedsTime = kind === 'thing' && !/^(?:arrive|ship|be|reach|land|come|post|follow)$/i.test(words[1]!);
    return { start: subject.start, verbAt: m.index + m[0].length + adverbs.length, subject: subject.text, needsTime: thingNeedsTime };
  }
  for (const [re, needsTime] of [[PROGRESSIVE, true], [SCHEDULED, true], [SCHEDULED_BARE, true]] as const) {
    re.lastIndex = 0;
    const m = re.exec(seg);
    if (m && !general) return { start: m.indices![1]![0], verbAt: m.indices![1]![1], subject: m[1]!.toLowerCase(), needsTime };
  }
  PROMISE.lastIndex = 0;
  const promise = PROMISE.exec(seg);
  if (promise) {
    const start = promise.index + (promise[0].length - promise[0].replace(/^[^\w']+/, '').length);
    return { start, verbAt: start, subject: 'i', needsTime: false };
  }
  // "… and email you by 5pm": a bare verb carries on the promise of the clause before it.
  const bare = inherited ? BARE_VERB.exec(seg) : null;
  if (bare && inherited) return { start: 0, verbAt: bare.indices![1]![0], subject: inherited, needsTime: false };
  return null;
}

type Subject = { start: number; text: string };

/** The subject just before the modal: the last noun phrase of up to five words, stopping at punctuation. */
function subjectBefore(seg: string, modalAt: number): Subject | null {
  // The subject sits within a few words of the modal; looking further back only costs time.
  const from = Math.max(0, modalAt - 120);
  const before = seg.slice(from, modalAt);
  const trimmed = before.replace(/[\s,]+$/, '');
  const m = /((?:[\p{L}\p{N}_'£$€.,-]+ ){0,5}[\p{L}\p{N}_'£$€.-]+)$/u.exec(trimmed);
  if (!m) return null;
  let text = m[1]!;
  // Keep the phrase inside its clause: "…, so our crews" → "our crews".
  const cut = /.*(?:,\s*|\b(?:and|but|so|because|as|once|when|if|then|which means|meaning|that)\s+)/i.exec(text);
  if (cut) text = text.slice(cut[0].length);
  // A list bullet is not part of the subject.
  text = text.replace(/^[-*•–—]+\s*/, '');
  // "Aoife there will email you": the place word is not the subject.
  text = text.replace(/\s+(?:there|here|too|also|herself|himself|themselves)$/i, '');
  if (!text || /^(?:and|but|so|or|if|when|once|that|to|then)$/i.test(text)) return null;
  // A pronoun is a whole subject: "if they don't respond within 48 hours we'll refund you" promises from "we".
  const pronoun = /(?:^|\s)(i|we|you|they|he|she)$/i.exec(text);
  if (pronoun && pronoun.index > 0) text = pronoun[1]!;
  return { start: from + trimmed.length - text.length, text };
}

type Kind = 'agent' | 'you' | 'thing' | 'person' | 'third';

function subjectKind(subject: string): Kind {
  const last = subject.toLowerCase().split(/\s+/).pop() ?? '';
  if (last === 'i' || last === 'we') return 'agent';
  if (last === 'you') return 'you';
  if (/^(?:it|this|that|which|there|what)$/.test(last)) return 'thing';
  // A machine or a system acting by itself ("the machine will give you a paper ticket", "the app will text you")
  // describes how it works; only people and teams promise.
  if (/^(?:the|your|our|this|that) (?:[\w-]+ )?(?:machine|kiosk|terminal|system|app|website|site|portal|software|router|device|printer|scanner|reader|meter|thermostat|sensor|barrier|gate|card reader|ticket machine|charger|boiler|timer|alarm)$/i.test(subject.trim())) return 'thing';
  // People promise any action; a noun phrase may be a thing ("your next bill will use …"), so it needs a service verb.
  if (/^(?:they|he|she|who|someone|somebody)$/.test(last) || /^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Nurse|Sister)\.? )?[A-Z][\p{Ll}'-]+(?: [A-Z][\p{Ll}'-]+)?$/u.test(subject.trim())) return 'person';
  // "our rep Lucía", "your engineer Tom": a role named by the person's name.
  if (/^(?:our|your|the|my) (?:[\p{Ll}-]+ ){1,2}[A-Z][\p{Ll}'-]+$/u.test(subject.trim())) return 'person';
  return 'third';
}

/** Does "<subject> will <verb> <next>" promise an action to the customer? */
// People and teams who come to the customer: "an engineer will be at your gate", not "the show will be at the Apollo".
const VISITOR = /\b(?:engineer|technician|tech|driver|courier|rep|representative|agent|team|crew|staff|someone|somebody|manager|nurse|doctor|plumber|electrician|fitter|surveyor|inspector|officer|guide|host|member|colleague|porter|cleaner|contractor|installer|assessor|adviser|advisor|specialist|locksmith|mechanic|chef|concierge|receptionist|housekeeping|maintenance|security|ranger|warden|carer|therapist|tutor|instructor|trainer|coach|van|taxi|car|cab|transfer|shuttle|truck|lorry)s?\b/i;

function promises(kind: Kind, verb: string, next: string, third: string, subject = ''): boolean {
  const v = verb.toLowerCase().replace(/^re-(?=[a-z])/, 're');
  // "re-sent", "re-issued": the state is the verb's own.
  const n = next.toLowerCase().replace(/^re-(?=[a-z])/, '');
  // "We will not charge you for the missed appointment": a promise not to do something against the customer.
  if (/^(?:not|never)$/.test(v)) return kind !== 'thing' && /^(?:charge|bill|fine|penali[sz]e|cancel|close|disconnect|cut|increase|raise|chase|suspend|deduct|pass|report|cap|remove|delete|repossess|evict)$/.test(n);
  if (/^(?:n't|no|only)$/.test(v)) return false;
  // "Classes will run as normal": the timetable, not a promise.
  if (/^(?:run|go|operate|open|continue|proceed)$/.test(v) && (n === 'as' || n === 'ahead') && (n === 'ahead' || /^(?:normal|usual|planned|scheduled|before)$/.test(third.toLowerCase())) && kind !== 'agent') return false;
  // "The store will be closed on Monday": a place's opening hours are information.
  if (v === 'be' && /^(?:closed|open|shut)$/.test(n) && /\b(?:store|shop|office|branch|site|venue|library|pool|gym|restaurant|bar|road|line|centre|center|clinic|surgery|desk|counter|museum|park|station|school|bank|depot|warehouse|showroom|cafe|café|kitchen|hotel|reception|helpline|lines|floor|area|room|studio|car park|lift|entrance|court|pitch|track|field|lounge|terrace|garden|hall|wing|ward|platform|service|services|branches|stores|offices|pools?|gyms?|we|it)$/i.test(subject.trim())) return false;
  // Future perfect ("that will have saved a lot of damage") describes; "we'll have engineers on site" promises.
  if (v === 'have' && /^(?:been|had|saved|helped|made|got|gotten|seen|received|arrived|taken|cost|done)$/.test(n)) return false;
  if (kind === 'you') {
    if (!YOU_VERBS.test(v)) return false;
    if (v === 'be') return BE_STATES.test(n) && !/^(?:able|charged|billed|asked|required|responsible|redirected|prompted)$/.test(n);
    if (v === 'have') return !/^to$/.test(n);
    // "you'll see the new design tomorrow" only announces; money coming back is a promise.
    if (v === 'see') return (/^(?:it|them)$/.test(n) && /^(?:back|on|in|within|credited|refunded|reversed)$/i.test(third)) || (/^(?:the|your|a|an)$/.test(n) && /^(?:refund|credit|money|payment|reversal|difference|funds|correction|adjustment|deposit)$/i.test(third));
    return !/^(?:to|charged)$/.test(n);
  }
  if (v === 'be' && n === 'in') return /^(?:touch|contact|the|your)$/.test(third.toLowerCase()) && (third.toLowerCase() !== 'the' || kind !== 'agent');
  // "An engineer will be at your gate", "a tech will be out Thursday", "the credit will be on your account".
  if (v === 'be' && n === 'at') return (kind === 'person' || VISITOR.test(subject) || /^(?:your|you)$/i.test(third)) && (/^(?:your|you|the|home|site)$/i.test(third) || /^[A-Z]/.test(third) || (/^[a-z]+$/.test(third) && !/^(?:least|most|risk|fault|all|once|times|first|best|worst|any|no|a|an|this|that|its|their|his|her|our|par|odds|stake|ease|capacity|full|lunch|work|peace|war)$/.test(third))) && kind !== 'agent';
  // "A technician will be here next week": someone coming; "I'll be here if you need me" only says the agent is around.
  if (v === 'be' && n === 'here') return kind === 'person' || (kind === 'third' && VISITOR.test(subject));
  if (v === 'be' && n === 'out') return third.toLowerCase() !== 'of';
  if (v === 'be' && n === 'on' && /^(?:your|you)$/i.test(third)) return true;
  // A passive of a service action ("it will be assessed by 30 September"), or its non-native base form
  // ("your line will be reactivate until tomorrow").
  if (v === 'be' && !BE_STATES.test(n) && (serviceParticiple(n) || ACTION_VERB.test(n)) && !NOT_PROMISED_STATE.test(n)) return true;
  if (kind === 'thing') {
    if (!THING_VERBS.test(v)) return false;
    if (v === 'be') return BE_STATES.test(n) || (n === 'with' && third === 'you');
    return true;
  }
  // "I'll be ringing you on Friday": the progressive of any service verb.
  if (v === 'be' && kind === 'agent' && /ing$/.test(n) && ACTION_VERB.test(n.replace(/ing$/, '')) ) return true;
  if (v === 'be' && kind === 'agent' && /ing$/.test(n) && ACTION_VERB.test(n.replace(/ing$/, 'e'))) return true;
  if (v === 'be') return BE_STATES.test(n) && !/^(?:able|happy|glad|delighted|pleased|honest|brief|frank|sure)$/.test(n) && (n !== 'with' || third === 'you' || third === 'your') && (n !== 'on' || /^(?:site|its|their|the)$/.test(third));
  // "we'll have engineers on site", "housekeeping will have fresh towels up": arranging counts.
  if (v === 'have') return n !== '' && !/^(?:to|been|had|no|nothing|got|seen|made|more|less|fewer|access|the option|questions)$/.test(n);
  if (v === 'let') return /^(?:you|them|the|your)$/.test(n);
  if (v === 'do') return /^(?:it|this|that|my|our|everything|the|a|whatever)$/.test(n);
  if (v === 'try') return /^(?:to|and|again|calling|another)$/.test(n);
  if (v === 'see') return /^(?:what|if|whether|to)$/.test(n) || (n === 'you' && kind !== 'agent');
  // "we'll leave a bottle of bubbly in the room", "we will cover the full cost": the agent's side gives something.
  if (kind === 'agent' && v === 'leave') return /^(?:a|an|some|the|your|it|them|flowers|fresh)$/.test(n);
  if (kind === 'agent' && v === 'cover') return /^(?:the|your|all|any|it|this|that)$/.test(n);
  if (v === 'look') return /^(?:into|at|for)$/.test(n);
  // "our crew will take the old one away": taking something back is a service; "it will take 3 days" is not.
  // "Mel will take your session", "Sam will take over": a person covering for the customer.
  if (v === 'take' && /^(?:your|over)$/.test(n)) return true;
  if (kind === 'agent' && v === 'find') return /^(?:another|a|an|out|you|the|some|someone|somebody|time|alternative|alternatives)$/.test(n);
  if (v === 'take') return (/^(?:it|them|away|back)$/.test(n) || (/^(?:the|your)$/.test(n) && /^(?:old|faulty|broken|damaged|item|unit|parcel|boxes|rubbish|packaging|waste|original)$/.test(third.toLowerCase())));
  if (v === 'work') return /^(?:on|with)$/.test(n);
  if (v === 'help') return false;
  // A colleague, a team or a thing promises only service actions; "your next bill will use …" describes.
  if (kind === 'third' && !ACTION_VERB.test(v) && !THING_VERBS.test(v)) return false;
  if (kind === 'person' && NOT_AN_ACTION.test(v)) return false;
  return !NOT_AN_ACTION.test(v);
}
