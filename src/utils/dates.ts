/**
 * Report dates: the EP747 `DDMONYY` form (`05JUL24`) to ISO `YYYY-MM-DD`.
 *
 * Techniques: a month-name lookup table, calendar validation through `Date.UTC`
 * round-tripping, years read as 20YY as the settlement reports print them.
 *
 * @example
 * ```ts
 * import { parseReportDate } from "./dates.ts";
 * parseReportDate("05JUL24"); // "2024-07-05"
 * parseReportDate("31FEB24"); // null
 * ```
 *
 * @module
 */

const MONTHS: Readonly<Record<string, number>> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};

/** A `DDMONYY` token. */
export const REPORT_DATE_PATTERN =
  /^(\d{2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(\d{2})$/;

/** True when `token` looks like a `DDMONYY` date. */
export function isReportDateToken(token: string): boolean {
  return REPORT_DATE_PATTERN.test(token);
}

/** True when `iso` (`YYYY-MM-DD`) names a real calendar day. */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
}

/** Converts `DDMONYY` to `YYYY-MM-DD`; `null` when it is not a real date. */
export function parseReportDate(token: string): string | null {
  const match = REPORT_DATE_PATTERN.exec(token.trim());
  if (!match) return null;
  const month = String(MONTHS[match[2]]).padStart(2, "0");
  const iso = `20${match[3]}-${month}-${match[1]}`;
  return isCalendarDate(iso) ? iso : null;
}
