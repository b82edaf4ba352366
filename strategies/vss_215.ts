/**
 * VSS-215 — INTERNATIONAL SERVICE ASSESSMENT REPORT: interchange amounts and the
 * international service assessment (ISA) in settlement and clearing currency, plus the
 * optional ISA fee.
 *
 * Evidence (layout notes §5.8): thin (title and a synthetic layout from the generator; the
 * column order from the original tool's names). Values are placed by the page's own column
 * headers and, on full rows, by order; the right edges below (the VSS-210 positions, by
 * analogy, as in the reconstructed example) are only the fallback.
 *
 * Columns, by order: `settlement_interchange_amount`, `settlement_isa`,
 * `clearing_interchange_amount`, `clearing_isa` (all with `DB`/`CR`), `opt_isa_fee`. No
 * typed column is filled.
 *
 * Techniques: declarative {@link ColumnReportStrategy}; label-only total lines followed by
 * value-only lines are joined by the shared parser; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss215Strategy from "./vss_215.ts";
 * new Vss215Strategy().columns.map((c) => c.name)[1]; // "settlement_isa"
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import type { ColumnSpec } from "../src/strategies/column_layout.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-215 pages. */
export default class Vss215Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-215";
  override readonly title = "INTERNATIONAL SERVICE ASSESSMENT REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "settlement_interchange_amount", kind: "amount", rightEdge: 49 },
    { name: "settlement_isa", kind: "amount", rightEdge: 70 },
    { name: "clearing_interchange_amount", kind: "amount", rightEdge: 91 },
    { name: "clearing_isa", kind: "amount", rightEdge: 111 },
    { name: "opt_isa_fee", kind: "amount", rightEdge: 129 },
  ];
}

registerStrategy(new Vss215Strategy());
