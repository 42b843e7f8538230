/**
 * The one clock of a Heed process. Everything that decides by the time of day (SLA clocks, reminders, due times,
 * ETAs) asks `now()` here, so tests move time with `useClock(testClock(...))` instead of sleeping.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export function now(): Date {
  return current.now();
}

/** Replaces the process's clock (tests); returns the previous one. */
export function useClock(clock: Clock): Clock {
  const previous = current;
  current = clock;
  return previous;
}

export type TestClock = Clock & { set(at: Date | string): void; advance(ms: number): Date };

/** A clock that stands still until told to move. */
export function testClock(start: Date | string): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(at) {
      t = new Date(at).getTime();
    },
    advance(ms) {
      t += ms;
      return new Date(t);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
