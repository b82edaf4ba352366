/**
 * VSS-930 — title not confirmed: the reimbursement fees of the 9xx (national debit) family,
 * in the VSS-130 shape.
 *
 * Evidence (layout notes §5.15): thin (only the original tool's names: `COUNT`,
 * `INTERCHANGE_AMOUNT`, `CREDITS_FEE`, `DEBITS_FEE`). Values are placed by the page's own
 * column headers; the VSS-130 right edges below are only the fallback.
 *
 * Columns: `count` (61, → `count`), `interchange_amount` (84 with `DB`/`CR`),
 * `fee_credits` (109, → `credit_amount`), `fee_debits` (131, → `debit_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss930Strategy from "./vss_930.ts";
 * new Vss930Strategy().columns[2].name; // "fee_credits"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-930 pages. */
export default class Vss930Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-930";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 61, field: "count" },
    { name: "interchange_amount", kind: "amount", rightEdge: 84 },
    { name: "fee_credits", kind: "amount", rightEdge: 109, field: "credit_amount" },
    { name: "fee_debits", kind: "amount", rightEdge: 131, field: "debit_amount" },
  ];
}

registerStrategy(new Vss930Strategy());
