// Turns a raw draft into what the rules read: the agent's own words (HTML and quoted customer text removed,
// typography normalised) split into sentences, with a map back to indices in the raw draft.

/** Analysis stops here: a reply longer than this is a pasted document, and reading the first 20,000
 * characters keeps every draft's answer time bounded (the rules are linear, but 1 MB is not a reply). */
export const MAX_ANALYSED = 20_000;

export type Span = { start: number; end: number };
export type Sentence = Span & { text: string };

export type PreparedText = {
  /** The agent's words: same length as `toRaw`, quoted text and markup blanked out. */
  agent: string;
  /** Index in `agent` → index in the raw draft; null when they are the same (plain text, no markup). */
  toRaw: Int32Array | null;
  /** The quoted customer text found in the draft, joined by newlines. */
  quoted: string;
  sentences: Sentence[];
};

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  mdash: '—', ndash: '–', hellip: '…', euro: '€', pound: '£',
};
const BLOCK_TAGS = /^(br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|hr|section|article|header|footer|pre)$/;
const HIDDEN_TAGS = /^(style|script|head|title)$/;

type Builder = { chars: string[]; raw: number[] };

function push(b: Builder, ch: string, raw: number) {
  b.chars.push(ch);
  b.raw.push(raw);
}

/** Typography that the rules should not have to know about: curly quotes, odd spaces, control characters. */
function normalChar(ch: string): string {
  switch (ch) {
    case '\u2019': case '\u2018': case '\u02bc': case '\u0060': case '\u00b4': return "'";
    case '\u201c': case '\u201d': return '"';
    case '\u00a0': case '\u2007': case '\u202f': case '\t': return ' ';
    case '\r': return '\n';
  }
  const code = ch.charCodeAt(0);
  if (code < 0x20 && ch !== '\n') return ' ';
  if (code >= 0x200b && code <= 0x200f) return ' ';
  return ch;
}

/** Reads HTML tags and entities out of the text, keeping where every visible character came from. */
function decode(src: string, html: boolean): Builder & { quotedRaw: string[] } {
  const b: Builder & { quotedRaw: string[] } = { chars: [], raw: [], quotedRaw: [] };
  let hidden = 0;
  let quoteDepth = 0;
  let quoteText = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (html && ch === '<') {
      const close = src.indexOf('>', i + 1);
      const m = close > 0 && close - i < 2000 ? /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)/.exec(src.slice(i, close + 1)) : null;
      if (m && close > 0) {
        const name = m[2]!.toLowerCase();
        const closing = m[1] === '/';
        if (HIDDEN_TAGS.test(name)) hidden = Math.max(0, hidden + (closing ? -1 : 1));
        if (name === 'blockquote') {
          quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
          if (closing && quoteDepth === 0) {
            b.quotedRaw.push(quoteText);
            quoteText = '';
          }
        }
        if (BLOCK_TAGS.test(name) || name === 'blockquote') push(b, '\n', i);
        i = close;
        continue;
      }
    }
    let out = ch;
    let last = i;
    if (html && ch === '&') {
      const m = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/.exec(src.slice(i, i + 12));
      if (m) {
        const name = m[1]!;
        let decoded: string | undefined;
        if (name.startsWith('#x')) decoded = safeCodePoint(parseInt(name.slice(2), 16));
        else if (name.startsWith('#')) decoded = safeCodePoint(parseInt(name.slice(1), 10));
        else decoded = ENTITIES[name.toLowerCase()];
        if (decoded !== undefined) {
          out = decoded;
          last = i + m[0].length - 1;
        }
      }
    }
    if (hidden > 0) {
      i = last;
      continue;
    }
    if (quoteDepth > 0) {
      quoteText += out;
      i = last;
      continue;
    }
    // CRLF is one line break: the CR becomes a space so that blank-line and wrapped-line rules still hold.
    if (out === '\r' && src[i + 1] === '\n') {
      push(b, ' ', i);
      continue;
    }
    // Each UTF-16 unit of an entity's decoded character (an emoji is two) points at the entity's first index.
    for (let k = 0; k < out.length; k++) push(b, normalChar(out[k]!), i);
    i = last;
  }
  if (quoteText) b.quotedRaw.push(quoteText);
  return b;
}

function safeCodePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

// Where a reply's quoted history starts: everything from this line down is the customer's (or older) text.
const WROTE_LINE = /^\s*On\b.{0,300}\bwrote:\s*$/i;
const WROTE_FIRST_HALF = /^\s*On\b.{0,200}(\b(19|20)\d\d\b|@)/i; // "On …, Ann <ann@x>" wrapped before "wrote:"
const WROTE_SECOND_HALF = /^\s*.{0,120}\bwrote:\s*$/i;
const WROTE_OTHER = /^\s*(Le|El|Am|Il|Em|Op)\b.{0,300}\b(a écrit|escribió|schrieb|ha scritto|escreveu|geschreven)\s*:?\s*$/i;
const SEPARATOR = /^\s*(-{2,}\s*(Original Message|Forwarded message)\s*-{2,}|_{10,}\s*$)/i;
const FROM_HEADER = /^\s*From:\s.*(@|<|\d)/i;

/** Blanks the quoted lines ("> …", and from "On …, Ann wrote:" down) so the rules never read them. */
function blankQuoted(chars: string[]): string {
  const text = chars.join('');
  const quoted: string[] = [];
  let lineStart = 0;
  let history = false;
  // "On …, Ann wrote:" followed by "> " lines marks its quote: the first unmarked line after it is the agent's
  // reply again (a reply written under the quote), not more history.
  let markedOnly = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (history && markedOnly && line.trim() && !/^\s*>/.test(line)) {
      if (startsHistory(line, text, lineEnd)) markedOnly = false;
      else history = false;
    }
    if (!history) {
      history = startsHistory(line, text, lineEnd);
      if (history) {
        const next = text.slice(lineEnd + 1).split('\n').find((l) => l.trim());
        markedOnly = next !== undefined && /^\s*>/.test(next) && (WROTE_LINE.test(line) || WROTE_OTHER.test(line));
        if (markedOnly && startsHistory(next ?? '', text, lineEnd)) markedOnly = false;
      }
    }
    if (history || /^\s*>/.test(line)) {
      quoted.push(line.replace(/^[\s>]+/, ''));
      for (let i = lineStart; i < lineEnd; i++) chars[i] = ' ';
    }
    lineStart = lineEnd + 1;
  }
  return quoted.join('\n');
}

function startsHistory(line: string, text: string, lineEnd: number): boolean {
  if (WROTE_LINE.test(line) || WROTE_OTHER.test(line) || SEPARATOR.test(line)) return true;
  const after = text.slice(lineEnd + 1, lineEnd + 400);
  if (WROTE_FIRST_HALF.test(line) && WROTE_SECOND_HALF.test(after.split('\n', 1)[0] ?? '')) return true;
  // "From: Ann <ann@x>" opens a forwarded header block only when "Sent:"/"Date:" follows it.
  return FROM_HEADER.test(line) && /^\s*(Sent|Date|To|Subject):/im.test(after);
}

const SIGN_OFF = /^\s*(?:--\s*|(?:kind|best|warm|warmest|many|with)?\s*(?:regards|thanks|thank you|cheers|best wishes|best|sincerely|yours sincerely|yours truly|yours faithfully|yours|all the best|take care|talk soon|speak soon)[,.!]?)\s*$/i;

/** Blanks the signature block under the sign-off ("Kind regards," / "--"): its "Call us on 0800 …" is letterhead,
 * not advice to this customer. A short block only (up to 8 lines), and a P.S. stays. */
function blankSignature(chars: string[]): void {
  const text = chars.join('');
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push({ start, end });
    start = end + 1;
  }
  let signOff = -1;
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 12; i--) {
    if (SIGN_OFF.test(text.slice(lines[i]!.start, lines[i]!.end))) {
      signOff = i;
      break;
    }
  }
  if (signOff < 0) return;
  const after = lines.slice(signOff + 1).map((l) => text.slice(l.start, l.end)).filter((l) => l.trim());
  if (after.length > 8) return;
  // "Thanks!" followed by "I'll call you tomorrow." was a thank-you, not the sign-off.
  if (after.some((l) => !/^\s*p\.?\s?s\b/i.test(l) && /\b(?:I|I'll|I'm|I've|we'll|we've|you'll|will|can't|cannot)\b/.test(l) && l.trim().split(/\s+/).length >= 3)) return;
  for (const line of lines.slice(signOff)) {
    if (/^\s*p\.?\s?s\b/i.test(text.slice(line.start, line.end))) break;
    for (let i = line.start; i < line.end; i++) chars[i] = ' ';
  }
}

/** Cleans a draft for the rules; never throws, whatever the input. */
// The characters normalChar changes; plain text needs nothing else, and keeps every index where it was.
const PLAIN_NORMALISE = /[\u2018\u2019\u02bc\u0060\u00b4\u201c\u201d\u00a0\u2007\u202f\t\r\u0000-\u0008\u000b-\u001f\u200b-\u200f]/g;

export function prepare(raw: string): PreparedText {
  const src = raw.length > MAX_ANALYSED ? raw.slice(0, MAX_ANALYSED) : raw;
  const html = /<\s*\/?\s*(p|br|div|span|blockquote|html|body|a|b|i|strong|em|ul|li|table)\b[^>]*>/i.test(src);
  let chars: string[];
  let toRaw: Int32Array | null = null;
  let quotedHtml: string[] = [];
  if (html) {
    const decoded = decode(src, true);
    chars = decoded.chars;
    toRaw = Int32Array.from(decoded.raw);
    quotedHtml = decoded.quotedRaw;
  } else {
    // CRLF is one line break: the CR becomes a space (as in decode), so indices stay those of the raw draft.
    chars = src.replace(PLAIN_NORMALISE, (c: string, at: number) => (c === '\r' && src[at + 1] === '\n' ? ' ' : normalChar(c))).split('');
  }
  const quotedLines = blankQuoted(chars);
  blankSignature(chars);
  const agent = chars.join('');
  const quoted = [...quotedHtml, quotedLines].filter((q) => q.trim()).join('\n');
  return { agent, toRaw, quoted, sentences: splitSentences(agent) };
}

/** Maps a span of the analysed text back to the raw draft (end exclusive). */
export function rawSpan(p: PreparedText, start: number, end: number): Span {
  if (p.toRaw === null) return { start, end: Math.max(start, end) };
  if (p.toRaw.length === 0) return { start: 0, end: 0 };
  const s = p.toRaw[Math.min(start, p.toRaw.length - 1)]!;
  const lastRaw = p.toRaw[Math.max(start, Math.min(end, p.toRaw.length) - 1)]!;
  return { start: s, end: Math.max(s, lastRaw) + 1 };
}

const ABBREVIATIONS = /\b(mr|mrs|ms|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e|approx|dept|est|inc|ltd|co|no|tel|ext|ref|a\.m|p\.m|u\.s|u\.k|fig|min|max|cf)$/i;

/** Splits text into sentences: at . ! ? followed by a space (not after an abbreviation), at blank lines, and at line breaks that do not
 * merely wrap a sentence (a wrapped line ends in a letter or comma and continues in lower case). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const emit = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (isLineBreakBoundary(text, i)) emit(i + 1);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < text.length && /[.!?…"')\]]/.test(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\n')) k++;
    const next = text[k];
    if (ch === '.' && j === i + 1 && ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i))) {
      if (next === undefined || !/[A-Z]/.test(next) || /(mr|mrs|ms|dr|prof|st)$/i.test(text.slice(Math.max(0, i - 4), i))) {
        i = j - 1;
        continue;
      }
    }
    // Chat-style lower case ("ok. i'll call you tomorrow") still starts a sentence, but not after an initial
    // or a one-letter token ("J. smith", "a. the first option").
    if (next !== undefined && /[a-z]/.test(next) && ch === '.' && /(?:^|[^\p{L}])\p{L}$/u.test(text.slice(Math.max(0, i - 2), i))) {
      i = j - 1;
      continue;
    }
    emit(j);
    i = j - 1;
  }
  emit(text.length);
  return out;
}

function isLineBreakBoundary(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text[p] === ' ')) p--;
  if (p < 0 || text[p] === '\n') return true;
  let n = i + 1;
  while (n < text.length && text[n] === ' ') n++;
  if (n >= text.length || text[n] === '\n') return true;
  const prev = text[p]!;
  const next = text[n]!;
  const wraps = /[\p{Ll},;\-–(]/u.test(prev) && /[\p{Ll}(]/u.test(next);
  return !wraps;
}
