import { stemmer } from 'stemmer';
import { concepts } from './concepts.ts';

/**
 * Text to terms for matching inquiries with articles and tickets: lowercase, accents folded, contractions
 * opened ("can't" → "can not"), stop words dropped, words stemmed (irregular verbs mapped first), and each pair
 * of neighbouring words kept as a bigram ("top up" → "top_up"), since two words together often name the
 * question better than either alone.
 */

// Function words that say nothing about what the customer needs. Negations, question words and quantities stay:
// "why was I charged" and "I was not charged" are different questions.
const stop = new Set(
  ('a an the and or but if then so of to in on at by for with from as into onto about over than too very just also ' +
    'i me my mine myself we us our ours you your yours he him his she her it its they them their this that these those ' +
    'is am are was were be been being do does did done doing have has had having will would shall should ' +
    'there here please hi hello hey thanks thank regards dear sir madam team ok okay yes yeah oh um well really ' +
    'some any all each every other such own same again still even already only yet ever would could might must ' +
    'get got getting gets let lets like im ive id youre dont').split(' '),
);

// Irregular forms the stemmer leaves apart.
const irregular: Record<string, string> = {
  broke: 'break', broken: 'break', busted: 'break', bust: 'break', came: 'come', went: 'go', gone: 'go',
  paid: 'pay', sent: 'send', bought: 'buy', lost: 'lose', took: 'take', taken: 'take', gave: 'give', given: 'give',
  made: 'make', told: 'tell', said: 'say', wrote: 'write', written: 'write', got: 'get', gotten: 'get',
  left: 'leave', sold: 'sell', spent: 'spend', froze: 'freeze', frozen: 'freeze', stole: 'steal', stolen: 'steal',
  kept: 'keep', found: 'find', chose: 'choose', chosen: 'choose', forgot: 'forget', forgotten: 'forget',
  children: 'child', men: 'man', women: 'woman', feet: 'foot', teeth: 'tooth', mice: 'mouse',
};

/** Whether a word is a function word that says nothing of what the customer needs. */
export function stopWord(word: string): boolean {
  return stop.has(word);
}

/** Whether a word is one this module knows as English whatever the articles say (a stop word or an irregular form). */
export function commonWord(word: string): boolean {
  return stop.has(word) || word in irregular;
}

const contractions: [RegExp, string][] = [
  [/\bcan['’]?t\b/g, 'can not'], [/\bwon['’]t\b/g, 'will not'], [/\bain['’]t\b/g, 'is not'],
  [/n['’]t\b/g, ' not'], [/['’](re|ve|ll|d|m|s)\b/g, ''],
];

/** Lowercase, accents folded, contractions opened, percentages as the word. */
export function normalise(text: string): string {
  let t = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  for (const [re, to] of contractions) t = t.replace(re, to);
  // "20% off", "10 % discount": a percentage is said as one, whatever the number.
  return t.replace(/\d+(?:[.,]\d+)?\s*%/g, ' percent ');
}

// Stemming is the costly step and a help desk's vocabulary is small: remember the stems (bounded).
const stems = new Map<string, string>();
const maxRemembered = 200_000;

/** The stem of one lowercase word. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const s = irregular[word] ?? (/^\d/.test(word) ? word : stemmer(word));
  if (stems.size >= maxRemembered) stems.clear();
  stems.set(word, s);
  return s;
}

type Token = { stem: string; stop: boolean };

/** Every word of a text: its stem, and whether it is a stop word. */
function tokens(text: string): Token[] {
  const raw = normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: Token[] = [];
  for (const w of raw) if (w.length <= 40) out.push({ stem: stem(w), stop: stop.has(w) });
  return out;
}

/** The stemmed content words of a text, in order (stop words removed). */
export function words(text: string): string[] {
  return tokens(text).filter((t) => !t.stop).map((t) => t.stem);
}

/** Every word of a text stemmed, stop words kept (for matching phrases). */
function allStems(text: string): string[] {
  return tokens(text).map((t) => t.stem);
}

// Concept phrases indexed by their first stem; longest phrases first so "not working" wins over "not".
const phrases = new Map<string, { concept: string; stems: string[] }[]>();
for (const [concept, list] of Object.entries(concepts)) {
  for (const phrase of list) {
    const stems = allStems(phrase);
    if (stems.length === 0) continue;
    const bucket = phrases.get(stems[0]!) ?? [];
    bucket.push({ concept, stems });
    phrases.set(stems[0]!, bucket);
  }
}
for (const bucket of phrases.values()) bucket.sort((a, b) => b.stems.length - a.stems.length);

// A two-word phrase whose second word is a particle also matches with up to two words between: phrasal verbs
// split around their object ("send it back", "send the sofa back", "pick the chair up").
const particles = new Set(['back', 'up', 'out', 'off', 'apart', 'over', 'forward', 'in', 'on', 'down', 'together']);
function phrasal(phrase: string[], stems: string[], i: number): boolean {
  if (phrase.length !== 2 || !particles.has(phrase[1]!)) return false;
  return stems[i + 2] === phrase[1] || stems[i + 3] === phrase[1];
}

/** The concepts a text mentions (`#damage`, `#refund`…), each once per mention. */
export function conceptsOf(text: string): string[] {
  return conceptsIn(allStems(text));
}

function conceptsIn(stems: string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const seen = new Set<string>();
    for (const p of phrases.get(stems[i]!) ?? []) {
      if (seen.has(p.concept)) continue;
      if (p.stems.every((s, k) => stems[i + k] === s) || phrasal(p.stems, stems, i)) {
        found.push(`#${p.concept}`);
        seen.add(p.concept);
      }
    }
  }
  return found;
}

/** Unigram, bigram and concept terms of a text, with their counts. */
export function terms(text: string, opts: { bigrams?: boolean; concepts?: boolean } = {}): Map<string, number> {
  const all = tokens(text);
  const ws = all.filter((t) => !t.stop).map((t) => t.stem);
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  for (let i = 0; i < ws.length; i++) {
    add(ws[i]!);
    if (opts.bigrams !== false && i + 1 < ws.length) add(`${ws[i]}_${ws[i + 1]}`);
  }
  if (opts.concepts !== false) for (const c of conceptsIn(all.map((t) => t.stem))) add(c);
  return counts;
}
