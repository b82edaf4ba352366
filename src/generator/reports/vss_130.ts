/**
 * VSS-130 — REIMBURSEMENT FEES REPORT and VSS-930 (its Brazil cash-disbursement
 * counterpart, layout notes §5.4 and §5.15): the fee tree of `fee_tree.ts` per entity and
 * currency. VSS-130 covers every class in both currencies; VSS-930 covers the BRL
 * withdrawals (ATM CASH and their reversals) under the `BRAZIL CASH DISB NATL NET SERVICE`.
 *
 * Techniques: two small definitions over one shared builder.
 *
 * @example
 * ```ts
 * import { vss130, vss930 } from "./vss_130.ts";
 * vss930.currencies; // [0]: BRL only
 * ```
 *
 * @module
 */

import { CASH_SERVICE } from "../catalog.ts";
import { endMarker } from "../ep747_writer.ts";
import type { ReportDefinition } from "./common.ts";
import { COLUMNS_130, feeTreeBody } from "./fee_tree.ts";

/** VSS-130. */
export const vss130: ReportDefinition = {
  reportId: "VSS-130",
  title: "REIMBURSEMENT FEES REPORT",
  layout: { gap: 2, columns: COLUMNS_130, end: endMarker("VSS-130", 53) },
  currencies: [0, 1],
  levels: "all",
  body: (ctx, entity, currency) =>
    feeTreeBody(ctx, entity.index, currency, { purchases: true, withdrawals: true }),
};

/** VSS-930. */
export const vss930: ReportDefinition = {
  reportId: "VSS-930",
  title: "(TITLE NOT CONFIRMED)",
  layout: { gap: 2, columns: COLUMNS_130, end: endMarker("VSS-930", 53) },
  currencies: [0],
  levels: "all",
  header: () => ({ service: CASH_SERVICE }),
  body: (ctx, entity, currency) =>
    feeTreeBody(ctx, entity.index, currency, { purchases: false, withdrawals: true }),
};
