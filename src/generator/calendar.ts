/**
 * Calendar helpers for the data generator: UTC dates, day arithmetic, and the two printed
 * forms (`05JUL24` in EP747 reports, `2024-07-05` in clearing JSON).
 *
 * Techniques: dates as UTC midnight `Date`s shifted by whole days (no time zones, no DST),
 * English upper-case month names, two-digit years.
 *
 * @example
 * ```ts
 * import { parseIsoDate, addDays, ddmonyy, isoDate } from "./calendar.ts";
 * const proc = parseIsoDate("2024-07-05");
 * ddmonyy(addDays(proc, -1)); // "04JUL24"
 * isoDate(addDays(proc, 27)); // "2024-08-01"
 * ```
 *
 * @module
 */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` text as a UTC date; throws on anything else or an impossible date. */
export function parseIsoDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || isoDate(date) !== text) throw new RangeError(`not a date YYYY-MM-DD: "${text}"`);
  return date;
}

/** `date` shifted by `days` (negative: earlier). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** `05JUL24`. */
export function ddmonyy(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const yy = String(date.getUTCFullYear() % 100).padStart(2, "0");
  return `${dd}${MONTHS[date.getUTCMonth()]}${yy}`;
}

/** `2024-07-05`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `20240705`, for file names. */
export function compactDate(date: Date): string {
  return isoDate(date).replaceAll("-", "");
}

/** Day of the year, 1-based. */
export function dayOfYear(date: Date): number {
  return daysBetween(new Date(Date.UTC(date.getUTCFullYear(), 0, 1)), date) + 1;
}
