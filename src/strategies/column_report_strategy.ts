/**
 * `ColumnReportStrategy`: a {@link ParsingStrategy} for the common case, a report whose
 * amount lines are a label followed by value columns. A subclass only declares its report
 * id, title and columns; this class reads the standard header and places each value in
 * its column by the page's own column headers (or the declared right edges).
 *
 * Techniques: declarative configuration over code; anchors from the page (§4.5 of the
 * layout notes) with the declared layout as fallback; exact decimal conversion of every
 * value; typed columns (`count`, `credit_amount`, …) filled from the declaration.
 *
 * @example
 * ```ts
 * import { ColumnReportStrategy } from "./column_report_strategy.ts";
 * class Vss999 extends ColumnReportStrategy {
 *   readonly reportId = "VSS-999";
 *   readonly columns = [{ name: "count", kind: "count", rightEdge: 51, field: "count" }] as const;
 * }
 * ```
 *
 * @module
 */

import type { ReportHeader } from "../models/report.ts";
import { parseReportDate } from "../utils/dates.ts";
import { assignTokens, type ColumnSpec } from "./column_layout.ts";
import { parsePageHeader } from "./page_header.ts";
import { tokenDecimal } from "./value_tokens.ts";
import {
  type AmountLineInput,
  emptyLineValues,
  type LineValues,
  type PageLayout,
  ParsingStrategy,
} from "./parsing_strategy.ts";

/** A report strategy defined by its columns. */
export abstract class ColumnReportStrategy extends ParsingStrategy {
  /** The value columns, left to right. */
  abstract readonly columns: readonly ColumnSpec[];

  /** Standard header (see `page_header.ts`). */
  parseHeader(lines: readonly string[]): ReportHeader {
    return parsePageHeader(lines);
  }

  /** The right edges to place values by: the page's own when they fit, else the declared. */
  anchorsFor(layout: PageLayout): readonly number[] {
    return layout.anchors.length === this.columns.length
      ? layout.anchors
      : this.columns.map((c) => c.rightEdge);
  }

  /** Places each value token in its column and converts it to exact text. */
  parseAmounts(line: AmountLineInput, layout: PageLayout): LineValues {
    const placed = assignTokens(line.tokens, this.columns, this.anchorsFor(layout));
    const values = emptyLineValues();
    for (const [index, token] of placed) {
      const column = this.columns[index];
      if (column.kind === "date") {
        const iso = parseReportDate(token.text);
        if (!iso) throw new RangeError(`"${token.text}" is not a date (column ${column.name})`);
        if (column.field === "row_date") values.row_date = iso;
        continue;
      }
      const text = tokenDecimal(token);
      values.columns[column.name] = text;
      if (column.field && column.field !== "row_date") values[column.field] = text;
    }
    return values;
  }
}
