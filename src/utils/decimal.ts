/**
 * Exact decimal text for report values: tokens such as `28,081,919.39DB` or `334,544`
 * become canonical decimal strings (`-28081919.39`, `334544`) that PostgreSQL casts to
 * NUMERIC without loss; rates (`5.809100`) and percentages (`1.30%`) keep every decimal.
 *
 * Techniques: anchored regular expressions over the printed token, pure string
 * manipulation (thousands separators removed, sign from the `DB`/`CR`/`-` suffix);
 * no value ever passes through a JavaScript `number`.
 *
 * @example
 * ```ts
 * import { parseAmount, parseCount } from "./decimal.ts";
 * parseAmount("28,081,919.39DB"); // "-28081919.39"
 * parseAmount("19,498.71CR"); // "19498.71"
 * parseCount("334,544"); // "334544"
 * ```
 *
 * @module
 */

/** A printed amount: thousands commas, exactly two decimals, optional sign or suffix. */
export const AMOUNT_PATTERN = /^(-?)((?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2})(DB|CR|-)?$/;

/** A printed count: an integer with optional thousands commas. */
export const COUNT_PATTERN = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;

/** A printed rate: a plain decimal with one, or three or more, decimals (`5.809100`, `0.5`). */
export const RATE_PATTERN = /^-?\d+\.(?:\d|\d{3,})$/;

/** A printed percentage: `1.30%`, `-0.5%`, `12%`. */
export const PERCENT_PATTERN = /^(-?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)%$/;

/** True when `token` is a printed amount such as `1,393,907.35DB`. */
export function isAmountToken(token: string): boolean {
  return AMOUNT_PATTERN.test(token);
}

/** True when `token` is a printed count such as `12,388`. */
export function isCountToken(token: string): boolean {
  return COUNT_PATTERN.test(token);
}

/** Removes leading zeros of the integer part, keeping at least one digit. */
function trimLeadingZeros(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  return trimmed;
}

/**
 * Converts a printed amount to exact decimal text. `DB` or a `-` (leading or trailing)
 * makes it negative; `CR` or no suffix keeps it positive. Zero is never negative.
 *
 * @throws {RangeError} when the token is not an amount.
 */
export function parseAmount(token: string): string {
  const match = AMOUNT_PATTERN.exec(token);
  if (!match) throw new RangeError(`not an amount: "${token}"`);
  const [, minus, body, suffix] = match;
  const magnitude = trimLeadingZeros(body.replaceAll(",", ""));
  const negative = minus === "-" || suffix === "DB" || suffix === "-";
  if (minus === "-" && suffix === "CR") {
    throw new RangeError(`conflicting signs in amount: "${token}"`);
  }
  return negative && !isZeroDecimal(magnitude) ? `-${magnitude}` : magnitude;
}

/**
 * Converts a printed count to exact integer text.
 *
 * @throws {RangeError} when the token is not a count.
 */
export function parseCount(token: string): string {
  if (!COUNT_PATTERN.test(token)) throw new RangeError(`not a count: "${token}"`);
  return trimLeadingZeros(token.replaceAll(",", ""));
}

/** True when a decimal text is zero (`0`, `0.00`, `-0.000`). */
export function isZeroDecimal(text: string): boolean {
  return /^-?0*(?:\.0*)?$/.test(text) && /\d/.test(text);
}

/**
 * Converts a printed rate (`5.809100`, `-0.5`) to exact decimal text, keeping every decimal.
 *
 * @throws {RangeError} when the token is not a rate.
 */
export function parseRate(token: string): string {
  if (!RATE_PATTERN.test(token)) throw new RangeError(`not a rate: "${token}"`);
  const negative = token.startsWith("-");
  const magnitude = trimLeadingZeros(token.replace("-", ""));
  return negative && !isZeroDecimal(magnitude) ? `-${magnitude}` : magnitude;
}

/**
 * Converts a printed percentage (`1.30%`) to the exact decimal text of the number printed
 * (`1.30`: the percentage, not the fraction).
 *
 * @throws {RangeError} when the token is not a percentage.
 */
export function parsePercent(token: string): string {
  const match = PERCENT_PATTERN.exec(token);
  if (!match) throw new RangeError(`not a percentage: "${token}"`);
  const magnitude = trimLeadingZeros(match[2].replaceAll(",", ""));
  return match[1] === "-" && !isZeroDecimal(magnitude) ? `-${magnitude}` : magnitude;
}
