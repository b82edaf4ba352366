/**
 * VSS-600 — title not confirmed; Brazil national credit settlement with deferment: per
 * deferment group (`27-DAY DEFER`, `NO DEFERMENT`, …) and type, dated rows with count,
 * transaction amount, interchange fee, processing charge and settlement amount.
 *
 * Evidence (layout notes §5.11): medium (one C# parser of real files; header words
 * reconstructed). Values are placed by the page's own column headers, the right edges
 * below (the C# slices, with the settlement amount ending at 128) being the fallback.
 *
 * Columns: `processing_date` (date 24–30, → `row_date`; blank on total rows), `count`
 * (42, → `count`), `transaction_amount` (62 with `DB`/`CR`), `interchange_fee` (84 with
 * `DB`/`CR`), `processing_charge` (106), `settlement_amount` (128 with `DB`/`CR`, →
 * `total_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss600Strategy from "./vss_600.ts";
 * new Vss600Strategy().columns[0].field; // "row_date"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-600 pages. */
export default class Vss600Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-600";
  readonly columns: readonly ColumnSpec[] = [
    { name: "processing_date", kind: "date", rightEdge: 30, field: "row_date" },
    { name: "count", kind: "count", rightEdge: 42, field: "count" },
    { name: "transaction_amount", kind: "amount", rightEdge: 62 },
    { name: "interchange_fee", kind: "amount", rightEdge: 84 },
    { name: "processing_charge", kind: "amount", rightEdge: 106 },
    { name: "settlement_amount", kind: "amount", rightEdge: 128, field: "total_amount" },
  ];
}

registerStrategy(new Vss600Strategy());
