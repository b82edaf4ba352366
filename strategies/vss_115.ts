/**
 * VSS-115 — SRE SETTLEMENT RECAP REPORT: the settlement position of an entity by business
 * mode (acquirer, issuer, other) and type, with credit, debit and total counts and amounts,
 * ending with the `FINAL SETTLEMENT NET AMOUNT` (equal to VSS-110's NET SETTLEMENT AMOUNT).
 *
 * Evidence (layout notes §5.2): medium for the labels and the six columns, thin for the
 * positions (generator only), so values are placed by the page's own column headers (the
 * `---CREDITS---` banner is not a column; `COUNT`/`AMOUNT` are), the right edges below
 * being the fallback.
 *
 * Columns: `credit_count` (38), `credit_amount` (57, → `credit_amount`), `debit_count`
 * (73), `debit_amount` (92, → `debit_amount`), `total_count` (108, → `count`),
 * `total_amount` (129 with `DB`/`CR`, → `total_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; every line is printed at indent 2,
 * so a block heading (`ISSUER TRANSACTIONS`) is replaced by the next one and only the
 * block's own total (`TOTAL ISSUER`, and the final `TOTAL` / `FINAL SETTLEMENT NET
 * AMOUNT`) closes it ({@link Vss115Strategy.closesLevel}); `TOTAL INTERCHANGE` inside a
 * block does not. Self-registration on import.
 *
 * @example
 * ```ts
 * import Vss115Strategy from "./vss_115.ts";
 * new Vss115Strategy().columns.map((c) => c.name); // ["credit_count", "credit_amount", …]
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Totals that close a block: `TOTAL <mode>`, the grand `TOTAL` and the final net amount. */
const BLOCK_TOTAL = /^(TOTAL (ACQUIRER|ISSUER|OTHER)\b|TOTAL$|FINAL SETTLEMENT NET AMOUNT)/;

/** Parses VSS-115 pages. */
export default class Vss115Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-115";
  override readonly title = "SRE SETTLEMENT RECAP REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "credit_count", kind: "count", rightEdge: 38 },
    { name: "credit_amount", kind: "amount", rightEdge: 57, field: "credit_amount" },
    { name: "debit_count", kind: "count", rightEdge: 73 },
    { name: "debit_amount", kind: "amount", rightEdge: 92, field: "debit_amount" },
    { name: "total_count", kind: "count", rightEdge: 108, field: "count" },
    { name: "total_amount", kind: "amount", rightEdge: 129, field: "total_amount" },
  ];

  /** Only a block's own total closes it (all lines share indent 2). */
  override closesLevel(label: string): boolean {
    return BLOCK_TOTAL.test(label);
  }
}

registerStrategy(new Vss115Strategy());
