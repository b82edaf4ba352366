/**
 * VSS-230 — VISA CHARGES RECONCILIATION REPORT: the VSS-140 shape (count, interchange
 * amount, credits, debits). The generator always prints it as `NO DATA`, which is stored
 * as a page without amount lines.
 *
 * Evidence (layout notes §5.9): thin (title from the generator, names from the original
 * tool). Values are placed by the page's own column headers; the VSS-140 right edges
 * below are only the fallback.
 *
 * Columns: `count` (66, → `count`), `interchange_amount` (87 with `DB`/`CR`), `credits`
 * (110, → `credit_amount`), `debits` (131, → `debit_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss230Strategy from "./vss_230.ts";
 * new Vss230Strategy().title; // "VISA CHARGES RECONCILIATION REPORT"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-230 pages. */
export default class Vss230Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-230";
  override readonly title = "VISA CHARGES RECONCILIATION REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 66, field: "count" },
    { name: "interchange_amount", kind: "amount", rightEdge: 87 },
    { name: "credits", kind: "amount", rightEdge: 110, field: "credit_amount" },
    { name: "debits", kind: "amount", rightEdge: 131, field: "debit_amount" },
  ];
}

registerStrategy(new Vss230Strategy());
