// The workspace's calendar as the due-time rules need it: "now" in the workspace zone, the business day's
// start and end, and which dates are business days.
import { DateTime } from 'luxon';
import type { CoachOptions } from './types.ts';

export type HourMinute = { hour: number; minute: number };

export type Clock = {
  now: DateTime;
  dayStart: HourMinute;
  dayEnd: HourMinute;
  isBusinessDay: (isoDate: string) => boolean;
};

function parseHourMinute(value: string | undefined, fallback: HourMinute): HourMinute {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value ?? '');
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : fallback;
}

const weekdays = (iso: string) => {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  return d.isValid && d.weekday <= 5;
};

/** Reads the options into a clock; a bad zone or date falls back to UTC / the epoch rather than throwing. */
export function makeClock(options: CoachOptions): Clock {
  const ms = options.now instanceof Date ? options.now.getTime() : NaN;
  let now = DateTime.fromMillis(Number.isFinite(ms) ? ms : 0, { zone: options.timeZone || 'UTC' });
  if (!now.isValid) now = DateTime.fromMillis(Number.isFinite(ms) ? ms : 0, { zone: 'UTC' });
  const custom = options.isBusinessDay;
  return {
    now,
    dayStart: parseHourMinute(options.dayStart, { hour: 9, minute: 0 }),
    dayEnd: parseHourMinute(options.dayEnd, { hour: 17, minute: 0 }),
    isBusinessDay: custom
      ? (iso) => {
          try {
            return Boolean(custom(iso));
          } catch {
            return weekdays(iso);
          }
        }
      : weekdays,
  };
}

/** ISO 8601 with the zone's offset at that instant ("…+00:00", never "Z"); milliseconds only when present. */
export function formatInstant(d: DateTime): string {
  return d.toFormat(d.millisecond ? "yyyy-MM-dd'T'HH:mm:ss.SSSZZ" : "yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** The date `n` business days after the clock's today (n ≥ 1), at midnight in the zone. */
export function nthBusinessDay(clock: Clock, n: number): DateTime {
  let d = clock.now.startOf('day');
  let counted = 0;
  // A year of non-business days in a row would be a broken calendar; stop rather than loop forever.
  for (let guard = 0; counted < n && guard < 366 + n * 7; guard++) {
    d = d.plus({ days: 1 });
    if (clock.isBusinessDay(d.toISODate() ?? '')) counted++;
  }
  return d;
}

/** The same date at a wall-clock time (luxon moves times that fall in a DST gap forward). */
export function at(d: DateTime, t: HourMinute): DateTime {
  return d.set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 });
}
