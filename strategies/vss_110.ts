/**
 * VSS-110 — SETTLEMENT SUMMARY REPORT: the daily settlement position of an entity, by
 * section (interchange value, reimbursement fees, visa charges, total) and business mode.
 *
 * Columns (layout notes §5.1, strong evidence): count (right edge 51), credit amount
 * (77), debit amount (103), total amount (129, `DB`/`CR` suffix; debit − credit).
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss110Strategy from "./vss_110.ts";
 * new Vss110Strategy().reportId; // "VSS-110"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-110 pages. */
export default class Vss110Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-110";
  override readonly title = "SETTLEMENT SUMMARY REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 51, field: "count" },
    { name: "credit_amount", kind: "amount", rightEdge: 77, field: "credit_amount" },
    { name: "debit_amount", kind: "amount", rightEdge: 103, field: "debit_amount" },
    { name: "total_amount", kind: "amount", rightEdge: 129, field: "total_amount" },
  ];
}

registerStrategy(new Vss110Strategy());
