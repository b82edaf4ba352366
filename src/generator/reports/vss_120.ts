/**
 * VSS-120 — INTERCHANGE VALUE REPORT (layout notes §5.3): per entity and currency, the
 * issuer's transactions by type and cycle, with the currency table date, count, clearing
 * amount and interchange value credits/debits.
 *
 * Rows (consistency contract): under ` ISSUER TRANSACTIONS`, ` PURCHASE` holds ORIGINAL SALE
 * (COMPRA) and the purchase reversal (REVERSO-DE-COMPRA, printed `ORIGINAL SALE        RVRSL`
 * on even entity positions and `ORIGINAL SALE REVERSAL` on odd ones, both spellings the
 * classifier accepts); ` ATM CASH` holds ORIGINAL WITHDRAWAL (SAQUE) and REVERSAL
 * (REVERSO-DE-SAQUE). One row per class that has transactions: COUNT = the number of
 * transactions, CLEARING AMOUNT = Σ dest_value (DB for COMPRA/SAQUE, CR for reversals), the
 * same amount in the interchange credits (reversals) or debits column. TOTAL and NET rows are
 * the sums. An entity without transactions in the currency gets a NO DATA page.
 *
 * Columns (RE): table date cols 40–46, COUNT 66, CLEARING AMOUNT 87 (`DB`/`CR`), CREDITS 110,
 * DEBITS 131. END marker with two blanks inside the asterisks.
 *
 * @example
 * ```ts
 * import { vss120, REVERSAL_LABELS } from "./vss_120.ts";
 * REVERSAL_LABELS; // ["ORIGINAL SALE        RVRSL", "ORIGINAL SALE REVERSAL"]
 * ```
 *
 * @module
 */

import { addDays, ddmonyy } from "../calendar.ts";
import { COMPRA, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE, SAQUE } from "../catalog.ts";
import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import type { ReportDefinition } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_120: readonly string[] = padLines([
  "                                      CURRENCY               COUNT               CLEARING          INTERCHANGE          INTERCHANGE",
  "                                       TABLE                                      AMOUNT              VALUE                VALUE",
  "                                        DATE                                                         CREDITS               DEBITS",
]);

/** The two spellings of the purchase-reversal row. */
export const REVERSAL_LABELS = ["ORIGINAL SALE        RVRSL", "ORIGINAL SALE REVERSAL"] as const;

/** The sections of the report: heading, then (label, class) rows. */
export function sections120(entityIndex: number) {
  return [
    {
      type: "PURCHASE",
      rows: [
        { label: "ORIGINAL SALE", klass: COMPRA },
        { label: REVERSAL_LABELS[entityIndex % 2], klass: REVERSO_DE_COMPRA },
      ],
    },
    {
      type: "ATM CASH",
      rows: [
        { label: "ORIGINAL WITHDRAWAL", klass: SAQUE },
        { label: "REVERSAL", klass: REVERSO_DE_SAQUE },
      ],
    },
  ];
}

interface Sum {
  count: bigint;
  credit: bigint;
  debit: bigint;
}

function valueLine(indent: number, label: string, s: Sum, date: string | null): BodyLine {
  const line = new Line().put(indent, label);
  if (date) line.put(40, date);
  line.count(66, s.count).signed(87, s.credit - s.debit);
  return row(line.amountIfAny(110, s.credit).amountIfAny(131, s.debit));
}

function netLine(indent: number, label: string, s: Sum): BodyLine {
  const n = s.credit - s.debit;
  const line = new Line().put(indent, label);
  return row(n >= 0n ? line.amount(110, n) : line.amount(131, -n));
}

/** VSS-120. */
export const vss120: ReportDefinition = {
  reportId: "VSS-120",
  title: "INTERCHANGE VALUE REPORT",
  layout: { gap: 2, columns: COLUMNS_120, end: endMarker("VSS-120", 52, "  ") },
  currencies: [0, 1],
  levels: "all",
  header: (_ctx, _entity, currency) => ({ clearingCurrency: currency === 0 ? "BRL" : "USD" }),
  body(ctx, entity, currency) {
    const tableDate = ddmonyy(addDays(ctx.proc, -1));
    const all: Sum = { count: 0n, credit: 0n, debit: 0n };
    const lines: BodyLine[] = [heading(2, "ISSUER TRANSACTIONS"), { ...blank, keep: true }];
    for (const section of sections120(entity.index)) {
      const total: Sum = { count: 0n, credit: 0n, debit: 0n };
      const rows: BodyLine[] = [];
      for (const { label, klass } of section.rows) {
        const cell = ctx.agg.classCell(entity.index, currency, klass);
        if (cell.count === 0n) continue;
        const reversal = klass === REVERSO_DE_COMPRA || klass === REVERSO_DE_SAQUE;
        const s = {
          count: cell.count,
          credit: reversal ? cell.dest : 0n,
          debit: reversal ? 0n : cell.dest,
        };
        rows.push(valueLine(5, label, s, tableDate));
        total.count += s.count;
        total.credit += s.credit;
        total.debit += s.debit;
      }
      if (rows.length === 0) continue;
      lines.push(heading(4, section.type), ...rows, blank);
      lines.push(valueLine(4, `TOTAL ${section.type}`, total, null));
      lines.push(netLine(4, `NET   ${section.type}`, total), blank);
      all.count += total.count;
      all.credit += total.credit;
      all.debit += total.debit;
    }
    if (all.count === 0n) return null;
    lines.push(valueLine(2, "TOTAL ISSUER INTERCHANGE", all, null));
    lines.push(netLine(2, "NET   ISSUER INTERCHANGE", all));
    return lines;
  },
};
