/**
 * VSS-777 — MARKUP SUMMARY REPORT (a made-up report id for this template): per section and
 * transaction type, the processing date, count, credit and debit amounts, the exchange
 * rate, the markup rate and the total amount (`DB`/`CR` suffix).
 *
 * This is the module finstream loads: its file name says which report id it handles
 * (`vss_777.ts` → `VSS-777`), its default export is the strategy class, and it imports
 * finstream only through `@finstream/finstream/strategy`. It lives in the plugin folder
 * itself because a plugin runs in a parse worker that may read only the plugin folder and
 * finstream's own sources (see the README).
 *
 * @example
 * ```ts
 * import Vss777Strategy from "./vss_777.ts";
 * const strategy = new Vss777Strategy();
 * console.log(strategy.reportId, strategy.columns.length); // VSS-777 7
 * ```
 *
 * @module
 */

import {
  ColumnReportStrategy,
  type ColumnSpec,
  registerStrategy,
} from "@finstream/finstream/strategy";

/**
 * Parses VSS-777 pages: a declarative {@link ColumnReportStrategy}. Values are placed by
 * the page's own column headers; the right edges below (the column of each value's last
 * digit, 1-based) are the fallback for pages whose headers cannot be read.
 */
export default class Vss777Strategy extends ColumnReportStrategy {
  /** The report id this strategy handles. */
  readonly reportId: string = "VSS-777";
  /** The report title printed on line 3. */
  override readonly title: string = "MARKUP SUMMARY REPORT";
  /** Column-header words of this report that finstream does not know already. */
  override readonly columnHeaderWords: ReadonlySet<string> = new Set(["EXCHANGE", "MARKUP"]);
  /** The value columns, left to right. */
  readonly columns: readonly ColumnSpec[] = [
    { name: "processing_date", kind: "date", rightEdge: 35, field: "row_date" },
    { name: "count", kind: "count", rightEdge: 48, field: "count" },
    { name: "credit_amount", kind: "amount", rightEdge: 66, field: "credit_amount" },
    { name: "debit_amount", kind: "amount", rightEdge: 84, field: "debit_amount" },
    { name: "exchange_rate", kind: "rate", rightEdge: 97 },
    { name: "markup_rate", kind: "percent", rightEdge: 107 },
    { name: "total_amount", kind: "amount", rightEdge: 127, field: "total_amount" },
  ];
}

registerStrategy(new Vss777Strategy());
