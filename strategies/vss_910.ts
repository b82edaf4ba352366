/**
 * VSS-910 — title not confirmed; Brazil national debit settlement: per deferment group and
 * type, count, transaction amount, interchange fee and payment amount (no date column).
 *
 * Evidence (layout notes §5.14): medium (one C# parser of real files; header words
 * reconstructed). Values are placed by the page's own column headers, the right edges
 * below being the fallback (the count may sit up to 3 columns further left).
 *
 * Columns: `count` (64, → `count`), `transaction_amount` (83 with `DB`/`CR`),
 * `interchange_fee` (105 with `DB`/`CR`), `payment_amount` (127 with `DB`/`CR`, →
 * `total_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss910Strategy from "./vss_910.ts";
 * new Vss910Strategy().columns.map((c) => c.name); // ["count", "transaction_amount", …]
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-910 pages. */
export default class Vss910Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-910";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 64, field: "count" },
    { name: "transaction_amount", kind: "amount", rightEdge: 83 },
    { name: "interchange_fee", kind: "amount", rightEdge: 105 },
    { name: "payment_amount", kind: "amount", rightEdge: 127, field: "total_amount" },
  ];
}

registerStrategy(new Vss910Strategy());
