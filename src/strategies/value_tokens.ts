/**
 * Finds the value tokens of a report line (amounts, counts, in-row dates) with their
 * printed positions, so they can be assigned to columns by position.
 *
 * Techniques: one global regular expression scanning whitespace-separated words with
 * their offsets; a `DB`/`CR` printed after a blank is joined to the amount before it;
 * positions are 1-based printed columns (column 1 is the carriage-control column), and
 * `end` is the last digit, without the sign suffix (the "right edge" of the layouts).
 *
 * @example
 * ```ts
 * import { findValueTokens } from "./value_tokens.ts";
 * const [count] = findValueTokens("    TOTAL ISSUER                            334,544");
 * count.kind; // "count"
 * count.end; // 51
 * ```
 *
 * @module
 */

import {
  AMOUNT_PATTERN,
  COUNT_PATTERN,
  parseAmount,
  parseCount,
  parsePercent,
  parseRate,
  PERCENT_PATTERN,
  RATE_PATTERN,
} from "../utils/decimal.ts";
import { REPORT_DATE_PATTERN } from "../utils/dates.ts";

/**
 * What a value token holds: an amount (two decimals, optional `DB`/`CR`/`-`), a count
 * (integer), an in-row date (`DDMONYY`), a rate (one, or three or more, decimals) or a
 * percentage (`1.30%`).
 */
export type ValueKind = "amount" | "count" | "date" | "rate" | "percent";

/** One value printed on a line. */
export interface ValueToken {
  /** What the token is (amount, count, date, rate, percent). */
  kind: ValueKind;
  /** The token as printed, with its suffix (`1,393,907.35DB`). */
  text: string;
  /** 1-based column of the first character. */
  start: number;
  /** 1-based column of the last digit (suffix excluded). */
  end: number;
}

/** Value tokens start at this printed column or later; text left of it is label. */
export const FIRST_VALUE_COLUMN = 20;

const WORD = /\S+/g;

/** Classifies one whitespace-free word, or returns null when it is not a value. */
export function valueKind(word: string): ValueKind | null {
  if (AMOUNT_PATTERN.test(word)) return "amount";
  if (COUNT_PATTERN.test(word)) return "count";
  if (REPORT_DATE_PATTERN.test(word)) return "date";
  if (RATE_PATTERN.test(word)) return "rate";
  if (PERCENT_PATTERN.test(word)) return "percent";
  return null;
}

/**
 * Returns the value tokens of `line` in left-to-right order. Words before
 * {@link FIRST_VALUE_COLUMN} are label text, never values; words after it that are not
 * values (label text such as `RVRSL`) are skipped. Ids in keyed heading lines
 * (`RECAP FOR: 1000123456 …`) are told apart by the parser, not here.
 */
export function findValueTokens(line: string): ValueToken[] {
  const tokens: ValueToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(line); match; match = WORD.exec(line)) {
    const word = match[0];
    const start = match.index + 1;
    if (start < FIRST_VALUE_COLUMN) continue;
    if ((word === "DB" || word === "CR") && tokens.length > 0) {
      const last = tokens[tokens.length - 1];
      const gap = start - (last.start + last.text.length);
      if (last.kind === "amount" && gap === 1 && !/(DB|CR|-)$/.test(last.text)) {
        last.text += word;
        continue;
      }
    }
    const kind = valueKind(word);
    if (!kind) continue;
    const suffix = kind === "amount"
      ? /(DB|CR|-)$/.exec(word)?.[0].length ?? 0
      : kind === "percent"
      ? 1
      : 0;
    tokens.push({ kind, text: word, start, end: start + word.length - 1 - suffix });
  }
  return tokens;
}

/** The canonical text of an amount token joined from `1.00 DB` to `1.00DB`. */
export function compactToken(token: ValueToken): string {
  return token.text.replace(/\s+/g, "");
}

/**
 * The exact decimal text of a numeric token (`1,393,907.35DB` → `-1393907.35`, `12,388` →
 * `12388`, `1.30%` → `1.30`).
 *
 * @throws {RangeError} for a date token, which has no decimal value.
 */
export function tokenDecimal(token: ValueToken): string {
  switch (token.kind) {
    case "amount":
      return parseAmount(token.text);
    case "count":
      return parseCount(token.text);
    case "rate":
      return parseRate(token.text);
    case "percent":
      return parsePercent(token.text);
    case "date":
      throw new RangeError(`"${token.text}" is a date, not a decimal value`);
  }
}
