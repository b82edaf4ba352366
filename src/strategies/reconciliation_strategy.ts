/**
 * `ReconciliationStrategy`: the shared layout of VSS-900 (RECONCILIATION REPORT) and
 * VSS-900-S (SUMMARY RECONCILIATION REPORT), whose body is a sequence of blocks.
 *
 * Each block starts with ` CLEARING CURRENCY:  BRL` (also `USD`, `NONE`, `ALL`, …; in
 * VSS-900-S also ` TOTAL CLEARING CURRENCY: BRL`), usually followed by
 * ` BUSINESS MODE:      ISSUER TRANSACTIONS`, and repeats the three column-header lines
 * (`CRS/DATE`, `COUNT`, `CLEARING/AMOUNT`, `TOTAL/COUNT`, `TOTAL/CLEARING/AMOUNT`).
 *
 * Sections: the block's currency and business mode are the two outermost levels of every
 * row's section path, above the printed headings, e.g.
 * `CLEARING CURRENCY BRL - ISSUER TRANSACTIONS - PURCHASE - ORIGINAL SALE` (a
 * `TOTAL CLEARING CURRENCY: BRL` block gives `TOTAL CLEARING CURRENCY BRL - …`). They are
 * headings at the virtual indents 0 and 1 (printed text starts at column 2), so a new
 * block closes everything and a new business mode closes everything but the currency; a
 * continuation page inherits both.
 *
 * Columns (layout notes §5.13, medium): `crs_date` (date ≈44–50, → `row_date`), `count`
 * (66, → `count`), `clearing_amount` (86 with `DB`/`CR`), `total_count` (105),
 * `total_clearing_amount` (128 with `DB`/`CR`, → `total_amount`). Detail rows fill the
 * first columns, total rows the last two. The page header's `clearing_currency` is the
 * blocks' currency when all blocks of the page share one, else null.
 *
 * Techniques: {@link ColumnReportStrategy} plus the {@link ParsingStrategy.classifyLine}
 * hook (block lines → section levels; column-header lines recognised by their words in
 * every block, each group giving the anchors for the rows after it) and
 * {@link ParsingStrategy.bodyStart} (a `CLEARING CURRENCY:` line right under the
 * `SETTLEMENT CURRENCY:` line opens the first block, it is not a header field here).
 *
 * @example
 * ```ts
 * import { ReconciliationStrategy } from "./reconciliation_strategy.ts";
 * class Vss900 extends ReconciliationStrategy {
 *   readonly reportId = "VSS-900";
 * }
 * new Vss900().classifyLine(" CLEARING CURRENCY:  BRL", {
 *   tokens: [],
 *   firstHeaderGroup: false,
 *   headerLines: [],
 * }); // { kind: "heading", heading: { indent: 0, text: "CLEARING CURRENCY BRL" } }
 * ```
 *
 * @module
 */

import type { ReportHeader } from "../models/report.ts";
import type { ColumnSpec } from "./column_layout.ts";
import { ColumnReportStrategy } from "./column_report_strategy.ts";
import { HEADER_SCAN_LINES, headerLineCount } from "./page_header.ts";
import {
  isColumnHeaderLine,
  type LineClass,
  type LineContext,
  normalizeLabel,
  startsInValueZone,
} from "./parsing_strategy.ts";

/** ` CLEARING CURRENCY:  BRL` or ` TOTAL CLEARING CURRENCY: BRL`: a block starts. */
const BLOCK_LINE = /^\s*(TOTAL\s+)?CLEARING CURRENCY:\s*(\S+)/;
/** ` BUSINESS MODE:      ISSUER TRANSACTIONS`. */
const MODE_LINE = /^\s*BUSINESS MODE:\s*(\S.*?)\s*$/;
const SETTLEMENT_CURRENCY_LINE = /SETTLEMENT CURRENCY:/;

/** Indent of the block's clearing-currency level (above every printed heading). */
export const CURRENCY_LEVEL = 0;
/** Indent of the block's business-mode level. */
export const MODE_LEVEL = 1;

/** Base class of the VSS-900 family. */
export abstract class ReconciliationStrategy extends ColumnReportStrategy {
  readonly columns: readonly ColumnSpec[] = [
    { name: "crs_date", kind: "date", rightEdge: 50, field: "row_date" },
    { name: "count", kind: "count", rightEdge: 66, field: "count" },
    { name: "clearing_amount", kind: "amount", rightEdge: 86 },
    { name: "total_count", kind: "count", rightEdge: 105 },
    { name: "total_clearing_amount", kind: "amount", rightEdge: 128, field: "total_amount" },
  ];

  /** The body starts right after the `SETTLEMENT CURRENCY:` line. */
  override bodyStart(lines: readonly string[]): number {
    const limit = Math.min(lines.length, HEADER_SCAN_LINES);
    for (let i = 0; i < limit; i++) {
      if (SETTLEMENT_CURRENCY_LINE.test(lines[i]) && !/TOTAL/.test(lines[i])) return i + 1;
    }
    return headerLineCount(lines);
  }

  /** Standard header; the clearing currency is the blocks' one when they agree. */
  override parseHeader(lines: readonly string[]): ReportHeader {
    const header = super.parseHeader(lines);
    const currencies = new Set<string>();
    for (const line of lines.slice(this.bodyStart(lines))) {
      const block = BLOCK_LINE.exec(line);
      if (block) currencies.add(block[2]);
    }
    header.clearing_currency = currencies.size === 1 ? [...currencies][0] : null;
    return header;
  }

  /** Block lines are section levels; column headers are recognised in every block. */
  override classifyLine(text: string, context: LineContext): LineClass {
    const block = BLOCK_LINE.exec(text);
    if (block) {
      const total = block[1] ? "TOTAL " : "";
      return {
        kind: "heading",
        heading: { indent: CURRENCY_LEVEL, text: `${total}CLEARING CURRENCY ${block[2]}` },
      };
    }
    const mode = MODE_LINE.exec(text);
    if (mode) {
      return { kind: "heading", heading: { indent: MODE_LEVEL, text: normalizeLabel(mode[1]) } };
    }
    if (
      context.tokens.length === 0 && startsInValueZone(text) &&
      isColumnHeaderLine(text, this.columnHeaderWords)
    ) {
      return { kind: "column-header" };
    }
    return super.classifyLine(text, context);
  }
}
