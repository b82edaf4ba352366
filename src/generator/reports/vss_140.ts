/**
 * VSS-140 — VISA CHARGES REPORT (layout notes §5.6) and VSS-230 — VISA CHARGES
 * RECONCILIATION REPORT (§5.9).
 *
 * VSS-140, USD: per charge type (INTERNATIONAL SERVICE ASSESSMENT, CURRENCY CONVERSION FEES)
 * the issuer's purchases by merchant region under VISA INTERNATIONAL: count, interchange
 * amount (DB) and the charge (debit), with TOTAL/NET rows at each level, indented like the
 * notes' example (2 / 4 / 6 / 8 / 10 / 13). TOTAL ISSUER CHARGES equals VSS-110's VISA
 * CHARGES debit. BRL entities have no Visa charges: a NO DATA page. VSS-230 is always NO
 * DATA, as in every known file.
 *
 * Columns (RE): COUNT 66, INTERCHANGE AMOUNT 87 (`DB`/`CR`), CREDITS 110, DEBITS 131.
 *
 * @example
 * ```ts
 * import { vss140, vss230 } from "./vss_140.ts";
 * vss230.body({} as never, {} as never, 0); // null: NO DATA
 * ```
 *
 * @module
 */

import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import { chargesByRegion } from "./charges.ts";
import type { ReportDefinition } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_140: readonly string[] = padLines([
  "                                                             COUNT          INTERCHANGE           VISA CHARGES         VISA CHARGES",
  "                                                                                 AMOUNT                CREDITS               DEBITS",
]);

function full(
  indent: number,
  label: string,
  count: bigint,
  dest: bigint,
  charge: bigint,
): BodyLine {
  return row(new Line().put(indent, label).count(66, count).signed(87, -dest).amount(131, charge));
}

function chargeOnly(indent: number, label: string, charge: bigint): BodyLine {
  return row(new Line().put(indent, label).amount(131, charge));
}

/** VSS-140. */
export const vss140: ReportDefinition = {
  reportId: "VSS-140",
  title: "VISA CHARGES REPORT",
  layout: { gap: 2, columns: COLUMNS_140, end: endMarker("VSS-140", 53) },
  currencies: [0, 1],
  levels: "all",
  body(ctx, entity, currency) {
    if (currency !== 1) return null;
    const regions = chargesByRegion(ctx, entity.index);
    const types = [
      { name: "INTERNATIONAL SERVICE ASSESSMENT", of: (r: (typeof regions)[0]) => r.isa },
      { name: "CURRENCY CONVERSION FEES", of: (r: (typeof regions)[0]) => r.ccf },
    ];
    const lines: BodyLine[] = [heading(2, "ISSUER TRANSACTIONS"), { ...blank, keep: true }];
    let total = 0n;
    for (const type of types) {
      const rows = regions.filter((r) => r.count > 0n && type.of(r) > 0n);
      if (rows.length === 0) continue;
      const count = rows.reduce((a, r) => a + r.count, 0n);
      const dest = rows.reduce((a, r) => a + r.dest, 0n);
      const charge = rows.reduce((a, r) => a + type.of(r), 0n);
      lines.push(heading(4, type.name), { ...blank, keep: true });
      lines.push(
        heading(6, "PURCHASE"),
        heading(8, "ORIGINAL SALE"),
        heading(10, "VISA INTERNATIONAL"),
      );
      for (const r of rows) lines.push(full(13, r.label, r.count, r.dest, type.of(r)));
      lines.push(chargeOnly(10, "TOTAL VISA INTERNATIONAL", charge));
      lines.push(full(8, "TOTAL PURCHASE", count, dest, charge));
      lines.push(chargeOnly(8, "NET   PURCHASE", charge), blank);
      lines.push(full(4, `TOTAL ${type.name}`, count, dest, charge));
      lines.push(chargeOnly(4, `NET   ${type.name}`, charge), blank);
      total += charge;
    }
    if (total === 0n) return null;
    lines.push(chargeOnly(2, "TOTAL ISSUER CHARGES", total));
    lines.push(chargeOnly(2, "NET   ISSUER CHARGES", total));
    return lines;
  },
};

/** VSS-230. */
export const vss230: ReportDefinition = {
  reportId: "VSS-230",
  title: "VISA CHARGES RECONCILIATION REPORT",
  layout: { gap: 2, columns: [], end: endMarker("VSS-230", 53) },
  currencies: [0, 1],
  levels: "all",
  body: () => null,
};
