/**
 * Card-number (PAN) masking, so a full card number is never stored or logged.
 *
 * A value is treated as a PAN when it has 13 to 19 digits and passes the Luhn checksum
 * (ISO/IEC 7812). Masking keeps the first 6 digits (the BIN) and the last 4, the usual
 * PCI DSS display rule, and replaces the digits in between with `*`, keeping the length.
 * Techniques: a single-pass Luhn check over char codes (no allocation), an early exit on the
 * first character that cannot be part of a PAN, and one global regex over maximal digit runs
 * for free text.
 *
 * @example
 * ```ts
 * import { maskPan } from "./pan_mask.ts";
 * maskPan("4111111111111111"); // "411111******1111"
 * maskPan("XXXXXXXXXXXXXXXX"); // unchanged
 * ```
 *
 * @module
 */

const ZERO = 0x30;
const NINE = 0x39;
const SPACE = 0x20;
const DASH = 0x2d;

/**
 * Whether `digits` (ASCII digits only, at least 2) passes the Luhn checksum.
 *
 * @param digits The digit string; any other character makes the result `false`.
 * @returns `true` when the checksum is valid.
 *
 * @example
 * ```ts
 * import { luhnValid } from "./pan_mask.ts";
 * luhnValid("4111111111111111"); // true
 * luhnValid("4111111111111112"); // false
 * ```
 */
export function luhnValid(digits: string): boolean {
  const n = digits.length;
  if (n < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = n - 1; i >= 0; i--) {
    const c = digits.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
    let d = c - ZERO;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Masks `value` if it is a card number: 13 to 19 digits (spaces and dashes ignored) passing
 * the Luhn check. The first 6 and last 4 digits are kept and the other digits become `*`;
 * spaces and dashes stay where they are, so the length is unchanged. Any other value is
 * returned unchanged.
 *
 * @param value Any text, e.g. the `pan` field of a clearing record.
 * @returns The masked or unchanged value.
 *
 * @example
 * ```ts
 * import { maskPan } from "./pan_mask.ts";
 * maskPan("4111111111111111"); // "411111******1111"
 * maskPan("4111-1111-1111-1111"); // "4111-11**-****-1111"
 * ```
 */
export function maskPan(value: string): string {
  const n = value.length;
  if (n < 13) return value;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= ZERO && c <= NINE) count++;
    else if (c !== SPACE && c !== DASH) return value;
  }
  if (count < 13 || count > 19) return value;
  const digits = count === n ? value : value.replace(/[ -]/g, "");
  if (!luhnValid(digits)) return value;
  if (count === n) return digits.slice(0, 6) + "*".repeat(n - 10) + digits.slice(n - 4);
  let out = "";
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const ch = value[i];
    if (ch === " " || ch === "-") {
      out += ch;
    } else {
      out += seen < 6 || seen >= count - 4 ? ch : "*";
      seen++;
    }
  }
  return out;
}

/** Maximal runs of 13 or more ASCII digits. */
const LONG_DIGIT_RUN = /\d{13,}/g;

/**
 * Masks every card number inside free text: each maximal run of 13 to 19 digits (not part of
 * a longer digit run) that passes the Luhn check is replaced by its masked form.
 *
 * @param text Any text, e.g. a raw record or a log message.
 * @returns The text with card numbers masked.
 *
 * @example
 * ```ts
 * import { maskCardNumbersInText } from "./pan_mask.ts";
 * maskCardNumbersInText('{"pan":"4111111111111111"}'); // '{"pan":"411111******1111"}'
 * ```
 */
export function maskCardNumbersInText(text: string): string {
  return text.replace(
    LONG_DIGIT_RUN,
    (run) => run.length <= 19 && luhnValid(run) ? maskPan(run) : run,
  );
}
