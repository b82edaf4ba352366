/**
 * VSS-600 — Brazil national credit settlement with deferment (title not confirmed; layout
 * notes §5.11), BRL purchases: per deferment group (27-DAY DEFER, 02-DAY DEFER, NO
 * DEFERMENT), type PURCHASE, one row per transaction date (local_date) and cycle (ORIGINAL
 * SALE for COMPRA, REVERSAL for REVERSO-DE-COMPRA): processing date, count, transaction
 * amount, interchange fee, processing charge (0.00) and settlement amount (= amount + fee),
 * closed by TOTAL PURCHASE and TOTAL <group>. Counts and amounts are exact sums of the
 * clearing records; fees are the leaf-rounded cents.
 *
 * Columns (RE): date 24–30, COUNT 42, TRANSACTION AMOUNT 62, INTERCHANGE FEE 84, PROCESSING
 * CHARGE 106, SETTLEMENT AMOUNT 128 (signed columns carry `DB`/`CR`).
 *
 * @example
 * ```ts
 * import { vss600 } from "./vss_600.ts";
 * vss600.currencies; // [0]
 * ```
 *
 * @module
 */

import { ddmonyy } from "../calendar.ts";
import { COMPRA, defermentLabel, REVERSO_DE_COMPRA } from "../catalog.ts";
import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import type { ReportContext, ReportDefinition } from "./common.ts";
import { deferments, groupRows, groupsWith } from "./settlement_dates.ts";
import { SETTLEMENT_GROUPS } from "../aggregates.ts";
import type { Entity } from "../entities.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_600: readonly string[] = padLines([
  "                       PROCESSING    COUNT         TRANSACTION           INTERCHANGE            PROCESSING            SETTLEMENT",
  "                          DATE                          AMOUNT                   FEE                CHARGE                AMOUNT",
]);

const CLASSES = [COMPRA, REVERSO_DE_COMPRA];

function line600(
  indent: number,
  label: string,
  count: bigint,
  amount: bigint,
  fee: bigint,
  date: Date | null,
) {
  const line = new Line().put(indent, label);
  if (date) line.put(24, ddmonyy(date));
  return row(
    line.count(42, count).signed(62, amount).signed(84, fee).amount(106, 0n).signed(
      128,
      amount + fee,
    ),
  );
}

function* body(ctx: ReportContext, entity: Entity): Generator<BodyLine> {
  yield heading(2, "ISSUER TRANSACTIONS");
  yield { ...blank, keep: true };
  for (const days of deferments(CLASSES)) {
    const groups = groupsWith(CLASSES, days).map((g) => ({
      g,
      rows: groupRows(ctx, entity.index, g),
    }))
      .filter((x) => x.rows.length > 0);
    if (groups.length === 0) continue;
    const name = defermentLabel(days);
    yield heading(2, name);
    yield heading(4, "PURCHASE");
    let count = 0n, amount = 0n, fee = 0n;
    for (const { g, rows } of groups) {
      const label = SETTLEMENT_GROUPS[g].klass === COMPRA ? "ORIGINAL SALE" : "REVERSAL";
      for (const r of rows) {
        yield line600(6, label, r.count, r.amount, r.fee, r.date);
        count += r.count;
        amount += r.amount;
        fee += r.fee;
      }
    }
    yield line600(4, "TOTAL PURCHASE", count, amount, fee, null);
    yield line600(2, `TOTAL ${name}`, count, amount, fee, null);
    yield blank;
  }
}

/** VSS-600. */
export const vss600: ReportDefinition = {
  reportId: "VSS-600",
  title: "(TITLE NOT CONFIRMED)",
  layout: { gap: 2, columns: COLUMNS_600, end: endMarker("VSS-600", 52) },
  currencies: [0],
  levels: "all",
  body(ctx, entity) {
    const any = CLASSES.some((k) => ctx.agg.classCell(entity.index, 0, k).count > 0n);
    return any ? body(ctx, entity) : null;
  },
};
