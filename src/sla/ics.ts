// Holiday import from iCalendar (.ics) feeds, such as a government's bank-holiday calendar. Only dates matter:
// an all-day event closes each date it covers; a timed event closes the date it starts on, read as written in
// the event (its own TZID wall date, or the UTC date for a 'Z' time), since the feed knows nothing of our zone.
import ICAL from 'ical.js';
import type { Holiday } from './calendar.ts';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

const DAY = 86_400_000;
/** Occurrences expanded per recurring event before giving up (a daily rule from 1900 would be 45,000). */
const MAX_OCCURRENCES = 100_000;

/** Holidays from .ics text within a date range (default: last year to 3 years ahead), one per date, by date. */
export function holidaysFromIcs(text: string, range?: { from: string; to: string }): Holiday[] {
  const { from, to } = range ?? defaultRange(new Date());
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  if (fromDay === undefined || toDay === undefined || fromDay > toDay) {
    throw new RangeError(`range: expected 'YYYY-MM-DD' dates with from <= to, got ${from} to ${to}`);
  }
  const names = new Map<number, string[]>();
  const mark = (day: number, name: string) => {
    if (day < fromDay || day > toDay) return;
    const list = names.get(day) ?? [];
    if (name && !list.includes(name)) list.push(name);
    names.set(day, list);
  };
  for (const vevent of calendarEvents(text)) {
    const summary = String(vevent.getFirstPropertyValue('summary') ?? '').trim() || '(untitled)';
    try {
      forEachOccurrence(vevent, toDay, (event, start, end) => {
        if (String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
        const name = event.summary?.trim() ?? '';
        const first = dayOfTime(start);
        // All-day events cover start to end (exclusive); timed ones count for their start date only.
        const last = start.isDate && end && dayOfTime(end) > first ? dayOfTime(end) - 1 : first;
        for (let day = Math.max(first, fromDay); day <= Math.min(last, toDay); day++) mark(day, name);
      });
    } catch (err) {
      throw new Error(`not valid iCalendar: event '${summary}': ${(err as Error).message}`);
    }
  }
  return [...names.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, list]) => (list.length > 0 ? { date: isoOfDay(day), name: list.join(' / ') } : { date: isoOfDay(day) }));
}

/** Every VEVENT in the text's VCALENDAR(s); throws a clear Error for text that is not iCalendar. */
function calendarEvents(text: string): Component[] {
  if (typeof text !== 'string') throw new Error('not iCalendar: expected text');
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!/^BEGIN:VCALENDAR\r?\n/i.test(body)) {
    throw new Error(`not iCalendar: the text should start with BEGIN:VCALENDAR, it starts with '${body.slice(0, 30)}'`);
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(body);
  } catch (err) {
    throw new Error(`not valid iCalendar: ${(err as Error).message}`);
  }
  // One component comes back as ['vcalendar', …]; several concatenated as a list of them.
  const roots = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])) ?? [];
  const events: Component[] = [];
  for (const jcal of roots) {
    const root = new ICAL.Component(jcal as ConstructorParameters<typeof ICAL.Component>[0]);
    if (root.name !== 'vcalendar') throw new Error(`not iCalendar: found a ${root.name.toUpperCase()} instead of a VCALENDAR`);
    events.push(...root.getAllSubcomponents('vevent'));
  }
  return events;
}

/** Calls visit for each occurrence starting on or before toDay, with overrides (RECURRENCE-ID) applied. */
function forEachOccurrence(vevent: Component, toDay: number, visit: (event: Event, start: Time, end: Time | null) => void) {
  const uid = vevent.getFirstPropertyValue('uid');
  const siblings = vevent.parent ? vevent.parent.getAllSubcomponents('vevent') : [];
  const sameUid = (other: Component) => uid !== null && other.getFirstPropertyValue('uid') === uid;
  if (vevent.hasProperty('recurrence-id')) {
    // An override is visited through its series; without one in the file it stands alone.
    if (siblings.some((other) => sameUid(other) && !other.hasProperty('recurrence-id'))) return;
    const single = new ICAL.Event(vevent, { exceptions: [] });
    visit(single, single.startDate, single.endDate);
    return;
  }
  // Relate overrides explicitly: left to itself ical.js relates every override in the file, whatever its UID.
  const exceptions = siblings.filter((other) => other !== vevent && sameUid(other) && other.hasProperty('recurrence-id'));
  const event = new ICAL.Event(vevent, { strictExceptions: true, exceptions });
  if (!event.startDate) throw new Error('it has no DTSTART');
  if (!event.isRecurring()) {
    visit(event, event.startDate, event.endDate);
    return;
  }
  const occurrences = event.iterator();
  let count = 0;
  for (let next = occurrences.next(); next; next = occurrences.next()) {
    if (dayOfTime(next) > toDay) break;
    if (++count > MAX_OCCURRENCES) throw new Error(`its recurrence has more than ${MAX_OCCURRENCES} occurrences before the end of the range`);
    const details = event.getOccurrenceDetails(next);
    visit(details.item, details.startDate, details.endDate);
  }
}

function defaultRange(now: Date): { from: string; to: string } {
  const year = now.getUTCFullYear();
  return { from: `${year - 1}-01-01`, to: `${year + 3}-12-31` };
}

function dayNumber(iso: string): number | undefined {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) return undefined;
  return ms / DAY;
}

/** The date a Time shows, as written (no zone conversion). */
const dayOfTime = (t: Time) => Date.UTC(t.year, t.month - 1, t.day) / DAY;
const isoOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
