/**
 * VSS-300 — SRE FINANCIAL RECAP REPORT: for each entity under a funds-transfer entity
 * (`RECAP FOR: <id> <name>`) its acquirer, issuer and other figures and net settlement
 * amount, then the funds-transfer entity's total (`TOTAL FOR: <id> <name>`).
 *
 * Evidence (layout notes §5.10): thin (positions from the generator only; its column
 * headers are not right-aligned over the values). Values are placed by the page's own
 * column headers, full rows by order; the right edges below are the fallback. The header
 * has no ROLLUP TO / FUNDS XFER ENTITY lines.
 *
 * Columns: `count` (40, → `count`), `interchange_value` (63 with `DB`/`CR`),
 * `reimbursement_fees` (83 with `DB`/`CR`), `visa_charges` (103),
 * `net_settlement_amount` (127 with `DB`/`CR`, → `total_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; `RECAP FOR:` / `TOTAL FOR:` lines
 * are keyed headings for the shared parser (their 10-digit ids are not values), and the
 * `NET SETTLEMENT AMOUNT` total row closes its block; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss300Strategy from "./vss_300.ts";
 * new Vss300Strategy().columns.at(-1)?.field; // "total_amount"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-300 pages. */
export default class Vss300Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-300";
  override readonly title = "SRE FINANCIAL RECAP REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 40, field: "count" },
    { name: "interchange_value", kind: "amount", rightEdge: 63 },
    { name: "reimbursement_fees", kind: "amount", rightEdge: 83 },
    { name: "visa_charges", kind: "amount", rightEdge: 103 },
    { name: "net_settlement_amount", kind: "amount", rightEdge: 127, field: "total_amount" },
  ];
}

registerStrategy(new Vss300Strategy());
