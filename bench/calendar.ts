/**
 * Business-hours arithmetic benchmark (src/sla/calendar.ts): how fast SLA due times can be recomputed when a
 * policy changes for 100k open tickets. For several calendars, 100k tickets opened at random instants over the
 * last 60 days each get a target of up to 2 weeks of business time. Reports ops/s and µs per call for
 * addBusinessMinutes and businessMinutesBetween, cold (a fresh calendar object, so every local date's periods are
 * converted once), warm (the same calls again), and with an equal calendar object rebuilt for every call.
 *
 *   node --import tsx bench/calendar.ts [--tickets 100000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import {
  ALWAYS_OPEN,
  addBusinessMinutes,
  businessMinutesBetween,
  type Calendar,
  type Period,
  type Weekday,
} from '../src/sla/calendar.ts';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const tickets = Number(values.tickets);
const DAY = 86_400_000;

const on = (days: Weekday[], start: string, end: string): Period[] => days.map((day) => ({ day, start, end }));
const weekdays: Weekday[] = [1, 2, 3, 4, 5];
/** Fresh objects each time, so the cold run really starts with an empty per-calendar cache. */
const calendars: Array<{ name: string; make: () => Calendar; businessMinutesPerWeek: number }> = [
  {
    name: 'London 09:00–17:00 Mon–Fri, 8 holidays',
    make: () => ({
      timeZone: 'Europe/London',
      periods: on(weekdays, '09:00', '17:00'),
      holidays: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'].map((date) => ({ date })),
    }),
    businessMinutesPerWeek: 5 * 480,
  },
  {
    name: 'New York 09:00–12:00 + 13:00–17:00 Mon–Fri',
    make: () => ({ timeZone: 'America/New_York', periods: [...on(weekdays, '09:00', '12:00'), ...on(weekdays, '13:00', '17:00')], holidays: [] }),
    businessMinutesPerWeek: 5 * 420,
  },
  {
    name: 'Berlin nightly 22:00–06:00',
    make: () => ({ timeZone: 'Europe/Berlin', periods: on([1, 2, 3, 4, 5, 6, 7], '22:00', '06:00'), holidays: [] }),
    businessMinutesPerWeek: 7 * 480,
  },
  {
    name: '24×7 (UTC)',
    make: () => ({ ...ALWAYS_OPEN, periods: [...ALWAYS_OPEN.periods] }),
    businessMinutesPerWeek: 7 * 1440,
  },
];

/** mulberry32: the same tickets on every run with the same seed. */
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

function time(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const line = (label: string, ms: number) =>
  `  ${label.padEnd(34)} ${Math.round((tickets / ms) * 1000).toLocaleString('en').padStart(11)} ops/s  ${((ms * 1000) / tickets).toFixed(2).padStart(6)} µs/op`;

console.log(`business-hours calendar: ${tickets.toLocaleString('en')} tickets per calendar, node ${process.version}`);
let sink = 0; // keeps results alive so nothing is optimised away
for (const { name, make, businessMinutesPerWeek } of calendars) {
  const rand = seeded(Number(values.seed));
  const now = Date.parse('2026-06-01T12:00:00Z');
  const opened = Array.from({ length: tickets }, () => new Date(now - Math.floor(rand() * 60 * DAY)));
  const targets = Array.from({ length: tickets }, () => Math.floor(rand() * 2 * businessMinutesPerWeek));
  const until = opened.map((from) => new Date(from.getTime() + Math.floor(rand() * 21 * DAY)));
  const calendar = make();
  console.log(name);
  const due: Date[] = new Array(tickets);
  const cold = time(() => {
    for (let i = 0; i < tickets; i++) due[i] = addBusinessMinutes(calendar, opened[i]!, targets[i]!);
  });
  const warm = time(() => {
    for (let i = 0; i < tickets; i++) sink += addBusinessMinutes(calendar, opened[i]!, targets[i]!).getTime();
  });
  const between = time(() => {
    for (let i = 0; i < tickets; i++) sink += businessMinutesBetween(calendar, opened[i]!, until[i]!);
  });
  // The lead may load the calendar with each ticket row: an equal but new object per call.
  const perRow = time(() => {
    for (let i = 0; i < tickets; i++) sink += addBusinessMinutes(make(), opened[i]!, targets[i]!).getTime();
  });
  console.log(line('addBusinessMinutes (cold cache)', cold));
  console.log(line('addBusinessMinutes (warm)', warm));
  console.log(line('addBusinessMinutes (new object/call)', perRow));
  console.log(line('businessMinutesBetween (≤ 3 weeks)', between));
  for (let i = 0; i < tickets; i += 997) {
    if (businessMinutesBetween(calendar, opened[i]!, due[i]!) !== targets[i]) throw new Error(`disagreement at ticket ${i}`);
  }
}
if (Number.isNaN(sink)) console.log(sink);
