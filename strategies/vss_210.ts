/**
 * VSS-210 — CURRENCY CONVERSION FEES REPORT: interchange amounts and currency conversion
 * fees in settlement and clearing currency, plus the optional issuer fee.
 *
 * Evidence (layout notes §5.7): medium/thin (one real-file Java parser's slices; the
 * generator disagrees by up to 15 columns), so values are placed by the page's own column
 * headers (the `***SETTLEMENT CURRENCY***` banners are not columns) and, on full rows, by
 * order; the right edges below are the fallback.
 *
 * Columns, by order: `settlement_interchange_amount` (49 with `DB`/`CR`),
 * `settlement_conversion_fee` (70), `clearing_interchange_amount` (91 with `DB`/`CR`),
 * `clearing_conversion_fee` (111), `opt_issuer_fee` (129 with `DB`/`CR`). No count,
 * credit, debit or total column, so no typed column is filled.
 *
 * Techniques: declarative {@link ColumnReportStrategy}; label-only `TOTAL …` lines followed
 * by value-only lines are joined by the shared parser (§4.1.3); self-registration on
 * import.
 *
 * @example
 * ```ts
 * import Vss210Strategy from "./vss_210.ts";
 * new Vss210Strategy().columns.map((c) => c.name)[4]; // "opt_issuer_fee"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-210 pages. */
export default class Vss210Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-210";
  override readonly title = "CURRENCY CONVERSION FEES REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "settlement_interchange_amount", kind: "amount", rightEdge: 49 },
    { name: "settlement_conversion_fee", kind: "amount", rightEdge: 70 },
    { name: "clearing_interchange_amount", kind: "amount", rightEdge: 91 },
    { name: "clearing_conversion_fee", kind: "amount", rightEdge: 111 },
    { name: "opt_issuer_fee", kind: "amount", rightEdge: 129 },
  ];
}

registerStrategy(new Vss210Strategy());
