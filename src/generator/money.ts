/**
 * Exact money for the data generator: integer cents (and millionths for six-decimal clearing
 * fields) as BigInt, printed the way EP747 reports and clearing JSON print them.
 *
 * Techniques: BigInt arithmetic only (no value ever passes through a float); half-up rounding
 * of millionths to cents; cumulative rounding ({@linkcode CentRounder}), which rounds the
 * running total instead of each part so that rounded parts always add up to the rounded
 * whole; report formatting with thousands separators and `DB`/`CR` suffixes (layout notes
 * §4.2: a net value is credit − debit, positive prints `CR`, negative `DB`, zero bare).
 *
 * @example
 * ```ts
 * import { reportSigned, decimal, microsToCents } from "./money.ts";
 * reportSigned(-139390735n); // "1,393,907.35DB"
 * decimal(21_000_000n, 6); // "21.000000"
 * microsToCents(273_000n); // 27n (0.273000 rounds half up to 0.27)
 * ```
 *
 * @module
 */

/** Absolute value of a BigInt. */
export function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** `amount × bp / 10 000`, rounded half up; `amount` ≥ 0. */
export function basisPoints(amount: bigint, bp: number): bigint {
  return (amount * BigInt(bp) + 5000n) / 10000n;
}

/** Millionths to cents, rounded half up (away from zero for negative values). */
export function microsToCents(micros: bigint): bigint {
  return micros < 0n ? -((-micros + 5000n) / 10000n) : (micros + 5000n) / 10000n;
}

/** Thousands separators: `334544n` → `334,544`. */
export function grouped(n: bigint | number): string {
  const s = String(n);
  if (s.startsWith("-")) throw new RangeError(`grouped(): negative value ${s}`);
  if (s.length <= 3) return s;
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let i = out.length; i < s.length; i += 3) out += "," + s.slice(i, i + 3);
  return out;
}

/** Unsigned report amount from cents: `2843263849n` → `28,432,638.49`. */
export function reportAmount(cents: bigint): string {
  if (cents < 0n) throw new RangeError(`reportAmount(): negative value ${cents}`);
  const frac = cents % 100n;
  return `${grouped(cents / 100n)}.${frac < 10n ? "0" : ""}${frac}`;
}

/** Signed report amount: positive `CR`, negative `DB`, zero `0.00`. */
export function reportSigned(cents: bigint): string {
  if (cents === 0n) return "0.00";
  return cents < 0n ? reportAmount(-cents) + "DB" : reportAmount(cents) + "CR";
}

/** Exact decimal text with `scale` decimals: `-2808191939n, 2` → `-28081919.39`. */
export function decimal(units: bigint, scale = 2): string {
  const negative = units < 0n;
  const digits = String(negative ? -units : units).padStart(scale + 1, "0");
  const cut = digits.length - scale;
  const text = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}

/**
 * Rounds a sequence of millionth amounts to cents so that the cents always add up to the
 * rounded total: each part is `round(total after) − round(total before)`.
 */
export class CentRounder {
  #micros = 0n;
  #cents = 0n;

  /** The cents for the next part. */
  add(micros: bigint): bigint {
    this.#micros += micros;
    const rounded = microsToCents(this.#micros);
    const part = rounded - this.#cents;
    this.#cents = rounded;
    return part;
  }

  /** The rounded total so far. */
  get cents(): bigint {
    return this.#cents;
  }
}
