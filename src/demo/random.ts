/** Seeded randomness for `heed demo`, so a demo looks the same every time. */

export type Rng = ReturnType<typeof makeRng>;

/** A small seeded generator (mulberry32) with the picks the seeder needs. */
export function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(next() * xs.length)]!;
  };
  return {
    next,
    pick,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    /** A value spread evenly on a log scale: most waits are short, a few are long. */
    logBetween: (lo: number, hi: number) => Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))),
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of entries) {
        r -= w;
        if (r < 0) return v;
      }
      return entries[entries.length - 1]![0];
    },
  };
}
