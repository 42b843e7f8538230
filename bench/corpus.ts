import fs from 'node:fs';

/** A customer sentence and its topic (the banking77 intent, used as the ticket's tag). */
export type Sentence = { text: string; topic: string };

const banking77 = '/work/shared/corpora/banking77/train.csv';

// Used when the banking77 corpus is not on this machine.
const builtIn: Sentence[] = [
  ['My card still has not arrived after two weeks, where is it?', 'card_arrival'],
  ['I was charged twice for the same purchase at the supermarket.', 'transaction_charged_twice'],
  ['How long does a bank transfer to another country take?', 'transfer_timing'],
  ['The exchange rate applied to my payment looks wrong.', 'exchange_rate'],
  ['I forgot my PIN and the app will not let me reset it.', 'change_pin'],
  ['Why was my top up declined when the card has money on it?', 'top_up_failed'],
  ['There is a payment on my statement that I do not recognise.', 'card_payment_not_recognised'],
  ['Can I get a refund for an order that never arrived?', 'request_refund'],
  ['My account was blocked after I entered the wrong passcode.', 'passcode_forgotten'],
  ['The ATM gave me less cash than it took from my balance.', 'wrong_amount_of_cash_received'],
  ['How do I verify my identity to unlock all features?', 'verify_my_identity'],
  ['I want to close my account and withdraw the remaining balance.', 'terminate_account'],
  ['Is there a fee for withdrawing cash abroad?', 'cash_withdrawal_charge'],
  ['My salary transfer is still pending since Monday.', 'pending_transfer'],
  ['Can I add my card to Apple Pay or Google Pay?', 'apple_pay_or_google_pay'],
  ['The contactless payment does not work in shops.', 'contactless_not_working'],
  ['I think someone else is using my card, please freeze it.', 'compromised_card'],
  ['What currencies can I hold in my account?', 'fiat_currency_support'],
  ['My direct debit to the electricity company failed.', 'direct_debit_payment_not_recognised'],
  ['The beneficiary says the money never reached their account.', 'transfer_not_received_by_recipient'],
].map(([text, topic]) => ({ text: text!, topic: topic! }));

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Customer sentences: banking77 (10k real support questions in 77 topics) if present, else a built-in list. */
export function loadSentences(): { sentences: Sentence[]; source: string } {
  if (!fs.existsSync(banking77)) return { sentences: builtIn, source: 'built-in list (banking77 not found)' };
  const lines = fs.readFileSync(banking77, 'utf8').split(/\r?\n/).slice(1);
  const sentences: Sentence[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const fields = parseCsvLine(line);
    const topic = fields.pop()!.trim();
    const text = fields.join(',').trim();
    if (text.length > 3 && /^[a-z0-9_]+$/.test(topic)) sentences.push({ text, topic });
  }
  return { sentences, source: banking77 };
}

/** Agent reply sentences; templated, as real replies are. */
export const replies = [
  'Thanks for reaching out, I have looked into your account and can see what happened.',
  'I am sorry for the trouble this has caused you.',
  'I have escalated this to our payments team and they will update you within two business days.',
  'Could you please send us a screenshot of the error message you see in the app?',
  'For your security, I have frozen the card and ordered a replacement to your registered address.',
  'The pending transaction should disappear from your statement within five working days.',
  'I have issued a refund of the duplicate charge; it can take up to seven days to show.',
  'Please make sure the app is updated to the latest version and try again.',
  'Transfers to this country usually arrive within one to three business days.',
  'The exchange rate is set at the moment the merchant processes the payment.',
  'You can reset your PIN from the card settings screen in the app.',
  'We need a photo of your ID and a selfie to complete the verification.',
  'I can confirm that your top up has now been credited to your balance.',
  'There is no fee for the first two cash withdrawals each month.',
  'I have reopened the dispute with the merchant on your behalf.',
  'Let me know if there is anything else I can help you with.',
  'Your account is now unblocked and you can log in again.',
  'I have added a note to your file so the team knows the background.',
  'Please do not share your passcode or card details with anyone, including us.',
  'The direct debit was returned because the mandate had been cancelled.',
];

export const firstNames = 'Olivia Liam Emma Noah Amelia Oliver Ava Elijah Sophia Lucas Mia Mateo Isabella Leo Charlotte Ethan Aisha Yusuf Mei Hiroshi Priya Arjun Fatima Omar Lena Jonas Chloe Hugo Sara Marco Ana Diego Nina Pavel Zoe Kwame Ingrid Tomas Layla Rafael'.split(' ');
export const lastNames = 'Smith Johnson Garcia Mueller Rossi Dubois Kowalski Nguyen Kim Tanaka Patel Singh Silva Costa Novak Jensen Andersson Murphy Brown Wilson Lopez Martin Lee Walker Hall Young Khan Ahmed Ivanova Petrov Fischer Weber Moreau Bianchi Santos Okafor Mensah Cohen Larsen Berg'.split(' ');
export const teamNames = ['Cards', 'Payments', 'Transfers', 'Accounts', 'Security'];

// PostgreSQL's English stop words (never indexed, so never searched for) and filler words agents would not type.
const pgStop = `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves what which who whom this that these those am is are was were be been being
  have has had having do does did doing a an the and but if or because as until while of at by for with about against between
  into through during before after above below to from up down in out on off over under again further then once here there
  when where why how all any both each few more most other some such no nor not only own same so than too very s t can will
  just don should now`;
const filler = 'would could get got still yet dont cant wont didnt isnt ive im whats one two way use used make made take let lot much many even see well okay thanks thank please hello help like know need want';
const stop = new Set(`${pgStop} ${filler}`.split(/\s+/));

export type SearchQuery = { q: string; band: string; sentenceFreq: number };

/**
 * Search terms of varied frequency, picked from the corpus itself: a few of the most common words, some of
 * medium and low frequency, rare words and common two-word phrases, so the mix resembles what agents type.
 */
export function pickSearchQueries(sentences: Sentence[]): SearchQuery[] {
  const df = new Map<string, number>();
  const bigrams = new Map<string, number>();
  for (const { text } of sentences) {
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    for (const w of new Set(words)) if (w.length > 2 && !stop.has(w)) df.set(w, (df.get(w) ?? 0) + 1);
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (a.length > 2 && b.length > 2 && !stop.has(a) && !stop.has(b)) bigrams.set(`${a} ${b}`, (bigrams.get(`${a} ${b}`) ?? 0) + 1);
    }
  }
  const ranked = [...df.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const pairs = [...bigrams.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  // A rarer word that shares its stem with a commoner one (arrives ~ arrived) is not rare to the search index.
  const stemOf = (w: string) => w.slice(0, 5);
  const band = (name: string, list: [string, number][], from: number, to: number, count: number): SearchQuery[] => {
    const commoner = [...list.slice(0, from).flatMap(([w]) => w.split(' ')), ...filler.split(' ')];
    const stems = new Set(commoner.map(stemOf));
    const related = (x: string) => stems.has(stemOf(x)) || commoner.some((c) => c.length >= 4 && x.startsWith(c));
    const seen = new Set<string>();
    const slice = list.slice(from, Math.min(to, list.length)).filter(([w]) => {
      if (w.split(' ').some(related) || seen.has(stemOf(w.slice(0, -1)))) return false;
      seen.add(stemOf(w.slice(0, -1)));
      return true;
    });
    if (!slice.length) return [];
    const step = Math.max(1, Math.floor(slice.length / count));
    return slice.filter((_, i) => i % step === 0).slice(0, count).map(([q, n]) => ({ q, band: name, sentenceFreq: n }));
  };
  return [
    ...band('common word (top 10)', ranked, 0, 10, 3),
    ...band('frequent word (rank 30-80)', ranked, 30, 80, 3),
    ...band('medium word (rank 200-400)', ranked, 200, 400, 3),
    ...band('rare word (rank 800-1500)', ranked, 800, 1500, 3),
    ...band('two-word phrase', pairs, 0, 30, 3),
  ];
}
