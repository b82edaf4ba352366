/**
 * VSS-135 — title not confirmed (possibly `CLEARING/REIMBURSEMENT FEES REPORT`): two groups
 * of (count, interchange amount, reimbursement fee), perhaps one per currency.
 *
 * Evidence (layout notes §5.5): thin — only the original tool's six column names, in
 * order; the example positions are invented. Values are therefore placed by the page's
 * own column headers (six stacked header columns; a full row is taken left to right),
 * the right edges below being only the fallback.
 *
 * Columns, by order: `count` (→ `count`), `interchange_amount` (`DB`/`CR`),
 * `reimbursement_fee`, `count_2`, `interchange_amount_2` (`DB`/`CR`),
 * `reimbursement_fee_2`.
 *
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss135Strategy from "./vss_135.ts";
 * new Vss135Strategy().columns.length; // 6
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-135 pages. */
export default class Vss135Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-135";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 44, field: "count" },
    { name: "interchange_amount", kind: "amount", rightEdge: 64 },
    { name: "reimbursement_fee", kind: "amount", rightEdge: 84 },
    { name: "count_2", kind: "count", rightEdge: 100 },
    { name: "interchange_amount_2", kind: "amount", rightEdge: 120 },
    { name: "reimbursement_fee_2", kind: "amount", rightEdge: 131 },
  ];
}

registerStrategy(new Vss135Strategy());
