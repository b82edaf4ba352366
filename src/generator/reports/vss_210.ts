/**
 * VSS-210 — CURRENCY CONVERSION FEES REPORT (layout notes §5.7) and VSS-215 —
 * INTERNATIONAL SERVICE ASSESSMENT REPORT (§5.8), USD only (BRL pages are NO DATA).
 *
 * Rows: ISSUER TRANSACTIONS, PURCHASE, ORIGINAL SALE, then the `VISA INTERNATIONAL` row with
 * five values: settlement interchange amount (Σ dest_value, DB), the settlement fee, the
 * clearing interchange amount and fee (clearing currency = settlement currency, USD, in the
 * generated clearing data) and the optional issuer fee (0.00). `TOTAL PURCHASE` and the
 * report total are label-only lines followed by a value-only line (kept on one page).
 * VSS-215's assessment columns carry `DB`.
 *
 * Columns (RE): 49 (`DB`/`CR`), 70, 91 (`DB`/`CR`), 111, 129 (`DB`/`CR`); VSS-215 also signs
 * columns 70 and 111.
 *
 * @example
 * ```ts
 * import { vss210, vss215 } from "./vss_210.ts";
 * vss215.title; // "INTERNATIONAL SERVICE ASSESSMENT REPORT"
 * ```
 *
 * @module
 */

import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import { chargesByRegion, type RegionCharges } from "./charges.ts";
import type { ReportDefinition } from "./common.ts";

/** Column headers of VSS-210, as in the layout notes' example page. */
export const COLUMNS_210: readonly string[] = padLines([
  "                              **********SETTLEMENT CURRENCY***********  *********************CLEARING CURRENCY*********************",
  "                                      INTERCHANGE           CONVERSION          INTERCHANGE          CONVERSION        OPT ISSUER",
  "                                           AMOUNT                  FEE               AMOUNT                 FEE               FEE",
]);

/** Column headers of VSS-215, as in the layout notes' example page. */
export const COLUMNS_215: readonly string[] = padLines([
  "                              **********SETTLEMENT CURRENCY***********  *********************CLEARING CURRENCY*********************",
  "                                      INTERCHANGE         INTL SERVICE          INTERCHANGE        INTL SERVICE           OPT ISA",
  "                                           AMOUNT           ASSESSMENT               AMOUNT          ASSESSMENT               FEE",
]);

function values(line: Line, dest: bigint, fee: bigint, signedFee: boolean): BodyLine {
  line.signed(49, -dest);
  if (signedFee) line.signed(70, -fee);
  else line.amount(70, fee);
  line.signed(91, -dest);
  if (signedFee) line.signed(111, -fee);
  else line.amount(111, fee);
  return row(line.signed(129, 0n));
}

function definition(
  reportId: string,
  title: string,
  columns: readonly string[],
  totalLabel: string,
  fee: (r: RegionCharges) => bigint,
  signedFee: boolean,
): ReportDefinition {
  return {
    reportId,
    title,
    layout: { gap: 1, columns, end: endMarker(reportId, 53) },
    currencies: [0, 1],
    levels: "all",
    header: (_ctx, _entity, currency) => ({ clearingCurrency: currency === 0 ? "BRL" : "USD" }),
    body(ctx, entity, currency) {
      if (currency !== 1) return null;
      const regions = chargesByRegion(ctx, entity.index).filter((r) => r.count > 0n);
      if (regions.length === 0) return null;
      const dest = regions.reduce((a, r) => a + r.dest, 0n);
      const total = regions.reduce((a, r) => a + fee(r), 0n);
      const lines: BodyLine[] = [
        heading(2, "ISSUER TRANSACTIONS"),
        { ...blank, keep: true },
        heading(2, "PURCHASE"),
        heading(3, "ORIGINAL SALE"),
        values(new Line().put(4, "VISA INTERNATIONAL"), dest, total, signedFee),
        blank,
        heading(2, "TOTAL PURCHASE"),
        values(new Line(), dest, total, signedFee),
        blank,
        heading(2, totalLabel),
        values(new Line(), dest, total, signedFee),
      ];
      return lines;
    },
  };
}

/** VSS-210. */
export const vss210: ReportDefinition = definition(
  "VSS-210",
  "CURRENCY CONVERSION FEES REPORT",
  COLUMNS_210,
  "TOTAL CURRENCY CONVERSION FEES",
  (r) => r.ccf,
  false,
);

/** VSS-215. */
export const vss215: ReportDefinition = definition(
  "VSS-215",
  "INTERNATIONAL SERVICE ASSESSMENT REPORT",
  COLUMNS_215,
  "TOTAL INTL SERVICE ASSESSMENT",
  (r) => r.isa,
  true,
);
