// channel_redirect: the draft sends the customer to another channel, team or contact to start again,
// instead of the agent carrying the case there.
import type { Sentence } from '../text.ts';
import { clauseAt, matches, type Hit } from './clauses.ts';

// The customer is told (or advised, or invited) to do it themselves.
const DIRECTIVE = "(?:^|[.!;:,—–-]\\s*|\\b(?:please|kindly|just|simply|then|so|instead|otherwise|you(?:'ll| will)? (?:need|have|want|would need|would have|'d need|'d have) to|you need to|you must|you should|you can|you could|you may|you'd (?:need|have|want) to|you would (?:need|have) to|best to|the best (?:way|thing|option|bet|place) (?:is|would be|will be) to|your best (?:bet|option) (?:is|would be|will be) to|i'd (?:recommend|suggest|advise)(?: that you)?|i (?:would )?(?:recommend|suggest|advise)(?: that you)?(?: you)?|we (?:recommend|suggest|advise|ask that you|ask you to)|feel free to|go ahead and|try to|try|you'?re welcome to|it's best to|it is best to|it would be best to|i'm afraid you'll have to|unfortunately you'll (?:need|have) to)\\s+)";
const VERB = "(?:call|phone|ring|telephone|e-?mail|contact|reach out to|get in touch with|write to|message|text|dm|visit|go to|go into|go back to|pop into|pop in to|pop down to|head to|head over to|head into|stop by|drop by|drop into|come (?:in|into|to|down to)|bring (?:it|them|the \\w+) (?:in|back|to)|take (?:it|them|the \\w+) (?:in |back )?to|return (?:it|them|the \\w+) to|open|submit|raise|file|create|log|start|fill (?:in|out)|complete|use|speak (?:to|with)|talk (?:to|with)|chat (?:to|with)|reach|direct (?:your|any|this|the)(?: \\w+)? to|send (?:your|an|a|the|this|them|it)(?: \\w+){0,2} to|forward (?:this|your|it|the \\w+) to|apply (?:via|through|on|online)|check with|ask (?:billing|the|your|them|him|her)|take (?:it|this|that) up with|follow (?:it |this )?up with|liaise with|go through|log (?:a|it|this|the)|make (?:a|an|the) (?:new )?(?:claim|complaint|request|booking|appointment) (?:with|through|via|on|at))";
const TARGET = "(?:(?:a|an) (?:new|separate|fresh|second|another|support|formal) (?:\\w+ )?(?:ticket|request|case|claim|enquiry|inquiry|form|chat|complaint|application|report|query)|another (?:ticket|request|case|claim|enquiry|inquiry|form)|(?:the|our|their|your|this|that|a) (?:[\\w-]+ ){0,3}(?:team|department|dept|desk|line|hotline|helpline|number|store|shop|branch|office|website|site|portal|page|form|app|chat|live chat|support|centre|center|counter|service|contact|address|inbox|mailbox|manager|provider|bank|manufacturer|courier|carrier|retailer|seller|supplier|vendor|company|people|folks|guys|specialists?|engineers?|technicians?|customer care|care team|helpdesk|help desk|hq|headquarters)|(?:them|him|her|us) (?:at|on|via|directly|by|through)|[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\+?\\d[\\d ()-]{6,}\\d|(?:www\\.|https?:\\/\\/)\\S+|(?:billing|accounts|sales|support|returns|customer service|customer care|tech support|technical support|it support|the manufacturer|the courier|the carrier|the bank|your bank|the vendor|the supplier|head office|reception|[A-Z][a-z]+ (?:team|department|support|store))|(?:ups|fedex|dhl|usps|royal mail|evri|dpd|paypal|stripe|apple|google|amazon)\\b)";

const GERUND = "(?:recommend|suggest|advise|try|trying|consider|is|would be) (?:calling|phoning|ringing|e-?mailing|contacting|reaching out to|getting in touch with|writing to|messaging|visiting|going (?:in)?to|popping into|heading (?:over )?to|speaking (?:to|with)|talking (?:to|with)|chatting (?:to|with)|opening|submitting|raising|filing|creating|filling (?:in|out)|using|checking with|taking (?:it|this|that) up with)";
const IMPERATIVE = new RegExp(`(?:${DIRECTIVE}${VERB}|\\b${GERUND})\\s+(?:[\\w'-]+\\s+){0,4}?${TARGET}`, 'gi');
// "Billing can be reached on 0800 …", "their number is …", "the returns form is at …".
const CONTACT_INFO = [
  /\b(?:they|he|she|billing|accounts|sales|support|the [\w ]{1,30}(?:team|department|dept|desk|office|store))\s+(?:can|will|may|should) (?:be (?:reached|contacted|emailed|called)|help you|assist you|sort (?:this|it|that) out|look into (?:this|it|that)|deal with (?:this|it|that)|advise you|handle (?:this|it|that))\s+(?:at|on|via|by|through|if you)\b/gi,
  /\b(?:their|the|his|her|our) (?:\w+ )?(?:phone number|number|email address|email|e-mail|contact details|contact information|contact|address|hotline|helpline|website|form|link|portal) (?:for (?:this|that|[\w ]{1,25}) )?(?:is|are|can be found)\b[^.?!]{0,60}(?:\d{3}|@|www\.|https?:|\.com|\.co\b|below|here)/gi,
  /\b(?:you can|you'll|you will|you should) (?:reach|contact|find|get hold of) (?:them|him|her|billing|the [\w ]{1,25}(?:team|department|desk|office)) (?:at|on|via|by)\b/gi,
  /\b(?:that|this|it|these|refunds|returns|warranty claims|such requests)(?:'s| is| are| would be| will be) (?:handled|dealt with|managed|taken care of|processed|covered) (?:by|through) (?!us\b)[^.?!]{0,60}(?:so|please|you(?:'ll| will)? (?:need|have|can|should|must))\b[^.?!]{0,30}\b(?:contact|call|email|e-mail|reach|speak|talk|write|visit)/gi,
];

// The agent carries the case: a handoff done or promised, with the other side coming back to the customer.
const HANDOFF = /\b(?:i|we)(?:'ve|'ll| have| will| had|'m| am| are|'re)?\s+(?:already |just |now |also |gone ahead and |going to |personally )?(?:passed|pass|forwarded|forward|sent|send|shared|share|escalated|escalate|transferred|transfer|referred|refer|raised|copied|cc'?d|cc|looped|loop|handed|hand|flagged|flag|logged|opened|created|filed|submitted|booked|arranged|contacted|contact|emailed|called|messaged|notified|notify|alerted|alert|connected|connect|put you through|added|included|attached|asked|ask|told|informed|briefed|brief)\b[^.?!]{0,80}\b(?:to|with|for|in|on)\b/i;
const THEY_WILL_COME_BACK = /\b(?:they|he|she|billing|accounts|someone|somebody|a (?:member|colleague|specialist)|the [\w ]{1,30}(?:team|department|desk|specialists?|manager|technician|engineer))(?:'ll| will| are going to|'re going to| should)\s+(?:\w+ )?(?:contact|call|email|e-mail|ring|phone|reach out|get in touch|be in touch|get back|reply|respond|follow up|write)\b/i;
// Closing courtesies that keep the customer with us ("if you have any questions, contact us").
const COURTESY = /\b(?:if|should|whenever|in case) you (?:have|need|want|'ve got|require|think of)(?: any)?(?: other| more| further| additional)?\b|\b(?:anything else|any other questions|any questions|any further)\b/i;
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

/** Where in the sentence the redirect starts, or -1. */
function redirectAt(text: string): number {
  if (/\?\s*$/.test(text) && !/\b(?:please|you(?:'ll| will)? need to)\b/i.test(text)) return -1;
  for (const m of matches(IMPERATIVE, text)) {
    const phrase = m[0];
    if (SAME_CHANNEL.test(phrase)) continue;
    if (/\b(?:us)\b/i.test(phrase) && !/\d{3}|@|www\.|https?:|\b(?:store|shop|branch|office|counter|website|portal|form|line|number|phone)\b/i.test(phrase)) continue;
    if (COURTESY.test(text.slice(0, m.index + phrase.length)) && /\b(?:us|our (?:team|support))\b/i.test(phrase)) continue;
    return m.index + (phrase.length - phrase.replace(/^[^\w]+/, '').length);
  }
  for (const re of CONTACT_INFO) {
    const m = re.exec(text);
    re.lastIndex = 0;
    if (m) return m.index;
  }
  return -1;
}
