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
 * Techniques: template method (a fixed `parse` calling abstract steps), line
 * classification by content rather than position (a heading is a line with no value
 * tokens), errors as {@link PageParseError} naming file, line and field.
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
import { findValueTokens, type ValueToken } from "./value_tokens.ts";

/** The values of one amount line, as a strategy reads them. */
export interface LineValues {
  /** Every numeric column by name, exact decimal text. */
  columns: Record<string, string>;
  row_date: string | null;
  count: string | null;
  credit_amount: string | null;
  debit_amount: string | null;
  total_amount: string | null;
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

/** A printed line: carriage-control column plus 132 print columns. */
export const MAX_LINE_WIDTH = 133;

const END_MARKER = /\*{3}\s*END OF\s+(VSS-[0-9A-Z-]+)\s+REPORT\s*\*{3}/;
const NO_DATA_MARKER = /\*{3}\s*NO DATA FOR THIS REPORT\s*\*{3}/;
const KEYED_LINE = /^\s*[A-Z][A-Z /]*:(\s|$)/;
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
    const bodyStart = headerLineCount(lines);
    const stack = new SectionStack();
    const amounts: AmountLine[] = [];
    const headerLines: string[] = [];
    let layout: PageLayout = { headerLines, anchors: [], file };
    let inColumnHeaders = true;
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
      if (
        tokens.length === 0 && (inColumnHeaders || headerLines.length === 0) &&
        isColumnHeaderLine(text, this.columnHeaderWords)
      ) {
        openPending();
        headerLines.push(text);
        layout = { headerLines, anchors: columnAnchors(headerLines), file };
        continue;
      }
      inColumnHeaders = false;
      if (tokens.length === 0 || KEYED_LINE.test(text)) {
        openPending();
        pendingHeading = { indent: text.search(/\S/) + 1, text: normalizeLabel(text) };
        continue;
      }
      let label = normalizeLabel(text.slice(0, tokens[0].start - 1));
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
      });
      if (isTotal) stack.close(indent);
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
