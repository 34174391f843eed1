/**
 * Seeded randomness for the archive generator. sfc32 keeps 128 bits of state, so the thousands of
 * short per-record streams (one per paper, per leaderboard, ...) do not overlap as they could in a
 * 32-bit generator; every stream is derived from the seed and the record's keys, which gives random
 * access: the paper with index i is the same whichever file asks for it.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** round(exp(mu + sigma·z)) clamped to [min, max]: the heavy-tailed counts of the archive. */
  logNormalInt(mu: number, sigma: number, min: number, max: number): number {
    const value = Math.round(Math.exp(mu + sigma * this.normal()));
    return value < min ? min : value > max ? max : value;
  }

  /** Failures before the first success with the given probability of success. */
  geometric(success: number): number {
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - success));
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      target -= weights[i];
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** murmur3's finaliser: a good 32-bit avalanche. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes integer keys into one 32-bit value. */
export function mix(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) h = fmix((h ^ fmix(key >>> 0)) + 0x6d2b79f5 + (Math.floor(key / 4294967296) | 0));
  return h;
}

/** The stream of random numbers belonging to the given keys (seed first). */
export function randomFor(...keys: number[]): Random {
  const h = mix(...keys);
  return new Random(h, fmix(h ^ 0x1b873593), fmix(h + 0xcc9e2d51), fmix(h ^ 0xe6546b64));
}

/** FNV-1a of a string, for cheap de-duplication by hash. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Draws ranks 0..size-1 with Zipf–Mandelbrot probabilities ∝ 1/(rank + offset)^exponent, through
 * the inverse of the continuous distribution (O(1) per draw, no table).
 */
export class ZipfSampler {
  private readonly low: number;
  private readonly high: number;

  constructor(
    readonly size: number,
    private readonly offset: number,
    private readonly exponent: number,
  ) {
    this.low = this.transform(0);
    this.high = this.transform(size);
  }

  sample(random: Random): number {
    const rank = Math.floor(this.inverse(this.low + random.next() * (this.high - this.low)));
    return rank < 0 ? 0 : rank >= this.size ? this.size - 1 : rank;
  }

  /** The probability of a rank under the continuous approximation. */
  probability(rank: number): number {
    return (this.transform(rank + 1) - this.transform(rank)) / (this.high - this.low);
  }

  private transform(x: number): number {
    const shifted = x + this.offset;
    return this.exponent === 1 ? Math.log(shifted) : Math.pow(shifted, 1 - this.exponent) / (1 - this.exponent);
  }

  private inverse(y: number): number {
    const shifted = this.exponent === 1 ? Math.exp(y) : Math.pow(y * (1 - this.exponent), 1 / (1 - this.exponent));
    return shifted - this.offset;
  }
}
