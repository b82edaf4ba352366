/**
 * VSS-910 — Brazil national debit/cash settlement (title not confirmed; layout notes
 * §5.14), BRL withdrawals under the `BRAZIL CASH DISB NATL NET SERVICE`: per deferment
 * group, type ATM CASH, rows ORIGINAL WITHDRAWAL (SAQUE) and REVERSAL (REVERSO-DE-SAQUE) with
 * count, transaction amount, interchange fee and payment amount (= amount + fee), closed by
 * TOTAL ATM CASH and TOTAL <group>. No date column.
 *
 * Columns (RE): COUNT 64, TRANSACTION AMOUNT 83, INTERCHANGE FEE 105, PAYMENT AMOUNT 127 (all
 * three amounts `DB`/`CR`). Indents 2 / 4 / 6 / 8.
 *
 * @example
 * ```ts
 * import { vss910 } from "./vss_910.ts";
 * vss910.currencies; // [0]
 * ```
 *
 * @module
 */

import { SETTLEMENT_GROUPS } from "../aggregates.ts";
import { CASH_SERVICE, defermentLabel, REVERSO_DE_SAQUE, SAQUE } from "../catalog.ts";
import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import type { ReportDefinition } from "./common.ts";
import { deferments, groupRows, groupsWith } from "./settlement_dates.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_910: readonly string[] = padLines([
  "                                                           COUNT        TRANSACTION           INTERCHANGE               PAYMENT",
  "                                                                             AMOUNT                   FEE                AMOUNT",
]);

const CLASSES = [SAQUE, REVERSO_DE_SAQUE];

function line910(
  indent: number,
  label: string,
  count: bigint,
  amount: bigint,
  fee: bigint,
): BodyLine {
  return row(
    new Line().put(indent, label).count(64, count).signed(83, amount).signed(105, fee).signed(
      127,
      amount + fee,
    ),
  );
}

/** VSS-910. */
export const vss910: ReportDefinition = {
  reportId: "VSS-910",
  title: "(TITLE NOT CONFIRMED)",
  layout: { gap: 2, columns: COLUMNS_910, end: endMarker("VSS-910", 52) },
  currencies: [0],
  levels: "all",
  header: () => ({ service: CASH_SERVICE }),
  body(ctx, entity) {
    const lines: BodyLine[] = [heading(2, "ISSUER TRANSACTIONS"), { ...blank, keep: true }];
    for (const days of deferments(CLASSES)) {
      const rows = groupsWith(CLASSES, days).flatMap((g) => {
        const dated = groupRows(ctx, entity.index, g);
        if (dated.length === 0) return [];
        const sum = (f: (r: (typeof dated)[0]) => bigint) => dated.reduce((a, r) => a + f(r), 0n);
        const label = SETTLEMENT_GROUPS[g].klass === SAQUE ? "ORIGINAL WITHDRAWAL" : "REVERSAL";
        return [{
          label,
          count: sum((r) => r.count),
          amount: sum((r) => r.amount),
          fee: sum((r) => r.fee),
        }];
      });
      if (rows.length === 0) continue;
      const name = defermentLabel(days);
      lines.push(heading(4, name), heading(6, "ATM CASH"));
      for (const r of rows) lines.push(line910(8, r.label, r.count, r.amount, r.fee));
      const t = rows.reduce((a, r) => ({
        count: a.count + r.count,
        amount: a.amount + r.amount,
        fee: a.fee + r.fee,
      }), { count: 0n, amount: 0n, fee: 0n });
      lines.push(line910(6, "TOTAL ATM CASH", t.count, t.amount, t.fee));
      lines.push(line910(4, `TOTAL ${name}`, t.count, t.amount, t.fee), blank);
    }
    return lines.length > 2 ? lines : null;
  },
};
