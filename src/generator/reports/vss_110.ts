/**
 * VSS-110 — SETTLEMENT SUMMARY REPORT (layout notes §5.1): per entity and settlement
 * currency, the interchange value, reimbursement fees and Visa charges by business mode
 * (acquirer, issuer, other), their totals and the NET SETTLEMENT AMOUNT.
 *
 * Figures (consistency contract, `settlement.ts`): ISSUER rows carry the entity's
 * transactions; ACQUIRER and OTHER rows are 0. Columns: COUNT 51 (interchange only), CREDIT
 * AMOUNT 77, DEBIT AMOUNT 103, TOTAL AMOUNT 129 with `DB`/`CR` (credit − debit). The trailer
 * starts with a zero-length line, like the real page.
 *
 * Techniques: one row function for every line; each TOTAL row is computed as the sum of the
 * rows above it, never read separately.
 *
 * @example
 * ```ts
 * import { vss110 } from "./vss_110.ts";
 * vss110.layout.columns.length; // 2
 * ```
 *
 * @module
 */

import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import { addFlows, type Flow, net, settlementOf, ZERO } from "../settlement.ts";
import type { ReportDefinition } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_110: readonly string[] = padLines([
  "                                                                       CREDIT                     DEBIT                     TOTAL",
  "                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT",
]);

function line110(label: string, f: Flow, counts: boolean): BodyLine {
  const line = new Line().put(5, label);
  if (counts) line.count(51, f.count);
  return row(line.amount(77, f.credit).amount(103, f.debit).signed(129, net(f)));
}

function* sections(flows: { name: string; total: string; issuer: Flow; counts: boolean }[]) {
  for (const [i, s] of flows.entries()) {
    yield heading(2, s.name);
    yield { ...blank, keep: true };
    yield line110("TOTAL ACQUIRER", ZERO, s.counts);
    yield line110("TOTAL ISSUER", s.issuer, s.counts);
    yield line110("TOTAL OTHER", ZERO, s.counts);
    yield blank;
    yield line110(s.total, addFlows(ZERO, s.issuer, ZERO), s.counts);
    if (i < flows.length - 1) yield blank;
  }
}

/** VSS-110. */
export const vss110: ReportDefinition = {
  reportId: "VSS-110",
  title: "SETTLEMENT SUMMARY REPORT",
  layout: { gap: 2, columns: COLUMNS_110, end: endMarker("VSS-110", 52), zeroLengthTrailer: true },
  currencies: [0, 1],
  levels: "all",
  body(ctx, entity, currency) {
    const s = settlementOf(ctx.agg, entity.index, currency);
    return sections([
      {
        name: "INTERCHANGE VALUE",
        total: "TOTAL INTERCHANGE VALUE",
        issuer: s.interchange,
        counts: true,
      },
      {
        name: "REIMBURSEMENT FEES",
        total: "TOTAL REIMBURSEMENT FEES",
        issuer: s.reimbursement,
        counts: false,
      },
      { name: "VISA CHARGES", total: "TOTAL VISA CHARGES", issuer: s.charges, counts: false },
      { name: "TOTAL", total: "NET SETTLEMENT AMOUNT", issuer: s.total, counts: false },
    ]);
  },
};
