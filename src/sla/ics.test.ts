import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysFromIcs } from './ics.ts';

/** A VCALENDAR around some VEVENT bodies, with CRLF line ends as RFC 5545 wants. */
function ics(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Heed tests//EN'];
  events.forEach((body, i) => {
    const uid = body.some((line) => line.startsWith('UID:')) ? [] : [`UID:event-${i}@heed.test`];
    lines.push('BEGIN:VEVENT', ...uid, 'DTSTAMP:20260101T000000Z', ...body, 'END:VEVENT');
  });
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
const range = { from: '2026-01-01', to: '2028-12-31' };

test('an all-day event is one holiday named by its SUMMARY', () => {
  const text = ics(['DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261226', 'SUMMARY:Christmas Day']);
  assert.deepEqual(holidaysFromIcs(text, range), [{ date: '2026-12-25', name: 'Christmas Day' }]);
  assert.deepEqual(holidaysFromIcs(`\uFEFF${text.replace(/\r\n/g, '\n')}`, range), [{ date: '2026-12-25', name: 'Christmas Day' }], 'LF line ends and a BOM');
});

test('an all-day event without DTEND is one day', () => {
  const text = ics(['DTSTART;VALUE=DATE:20260501', 'SUMMARY:May Day']);
  assert.deepEqual(holidaysFromIcs(text, range), [{ date: '2026-05-01', name: 'May Day' }]);
});

test('a multi-day event is each date it covers (DTEND is exclusive)', () => {
  const text = ics(['DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Office closed']);
  assert.deepEqual(holidaysFromIcs(text, range).map((h) => h.date), ['2026-12-24', '2026-12-25', '2026-12-26']);
  const byDuration = ics(['DTSTART;VALUE=DATE:20260810', 'DURATION:P2D', 'SUMMARY:Summer shutdown']);
  assert.deepEqual(holidaysFromIcs(byDuration, range).map((h) => h.date), ['2026-08-10', '2026-08-11']);
});

test('a yearly RRULE is expanded within the range, EXDATE and overrides applied', () => {
  const text = ics(
    ['DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY', 'SUMMARY:New Year'],
    // Last Monday of May, except 2027, which the override moves to 2027-06-01.
    ['UID:spring@heed.test', 'DTSTART;VALUE=DATE:20260525', 'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO', 'EXDATE;VALUE=DATE:20280529', 'SUMMARY:Spring bank holiday'],
    ['UID:spring@heed.test', 'RECURRENCE-ID;VALUE=DATE:20270531', 'DTSTART;VALUE=DATE:20270601', 'SUMMARY:Spring bank holiday (moved)'],
    // Another series on 2027-05-31: the override above belongs to the spring series only.
    ['DTSTART;VALUE=DATE:20260531', 'RRULE:FREQ=YEARLY', "SUMMARY:Founders' Day"],
  );
  assert.deepEqual(holidaysFromIcs(text, range), [
    { date: '2026-01-01', name: 'New Year' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-05-31', name: "Founders' Day" },
    { date: '2027-01-01', name: 'New Year' },
    { date: '2027-05-31', name: "Founders' Day" },
    { date: '2027-06-01', name: 'Spring bank holiday (moved)' },
    { date: '2028-01-01', name: 'New Year' },
    { date: '2028-05-31', name: "Founders' Day" },
  ]);
});

test('the default range is last year to three years ahead', () => {
  const text = ics(['DTSTART;VALUE=DATE:20000704', 'RRULE:FREQ=YEARLY', 'SUMMARY:Independence Day']);
  const year = new Date().getUTCFullYear();
  const expected = [year - 1, year, year + 1, year + 2, year + 3].map((y) => `${y}-07-04`);
  assert.deepEqual(holidaysFromIcs(text).map((h) => h.date), expected);
});

test('a timed event counts for the date it starts on, as written', () => {
  const text = ics(
    ['DTSTART;TZID=Europe/London:20261231T140000', 'DTEND;TZID=Europe/London:20270101T020000', 'SUMMARY:Early close'],
    ['DTSTART:20260704T230000Z', 'DTEND:20260705T010000Z', 'SUMMARY:Night maintenance'],
  );
  assert.deepEqual(holidaysFromIcs(text, range), [
    { date: '2026-07-04', name: 'Night maintenance' },
    { date: '2026-12-31', name: 'Early close' },
  ]);
});

test('dates are deduplicated (names joined), sorted, clipped to the range; cancelled events skipped', () => {
  const text = ics(
    ['DTSTART;VALUE=DATE:20261228', 'SUMMARY:Boxing Day (substitute)'],
    ['DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261229', 'SUMMARY:Christmas closure'],
    ['DTSTART;VALUE=DATE:20261228', 'SUMMARY:Boxing Day (substitute)'],
    ['DTSTART;VALUE=DATE:20261201', 'SUMMARY:Cancelled party', 'STATUS:CANCELLED'],
    ['DTSTART;VALUE=DATE:20251231', 'DTEND;VALUE=DATE:20260102', 'SUMMARY:Year end'],
    ['DTSTART;VALUE=DATE:20260315'],
  );
  assert.deepEqual(holidaysFromIcs(text, range), [
    { date: '2026-01-01', name: 'Year end' },
    { date: '2026-03-15' },
    { date: '2026-12-25', name: 'Christmas closure' },
    { date: '2026-12-26', name: 'Christmas closure' },
    { date: '2026-12-27', name: 'Christmas closure' },
    { date: '2026-12-28', name: 'Boxing Day (substitute) / Christmas closure' },
  ]);
});

test('text that is not iCalendar throws a clear Error', () => {
  assert.throws(() => holidaysFromIcs('hello world'), /not iCalendar: the text should start with BEGIN:VCALENDAR/);
  assert.throws(() => holidaysFromIcs(''), /not iCalendar/);
  assert.throws(() => holidaysFromIcs('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n'), /not iCalendar/);
  assert.throws(() => holidaysFromIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n'), /not valid iCalendar/);
  assert.throws(() => holidaysFromIcs(ics(['DTSTART:garbage', 'SUMMARY:Broken'])), /not valid iCalendar: event 'Broken'/);
  assert.throws(() => holidaysFromIcs(ics(['SUMMARY:No start'])), /not valid iCalendar: event 'No start': it has no DTSTART/);
  assert.throws(() => holidaysFromIcs(ics([]), { from: '2026-12-31', to: '2026-01-01' }), RangeError);
});
