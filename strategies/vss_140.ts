/**
 * VSS-140 — VISA CHARGES REPORT: Visa charges (currency conversion fees, international
 * service assessment) by business mode, charge type, type, cycle, network and
 * jurisdiction. Often continues over several pages.
 *
 * Evidence (layout notes §5.6): medium (positions from one config parser, header words
 * confirmed by a real-file parser); values are placed by the page's own column headers,
 * the right edges below being the fallback.
 *
 * Columns: `count` (66, → `count`), `interchange_amount` (87 with `DB`/`CR`),
 * `visa_charges_credits` (110, → `credit_amount`), `visa_charges_debits` (131, →
 * `debit_amount`).
 *
 * Techniques: declarative {@link ColumnReportStrategy}; continuation pages (which do not
 * repeat open headings, §4.4) are joined by the section continuity step; self-registration
 * on import.
 *
 * @example
 * ```ts
 * import Vss140Strategy from "./vss_140.ts";
 * new Vss140Strategy().title; // "VISA CHARGES REPORT"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-140 pages. */
export default class Vss140Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-140";
  override readonly title = "VISA CHARGES REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 66, field: "count" },
    { name: "interchange_amount", kind: "amount", rightEdge: 87 },
    { name: "visa_charges_credits", kind: "amount", rightEdge: 110, field: "credit_amount" },
    { name: "visa_charges_debits", kind: "amount", rightEdge: 131, field: "debit_amount" },
  ];
}

registerStrategy(new Vss140Strategy());
