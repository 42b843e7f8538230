import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  ALWAYS_OPEN,
  addBusinessDays,
  addBusinessMinutes,
  businessMinutesBetween,
  calendarProblems,
  isBusinessDay,
  isOpen,
  localDate,
  nextOpen,
  type Calendar,
  type Period,
  type Weekday,
} from './calendar.ts';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const on = (days: Weekday[], start: string, end: string): Period[] => days.map((day) => ({ day, start, end }));
const cal = (timeZone: string, periods: Period[], holidays: string[] = []): Calendar => ({
  timeZone,
  periods,
  holidays: holidays.map((date) => ({ date })),
});
const d = (iso: string) => new Date(iso);

const officeUtc = cal('UTC', on(WEEKDAYS, '09:00', '17:00'));
const splitUtc = cal('UTC', [...on(WEEKDAYS, '09:00', '12:00'), ...on(WEEKDAYS, '13:00', '17:00')]);
const fridayNight = cal('UTC', on([5], '22:00', '06:00'));
const lateShift = cal('UTC', [...on([1], '18:00', '24:00'), ...on([2], '00:00', '02:00')]);
const londonEaster = cal('Europe/London', on(WEEKDAYS, '09:00', '17:00'), ['2026-04-03']);
const nightly = (tz: string) => cal(tz, on(EVERY_DAY, '22:00', '06:00'));
const daily = (tz: string) => cal(tz, on(EVERY_DAY, '09:00', '17:00'));

// Each row: calendar, from, business minutes → the instant they run out (worked out by hand, in UTC).
const rows: Array<[string, Calendar, string, number, string]> = [
  ['inside a period', officeUtc, '2026-01-05T10:00Z', 30, '2026-01-05T10:30Z'],
  ['before opening, zero minutes: the opening', officeUtc, '2026-01-05T07:00Z', 0, '2026-01-05T09:00Z'],
  ['before opening', officeUtc, '2026-01-05T07:00Z', 60, '2026-01-05T10:00Z'],
  ['after closing: next day', officeUtc, '2026-01-05T18:00Z', 30, '2026-01-06T09:30Z'],
  ['ends exactly at closing: the closing, not the next opening', officeUtc, '2026-01-05T16:00Z', 60, '2026-01-05T17:00Z'],
  ['at closing, zero minutes: next opening', officeUtc, '2026-01-05T17:00Z', 0, '2026-01-06T09:00Z'],
  ['over the weekend', officeUtc, '2026-01-09T16:30Z', 60, '2026-01-12T09:30Z'],
  ['10,000 minutes: 20 days of 480, then 400', officeUtc, '2026-01-05T09:00Z', 10_000, '2026-02-02T15:40Z'],
  ['two periods a day: over lunch', splitUtc, '2026-01-05T11:00Z', 90, '2026-01-05T13:30Z'],
  ['two periods a day: ends at the lunch break', splitUtc, '2026-01-05T11:00Z', 60, '2026-01-05T12:00Z'],
  ['two periods a day: from lunch', splitUtc, '2026-01-05T12:30Z', 0, '2026-01-05T13:00Z'],
  ['two periods a day: 10,000 minutes (23 days of 420, then 340)', splitUtc, '2026-01-05T09:00Z', 10_000, '2026-02-05T15:40Z'],
  ['overnight Friday: before it', fridayNight, '2026-01-09T21:00Z', 60, '2026-01-09T23:00Z'],
  ['overnight Friday: ends at Saturday 06:00', fridayNight, '2026-01-09T21:00Z', 480, '2026-01-10T06:00Z'],
  ['overnight Friday: one more minute is next Friday', fridayNight, '2026-01-09T21:00Z', 481, '2026-01-16T22:01Z'],
  ['overnight Friday: from Saturday inside it', fridayNight, '2026-01-10T03:00Z', 60, '2026-01-10T04:00Z'],
  ['24:00 end then 00:00 start', lateShift, '2026-01-05T23:00Z', 120, '2026-01-06T01:00Z'],
  ['24:00 end: ends at Tuesday 02:00', lateShift, '2026-01-05T17:00Z', 480, '2026-01-06T02:00Z'],
  ['24:00 end: a week later', lateShift, '2026-01-05T17:00Z', 481, '2026-01-12T18:01Z'],
  ['24×7', ALWAYS_OPEN, '2026-01-05T10:17Z', 10_000, '2026-01-12T08:57Z'],
  ['24×7, zero minutes', ALWAYS_OPEN, '2026-01-05T10:17Z', 0, '2026-01-05T10:17Z'],
  ['holiday on the Friday before a weekend (16:00 BST Thursday)', londonEaster, '2026-04-02T15:00Z', 120, '2026-04-06T09:00Z'],
  ['holiday closes periods starting that date only', cal('UTC', on([4], '22:00', '06:00'), ['2026-01-09']), '2026-01-08T23:00Z', 420, '2026-01-09T06:00Z'],
  ['holiday on the overnight start date', cal('UTC', on([4], '22:00', '06:00'), ['2026-01-08']), '2026-01-08T23:00Z', 60, '2026-01-15T23:00Z'],
  // DST: an overnight 22:00–06:00 period spanning the change is 7 real hours in spring and 9 in autumn.
  ['London spring forward: 22:00 GMT to 06:00 BST is 420', nightly('Europe/London'), '2026-03-28T22:00Z', 420, '2026-03-29T05:00Z'],
  ['London spring forward: the next night', nightly('Europe/London'), '2026-03-28T22:00Z', 421, '2026-03-29T21:01Z'],
  ['London fall back: 22:00 BST to 06:00 GMT is 540', nightly('Europe/London'), '2026-10-24T21:00Z', 540, '2026-10-25T06:00Z'],
  ['London fall back: the next night', nightly('Europe/London'), '2026-10-24T21:00Z', 541, '2026-10-25T22:01Z'],
  ['Berlin spring forward', nightly('Europe/Berlin'), '2026-03-28T21:00Z', 420, '2026-03-29T04:00Z'],
  ['Berlin fall back', nightly('Europe/Berlin'), '2026-10-24T20:00Z', 540, '2026-10-25T05:00Z'],
  ['New York spring forward', nightly('America/New_York'), '2026-03-08T03:00Z', 420, '2026-03-08T10:00Z'],
  ['New York fall back', nightly('America/New_York'), '2026-11-01T02:00Z', 540, '2026-11-01T11:00Z'],
  ['New York day periods across spring forward', daily('America/New_York'), '2026-03-07T21:00Z', 120, '2026-03-08T14:00Z'],
  ['New York day periods across fall back', daily('America/New_York'), '2026-10-31T20:00Z', 120, '2026-11-01T15:00Z'],
  ['Berlin day period on spring-forward Sunday is 8 real hours', daily('Europe/Berlin'), '2026-03-29T07:00Z', 480, '2026-03-29T15:00Z'],
];

test('addBusinessMinutes: table', () => {
  for (const [name, calendar, from, minutes, expected] of rows) {
    assert.equal(addBusinessMinutes(calendar, d(from), minutes).toISOString(), d(expected).toISOString(), name);
  }
});

test('businessMinutesBetween gives back the minutes of each table row', () => {
  for (const [name, calendar, from, minutes, expected] of rows) {
    assert.equal(businessMinutesBetween(calendar, d(from), d(expected)), minutes, name);
  }
});

test('a wall time that does not exist opens or closes when the clocks jump past it', () => {
  // 02:30 does not exist in New York on 2026-03-08: the period runs 03:00–04:00 EDT, 60 real minutes.
  const ny = cal('America/New_York', on([7], '02:30', '04:00'));
  assert.equal(nextOpen(ny, d('2026-03-08T05:00Z')).toISOString(), '2026-03-08T07:00:00.000Z');
  assert.equal(businessMinutesBetween(ny, d('2026-03-08T05:00Z'), d('2026-03-08T09:00Z')), 60);
  assert.equal(businessMinutesBetween(ny, d('2026-03-15T04:00Z'), d('2026-03-15T10:00Z')), 90, 'an ordinary Sunday');
  // London skips 01:00–02:00 on 2026-03-29.
  const london = cal('Europe/London', on([7], '01:30', '03:00'));
  assert.equal(nextOpen(london, d('2026-03-29T00:00Z')).toISOString(), '2026-03-29T01:00:00.000Z');
  assert.equal(businessMinutesBetween(london, d('2026-03-29T00:00Z'), d('2026-03-29T04:00Z')), 60);
  // An overnight period ending in Berlin's skipped hour closes at 03:00 CEST.
  const berlin = cal('Europe/Berlin', on([6], '23:00', '02:30'));
  assert.equal(addBusinessMinutes(berlin, d('2026-03-28T22:00Z'), 180).toISOString(), '2026-03-29T01:00:00.000Z');
  assert.equal(isOpen(berlin, d('2026-03-29T01:00Z')), false);
  assert.equal(businessMinutesBetween(berlin, d('2026-03-28T20:00Z'), d('2026-03-29T12:00Z')), 180);
  // A period wholly inside the skipped hour has no time that day.
  const skipped = cal('Europe/Berlin', on([7], '02:15', '02:45'));
  assert.equal(businessMinutesBetween(skipped, d('2026-03-29T00:00Z'), d('2026-03-29T23:00Z')), 0);
  assert.equal(nextOpen(skipped, d('2026-03-29T00:00Z')).toISOString(), '2026-04-05T00:15:00.000Z');
});

test('a wall time that exists twice means its first occurrence', () => {
  // 01:00–02:00 happens twice in New York on 2026-11-01: first EDT (05:00Z–06:00Z), then EST (06:00Z–07:00Z).
  const opens = cal('America/New_York', on([7], '01:30', '03:00'));
  assert.equal(nextOpen(opens, d('2026-11-01T04:00Z')).toISOString(), '2026-11-01T05:30:00.000Z');
  assert.equal(businessMinutesBetween(opens, d('2026-11-01T04:00Z'), d('2026-11-01T12:00Z')), 150);
  const closes = cal('America/New_York', on([6], '22:00', '01:30'));
  assert.equal(addBusinessMinutes(closes, d('2026-11-01T02:00Z'), 210).toISOString(), '2026-11-01T05:30:00.000Z');
  assert.equal(isOpen(closes, d('2026-11-01T05:15Z')), true, '01:15 EDT');
  assert.equal(isOpen(closes, d('2026-11-01T06:15Z')), false, '01:15 EST, the second time round');
  const london = cal('Europe/London', on([7], '01:30', '02:30'));
  assert.equal(nextOpen(london, d('2026-10-25T00:00Z')).toISOString(), '2026-10-25T00:30:00.000Z');
  assert.equal(businessMinutesBetween(london, d('2026-10-25T00:00Z'), d('2026-10-25T04:00Z')), 120);
});

test('isOpen and nextOpen at the edges of periods', () => {
  assert.equal(isOpen(officeUtc, d('2026-01-05T09:00Z')), true);
  assert.equal(isOpen(officeUtc, d('2026-01-05T16:59:59.999Z')), true);
  assert.equal(isOpen(officeUtc, d('2026-01-05T17:00Z')), false);
  assert.equal(isOpen(officeUtc, d('2026-01-10T12:00Z')), false, 'Saturday');
  assert.equal(isOpen(fridayNight, d('2026-01-10T05:59Z')), true, 'Saturday morning, inside the Friday night');
  assert.equal(isOpen(londonEaster, d('2026-04-03T10:00Z')), false, 'Good Friday');
  assert.equal(isOpen(ALWAYS_OPEN, d('2031-07-19T03:04Z')), true);
  assert.equal(nextOpen(officeUtc, d('2026-01-05T12:34Z')).toISOString(), '2026-01-05T12:34:00.000Z');
  assert.equal(nextOpen(londonEaster, d('2026-04-02T17:00Z')).toISOString(), '2026-04-06T08:00:00.000Z');
  assert.equal(businessMinutesBetween(officeUtc, d('2026-01-06T00:00Z'), d('2026-01-05T00:00Z')), 0);
  assert.equal(businessMinutesBetween(officeUtc, d('2026-01-05T09:00:30Z'), d('2026-01-05T09:01Z')), 0.5);
});

test('addBusinessDays: the n-th business day at a local time', () => {
  const easter = cal('Europe/London', on(WEEKDAYS, '09:00', '17:00'), ['2026-04-03', '2026-04-06']);
  assert.equal(addBusinessDays(easter, d('2026-04-02T09:00Z'), 3, '17:00').toISOString(), '2026-04-09T16:00:00.000Z');
  assert.equal(addBusinessDays(easter, d('2026-04-02T09:00Z'), 0, '17:00').toISOString(), '2026-04-02T16:00:00.000Z');
  // 22:00 EST Monday is already Tuesday in UTC; the local date decides.
  const ny = cal('America/New_York', on(WEEKDAYS, '09:00', '17:00'));
  assert.equal(addBusinessDays(ny, d('2026-01-06T03:00Z'), 1, '17:00').toISOString(), '2026-01-06T22:00:00.000Z');
  assert.equal(addBusinessDays(ny, d('2026-01-09T15:00Z'), 1, '09:00').toISOString(), '2026-01-12T14:00:00.000Z');
  assert.equal(addBusinessDays(daily('America/New_York'), d('2026-03-07T15:00Z'), 1, '02:30').toISOString(), '2026-03-08T07:00:00.000Z');
  assert.throws(() => addBusinessDays(ny, d('2026-01-06T03:00Z'), 1, '5pm'), RangeError);
  assert.throws(() => addBusinessDays(ny, d('2026-01-06T03:00Z'), -1, '17:00'), RangeError);
});

test('localDate and isBusinessDay use the calendar zone', () => {
  assert.equal(localDate(cal('America/New_York', on(WEEKDAYS, '09:00', '17:00')), d('2026-01-06T03:00Z')), '2026-01-05');
  assert.equal(localDate(cal('Pacific/Kiritimati', on(WEEKDAYS, '09:00', '17:00')), d('2026-01-05T12:00Z')), '2026-01-06');
  assert.equal(isBusinessDay(londonEaster, '2026-04-02'), true);
  assert.equal(isBusinessDay(londonEaster, '2026-04-03'), false, 'holiday');
  assert.equal(isBusinessDay(londonEaster, '2026-04-04'), false, 'Saturday');
  assert.equal(isBusinessDay(fridayNight, '2026-01-09'), true, 'the Friday the night starts on');
  assert.equal(isBusinessDay(fridayNight, '2026-01-10'), false);
  assert.throws(() => isBusinessDay(londonEaster, '2026-02-30'), RangeError);
});

test('a calendar that never opens within 3 years throws RangeError', () => {
  const mondays = (weeks: number) => Array.from({ length: weeks }, (_, i) => new Date(Date.UTC(2026, 0, 5) + i * 7 * 86_400_000).toISOString().slice(0, 10));
  const blocked = cal('UTC', on([1], '09:00', '17:00'), mondays(170));
  assert.throws(() => addBusinessMinutes(blocked, d('2026-01-01T00:00Z'), 10), RangeError);
  assert.throws(() => nextOpen(blocked, d('2026-01-01T00:00Z')), RangeError);
  assert.throws(() => addBusinessDays(blocked, d('2026-01-01T00:00Z'), 1, '09:00'), RangeError);
  const late = cal('UTC', on([1], '09:00', '17:00'), mondays(150));
  const firstOpenMonday = Date.UTC(2026, 0, 5) + 150 * 7 * 86_400_000;
  assert.equal(addBusinessMinutes(late, d('2026-01-01T00:00Z'), 10).getTime(), firstOpenMonday + (9 * 60 + 10) * 60_000);
});

test('the per-calendar cache notices a replaced time zone or holiday list', () => {
  const c = cal('UTC', on(WEEKDAYS, '09:00', '17:00'));
  assert.equal(addBusinessMinutes(c, d('2026-01-08T16:00Z'), 120).toISOString(), '2026-01-09T10:00:00.000Z');
  c.holidays = [{ date: '2026-01-09' }];
  assert.equal(addBusinessMinutes(c, d('2026-01-08T16:00Z'), 120).toISOString(), '2026-01-12T10:00:00.000Z');
  c.timeZone = 'America/New_York';
  assert.equal(addBusinessMinutes(c, d('2026-01-08T16:00Z'), 120).toISOString(), '2026-01-08T18:00:00.000Z');
  // An equal calendar built afresh (as from a database row) gives the same answers.
  const again = cal('America/New_York', on(WEEKDAYS, '09:00', '17:00'), ['2026-01-09']);
  assert.equal(addBusinessMinutes(again, d('2026-01-08T21:00Z'), 120).toISOString(), '2026-01-12T15:00:00.000Z');
  const other = cal('America/New_York', on(WEEKDAYS, '09:00', '17:00'), ['2026-01-12']);
  assert.equal(addBusinessMinutes(other, d('2026-01-08T21:00Z'), 120).toISOString(), '2026-01-09T15:00:00.000Z');
});

test('bad arguments throw RangeError', () => {
  assert.throws(() => addBusinessMinutes(officeUtc, d('2026-01-05T00:00Z'), -1), RangeError);
  assert.throws(() => addBusinessMinutes(officeUtc, d('2026-01-05T00:00Z'), Number.NaN), RangeError);
  assert.throws(() => addBusinessMinutes(officeUtc, new Date('nonsense'), 1), RangeError);
  assert.throws(() => isOpen(cal('Mars/Base', on(WEEKDAYS, '09:00', '17:00')), d('2026-01-05T00:00Z')), /unknown time zone/);
});

test('calendarProblems: one sentence per problem', () => {
  const problems = (c: Calendar) => calendarProblems(c);
  assert.deepEqual(problems(officeUtc), []);
  assert.deepEqual(problems(ALWAYS_OPEN), []);
  assert.deepEqual(problems(lateShift), [], 'a 24:00 end touching a 00:00 start');
  assert.deepEqual(problems(splitUtc), []);
  assert.deepEqual(problems(cal('UTC', [...on([1], '09:00', '12:00'), ...on([1], '12:00', '17:00')])), [], 'touching');
  assert.deepEqual(problems(nightly('Europe/Berlin')), [], 'each night ends before the next starts');
  assert.deepEqual(problems(cal('Mars/Base', on([1], '09:00', '17:00'))), ["timeZone: unknown time zone 'Mars/Base'"]);
  assert.deepEqual(problems(cal('UTC', [])), ['the calendar is never open: it has no periods']);

  const badTimes = problems(cal('UTC', [
    { day: 1, start: '9:00', end: '17:00' },
    { day: 2, start: '24:00', end: '24:00' },
    { day: 3, start: '09:00', end: '12:60' },
    { day: 4, start: '09:00', end: '09:00' },
    { day: 8 as Weekday, start: '09:00', end: '17:00' },
  ]));
  assert.deepEqual(badTimes.map((p) => p.split(':')[0]), [
    'periods[0].start',
    'periods[1].start',
    'periods[2].end',
    'periods[3]',
    'periods[4].day',
  ]);
  assert.match(badTimes[3]!, /start and end are both '09:00'/);

  assert.deepEqual(problems(cal('UTC', [...on([1], '09:00', '17:00'), ...on([1], '12:00', '13:00')])), [
    'periods[0] (Monday 09:00–17:00) overlaps periods[1] (Monday 12:00–13:00)',
  ]);
  assert.deepEqual(problems(cal('UTC', [...on([1], '22:00', '06:00'), ...on([2], '05:00', '09:00')])), [
    'periods[0] (Monday 22:00–06:00) overlaps periods[1] (Tuesday 05:00–09:00)',
  ]);
  assert.deepEqual(problems(cal('UTC', [...on([1], '05:00', '09:00'), ...on([7], '22:00', '06:00')])), [
    'periods[0] (Monday 05:00–09:00) overlaps periods[1] (Sunday 22:00–06:00)',
  ], 'Sunday night runs into Monday');

  assert.deepEqual(problems(cal('UTC', on([1], '09:00', '17:00'), ['2026-02-30', '2026/01/01', '2026-01-01'])), [
    "holidays[0].date: '2026-02-30' is not a date (expected 'YYYY-MM-DD')",
    "holidays[1].date: '2026/01/01' is not a date (expected 'YYYY-MM-DD')",
  ]);
  const manyHolidays = Array.from({ length: 2001 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
  assert.deepEqual(problems(cal('UTC', on([1], '09:00', '17:00'), manyHolidays)), [
    'holidays: 2001 holidays is more than the limit of 2000',
  ]);
  const manyPeriods = Array.from({ length: 101 }, (_, i): Period => ({ day: ((i % 7) + 1) as Weekday, start: `${String(Math.floor(i / 7)).padStart(2, '0')}:00`, end: `${String(Math.floor(i / 7)).padStart(2, '0')}:30` }));
  assert.deepEqual(problems(cal('UTC', manyPeriods)), ['periods: 101 periods is more than the limit of 100']);
});

/** Small seeded generator (mulberry32) so a failing case can be replayed. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const propertyCalendars: Calendar[] = [
  cal('Europe/London', on(WEEKDAYS, '09:00', '17:00'), ['2026-04-03', '2026-04-06', '2026-12-25', '2026-12-28']),
  cal('America/New_York', [...on(WEEKDAYS, '09:00', '12:00'), ...on(WEEKDAYS, '13:00', '17:00')], ['2026-11-26']),
  nightly('Europe/Berlin'),
  cal('Australia/Lord_Howe', [...on([1, 3, 5], '01:00', '03:00'), ...on([6], '20:00', '02:30')]), // 30-minute DST
  cal('Asia/Kathmandu', [...on([7], '10:00', '24:00'), ...on([1], '00:00', '04:00')]),
  ALWAYS_OPEN,
];
// Instants across 2026–2027, with a share packed round the EU and US clock changes.
const transitions = ['2026-03-08T07:00Z', '2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-11-01T06:00Z', '2026-04-04T15:00Z', '2026-10-03T16:00Z'].map((s) => d(s).getTime());
function randomInstant(rand: () => number): Date {
  if (rand() < 0.4) return new Date(transitions[Math.floor(rand() * transitions.length)]! + Math.round((rand() - 0.5) * 3 * 86_400_000));
  return new Date(d('2026-01-01T00:00Z').getTime() + Math.round(rand() * 730 * 86_400_000));
}

test('property: addBusinessMinutes and businessMinutesBetween agree (seeded, 600 cases)', () => {
  const rand = seeded(4);
  for (let i = 0; i < 600; i++) {
    const calendar = propertyCalendars[i % propertyCalendars.length]!;
    const from = randomInstant(rand);
    const minutes = Math.floor(rand() * 20_160);
    const due = addBusinessMinutes(calendar, from, minutes);
    const label = `case ${i}: ${calendar.timeZone} from ${from.toISOString()} + ${minutes}`;
    assert.equal(businessMinutesBetween(calendar, from, due), minutes, label);
    assert.ok(due.getTime() >= from.getTime(), label);
    if (minutes > 0) assert.ok(isOpen(calendar, new Date(due.getTime() - 1)), `${label}: open just before the due time`);
    // The other way round: the open time up to any instant brings addBusinessMinutes no later than that instant.
    const to = new Date(from.getTime() + Math.round(rand() * 21 * 86_400_000));
    const open = businessMinutesBetween(calendar, from, to);
    const reached = addBusinessMinutes(calendar, from, open);
    if (open === 0) {
      assert.ok(reached.getTime() >= to.getTime(), `${label}: nothing open before ${to.toISOString()}`);
    } else {
      assert.ok(reached.getTime() <= to.getTime(), label);
      assert.equal(businessMinutesBetween(calendar, reached, to), 0, label);
    }
  }
});

/** Independent check: is the wall clock inside a period, read straight from luxon, minute by minute. */
function wallClockOpen(calendar: Calendar, t: number): boolean {
  const here = DateTime.fromMillis(t, { zone: calendar.timeZone });
  const wall = here.hour * 60 + here.minute;
  const yesterday = here.minus({ days: 1 });
  const holiday = (dt: DateTime) => calendar.holidays.some((h) => h.date === dt.toISODate());
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return calendar.periods.some((p) => {
    const start = minutes(p.start);
    const end = minutes(p.end);
    const overnight = end <= start;
    if (p.day === here.weekday && !holiday(here) && wall >= start && (overnight || wall < end)) return true;
    return overnight && p.day === yesterday.weekday && !holiday(yesterday) && wall < end;
  });
}

test('property: minute-by-minute wall-clock count matches businessMinutesBetween (periods clear of DST gaps)', () => {
  // Boundaries here never fall in a skipped or repeated hour, so reading the wall clock is unambiguous.
  const calendars = propertyCalendars.slice(0, 3);
  const rand = seeded(11);
  for (let i = 0; i < 12; i++) {
    const calendar = calendars[i % calendars.length]!;
    const from = Math.floor(randomInstant(rand).getTime() / 60_000) * 60_000;
    const to = from + 2 * 86_400_000;
    let count = 0;
    for (let t = from; t < to; t += 60_000) if (wallClockOpen(calendar, t)) count++;
    const label = `case ${i}: ${calendar.timeZone} from ${new Date(from).toISOString()}`;
    assert.equal(businessMinutesBetween(calendar, new Date(from), new Date(to)), count, label);
    for (let k = 0; k < 20; k++) {
      const t = from + Math.floor(rand() * 2880) * 60_000;
      assert.equal(isOpen(calendar, new Date(t)), wallClockOpen(calendar, t), `${label} at ${new Date(t).toISOString()}`);
    }
  }
});
