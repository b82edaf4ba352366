/**
 * VSS-115 — SRE SETTLEMENT RECAP REPORT (layout notes §5.2): per entity and currency, the
 * settlement by business mode with credit, debit and total counts and amounts, ending with
 * the FINAL SETTLEMENT NET AMOUNT (equal to VSS-110's NET SETTLEMENT AMOUNT).
 *
 * Rows: ISSUER TRANSACTIONS lists PURCHASE (COMPRA), ATM CASH (SAQUE) and REVERSALS (both
 * reversal classes) when they occur, then TOTAL INTERCHANGE, REIMBURSEMENT FEES, VISA
 * CHARGES and TOTAL ISSUER; the ACQUIRER and OTHER blocks print 0.00 with blank counts.
 * Columns (RE): credit count 38, credit amount 57, debit count 73, debit amount 92, total
 * count 108, total amount 129 with `DB`/`CR`. Counts print only when non-zero.
 *
 * Techniques: the `Flow` sums of `settlement.ts`; each row prints what the flow holds.
 *
 * @example
 * ```ts
 * import { vss115 } from "./vss_115.ts";
 * vss115.title; // "SRE SETTLEMENT RECAP REPORT"
 * ```
 *
 * @module
 */

import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import { type Flow, net, settlementOf, ZERO } from "../settlement.ts";
import type { ReportDefinition } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_115: readonly string[] = padLines([
  "                       --------------CREDITS------------- ------------------DEBITS---------- ------------------TOTAL---------------",
  "                                 COUNT             AMOUNT           COUNT             AMOUNT           COUNT               AMOUNT",
]);

/** A recap row: `cr`/`db` are the counts of the credit and debit sides. */
function recap(label: string, f: Flow, cr: bigint, db: bigint): BodyLine {
  const line = new Line().put(2, label);
  if (cr > 0n) line.count(38, cr);
  line.amount(57, f.credit);
  if (db > 0n) line.count(73, db);
  line.amount(92, f.debit);
  if (cr + db > 0n) line.count(108, cr + db);
  return row(line.signed(129, net(f)));
}

function* body(s: ReturnType<typeof settlementOf>): Generator<BodyLine> {
  const cr = s.reversals.count;
  const db = s.purchase.count + s.atm.count;
  for (const [mode, total] of [["ACQUIRER", false], ["ISSUER", true], ["OTHER", false]] as const) {
    yield heading(2, `${mode} TRANSACTIONS`);
    if (total) {
      if (s.purchase.count > 0n) yield recap("PURCHASE", s.purchase, 0n, s.purchase.count);
      if (s.atm.count > 0n) yield recap("ATM CASH", s.atm, 0n, s.atm.count);
      if (s.reversals.count > 0n) yield recap("REVERSALS", s.reversals, s.reversals.count, 0n);
    }
    yield blank;
    yield recap(
      "TOTAL INTERCHANGE",
      total ? s.interchange : ZERO,
      total ? cr : 0n,
      total ? db : 0n,
    );
    yield recap("REIMBURSEMENT FEES", total ? s.reimbursement : ZERO, 0n, 0n);
    yield recap("VISA CHARGES", total ? s.charges : ZERO, 0n, 0n);
    yield blank;
    yield recap(`TOTAL ${mode}`, total ? s.total : ZERO, total ? cr : 0n, total ? db : 0n);
    yield blank;
  }
  yield recap("TOTAL", s.total, cr, db);
  yield blank;
  yield row(new Line().put(2, "FINAL SETTLEMENT NET AMOUNT").signed(129, net(s.total)));
}

/** VSS-115. */
export const vss115: ReportDefinition = {
  reportId: "VSS-115",
  title: "SRE SETTLEMENT RECAP REPORT",
  layout: { gap: 1, columns: COLUMNS_115, end: endMarker("VSS-115", 52) },
  currencies: [0, 1],
  levels: "all",
  body: (ctx, entity, currency) => body(settlementOf(ctx.agg, entity.index, currency)),
};
