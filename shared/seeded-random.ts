/**
 * A seeded generator (mulberry32) in [0, 1): the same seed gives the same numbers, so a training
 * pass, a generated test corpus or the quote-gold sample (build/label-quotes.mjs) can be drawn again.
 * Small and fast; not for anything that must be unpredictable.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
