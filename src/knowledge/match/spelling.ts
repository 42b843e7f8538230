import { commonWord, normalise, stem } from './text.ts';

/**
 * Typo repair against a known vocabulary (the words of a workspace's articles and the concept lexicon). A query
 * word that is neither known nor has a known stem is replaced by the known word one edit away (see `oneEdit`), the most frequent if several; a pair of words that is one known word when
 * joined ("pass word", "pay out") is joined. Lookups use the deletion
 * neighbourhood of each known word (symmetric delete), so a query word costs a few map lookups, not a scan.
 * Short words (under 5 letters) and numbers are left alone: too many real words sit one edit from each other.
 */
export class Speller {
  private readonly freq = new Map<string, number>();
  private readonly stems = new Set<string>();
  private readonly near = new Map<string, string[]>();
  private readonly joinable = new Set<string>();

  /** `texts` are the articles (their words may also be joined from two); `extra` more known words (a lexicon). */
  constructor(texts: Iterable<string>, extra: Iterable<string> = [], readonly minLength = 5) {
    for (const text of texts) for (const w of wordsOf(text)) this.freq.set(w, (this.freq.get(w) ?? 0) + 1);
    for (const w of this.freq.keys()) if (w.length >= 5) this.joinable.add(w);
    for (const text of extra) for (const w of wordsOf(text)) this.freq.set(w, (this.freq.get(w) ?? 0) + 1);
    for (const w of this.freq.keys()) {
      this.stems.add(stem(w));
      if (w.length < minLength - 1 || /\d/.test(w)) continue;
      for (const key of [w, ...deletions(w)]) {
        const list = this.near.get(key);
        if (!list) this.near.set(key, [w]);
        else if (list[list.length - 1] !== w) list.push(w);
      }
    }
  }

  /** Whether a word (or its stem) is in the vocabulary. */
  knows(word: string): boolean {
    return this.freq.has(word) || commonWord(word) || this.stems.has(stem(word));
  }

  /** The known word one edit from `word` (most frequent first), or null. */
  nearest(word: string): string | null {
    if (word.length < this.minLength || /\d/.test(word) || this.knows(word)) return null;
    let best: string | null = null;
    let bestFreq = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const v of this.near.get(key) ?? []) {
        if (v === best || !oneEdit(word, v)) continue;
        const f: number = this.freq.get(v)!;
        if (f > bestFreq || (f === bestFreq && best !== null && v < best)) [best, bestFreq] = [v, f];
      }
    }
    return best;
  }

  /** The text with unknown words repaired (lowercased and normalised; unchanged words kept). */
  correct(text: string): string {
    const ws = wordsOf(text);
    const out: string[] = [];
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const next = ws[i + 1];
      if (next !== undefined && !commonWord(w) && !commonWord(next) && this.joinable.has(w + next)) {
        out.push(w + next);
        i++;
        continue;
      }
      out.push(this.nearest(w) ?? w);
    }
    return out.join(' ');
  }
}

function wordsOf(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{N}]+/gu)?.filter((w) => w.length <= 40) ?? [];
}

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/**
 * Whether `typed` is a likely slip for the known word `known`: two neighbouring letters swapped ("recieve"), a
 * letter left out inside the word ("pasword", "refnd"), or a letter doubled ("untill"). Changed letters and extra
 * letters are not taken: those are how different real words differ ("wedding"/"bedding", "seems"/"sees").
 */
export function oneEdit(typed: string, known: string): boolean {
  if (typed === known || typed[0] !== known[0]) return false;
  if (typed.length === known.length) {
    let i = 0;
    while (typed[i] === known[i]) i++;
    return typed[i] === known[i + 1] && typed[i + 1] === known[i] && typed.slice(i + 2) === known.slice(i + 2);
  }
  if (known.length === typed.length + 1) {
    let i = 0;
    while (typed[i] === known[i]) i++;
    return i < typed.length && typed.slice(i) === known.slice(i + 1);
  }
  if (typed.length === known.length + 1) {
    let i = 0;
    while (typed[i] === known[i]) i++;
    return typed[i] === typed[i - 1] && typed.slice(i + 1) === known.slice(i);
  }
  return false;
}
