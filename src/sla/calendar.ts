// Business-hours arithmetic for SLA clocks. A calendar is a weekly pattern of wall-clock periods in one time zone,
// minus holidays. Each local date's periods are turned into real instants once (cached per calendar), so counting
// business time walks period by period and never asks the time-zone database in the hot path.
//
// DST rules (wall time → instant), chosen so the wall clock on the office wall decides:
// - A wall time that does not exist (spring-forward gap) means the instant the clocks jump past it: a period
//   starting at 02:30 in New York on 2026-03-08 opens at 03:00 EDT, one ending at 02:30 closes at 03:00 EDT.
//   (Luxon would push 02:30 to 03:30, which would open half an hour after the clock already shows a later time.)
// - A wall time that exists twice (fall-back overlap) means its first occurrence, for starts and ends alike: a
//   period opens, or closes, the first time the clock shows that time. (Luxon would pick the second.)
// - Business minutes are real elapsed minutes: an overnight 22:00–06:00 period spanning spring-forward lasts 7 h,
//   spanning fall-back 9 h.
import { IANAZone } from 'luxon';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** 'HH:MM' local wall times; end '24:00' is allowed; end <= start runs overnight into the next day. */
export type Period = { day: Weekday; start: string; end: string };
/** 'YYYY-MM-DD' local date: periods starting that date are closed. */
export type Holiday = { date: string; name?: string };
export type Calendar = { timeZone: string; periods: Period[]; holidays: Holiday[] };

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_PERIODS = 100;
const MAX_HOLIDAYS = 2_000;
/** Days without any opening after which a search gives up ("never opens within 3 years"). */
const HORIZON_DAYS = 3 * 366;
/** Local dates whose openings are kept per calendar; beyond this the cache starts over. */
const MAX_CACHED_DAYS = 4_000;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Open around the clock, in UTC. */
export const ALWAYS_OPEN: Calendar = Object.freeze({
  timeZone: 'UTC',
  periods: Object.freeze(([1, 2, 3, 4, 5, 6, 7] as const).map((day) => Object.freeze({ day, start: '00:00', end: '24:00' }))),
  holidays: Object.freeze([]),
}) as unknown as Calendar;

/** Minutes after midnight for 'HH:MM', or undefined; '24:00' only when allowed (period ends). */
function parseTime(text: unknown, allowEndOfDay: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return undefined;
  if (h < 24) return h * 60 + min;
  return allowEndOfDay && h === 24 && min === 0 ? 1440 : undefined;
}

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date, or undefined. */
function parseDay(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
  return ms / DAY;
}

const isoOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** ISO weekday of a day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** Every problem with a calendar, one sentence each; [] when it is valid. */
export function calendarProblems(cal: Calendar): string[] {
  const problems: string[] = [];
  if (typeof cal.timeZone !== 'string' || !IANAZone.isValidZone(cal.timeZone)) {
    problems.push(`timeZone: unknown time zone '${String(cal.timeZone)}'`);
  }
  const periods: unknown[] = Array.isArray(cal.periods) ? cal.periods : [];
  if (!Array.isArray(cal.periods)) problems.push('periods: must be a list');
  if (periods.length === 0) problems.push('the calendar is never open: it has no periods');
  if (periods.length > MAX_PERIODS) {
    problems.push(`periods: ${periods.length} periods is more than the limit of ${MAX_PERIODS}`);
  }
  // Each valid period as a span of minutes in the week (Monday 00:00 = 0), to find overlaps across midnight.
  const spans: Array<{ from: number; to: number; index: number; label: string }> = [];
  periods.forEach((raw, index) => {
    const p = (raw ?? {}) as Partial<Period>;
    const where = `periods[${index}]`;
    const dayOk = Number.isInteger(p.day) && (p.day as number) >= 1 && (p.day as number) <= 7;
    if (!dayOk) problems.push(`${where}.day: ${String(p.day)} is not a weekday (expected 1 = Monday … 7 = Sunday)`);
    const start = parseTime(p.start, false);
    const end = parseTime(p.end, true);
    if (start === undefined) problems.push(`${where}.start: '${String(p.start)}' is not a time (expected 'HH:MM', 00:00 to 23:59)`);
    if (end === undefined) problems.push(`${where}.end: '${String(p.end)}' is not a time (expected 'HH:MM', 00:00 to 24:00)`);
    if (!dayOk || start === undefined || end === undefined) return;
    if (start === end) {
      problems.push(`${where}: start and end are both '${p.start}', so the period is empty (use 00:00–24:00 for a whole day)`);
      return;
    }
    const length = end > start ? end - start : end + 1440 - start;
    const from = ((p.day as number) - 1) * 1440 + start;
    spans.push({ from, to: from + length, index, label: `${WEEKDAY_NAMES[p.day as number]} ${p.start}–${p.end}` });
  });
  spans.sort((a, b) => a.from - b.from);
  const WEEK = 7 * 1440;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      // b starts later in the week; a Sunday-night period can also wrap round into Monday's.
      if (b.from < a.to || a.from + WEEK < b.to) {
        const [first, second] = a.index < b.index ? [a, b] : [b, a];
        problems.push(`periods[${first.index}] (${first.label}) overlaps periods[${second.index}] (${second.label})`);
      }
    }
  }
  const holidays: unknown[] = Array.isArray(cal.holidays) ? cal.holidays : [];
  if (!Array.isArray(cal.holidays)) problems.push('holidays: must be a list');
  if (holidays.length > MAX_HOLIDAYS) {
    problems.push(`holidays: ${holidays.length} holidays is more than the limit of ${MAX_HOLIDAYS}`);
  }
  holidays.forEach((raw, index) => {
    const h = (raw ?? {}) as Partial<Holiday>;
    if (parseDay(h.date) === undefined) {
      problems.push(`holidays[${index}].date: '${String(h.date)}' is not a date (expected 'YYYY-MM-DD')`);
    }
  });
  return problems;
}

type Compiled = {
  zone: IANAZone;
  /** Per ISO weekday: periods as minutes after that date's midnight (end may pass 1440: overnight), by start. */
  byWeekday: Array<Array<{ start: number; end: number }>>;
  holidays: Set<number>;
  /** Local day number → its openings as [start, end, start, end, …] in epoch ms, in order. */
  days: Map<number, number[]>;
  /** UTC day number → zone offset (minutes) at its midnight (shared by the zone's calendars): a cheap first guess. */
  midnightOffsets: Map<number, number>;
};

type CacheEntry = { timeZone: string; periods: Period[]; holidays: Holiday[]; compiled: Compiled };
// Keyed by the calendar object; a changed time zone or a replaced periods/holidays list is noticed. Calendars
// are values: edit one in place (push onto its arrays) and the cache will not see it.
const cache = new WeakMap<Calendar, CacheEntry>();
// Callers that rebuild an equal calendar object per ticket (one per database row) still share one compiled
// calendar, and with it the converted dates, through its content.
const byContent = new Map<string, Compiled>();
const MAX_CONTENT_ENTRIES = 256;
// Offsets at UTC midnights depend on the zone alone, so calendars in one zone share them.
const zoneMidnights = new Map<string, Map<number, number>>();

function compiled(cal: Calendar): Compiled {
  const hit = cache.get(cal);
  if (hit && hit.timeZone === cal.timeZone && hit.periods === cal.periods && hit.holidays === cal.holidays) {
    return hit.compiled;
  }
  const key = contentKey(cal);
  let c = key === undefined ? undefined : byContent.get(key);
  if (!c) {
    c = compile(cal);
    if (key !== undefined) {
      if (byContent.size >= MAX_CONTENT_ENTRIES) byContent.clear();
      byContent.set(key, c);
    }
  }
  cache.set(cal, { timeZone: cal.timeZone, periods: cal.periods, holidays: cal.holidays, compiled: c });
  return c;
}

/** What makes two calendars the same (holiday names do not); undefined for shapes that cannot be valid. */
function contentKey(cal: Calendar): string | undefined {
  if (!Array.isArray(cal.periods) || !Array.isArray(cal.holidays)) return undefined;
  let key = `${cal.timeZone}|`;
  for (const p of cal.periods) key += `${p?.day} ${p?.start} ${p?.end},`;
  key += '|';
  for (const h of cal.holidays) key += `${h?.date},`;
  return key;
}

function compile(cal: Calendar): Compiled {
  const problems = calendarProblems(cal);
  if (problems.length > 0) throw new RangeError(`invalid calendar: ${problems.join('; ')}`);
  const byWeekday: Compiled['byWeekday'] = [[], [], [], [], [], [], [], []];
  for (const p of cal.periods) {
    const start = parseTime(p.start, false)!;
    const end = parseTime(p.end, true)!;
    byWeekday[p.day]!.push({ start, end: end > start ? end : end + 1440 });
  }
  for (const list of byWeekday) list.sort((a, b) => a.start - b.start);
  let midnightOffsets = zoneMidnights.get(cal.timeZone);
  if (!midnightOffsets) zoneMidnights.set(cal.timeZone, (midnightOffsets = new Map()));
  return {
    zone: IANAZone.create(cal.timeZone),
    byWeekday,
    holidays: new Set(cal.holidays.map((h) => parseDay(h.date)!)),
    days: new Map(),
    midnightOffsets,
  };
}

function midnightOffset(c: Compiled, utcDay: number): number {
  let offset = c.midnightOffsets.get(utcDay);
  if (offset === undefined) {
    offset = c.zone.offset(utcDay * DAY);
    if (c.midnightOffsets.size >= MAX_CACHED_DAYS) c.midnightOffsets.clear();
    c.midnightOffsets.set(utcDay, offset);
  }
  return offset;
}

/** The instant of a local wall time (minutes after the local midnight of `day`), by the DST rules above. */
function wallToInstant(c: Compiled, day: number, minutes: number): number {
  const local = day * DAY + minutes * MINUTE;
  const utcDay = Math.floor(local / DAY);
  // Any instant showing this wall time lies within 14 h of `local`; offsets a day either side cover the change.
  const before = midnightOffset(c, utcDay - 1);
  const after = midnightOffset(c, utcDay + 2);
  let best = Infinity;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = local - offset * MINUTE;
    if (t < best && c.zone.offset(t) === offset) best = t;
  }
  if (best !== Infinity) return best;
  // In a gap: the wall time is skipped. Find the jump between the two readings by bisection.
  let lo = local - Math.max(before, after) * MINUTE;
  let hi = local - Math.min(before, after) * MINUTE;
  const loOffset = c.zone.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (c.zone.offset(mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The openings of periods starting on a local date, as [start, end, …] epoch ms (cached). */
function openingsOn(c: Compiled, day: number): number[] {
  const known = c.days.get(day);
  if (known) return known;
  const list: number[] = [];
  if (!c.holidays.has(day)) {
    for (const p of c.byWeekday[weekdayOf(day)]!) {
      const start = wallToInstant(c, day, p.start);
      const end = wallToInstant(c, day, p.end);
      // A period wholly inside a skipped hour has no real time that day.
      if (end > start) list.push(start, end);
    }
  }
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(day, list);
  return list;
}

/** The first local day whose openings can reach instant t (offsets stay within ±15 h, periods within 2 days). */
const firstDayReaching = (t: number) => Math.floor(t / DAY) - 3;

function instant(at: Date, name: string): number {
  const t = at instanceof Date ? at.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${name}: not a valid date`);
  return t;
}

/** Whether the calendar is open at an instant (periods are half-open: open at start, closed at end). */
export function isOpen(cal: Calendar, at: Date): boolean {
  const c = compiled(cal);
  const t = instant(at, 'at');
  const last = Math.floor(t / DAY) + 1;
  for (let day = firstDayReaching(t); day <= last; day++) {
    const list = openingsOn(c, day);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i]! <= t && t < list[i + 1]!) return true;
    }
  }
  return false;
}

/** The next instant the calendar is open: `at` itself when open. Throws RangeError if it never opens within 3 years. */
export function nextOpen(cal: Calendar, at: Date): Date {
  return addBusinessMinutes(cal, at, 0);
}

/** The instant when `minutes` of open time have elapsed from `from` (counting starts at the next opening). */
export function addBusinessMinutes(cal: Calendar, from: Date, minutes: number): Date {
  const c = compiled(cal);
  const t0 = instant(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes: expected a number >= 0, got ${minutes}`);
  let remaining = Math.round(minutes * MINUTE);
  let idle = 0;
  for (let day = firstDayReaching(t0); ; day++) {
    const list = openingsOn(c, day);
    if (list.length === 0) {
      if (++idle > HORIZON_DAYS) throw new RangeError(`the calendar is not open at all in the 3 years after ${isoOfDay(day - idle)}`);
      continue;
    }
    idle = 0;
    for (let i = 0; i < list.length; i += 2) {
      const end = list[i + 1]!;
      if (end <= t0) continue;
      const start = Math.max(list[i]!, t0);
      // `<=`: time running out exactly at a period's end gives that end, not the next opening.
      if (remaining <= end - start) return new Date(start + remaining);
      remaining -= end - start;
    }
  }
}

/** Open minutes in [from, to); 0 when to <= from. Fractional when the instants are not whole minutes apart. */
export function businessMinutesBetween(cal: Calendar, from: Date, to: Date): number {
  const c = compiled(cal);
  const t0 = instant(from, 'from');
  const t1 = instant(to, 'to');
  if (t1 <= t0) return 0;
  let total = 0;
  const last = Math.floor(t1 / DAY) + 1;
  for (let day = firstDayReaching(t0); day <= last; day++) {
    const list = openingsOn(c, day);
    for (let i = 0; i < list.length; i += 2) {
      const start = Math.max(list[i]!, t0);
      const end = Math.min(list[i + 1]!, t1);
      if (end > start) total += end - start;
    }
  }
  return total / MINUTE;
}

/** Whether a date counts as a business day: some period starts on it and it is not a holiday. */
function businessDay(c: Compiled, day: number): boolean {
  return !c.holidays.has(day) && c.byWeekday[weekdayOf(day)]!.length > 0;
}

/** Local wall time `atTime` on the `days`-th business day after from's local date (days = 0: that date itself). */
export function addBusinessDays(cal: Calendar, from: Date, days: number, atTime: string): Date {
  const c = compiled(cal);
  const t0 = instant(from, 'from');
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days: expected a whole number >= 0, got ${days}`);
  const minutes = parseTime(atTime, true);
  if (minutes === undefined) throw new RangeError(`atTime: '${atTime}' is not a time (expected 'HH:MM')`);
  let day = localDay(c, t0);
  let idle = 0;
  for (let found = 0; found < days; ) {
    day++;
    if (businessDay(c, day)) {
      found++;
      idle = 0;
    } else if (++idle > HORIZON_DAYS) {
      throw new RangeError(`the calendar has no business day in the 3 years after ${isoOfDay(day - idle)}`);
    }
  }
  return new Date(wallToInstant(c, day, minutes));
}

function localDay(c: Compiled, t: number): number {
  return Math.floor((t + c.zone.offset(t) * MINUTE) / DAY);
}

/** The 'YYYY-MM-DD' date of an instant in the calendar's time zone. */
export function localDate(cal: Calendar, at: Date): string {
  return isoOfDay(localDay(compiled(cal), instant(at, 'at')));
}

/** Whether a 'YYYY-MM-DD' date is a business day: some period starts on it and it is not a holiday. */
export function isBusinessDay(cal: Calendar, isoDate: string): boolean {
  const day = parseDay(isoDate);
  if (day === undefined) throw new RangeError(`isoDate: '${isoDate}' is not a date (expected 'YYYY-MM-DD')`);
  return businessDay(compiled(cal), day);
}
