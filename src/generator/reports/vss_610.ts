/**
 * VSS-610 — Brazil national settlement by processing date (title not confirmed; layout
 * notes §5.12), every BRL class: under ISSUER TRANSACTIONS, per deferment group, one row per
 * class and transaction date — PURCHASE (COMPRA), PURCHASE REVERSAL, ATM CASH (SAQUE), ATM
 * CASH REVERSAL — with processing date, count, transaction amount and interchange fee; TOTAL
 * <group> rows and a TOTAL ISSUER TRANSACTIONS row.
 *
 * Columns (the notes' reconstructed example): date 35–41, COUNT 64, TRANSACTION AMOUNT 96,
 * INTERCHANGE FEE 129 (both `DB`/`CR`).
 *
 * @example
 * ```ts
 * import { vss610 } from "./vss_610.ts";
 * vss610.layout.gap; // 2
 * ```
 *
 * @module
 */

import { SETTLEMENT_GROUPS } from "../aggregates.ts";
import { ddmonyy } from "../calendar.ts";
import { COMPRA, defermentLabel, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE, SAQUE } from "../catalog.ts";
import type { Entity } from "../entities.ts";
import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import type { ReportContext, ReportDefinition } from "./common.ts";
import { deferments, groupRows, groupsWith } from "./settlement_dates.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_610: readonly string[] = padLines([
  "                               PROCESSING                  COUNT                     TRANSACTION                      INTERCHANGE",
  "                                    DATE                                                  AMOUNT                              FEE",
]);

const CLASSES = [COMPRA, SAQUE, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE];
const LABELS: Record<number, string> = {
  [COMPRA]: "PURCHASE",
  [SAQUE]: "ATM CASH",
  [REVERSO_DE_COMPRA]: "PURCHASE REVERSAL",
  [REVERSO_DE_SAQUE]: "ATM CASH REVERSAL",
};

function line610(
  indent: number,
  label: string,
  count: bigint,
  amount: bigint,
  fee: bigint,
  date: Date | null,
) {
  const line = new Line().put(indent, label);
  if (date) line.put(35, ddmonyy(date));
  return row(line.count(64, count).signed(96, amount).signed(129, fee));
}

function* body(ctx: ReportContext, entity: Entity): Generator<BodyLine> {
  yield heading(2, "ISSUER TRANSACTIONS");
  let count = 0n, amount = 0n, fee = 0n;
  for (const days of deferments(CLASSES)) {
    const groups = groupsWith(CLASSES, days).map((g) => ({
      g,
      rows: groupRows(ctx, entity.index, g),
    }))
      .filter((x) => x.rows.length > 0);
    if (groups.length === 0) continue;
    const name = defermentLabel(days);
    yield heading(4, name);
    let c = 0n, a = 0n, f = 0n;
    for (const { g, rows } of groups) {
      for (const r of rows) {
        yield line610(6, LABELS[SETTLEMENT_GROUPS[g].klass], r.count, r.amount, r.fee, r.date);
        c += r.count;
        a += r.amount;
        f += r.fee;
      }
    }
    yield line610(4, `TOTAL ${name}`, c, a, f, null);
    yield blank;
    count += c;
    amount += a;
    fee += f;
  }
  yield line610(2, "TOTAL ISSUER TRANSACTIONS", count, amount, fee, null);
}

/** VSS-610. */
export const vss610: ReportDefinition = {
  reportId: "VSS-610",
  title: "(TITLE NOT CONFIRMED)",
  layout: { gap: 2, columns: COLUMNS_610, end: endMarker("VSS-610", 52) },
  currencies: [0],
  levels: "all",
  body(ctx, entity) {
    const any = CLASSES.some((k) => ctx.agg.classCell(entity.index, 0, k).count > 0n);
    return any ? body(ctx, entity) : null;
  },
};
