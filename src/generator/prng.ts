/**
 * A seeded pseudo-random number generator for the data generator: every run with the same
 * seed draws the same numbers on every platform, and `Math.random` is never used.
 *
 * Techniques: mulberry32 (a 32-bit state, `Math.imul` mixing; fast and good enough for test
 * data); independent named sub-streams (`fork("clearing")`) derived by hashing the seed with
 * the stream's name (FNV-1a, then a murmur3 finaliser), so that adding draws to one part of
 * the generator never shifts the numbers of another part.
 *
 * @example
 * ```ts
 * import { Prng } from "./prng.ts";
 * const rng = new Prng(42);
 * rng.int(1, 6); // the same die roll on every run
 * rng.fork("entities").pick(["A", "B"]);
 * ```
 *
 * @module
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a seed and a name. */
export function hashSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ fmix32(seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** mulberry32 with helpers for integers, BigInts, picks and digit strings. */
export class Prng {
  #state: number;
  readonly #seed: number;

  /** @param seed Any integer; only its low 32 bits count. */
  constructor(seed: number) {
    this.#seed = seed >>> 0;
    this.#state = this.#seed;
  }

  /** An independent stream named `name`, derived from this generator's seed (not its state). */
  fork(name: string): Prng {
    return new Prng(hashSeed(this.#seed, name));
  }

  /** A number in [0, 1) (for probabilities and picks, never for money). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A BigInt in [min, max], both inclusive (range below 2^32). */
  big(min: number, max: number): bigint {
    return BigInt(this.int(min, max));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A string of `n` random decimal digits; the first one is never 0. */
  digits(n: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** An index drawn from cumulative weights (`cumulative[i]` = sum of weights 0..i). */
  weighted(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Running sums of `weights`, for {@linkcode Prng.weighted}. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  const out: number[] = [];
  let total = 0;
  for (const w of weights) out.push(total += w);
  return out;
}
