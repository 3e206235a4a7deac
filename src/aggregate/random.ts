/**
 * Seeded randomness for bootstrap intervals: the same seed and article give the same
 * weights on every machine, so reports and aggregates are reproducible.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of an article's identity. */
export function hashString(value: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POISSON_ONE_CDF = (() => {
  // P(X <= k) for X ~ Poisson(1), k = 0..11; beyond that the mass is below 1e-9.
  const cdf: number[] = [];
  let term = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    sum += term;
    cdf.push(sum);
    term /= k + 1;
  }
  return cdf;
})();

/** A Poisson(1) draw by inversion (the resampling weight of one article in one replicate). */
export function poissonOne(random: () => number): number {
  const u = random();
  for (let k = 0; k < POISSON_ONE_CDF.length; k++) if (u < (POISSON_ONE_CDF[k] as number)) return k;
  return POISSON_ONE_CDF.length;
}

/** The article's weights in each of `replicates` bootstrap replicates. */
export function bootstrapWeights(articleKey: string, seed: number, replicates: number): Uint8Array {
  const random = createRandom(hashString(articleKey, hashString(String(seed))));
  const weights = new Uint8Array(replicates);
  for (let b = 0; b < replicates; b++) weights[b] = poissonOne(random);
  return weights;
}
