/**
 * VSS-130 — REIMBURSEMENT FEES REPORT: interchange reimbursement fees by business mode,
 * type, cycle, network, jurisdiction and fee level.
 *
 * Evidence (layout notes §5.4): strong (real header words; three parsers agree; the
 * generator is 1–2 columns off, which the page's own header anchors absorb).
 *
 * Columns: `count` (61, → `count`), `interchange_amount` (84 with `DB`/`CR`),
 * `reimbursement_fee_credits` (109, → `credit_amount`), `reimbursement_fee_debits`
 * (131, → `debit_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy} (indent steps of 3 are handled by
 * the shared section stack); self-registration on import.
 *
 * @example
 * ```ts
 * import Vss130Strategy from "./vss_130.ts";
 * new Vss130Strategy().title; // "REIMBURSEMENT FEES REPORT"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-130 pages. */
export default class Vss130Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-130";
  override readonly title = "REIMBURSEMENT FEES REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 61, field: "count" },
    { name: "interchange_amount", kind: "amount", rightEdge: 84 },
    { name: "reimbursement_fee_credits", kind: "amount", rightEdge: 109, field: "credit_amount" },
    { name: "reimbursement_fee_debits", kind: "amount", rightEdge: 131, field: "debit_amount" },
  ];
}

registerStrategy(new Vss130Strategy());
