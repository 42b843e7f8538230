// Reads when a promise is due from the words of its clause. A small parser of our own rather than chrono-node:
// the phrases agents use are few, and the workspace's rules for them (end of business day, next Monday
// morning, business days, a window's end) are not chrono's.
import type { DateTime } from 'luxon';
import { at, formatInstant, nthBusinessDay, type Clock, type HourMinute } from './clock.ts';
import type { Span } from './text.ts';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'twenty-four': 24, 'twenty four': 24,
  'forty-eight': 48, 'forty eight': 48, 'seventy-two': 72, 'seventy two': 72, 'a couple of': 2, 'a couple': 2,
  'couple of': 2, 'half an': 0.5, 'half a': 0.5,
};
const NUM = '(\\d{1,3}(?:\\.\\d)?|a couple of|a couple|couple of|half an?|twenty[- ]four|forty[- ]eight|seventy[- ]two|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)';
const UNIT = '(minutes?|mins?|hours?|hrs?|h|days?|weeks?|fortnights?)';

const DURATION = new RegExp(
  `\\b(?:in|within|inside(?: of)?|under|in less than|in under|in about|within about|in around|in the next|within the next|over the next|in another|the next)\\s+(?:the\\s+next\\s+)?(?:about\\s+|around\\s+|roughly\\s+|approximately\\s+|approx\\.?\\s+)?${NUM}(?:\\s*(?:-|–|to|or)\\s*${NUM})?(?:\\s+|(?<=\\d))(business\\s+|working\\s+|work\\s+|week)?${UNIT}\\b`,
  'gi',
);
const BARE_BUSINESS_DAYS = new RegExp(`\\b${NUM}(?:\\s*(?:-|–|to)\\s*${NUM})?\\s+(business|working|work)\\s+days?\\b`, 'gi');
const WITHIN_THE_HOUR = /\b(?:within|in) the (?:next )?hour\b/gi;
const NEXT_BUSINESS_DAY = /\b(?:the )?next (?:business|working|work) day\b/gi;
const DAY_AFTER_TOMORROW = /\b(?:the )?day after tomorrow\b/gi;
const TOMORROW = /\b(?:tomorrow|tmrw|tmr|tmw|2moro|2morrow|2mrw|tomoz|tomorow|tommorow|tommorrow)\b/gi;
const TODAY = /\b(?:later today|today|2day|tonight|2nite|this (?:morning|afternoon|evening|arvo))\b/gi;
const END_OF_DAY = /\b(?:(?:the )?end of (?:the |to|your |my |our )?(?:business |working )?day|eod|cob|close of (?:business|play)|end of (?:business|play))\b/gi;
const NEXT_WEEK = /\b(?:(early|start of|beginning of|end of|later|late|middle of|mid)[- ](?:the )?)?next week\b/gi;
const THIS_WEEK = /\b(?:(?:by |before |until )?(?:the )?end of (?:the |this )week|later this week|this week|by the weekend|before the weekend)\b/gi;
const END_OF_MONTH = /\b(?:the )?end of (?:the |this )month\b/gi;
const WEEKDAY = /\b(?:(next|this|coming|this coming|following)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b(?:\s+(next week|of next week|this week|week))?/gi;
// Capitalised, or a lower-case form that is no other word ("sat" and "wed" are verbs).
const WEEKDAY_ABBR = /\b(?:(next|this)\s+)?(Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun|tue|tues|weds|thu|thur|thurs|fri)\b\.?/g;
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// "Fri 19th", "Friday the 19th", "Friday 19 June": the day number says which Friday.
const WEEKDAY_NUMBER = new RegExp(`\\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\.?,?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?(${MONTHS}))?\\b(?!\\s*(?:[:.]\\d|am\\b|pm\\b|a\\.m|p\\.m|hours?|days?|weeks?|mins?|minutes?))`, 'gi');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS})\\b\\.?(?:,?\\s+(\\d{4}))?`, 'gi');
const MONTH_DAY = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'gi');
const ISO_DATE = /\b(20\d\d)-(\d\d)-(\d\d)\b/g;
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g;
const ORDINAL_DAY = /\b(?:on |by |before |until )?the (\d{1,2})(?:st|nd|rd|th)\b/gi;
const WINDOW = /\b(?:between\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:-|–|to|and|until|till)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?!\w)/gi;
// "between 10 and 2", "between 8 and noon": a window in working hours with no am/pm; its end is read like a bare hour.
const WINDOW_BARE = /\bbetween\s+(\d{1,2})(?:[:.](\d{2}))?\s+and\s+(\d{1,2}|noon|midday)(?:[:.](\d{2}))?\b(?!\s*(?:[:.]\d|am\b|pm\b|a\.m|p\.m|%|hours?|days?|weeks?|mins?|minutes?|business|working))/gi;
const WINDOW_24H = /\b(?:between\s+)?([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:-|–|to|and|until|till)\s*([01]?\d|2[0-3])[:.]([0-5]\d)\b/gi;
const CLOCK_12H = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?!\w)/gi;
const CLOCK_24H = /\b([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:am|pm))/gi;
const OCLOCK = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*o'?clock\b/gi;
// "by 5", "before 3", "at 10": a bare hour in a working day (1–7 is afternoon, 8–12 morning or noon).
const BARE_HOUR = /\b(?:by|before|at|until|till|around|about|no later than)\s+(\d{1,2})(?::(\d{2}))?(?:ish)?\b(?!\s*(?:[:.]\d|am\b|pm\b|a\.m|p\.m|%|°|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|business|working|st\b|nd\b|rd\b|th\b|of\b|[-–/]))/gi;
// "half past two", "quarter to five", "quarter past 3": working hours, so 1–7 is the afternoon.
const SPOKEN_TIME = /\b(half|quarter) (past |to )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?! (?:hours?|days?|weeks?|mins?|minutes?)\b)/gi;
// "at 17.30": a 24-hour time written with a dot, after a word that introduces a time.
const CLOCK_DOT = /\b(?:at|by|before|until|till|from|around|no later than)\s+([01]?\d|2[0-3])\.([0-5]\d)\b(?!\s*(?:am|pm|a\.m|p\.m|%|[a-z]))/gi;
// "Monday AM", "tomorrow p.m.": a half of the day, in capitals or with stops so that "I am" is not one.
const HALF_DAY = /(?<!\d\s?)\b(AM|PM|a\.m\.|p\.m\.)(?!\w)/g;
const NOON = /\b(?:noon|midday|lunchtime|lunch time|lunch)\b/gi;
const MIDNIGHT = /\bmidnight\b/gi;
// "I'll call you in the morning", said during the day, means tomorrow morning.
const IN_THE_MORNING = /\bin the morning\b/gi;
const PART_OF_DAY = /\b(?:first thing|morning|afternoon|arvo|evening|tonight|night|start of (?:business|the day))\b/gi;

const MAY_NAME_A_TIME = /\d|\b(?:today|tonight|tomorrow|2day|2nite|tmrw?|tmw|2moro|2morrow|2mrw|tomoz|tomorow|tommorow|tommorrow|arvo|morning|afternoon|evening|night|noon|midday|midnight|lunch\w*|week|weekend|month|day|days|hours?|hrs?|minutes?|mins?|eod|cob|close|end|next|within|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|first thing|o'?clock|fortnights?|half past|half (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|quarter (?:past|to)|AM|PM)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/i;

export type DueParts = {
  businessDays?: number;
  duration?: { amount: number; unit: 'minutes' | 'hours' | 'days' | 'weeks' };
  date?: DateTime;
  /** Next week with no day named: its first morning. */
  weekStart?: boolean;
  time?: HourMinute;
  partOfDay?: 'first' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'eod';
  /** A duration counted from an event whose time is unknown: the promise has no due time. */
  unknownStart?: boolean;
};

export type DueReading = { parts: DueParts; spans: Span[] };

function num(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  const n = NUMBER_WORDS[w] ?? NUMBER_WORDS[w.replace('-', ' ')] ?? Number(w);
  return Number.isFinite(n) ? n : undefined;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm[0]!.toLowerCase() === 'p';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

const WEEKDAY_INDEX: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The weekday's date. "By Friday" (a deadline) includes today; "on Friday", "Friday" and "next Friday" mean
 * the first such day after today; "Friday next week" is next week's. */
function weekdayDate(clock: Clock, weekday: number, mode: 'deadline' | 'after' | 'nextWeek'): DateTime {
  const today = clock.now.startOf('day');
  if (mode === 'nextWeek') return today.startOf('week').plus({ weeks: 1, days: weekday - 1 });
  const diff = (weekday - today.weekday + 7) % 7;
  // "By Friday" said on a Friday after the business day has ended can only mean next Friday.
  const dayOver = clock.now >= at(today, clock.dayEnd);
  return today.plus({ days: diff === 0 && (mode === 'after' || dayOver) ? 7 : diff });
}

const DEADLINE = /\b(?:by|before|until|till|no later than|not later than|cob|eod|close of business|end of (?:the )?day|end of business)\s+(?:(?:this|the) )?(?:(?:end of (?:the )?day|close of business|cob|eod)\s+)?$/i;

function weekdayMode(clause: string, at: number, prefix: string | undefined, suffix: string | undefined): 'deadline' | 'after' | 'nextWeek' {
  if (/next/i.test(suffix ?? '') || (prefix ?? '').toLowerCase() === 'following') return 'nextWeek';
  if (!prefix && DEADLINE.test(clause.slice(Math.max(0, at - 40), at))) return 'deadline';
  // "this Friday" said on a Friday is today.
  if ((prefix ?? '').toLowerCase() === 'this') return 'deadline';
  return 'after';
}

/** A day and month without a year: this year's, or next year's once it has passed. */
function calendarDate(clock: Clock, month: number, day: number, year?: number): DateTime | undefined {
  const today = clock.now.startOf('day');
  let d = today.set({ year: year ?? today.year, month, day });
  if (!d.isValid || d.month !== month || d.day !== day) return undefined;
  if (year === undefined && d < today) d = d.plus({ years: 1 });
  return d;
}

/** Finds every time expression in the clause and what each one says. */
export function readDue(clause: string, clock: Clock): DueReading {
  const parts: DueParts = {};
  const spans: Span[] = [];
  // Most clauses name no time at all: one cheap look for a digit or a time word saves thirty regexes.
  if (!MAY_NAME_A_TIME.test(clause)) return { parts, spans };
  const taken = (m: RegExpExecArray) => {
    const s = m.index;
    const e = s + m[0].length;
    if (spans.some((x) => s < x.end && e > x.start)) return true;
    spans.push({ start: s, end: e });
    return false;
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m; m = re.exec(clause)) {
      if (!taken(m)) fn(m);
    }
  };
  const today = clock.now.startOf('day');
  // Several dates in one clause ("at 9am tomorrow to make sure Monday works"): the first one said is the due one.
  const dates: { at: number; date: DateTime; weekStart?: boolean; describes?: boolean }[] = [];
  // "your Webster pack for next week ready by Tuesday", "invites for next week": a date after "for" says which
  // thing is meant; the due date is one said with "by", "on" or alone.
  const date = (m: RegExpExecArray, d: DateTime | undefined, weekStart = false) => {
    // "I'll refund today's rental charge", "Friday's invoice": a day used as a possessive names the thing, not the due
    // time; "on tomorrow's van", "in Friday's post" still time the promise.
    if (/^'s\s+\p{L}/u.test(clause.slice(m.index + m[0].length)) && !/\b(?:on|in|by|for|with|from|until|till|before|after)\s+$/i.test(clause.slice(Math.max(0, m.index - 10), m.index))) return;
    if (d) dates.push({ at: m.index, date: d, weekStart, describes: /\b(?:pack|invites?|order|booking|tickets?|delivery|appointment|slot|shift|session|meeting|class|room|table|menu|rota|schedule|plan|prescription|medication|supply|stock)s? for (?:the )?$/i.test(clause.slice(Math.max(0, m.index - 30), m.index)) });
  };

  // "the morning of the delivery", "the day before your flight": a time tied to an event whose date is not given.
  const EVENT_DAY = /\bthe (?:morning|afternoon|evening|night|day|week) (?:of|before|after) (?:the|your|their|our) (?!(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)[\w-]+/gi;
  each(EVENT_DAY, () => (parts.unknownStart = true));
  // "Dan will call you the evening before": before a day said elsewhere, so no time can be given from this clause.
  const DAY_BEFORE = /\bthe (?:morning|afternoon|evening|night|day|week) (?:before|after)(?! (?:the|your|their|our|that|this|next|last|\d)\b)/gi;
  each(DAY_BEFORE, () => (parts.unknownStart = true));
  each(WITHIN_THE_HOUR, () => (parts.duration = { amount: 1, unit: 'hours' }));
  each(DURATION, (m) => {
    // "within 30 minutes of it arriving", "within 2 hours of the release": the clock starts at an unknown event.
    if (/^\s*(?:of|after|from)\s+(?:it|its|the|your|their|them|us|receiving|getting|when|once|that|this|which|those|these)\b/i.test(clause.slice(m.index + m[0].length))) {
      parts.unknownStart = true;
      return;
    }
    const amount = num(m[2]) ?? num(m[1]);
    const unit = m[4]!.toLowerCase();
    if (amount === undefined) return;
    if (m[3] && /^(business|working|work)/i.test(m[3]) && unit.startsWith('day')) parts.businessDays = Math.ceil(amount);
    else if (m[3] && /^week/i.test(m[3]) && unit.startsWith('day')) parts.businessDays = Math.ceil(amount);
    else if (unit.startsWith('fortnight')) parts.duration = { amount: amount * 2, unit: 'weeks' };
    // "within a day or two": the window's end.
    else {
      const more = /^\s+or\s+(two|three|2|3)\b/i.exec(clause.slice(m.index + m[0].length));
      parts.duration = { amount: more ? num(more[1]) ?? amount : amount, unit: unit.startsWith('m') ? 'minutes' : unit.startsWith('h') ? 'hours' : unit.startsWith('d') ? 'days' : 'weeks' };
    }
  });
  each(BARE_BUSINESS_DAYS, (m) => {
    const n = num(m[2]) ?? num(m[1]);
    if (n !== undefined) parts.businessDays = Math.ceil(n);
  });
  each(NEXT_BUSINESS_DAY, () => (parts.businessDays = 1));
  each(DAY_AFTER_TOMORROW, (m) => date(m, today.plus({ days: 2 })));
  each(TOMORROW, (m) => date(m, today.plus({ days: 1 })));
  each(TODAY, (m) => date(m, today));
  each(END_OF_DAY, () => (parts.partOfDay ??= 'eod'));
  each(END_OF_MONTH, (m) => date(m, today.endOf('month').startOf('day')));
  each(WEEKDAY_NUMBER, (m) => {
    const day = Number(m[1]);
    if (m[2]) {
      date(m, calendarDate(clock, MONTH_INDEX[m[2].slice(0, 3).toLowerCase()]!, day));
      return;
    }
    let d = today.set({ day });
    if (!d.isValid || d.day !== day) return;
    if (d < today) d = today.plus({ months: 1 }).set({ day });
    if (d.day === day) date(m, d);
  });
  each(WEEKDAY, (m) => {
    // "Friday week": a week after the coming Friday.
    if (m[3] && /^week$/i.test(m[3]) && !m[1]) {
      date(m, weekdayDate(clock, WEEKDAY_INDEX[m[2]!.slice(0, 3).toLowerCase()]!, 'deadline').plus({ weeks: 1 }));
      return;
    }
    // "the Thursday flight" names a flight, not a day.
    if (!m[1] && !m[3] && /\b(?:the|a|an|that|every)\s+$/i.test(clause.slice(Math.max(0, m.index - 6), m.index))) return;
    date(m, weekdayDate(clock, WEEKDAY_INDEX[m[2]!.slice(0, 3).toLowerCase()]!, weekdayMode(clause, m.index, m[1], m[3])));
  });
  each(WEEKDAY_ABBR, (m) => date(m, weekdayDate(clock, WEEKDAY_INDEX[m[2]!.slice(0, 3).toLowerCase()]!, weekdayMode(clause, m.index, m[1], undefined))));
  each(NEXT_WEEK, (m) => {
    const which = (m[1] ?? '').toLowerCase();
    const monday = today.startOf('week').plus({ weeks: 1 });
    if (which === 'end of' || which === 'later' || which === 'late') date(m, monday.plus({ days: 4 }));
    else if (which === 'middle of' || which === 'mid') date(m, monday.plus({ days: 2 }));
    else date(m, monday, true);
  });
  each(THIS_WEEK, (m) => date(m, today.startOf('week').plus({ days: 4 })));
  each(ISO_DATE, (m) => date(m, calendarDate(clock, Number(m[2]), Number(m[3]), Number(m[1]))));
  each(DAY_MONTH, (m) => {
    const month = MONTH_INDEX[m[2]!.slice(0, 3).toLowerCase()];
    if (month) date(m, calendarDate(clock, month, Number(m[1]), m[3] ? Number(m[3]) : undefined));
  });
  each(MONTH_DAY, (m) => {
    const month = MONTH_INDEX[m[1]!.slice(0, 3).toLowerCase()];
    // "may" is also a verb: only "May 4" with a capital counts.
    if (month === 5 && !m[1]!.startsWith('M')) return;
    if (month) date(m, calendarDate(clock, month, Number(m[2]), m[3] ? Number(m[3]) : undefined));
  });
  each(NUMERIC_DATE, (m) => {
    // Day first except in the Americas' zones, where 3/14 is March 14.
    const us = /^America\//.test(clock.now.zoneName ?? '');
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [day, month] = us && a <= 12 ? [b, a] : [a, b];
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : undefined;
    date(m, calendarDate(clock, month, day, year));
  });
  each(ORDINAL_DAY, (m) => {
    const day = Number(m[1]);
    let d = today.set({ day });
    if (!d.isValid || d.day !== day) return;
    if (d < today) d = today.plus({ months: 1 }).set({ day });
    if (d.day === day) date(m, d);
  });
  dates.sort((x, y) => x.at - y.at);
  // "on Monday or Tuesday", "Thursday to Friday": a window of days is due at its end.
  for (let k = 0; k + 1 < dates.length; k++) {
    const a = dates[k]!;
    const b = dates[k + 1]!;
    const gap = spans.find((x) => x.start === a.at);
    if (gap && /^\s*(?:or|to|-|–|until|till)\s*$/i.test(clause.slice(gap.end, b.at)) && b.date > a.date) {
      a.date = b.date;
      a.weekStart = b.weekStart;
    }
  }
  const first = dates.find((x) => !x.describes) ?? (/\bafter (?:that|this|which)\b/i.test(clause) ? undefined : dates[0]);
  if (!first && dates.length) parts.unknownStart = true;
  if (first) {
    parts.date = first.date;
    if (first.weekStart) parts.weekStart = true;
  }
  each(WINDOW, (m) => {
    const h = hour12(Number(m[4]), m[6]);
    parts.time = { hour: h, minute: Number(m[5] ?? 0) };
  });
  each(WINDOW_BARE, (m) => {
    const start = Number(m[1]);
    const end = /^\d/.test(m[3]!) ? Number(m[3]) : 12;
    if (start < 1 || start > 12 || end < 1 || end > 12) return;
    // Working hours: 1–7 is the afternoon, and an end before the start ("10 and 2") has crossed noon.
    const hour = end <= 7 || end < start ? (end === 12 ? 12 : end + 12) : end;
    parts.time = { hour, minute: Number(m[4] ?? 0) };
  });
  each(WINDOW_24H, (m) => (parts.time = { hour: Number(m[3]), minute: Number(m[4]) }));
  each(CLOCK_12H, (m) => {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return;
    parts.time ??= { hour: hour12(h, m[3]), minute: Math.min(59, Number(m[2] ?? 0)) };
  });
  each(CLOCK_DOT, (m) => {
    const h = Number(m[1]);
    parts.time ??= { hour: m[1]!.length === 1 && h >= 1 && h <= 7 ? h + 12 : h, minute: Number(m[2]) };
  });
  each(HALF_DAY, (m) => {
    if (/^a/i.test(m[1]!)) parts.partOfDay ??= 'morning';
    else parts.partOfDay ??= 'afternoon';
  });
  each(CLOCK_24H, (m) => {
    // "I'll ring you back at 4:30": a one-digit hour from 1 to 7 in a working day is the afternoon; "04:30" is as written.
    const h = Number(m[1]);
    parts.time ??= { hour: m[1]!.length === 1 && h >= 1 && h <= 7 ? h + 12 : h, minute: Number(m[2]) };
  });
  each(OCLOCK, (m) => {
    const h = num(m[1]) ?? 0;
    // Said in a working day, "5 o'clock" is 17:00 and "9 o'clock" is 09:00.
    if (h >= 1 && h <= 12) parts.time ??= { hour: h < 8 ? h + 12 : h, minute: 0 };
  });
  each(SPOKEN_TIME, (m) => {
    const h = num(m[3]) ?? 0;
    if (h < 1 || h > 12) return;
    let hour = h < 8 ? h + 12 : h;
    let minute = m[1]!.toLowerCase() === 'half' ? 30 : 15;
    // "quarter five" is not said; "half five" is half past five.
    if (!m[2] && m[1]!.toLowerCase() !== 'half') return;
    if ((m[2] ?? '').trim().toLowerCase() === 'to') {
      hour -= 1;
      minute = 45;
    }
    parts.time ??= { hour, minute };
  });
  each(BARE_HOUR, (m) => {
    const h = Number(m[1]);
    if (h >= 1 && h <= 12) parts.time ??= { hour: h <= 7 ? h + 12 : h, minute: Math.min(59, Number(m[2] ?? 0)) };
  });
  each(NOON, () => (parts.time ??= { hour: 12, minute: 0 }));
  each(MIDNIGHT, () => (parts.time ??= { hour: 23, minute: 59 }));
  each(IN_THE_MORNING, () => {
    parts.partOfDay ??= 'morning';
    if (!parts.date && clock.now.hour >= clock.dayStart.hour) parts.date = today.plus({ days: 1 });
  });
  each(PART_OF_DAY, (m) => {
    const w = m[0].toLowerCase();
    if (w === 'first thing' || w.startsWith('start of')) parts.partOfDay ??= 'first';
    else if (w === 'morning') parts.partOfDay ??= 'morning';
    else if (w === 'afternoon' || w === 'arvo') parts.partOfDay ??= 'afternoon';
    else parts.partOfDay ??= 'evening';
  });
  // "this morning" etc. were read as today above; their part of day still counts.
  const todayPart = /\bthis (morning|afternoon|arvo|evening)\b|\btonight\b/i.exec(clause);
  if (todayPart) parts.partOfDay ??= todayPart[1]?.toLowerCase() === 'morning' ? 'morning' : /^(?:afternoon|arvo)$/i.test(todayPart[1] ?? '') ? 'afternoon' : 'evening';
  // "by 8 tonight", "at 6 this evening": a bare hour said with the evening is after noon.
  if (parts.time && parts.time.hour < 12 && parts.partOfDay === 'evening' && !/\b(?:am|a\.m\.)/i.test(clause)) parts.time = { hour: parts.time.hour + 12, minute: parts.time.minute };
  return { parts, spans: spans.sort((a, b) => a.start - b.start) };
}

function partTime(clock: Clock, part: NonNullable<DueParts['partOfDay']>): HourMinute {
  switch (part) {
    case 'first':
      return clock.dayStart;
    case 'morning':
    case 'noon':
      return { hour: 12, minute: 0 };
    case 'evening':
      return { hour: 20, minute: 0 };
    default:
      return clock.dayEnd;
  }
}

/** The due instant the parts describe, or null when they name no time. */
export function dueFromParts(parts: DueParts, clock: Clock): DateTime | null {
  if (parts.unknownStart && !parts.date && !parts.time) return null;
  if (parts.unknownStart && !parts.date && !parts.businessDays && !parts.duration && parts.partOfDay) return null;
  if (parts.businessDays !== undefined && parts.businessDays >= 1 && parts.businessDays <= 400) {
    return at(nthBusinessDay(clock, parts.businessDays), parts.time ?? clock.dayEnd);
  }
  if (parts.duration && parts.duration.amount > 0 && parts.duration.amount <= 1000) {
    const { amount, unit } = parts.duration;
    return clock.now.plus(unit === 'minutes' ? { minutes: amount } : unit === 'hours' ? { minutes: Math.round(amount * 60) } : unit === 'days' ? { hours: Math.round(amount * 24) } : { days: amount * 7 });
  }
  const time = parts.time ?? (parts.partOfDay ? partTime(clock, parts.partOfDay) : undefined);
  if (parts.date) {
    if (parts.weekStart && !parts.time && !parts.partOfDay) return at(parts.date, clock.dayStart);
    return at(parts.date, time ?? clock.dayEnd);
  }
  if (!time) return null;
  // A time with no day is today's, or tomorrow's once today's has passed.
  let d = at(clock.now.startOf('day'), time);
  if (d < clock.now) d = at(clock.now.startOf('day').plus({ days: 1 }), time);
  return d;
}

/** The due time of a promise's clause as ISO 8601 in the workspace zone, or null. */
export function resolveDue(clause: string, clock: Clock): string | null {
  const due = dueFromParts(readDue(clause, clock).parts, clock);
  return due && due.isValid ? formatInstant(due) : null;
}
