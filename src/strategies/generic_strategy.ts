/**
 * The generic fallback strategy: parses a page of a report id that has no plugin from the
 * page's own column headers, so that its amounts are stored rather than only its header.
 *
 * What it reads: the standard header fields; sections by indentation, totals, END and NO
 * DATA markers (all by the shared {@link ParsingStrategy.parse}); and amount lines, whose
 * values are placed in the columns named by the page's column-header lines. Each column's
 * name comes from the header words stacked over it (`CREDIT` / `AMOUNT` →
 * `credit_amount`: lower snake_case, repeated names deduplicated as `_2`, `_3`, …); each
 * value's kind comes from its token (count, amount, rate, percentage; a date goes to
 * `row_date`). Columns named exactly `count`, `credit_amount`, `debit_amount` or
 * `total_amount` also fill the typed columns. The page's strategy is `generic:<id>`
 * (e.g. `generic:VSS-777`), with a warning saying so, so users can find such pages.
 *
 * When it does not apply: a page with no usable column headers before its first amount
 * line (e.g. a hierarchy list, or no headers at all) gets no generic strategy
 * ({@link genericStrategyFor} returns null) and is stored header-only, `parsed = false`.
 * A value that fits no column is an error, as for every strategy: the page is
 * dead-lettered, never guessed.
 *
 * Column-header lines: in the page's first group of column headers, a line without value
 * tokens printed in the value zone (column 20 or later) made of the known header words
 * (`COUNT`, `AMOUNT`, …) or of any upper-case words.
 *
 * Techniques: one strategy object per report id (the shared `parse` checks the id);
 * anchors and stacked words from `headerColumns`; assignment as in §4.5 (a full row left
 * to right, otherwise the nearest anchor within the tolerance) without requiring declared
 * kinds.
 *
 * @example
 * ```ts
 * import { columnNames, genericStrategyFor } from "./generic_strategy.ts";
 * columnNames([
 *   "                     CREDIT        DEBIT",
 *   "          COUNT      AMOUNT       AMOUNT",
 * ]); // ["count", "credit_amount", "debit_amount"]
 * // const strategy = genericStrategyFor(segment, "VSS-777"); // null without column headers
 * ```
 *
 * @module
 */

import type { ParsedPage, ReportHeader } from "../models/report.ts";
import type { PageSegment } from "../reader/ep747_pages.ts";
import { parseReportDate } from "../utils/dates.ts";
import { assignByAnchors, headerColumns } from "./column_layout.ts";
import { headerLineCount, parsePageHeader } from "./page_header.ts";
import {
  type AmountLineInput,
  emptyLineValues,
  isColumnHeaderLine,
  type LineClass,
  type LineContext,
  type LineValues,
  type PageLayout,
  ParsingStrategy,
  startsInValueZone,
} from "./parsing_strategy.ts";
import { findValueTokens, tokenDecimal } from "./value_tokens.ts";

/** The prefix of a generic page's strategy name: `generic:VSS-777`. */
export const GENERIC = "generic";

const MARKER = /\*{3}\s*(END OF\s+VSS-[0-9A-Z-]+\s+REPORT|NO DATA FOR THIS REPORT)\s*\*{3}/;
const KEYED_LINE = /^\s*[A-Z][A-Z /]*:(\s|$)/;
const HEADER_WORD = /^[A-Z][A-Z0-9/&.#()'-]*$/;
const TYPED_FIELDS = new Set(["count", "credit_amount", "debit_amount", "total_amount"]);

/**
 * True when `line` looks like a column-header line of an unknown report: upper-case words
 * only (banner dashes and stars aside), all printed in the value zone.
 */
export function looksLikeColumnHeader(line: string): boolean {
  if (!startsInValueZone(line)) return false;
  const words = line.trim().split(/\s+/).map((w) => w.replace(/^[-*]+|[-*]+$/g, ""));
  const meaningful = words.filter((w) => w !== "");
  return meaningful.length > 0 && meaningful.every((w) => HEADER_WORD.test(w));
}

/** A snake_case column name from stacked header phrases: `["CREDIT", "AMOUNT"]` → `credit_amount`. */
export function columnName(texts: readonly string[]): string {
  const name = texts.join(" ").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return name === "" ? "column" : name;
}

/** The names of the columns a page's column-header lines define, left to right, deduplicated. */
export function columnNames(headerLines: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headerColumns(headerLines).map((column) => {
    const base = columnName(column.texts);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** Parses pages of one report id that has no plugin, from their own column headers. */
export class GenericStrategy extends ParsingStrategy {
  /** The report id this instance parses. */
  readonly reportId: string;

  /** A generic strategy for pages of `reportId`. */
  constructor(reportId: string) {
    super();
    this.reportId = reportId;
  }

  /** `generic:<report id>`. */
  override get name(): string {
    return `${GENERIC}:${this.reportId}`;
  }

  /** Standard header. */
  parseHeader(lines: readonly string[]): ReportHeader {
    return parsePageHeader(lines);
  }

  /** Also takes unknown upper-case header words in the page's first header group. */
  override classifyLine(text: string, context: LineContext): LineClass {
    if (context.tokens.length === 0 && context.firstHeaderGroup && looksLikeColumnHeader(text)) {
      return { kind: "column-header" };
    }
    return super.classifyLine(text, context);
  }

  /** The shared parse, with a warning that names the generic columns. */
  override parse(segment: PageSegment): ParsedPage {
    const page = super.parse(segment);
    page.warnings.unshift(
      `no strategy for ${this.reportId}: parsed generically from the page's column headers`,
    );
    return page;
  }

  /** Places each value in the column named by the header above it. */
  parseAmounts(line: AmountLineInput, layout: PageLayout): LineValues {
    const names = columnNames(layout.headerLines);
    const placed = assignByAnchors(line.tokens, layout.anchors);
    const values = emptyLineValues();
    for (const [index, token] of [...placed].sort((a, b) => a[0] - b[0])) {
      const name = names[index];
      if (token.kind === "date") {
        const iso = parseReportDate(token.text);
        if (!iso) throw new RangeError(`"${token.text}" is not a date (column ${name})`);
        if (values.row_date !== null) {
          throw new RangeError(`a second date "${token.text}" (column ${name})`);
        }
        values.row_date = iso;
        continue;
      }
      const text = tokenDecimal(token);
      values.columns[name] = text;
      if (TYPED_FIELDS.has(name) && (name === "count") === (token.kind === "count")) {
        values[name as "count" | "credit_amount" | "debit_amount" | "total_amount"] = text;
      }
    }
    return values;
  }
}

/**
 * True when the page has a column-header line (known header words, or upper-case words in
 * the value zone) before its first amount line.
 */
export function hasColumnHeaders(lines: readonly string[]): boolean {
  for (const text of lines.slice(headerLineCount(lines))) {
    if (text.trim() === "" || MARKER.test(text)) continue;
    const tokens = findValueTokens(text);
    if (tokens.length === 0) {
      const header = startsInValueZone(text) &&
        (isColumnHeaderLine(text) || looksLikeColumnHeader(text));
      if (header && headerColumns([text]).length > 0) return true;
      continue;
    }
    if (!KEYED_LINE.test(text)) return false;
  }
  return false;
}

/**
 * The generic strategy for a page of `reportId` (which has no plugin), or null when the
 * page has no usable column headers (it is then stored header-only).
 */
export function genericStrategyFor(segment: PageSegment, reportId: string): GenericStrategy | null {
  return hasColumnHeaders(segment.lines) ? new GenericStrategy(reportId) : null;
}
