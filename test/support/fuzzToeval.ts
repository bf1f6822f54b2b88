// Deterministic randomness for the mutation fuzzer: one small PRNG (mulberry32) and a seed per mutant derived from
// the run's seed, the stream name and the mutant's index, so that every mutant can be made again on its own.

export interface Toeval {
  /** A number in [0, 1). */
  getal(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  kies<T>(xs: readonly T[]): T;
  kans(p: number): boolean;
  /** One of the items, each with its own weight. */
  gewogen<T extends { gewicht: number }>(xs: readonly T[]): T;
}

export function toeval(zaad: number): Toeval {
  let a = zaad >>> 0;
  const getal = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(getal() * n);
  return {
    getal,
    int,
    kies: (xs) => xs[int(xs.length)],
    kans: (p) => getal() < p,
    gewogen(xs) {
      const totaal = xs.reduce((s, x) => s + x.gewicht, 0);
      let r = getal() * totaal;
      for (const x of xs) {
        r -= x.gewicht;
        if (r < 0) return x;
      }
      return xs[xs.length - 1];
    },
  };
}

/** FNV-1a over the run's seed, the stream and the index: independent streams, the same on every machine. */
export function mutantZaad(zaad: number, stroom: string, index: number): number {
  let h = 0x811c9dc5;
  for (const c of `${zaad}/${stroom}/${index}`) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
