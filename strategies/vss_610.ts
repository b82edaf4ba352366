/**
 * VSS-610 — Brazil national settlement by processing date (title not confirmed): per
 * deferment group and type, the processing date, count, transaction amount and
 * interchange fee.
 *
 * Columns (layout notes §5.12, thin evidence, so the page's own column headers are
 * preferred over these reference right edges): processing date, count, transaction
 * amount (`DB`/`CR`), interchange fee (`DB`/`CR`).
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss610Strategy from "./vss_610.ts";
 * new Vss610Strategy().columns.map((c) => c.name);
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-610 pages. */
export default class Vss610Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-610";
  readonly columns: readonly ColumnSpec[] = [
    { name: "processing_date", kind: "date", rightEdge: 41, field: "row_date" },
    { name: "count", kind: "count", rightEdge: 59, field: "count" },
    { name: "transaction_amount", kind: "amount", rightEdge: 94 },
    { name: "interchange_fee", kind: "amount", rightEdge: 127 },
  ];
}

registerStrategy(new Vss610Strategy());
