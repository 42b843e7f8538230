import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeClock } from './clock.ts';
import { resolveDue } from './due.ts';
import type { CoachOptions } from './types.ts';

const wed = '2026-03-11T10:00:00Z'; // a Wednesday; London is on GMT until 29 March 2026
const due = (clause: string, now = wed, extra: Partial<CoachOptions> = {}) =>
  resolveDue(clause, makeClock({ now: new Date(now), timeZone: 'Europe/London', ...extra }));

test('the guide\'s due-time rules, read on a Wednesday morning in London', () => {
  const cases: [string, string | null][] = [
    ["I'll call you tomorrow", '2026-03-12T17:00:00+00:00'],
    ["I'll call you tomorrow by 5pm", '2026-03-12T17:00:00+00:00'],
    ["I'll call you by 10am tomorrow", '2026-03-12T10:00:00+00:00'],
    ["I'll reply by end of day", '2026-03-11T17:00:00+00:00'],
    ["I'll reply by COB", '2026-03-11T17:00:00+00:00'],
    ["I'll reply by close of business", '2026-03-11T17:00:00+00:00'],
    ["I'll reply by EOD", '2026-03-11T17:00:00+00:00'],
    ["I'll ring you this afternoon", '2026-03-11T17:00:00+00:00'],
    ["we'll ship it by Friday", '2026-03-13T17:00:00+00:00'],
    ["we'll ship it by end of day Friday", '2026-03-13T17:00:00+00:00'],
    ["we'll ship it on Tuesday next week", '2026-03-17T17:00:00+00:00'],
    ["I'll update you next week", '2026-03-16T09:00:00+00:00'],
    ["I'll call in 2 hours", '2026-03-11T12:00:00+00:00'],
    ["I'll call within 24 hours", '2026-03-12T10:00:00+00:00'],
    ["I'll call in 30 minutes", '2026-03-11T10:30:00+00:00'],
    ["I'll call within the hour", '2026-03-11T11:00:00+00:00'],
    ['you will have it within 3 business days', '2026-03-16T17:00:00+00:00'],
    ['you will have it within 3 working days', '2026-03-16T17:00:00+00:00'],
    ['the refund lands in 3-5 business days', '2026-03-18T17:00:00+00:00'],
    ['by the next business day', '2026-03-12T17:00:00+00:00'],
    ['the engineer will visit 2-4pm Thursday', '2026-03-12T16:00:00+00:00'],
    ['the engineer will visit between 2pm and 4pm on Thursday', '2026-03-12T16:00:00+00:00'],
    ['the engineer will visit Thursday 14:00-16:00', '2026-03-12T16:00:00+00:00'],
    ["I'll call you at 3pm", '2026-03-11T15:00:00+00:00'],
    ["I'll call you at 3:30 pm on Friday", '2026-03-13T15:30:00+00:00'],
    ["I'll call you at 9am", '2026-03-12T09:00:00+00:00'], // 9am has passed today
    ["we'll post it on 20 March", '2026-03-20T17:00:00+00:00'],
    ["we'll post it by March 20th", '2026-03-20T17:00:00+00:00'],
    ["we'll post it on 2026-04-02", '2026-04-02T17:00:00+01:00'],
    ["I'll call you once the part arrives", null],
    ["I'll call you as soon as I hear back", null],
    ["I'll call you", null],
    ['we may reply', null],
  ];
  for (const [clause, expected] of cases) assert.equal(due(clause), expected, clause);
});

test('weekends: tomorrow is the calendar day, business days skip Saturday and Sunday', () => {
  const fri = '2026-03-13T15:00:00Z';
  const sat = '2026-03-14T11:00:00Z';
  const sun = '2026-03-15T11:00:00Z';
  assert.equal(due("I'll call you tomorrow", fri), '2026-03-14T17:00:00+00:00');
  assert.equal(due('within 3 business days', fri), '2026-03-18T17:00:00+00:00');
  assert.equal(due('within 3 business days', sat), '2026-03-18T17:00:00+00:00');
  assert.equal(due('by the next business day', fri), '2026-03-16T17:00:00+00:00');
  assert.equal(due('by Friday', sat), '2026-03-20T17:00:00+00:00');
  assert.equal(due('next week', sun), '2026-03-16T09:00:00+00:00');
  assert.equal(due('next week', fri), '2026-03-16T09:00:00+00:00');
});

test('DST: wall-clock rules keep 17:00 local, durations are elapsed time', () => {
  // London moves to BST (+01:00) at 01:00 UTC on Sunday 29 March 2026.
  const thu = '2026-03-26T10:00:00Z';
  assert.equal(due('within 3 business days', thu), '2026-03-31T17:00:00+01:00');
  assert.equal(due('next week', '2026-03-27T10:00:00Z'), '2026-03-30T09:00:00+01:00');
  assert.equal(due('within 24 hours', '2026-03-28T12:00:00Z'), '2026-03-29T13:00:00+01:00');
  assert.equal(due('tomorrow', '2026-03-28T12:00:00Z'), '2026-03-29T17:00:00+01:00');
  // New York moved to EDT on 8 March 2026.
  const ny = (clause: string, now: string) => resolveDue(clause, makeClock({ now: new Date(now), timeZone: 'America/New_York' }));
  assert.equal(ny('by Monday', '2026-03-06T15:00:00Z'), '2026-03-09T17:00:00-04:00');
  assert.equal(ny('by Friday', '2026-03-06T15:00:00Z'), '2026-03-06T17:00:00-05:00');
});

test('the business day and the calendar are the workspace\'s', () => {
  const holidayMonday = (iso: string) => iso !== '2026-03-16' && new Date(`${iso}T12:00:00Z`).getUTCDay() % 6 !== 0;
  assert.equal(due('within 3 business days', wed, { isBusinessDay: holidayMonday }), '2026-03-17T17:00:00+00:00');
  assert.equal(due('tomorrow', wed, { dayEnd: '18:30' }), '2026-03-12T18:30:00+00:00');
  assert.equal(due('next week', wed, { dayStart: '08:00' }), '2026-03-16T08:00:00+00:00');
  // A calendar callback that throws falls back to Monday–Friday instead of breaking the coach.
  const broken = () => {
    throw new Error('calendar down');
  };
  assert.equal(due('within 3 business days', wed, { isBusinessDay: broken }), '2026-03-16T17:00:00+00:00');
});

test('relative times are read in the workspace zone, not the server\'s', () => {
  // 23:30 UTC on Wednesday is already Thursday in Tokyo.
  const late = new Date('2026-03-11T23:30:00Z');
  const tokyo = resolveDue('tomorrow', makeClock({ now: late, timeZone: 'Asia/Tokyo' }));
  assert.equal(tokyo, '2026-03-13T17:00:00+09:00');
});

test('more phrases: first thing, parts of the day, "by Friday" on a Friday, and the first date said wins', () => {
  const cases: [string, string, string | null][] = [
    ["I'll ring you first thing tomorrow", wed, '2026-03-12T09:00:00+00:00'],
    ["I'll call you in the morning", wed, '2026-03-12T12:00:00+00:00'],
    ['by midday Friday', wed, '2026-03-13T12:00:00+00:00'],
    ['by midnight', wed, '2026-03-11T23:59:00+00:00'],
    ['by Friday', '2026-03-13T09:00:00Z', '2026-03-13T17:00:00+00:00'],
    ['next Tuesday', '2026-03-13T09:00:00Z', '2026-03-17T17:00:00+00:00'],
    ['next Tuesday', '2026-03-17T09:00:00Z', '2026-03-24T17:00:00+00:00'],
    ['by the 15th', wed, '2026-03-15T17:00:00+00:00'],
    ['by the 1st', wed, '2026-04-01T17:00:00+01:00'],
    ["I'll have you on the Thursday flight by end of day", wed, '2026-03-11T17:00:00+00:00'],
    ["I'll ring you at 9am tomorrow to make sure Monday works", '2026-03-11T18:00:00Z', '2026-03-12T09:00:00+00:00'],
    ['your order will ship Monday, which leaves time before the 20th', wed, '2026-03-16T17:00:00+00:00'],
    ["I'll post it the same day", wed, null],
    ["I'll send it straight away", wed, null],
  ];
  for (const [clause, now, expected] of cases) assert.equal(due(clause, now), expected, `${clause} @ ${now}`);
});

test('weekdays: a deadline ("by", "COB") includes today, a day named for an event is the first one after today', () => {
  const thu = '2026-03-12T09:00:00Z';
  const cases: [string, string, string][] = [
    ['COB Thursday', thu, '2026-03-12T17:00:00+00:00'],
    ['by end of day Thursday', thu, '2026-03-12T17:00:00+00:00'],
    ['on Thursday', thu, '2026-03-19T17:00:00+00:00'],
    ['Thursday between 2 and 4pm', thu, '2026-03-19T16:00:00+00:00'],
    ['next Friday', wed, '2026-03-13T17:00:00+00:00'],
    ['next Wednesday', wed, '2026-03-18T17:00:00+00:00'],
    ['Friday next week', wed, '2026-03-20T17:00:00+00:00'],
    ['before 5 today', wed, '2026-03-11T17:00:00+00:00'],
    ["I'll call by 3", wed, '2026-03-11T15:00:00+00:00'],
    ["I'll call at 11 tomorrow", wed, '2026-03-12T11:00:00+00:00'],
    ['in 90 minutes', wed, '2026-03-11T11:30:00+00:00'],
    ['within 72 hours', wed, '2026-03-14T10:00:00+00:00'],
    ['within 10 working days', wed, '2026-03-25T17:00:00+00:00'],
  ];
  for (const [clause, now, expected] of cases) assert.equal(due(clause, now), expected, `${clause} @ ${now}`);
});
