/**
 * `ParsingStrategy`: the base class of every report plugin.
 *
 * The shared {@link ParsingStrategy.parse} does what every VSS report has in common:
 * header block, centred title lines, end and `NO DATA` markers, column-header lines,
 * headings and the section stack (by indentation), label and total detection, and
 * provenance (line numbers, raw text). A subclass supplies only what differs:
 * {@link ParsingStrategy.parseHeader} and {@link ParsingStrategy.parseAmounts} (the
 * values of one amount line). Most reports need neither: they extend
 * `ColumnReportStrategy` and declare their columns.
 *
 * Hooks for reports that need more (each has a default that is the common behaviour):
 * {@link ParsingStrategy.classifyLine} (what a body line is: column header, heading,
 * ignored, or an amount line; e.g. VSS-900 repeats its column headers in every block and
 * turns `CLEARING CURRENCY:` lines into section levels), {@link ParsingStrategy.rowRef}
 * (a text reference printed in a row, e.g. the VSS-120 rate table id, kept out of the
 * label) and {@link ParsingStrategy.closesLevel} (whether a total row closes its level;
 * VSS-115 prints every line at indent 2).
 *
 * Techniques: template method (a fixed `parse` calling abstract steps and hooks), line
 * classification by content rather than position (a heading is a line with no value
 * tokens; separator lines and `CAUTION:` banners carry nothing), errors as
 * {@link PageParseError} naming file, line and field.
 *
 * @example
 * ```ts
 * import { ParsingStrategy, type LineValues } from "./parsing_strategy.ts";
 * import { parsePageHeader } from "./page_header.ts";
 *
 * class MyReport extends ParsingStrategy {
 *   readonly reportId = "VSS-999";
 *   parseHeader(lines: readonly string[]) {
 *     return parsePageHeader(lines);
 *   }
 *   parseAmounts(): LineValues {
 *     return { columns: {}, row_date: null, count: null, credit_amount: null, debit_amount: null, total_amount: null };
 *   }
 * }
 * ```
 *
 * @module
 */

import type { AmountLine, Heading, ParsedPage, ReportHeader } from "../models/report.ts";
import { PageParseError } from "../models/errors.ts";
import type { PageSegment } from "../reader/ep747_pages.ts";
import { columnAnchors } from "./column_layout.ts";
import { headerLineCount } from "./page_header.ts";
import { SectionStack } from "./section_stack.ts";
import { findValueTokens, FIRST_VALUE_COLUMN, type ValueToken } from "./value_tokens.ts";

/** The values of one amount line, as a strategy reads them. */
export interface LineValues {
  /** Every numeric column by name, exact decimal text. */
  columns: Record<string, string>;
  /** A date printed in the row (processing date, CRS date), ISO `YYYY-MM-DD`, or null. */
  row_date: string | null;
  /** A text reference printed in the row (e.g. a rate table id), if any. */
  row_ref?: string | null;
  /** The typed `count` column: exact integer text, or null. */
  count: string | null;
  /** The typed `credit_amount` column: exact decimal text, or null. */
  credit_amount: string | null;
  /** The typed `debit_amount` column: exact decimal text, or null. */
  debit_amount: string | null;
  /** The typed `total_amount` column: exact decimal text (negative for `DB`), or null. */
  total_amount: string | null;
}

/** Values of a row before any column is filled: no columns, every typed column null. */
export function emptyLineValues(): LineValues {
  return {
    columns: {},
    row_date: null,
    count: null,
    credit_amount: null,
    debit_amount: null,
    total_amount: null,
  };
}

/** What a strategy knows about the page while it reads amount lines. */
export interface PageLayout {
  /** The page's column-header lines. */
  headerLines: readonly string[];
  /** Right edges of the columns those lines name. */
  anchors: readonly number[];
  /** The page's file, for error messages. */
  file: string;
}

/** One amount line handed to {@link ParsingStrategy.parseAmounts}. */
export interface AmountLineInput {
  /** The printed line. */
  text: string;
  /** 1-based line number in the file. */
  number: number;
  /** Its value tokens. */
  tokens: readonly ValueToken[];
}

/**
 * What a body line is, as {@link ParsingStrategy.classifyLine} decides: a column-header
 * line (a line after other lines starts a new group, whose anchors then apply), a heading
 * (opened with the given indent and text), a line that carries nothing (`ignore`), or
 * `null` for an amount line.
 */
export type LineClass =
  | { kind: "column-header" }
  | { kind: "heading"; heading: Heading }
  | { kind: "ignore" }
  | null;

/** What {@link ParsingStrategy.classifyLine} knows about a body line. */
export interface LineContext {
  /** The line's value tokens. */
  tokens: readonly ValueToken[];
  /**
   * True while the page's first group of column-header lines may still come or go on: no
   * column header seen yet, or no other line since the first one, or the previous line was
   * one (a group is a run of consecutive column-header lines).
   */
  firstHeaderGroup: boolean;
  /** The column-header lines of the current group. */
  headerLines: readonly string[];
}

/** A printed line: carriage-control column plus 132 print columns. */
export const MAX_LINE_WIDTH = 133;

const END_MARKER = /\*{3}\s*END OF\s+(VSS-[0-9A-Z-]+)\s+REPORT\s*\*{3}/;
const NO_DATA_MARKER = /\*{3}\s*NO DATA FOR THIS REPORT\s*\*{3}/;
const KEYED_LINE = /^\s*[A-Z][A-Z /]*:(\s|$)/;
/** A line made only of rule characters (`-----`, `=====`, `*****`, `_____`). */
const SEPARATOR_LINE = /^\s*[-=*_]{3,}[-=*_ ]*$/;
/** A `CAUTION: …` banner in the body (layout notes §3). */
const CAUTION_LINE = /^\s*CAUTION:/;
const TOTAL_LABEL = /^(TOTAL\b|NET\b|NET SETTLEMENT AMOUNT|FINAL SETTLEMENT NET AMOUNT)/;

/** Words that make up column-header lines across the VSS reports. */
export const COLUMN_HEADER_WORDS: ReadonlySet<string> = new Set([
  "AMOUNT",
  "ASSESSMENT",
  "CHARGE",
  "CHARGES",
  "CLEARING",
  "CONVERSION",
  "COUNT",
  "CREDIT",
  "CREDITS",
  "CRS",
  "CURRENCY",
  "DATE",
  "DEBIT",
  "DEBITS",
  "FEE",
  "FEES",
  "ID",
  "INTERCHANGE",
  "INTL",
  "ISA",
  "ISSUER",
  "NET",
  "OPT",
  "PAYMENT",
  "PROCESSING",
  "RATE",
  "RATE/TABLE/ID",
  "REIMB",
  "REIMBURSEMENT",
  "SERVICE",
  "SETTLEMENT",
  "TABLE",
  "TOTAL",
  "TRANSACTION",
  "VALUE",
  "VISA",
]);

/** Collapses inner runs of blanks: `NET   PURCHASE` → `NET PURCHASE`. */
export function normalizeLabel(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** True when `line` is a column-header line (only header words and banners). */
export function isColumnHeaderLine(line: string, extraWords: ReadonlySet<string> = new Set()) {
  const words = line.trim().split(/\s+/).map((w) => w.replace(/^[-*]+|[-*]+$/g, ""));
  const meaningful = words.filter((w) => w !== "");
  if (meaningful.length === 0) return /[-*]{3,}/.test(line);
  return meaningful.every((w) => COLUMN_HEADER_WORDS.has(w) || extraWords.has(w));
}

/**
 * True when the printed text of `line` starts in the value zone (column
 * {@link FIRST_VALUE_COLUMN} or later), as column-header lines do; headings start left of
 * it, so a heading made of header words (` INTERCHANGE VALUE`) is never a column header.
 */
export function startsInValueZone(line: string): boolean {
  const first = line.search(/\S/);
  return first >= 0 && first + 1 >= FIRST_VALUE_COLUMN;
}

/** The base class of report strategies. */
export abstract class ParsingStrategy {
  /** The report id this strategy handles, e.g. `VSS-110`. */
  abstract readonly reportId: string;
  /** The report title printed on line 3, when known. */
  readonly title?: string;
  /** Extra words that may appear in this report's column-header lines. */
  readonly columnHeaderWords: ReadonlySet<string> = new Set();

  /** A name for messages: the report id and the class. */
  get name(): string {
    return `${this.reportId}:${this.constructor.name}`;
  }

  /** Reads the header fields from the page's lines. */
  abstract parseHeader(lines: readonly string[]): ReportHeader;

  /**
   * Index of the first body line (after the page header). Default: see
   * `headerLineCount` in `page_header.ts`.
   */
  bodyStart(lines: readonly string[]): number {
    return headerLineCount(lines);
  }

  /**
   * Classifies one non-blank body line that is not an END or NO DATA marker. The default:
   * in the page's first group of column headers, a line without value tokens made of
   * column-header words and printed in the value zone, or a separator line, is a
   * column-header line; elsewhere a separator line, a `CAUTION:` banner or a column-header
   * line of the page printed again is ignored; a line without value tokens, or a keyed line
   * (`RECAP FOR: …`), is a heading at its indentation; anything else is an amount line
   * (`null`).
   */
  classifyLine(text: string, context: LineContext): LineClass {
    const { tokens } = context;
    if (
      tokens.length === 0 && context.firstHeaderGroup &&
      (SEPARATOR_LINE.test(text) ||
        (startsInValueZone(text) && isColumnHeaderLine(text, this.columnHeaderWords)))
    ) {
      return { kind: "column-header" };
    }
    if (SEPARATOR_LINE.test(text) || CAUTION_LINE.test(text)) return { kind: "ignore" };
    if (tokens.length === 0 && context.headerLines.some((h) => h.trimEnd() === text.trimEnd())) {
      return { kind: "ignore" }; // a column-header line printed again further down the page
    }
    if (tokens.length === 0 || KEYED_LINE.test(text)) {
      return {
        kind: "heading",
        heading: { indent: text.search(/\S/) + 1, text: normalizeLabel(text) },
      };
    }
    return null;
  }

  /**
   * A reference printed in a row's label zone that is not part of the label (the VSS-120
   * rate table id `A1277`), or null. `labelText` is the text left of the first value
   * token; `start` is the 0-based offset where the reference begins in it.
   */
  rowRef(_labelText: string, _layout: PageLayout): { start: number; text: string } | null {
    return null;
  }

  /**
   * Whether a total row closes the levels at its indent and deeper (§4.3: record the row
   * first, then pop). Default: every total row does.
   */
  closesLevel(_label: string, _indent: number): boolean {
    return true;
  }

  /**
   * Reads the values of one amount line. Throw a `PageParseError` (or any error: it is
   * wrapped with the line number) when the line cannot be read exactly.
   */
  abstract parseAmounts(line: AmountLineInput, layout: PageLayout): LineValues;

  /** Parses a whole page: header, markers, sections and amount lines. */
  parse(segment: PageSegment): ParsedPage {
    const { lines, lineStart, file } = segment;
    const header = this.parseHeader(lines);
    const warnings: string[] = [];
    if (header.report_id !== this.reportId) {
      throw new PageParseError(
        `strategy ${this.name} cannot parse a ${header.report_id || "page without report id"}`,
        { file, line: lineStart, field: "report_id" },
      );
    }
    const bodyStart = this.bodyStart(lines);
    const stack = new SectionStack();
    const amounts: AmountLine[] = [];
    let headerLines: string[] = [];
    let layout: PageLayout = { headerLines, anchors: [], file };
    let inColumnHeaders = true;
    // The previous non-blank line was a column-header line: the next one continues its group.
    let headerGroupOpen = false;
    let noData = false;
    let ended = false;
    // A heading line is opened only once the next line shows it is not the label of a
    // value-only line (§4.1.3): the label and its values form one row, recorded first (§4.3).
    let pendingHeading: Heading | null = null;
    const openPending = () => {
      if (pendingHeading) stack.open(pendingHeading);
      pendingHeading = null;
    };

    for (let i = bodyStart; i < lines.length; i++) {
      const text = lines[i];
      const number = lineStart + i;
      if (text.length > MAX_LINE_WIDTH) {
        warnings.push(`line ${number}: ${text.length} characters, wider than ${MAX_LINE_WIDTH}`);
      }
      if (text.trim() === "") {
        if (headerLines.length > 0) inColumnHeaders = false;
        headerGroupOpen = false;
        openPending();
        continue;
      }
      const end = END_MARKER.exec(text);
      if (end) {
        openPending();
        ended = true;
        if (end[1] !== header.report_id) {
          warnings.push(`line ${number}: end marker names ${end[1]}, page is ${header.report_id}`);
        }
        continue;
      }
      if (NO_DATA_MARKER.test(text)) {
        openPending();
        noData = true;
        continue;
      }
      const tokens = findValueTokens(text);
      const kind = this.classifyLine(text, {
        tokens,
        firstHeaderGroup: inColumnHeaders || headerLines.length === 0 || headerGroupOpen,
        headerLines,
      });
      if (kind?.kind === "column-header") {
        openPending();
        // a column-header line after other lines starts a new group (VSS-900 blocks)
        if (!headerGroupOpen) headerLines = [];
        headerLines.push(text);
        headerGroupOpen = true;
        layout = { headerLines, anchors: columnAnchors(headerLines), file };
        continue;
      }
      inColumnHeaders = false;
      headerGroupOpen = false;
      if (kind?.kind === "ignore") {
        openPending();
        continue;
      }
      if (kind?.kind === "heading") {
        openPending();
        pendingHeading = kind.heading;
        continue;
      }
      let labelText = text.slice(0, tokens[0].start - 1);
      const ref = this.rowRef(labelText, layout);
      if (ref) labelText = labelText.slice(0, ref.start);
      let label = normalizeLabel(labelText);
      let indent = text.search(/\S/) + 1;
      if (label === "") {
        const labelLine: Heading | null = pendingHeading;
        pendingHeading = null;
        if (!labelLine) {
          throw new PageParseError("values printed without a label", {
            file,
            line: number,
            field: "label",
          });
        }
        label = labelLine.text;
        indent = labelLine.indent;
      } else {
        openPending();
      }
      let values: LineValues;
      try {
        values = this.parseAmounts({ text, number, tokens }, layout);
      } catch (error) {
        if (error instanceof PageParseError) throw error;
        throw new PageParseError(
          `${this.reportId} amount line "${label}": ${(error as Error).message}`,
          { file, line: number, field: "amounts" },
          { cause: error },
        );
      }
      const isTotal = TOTAL_LABEL.test(label);
      const state = stack.snapshot();
      amounts.push({
        line: number,
        localSections: state.local,
        cutoff: state.cutoff,
        label,
        is_total: isTotal,
        raw: text,
        ...values,
        ...(ref ? { row_ref: ref.text } : {}),
      });
      if (isTotal && this.closesLevel(label, indent)) stack.close(indent);
    }
    openPending();
    return {
      header,
      strategy: this.name,
      parsed: true,
      noData,
      ended,
      amounts,
      endSections: stack.snapshot(),
      warnings,
    };
  }
}
