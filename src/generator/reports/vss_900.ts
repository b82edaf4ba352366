/**
 * VSS-900 — RECONCILIATION REPORT and VSS-900-S — SUMMARY RECONCILIATION REPORT (layout
 * notes §5.13): what Visa sent the entity, by clearing currency and business mode.
 *
 * VSS-900 (every entity and currency): a `CLEARING CURRENCY:` block (the settlement
 * currency) with, per type and cycle, `RECEIVED FROM VISA` (CRS date = processing date,
 * count = the clearing records of that class, clearing amount = Σ dest_value, DB for
 * COMPRA/SAQUE, CR for reversals) and its TOTAL SENT TO SETTLEMENT / TOTAL TRANSACTIONS
 * rows; then TOTAL ISSUER TRANSACTIONS; then a `CLEARING CURRENCY:  NONE` block counting the
 * POS authorisations (records with an authorization_date). VSS-900-S (rollups and the funds
 * entity; no ROLLUP TO or FUNDS XFER lines) summarises the same figures per currency block
 * and for `ALL`.
 *
 * Columns (RE): CRS date 44–50, COUNT 66, CLEARING AMOUNT 86 (`DB`/`CR`), TOTAL COUNT 105,
 * TOTAL CLEARING AMOUNT 128 (`DB`/`CR`). The first block's `CLEARING CURRENCY:` and
 * `BUSINESS MODE:` lines precede the column headers on the first page, as in the example.
 *
 * @example
 * ```ts
 * import { vss900, vss900s } from "./vss_900.ts";
 * vss900s.reportId; // "VSS-900-S"
 * ```
 *
 * @module
 */

import { COMPRA, CURRENCIES, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE, SAQUE } from "../catalog.ts";
import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { BLANK, Line, padLines, textLine } from "../fixed_width.ts";
import type { ReportContext, ReportDefinition } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_900: readonly string[] = padLines([
  "                                           CRS               COUNT            CLEARING              TOTAL                  TOTAL",
  "                                           DATE                                 AMOUNT              COUNT               CLEARING",
  "                                                                                                                          AMOUNT",
]);

const TYPES = [
  { type: "PURCHASE", cycles: [["ORIGINAL SALE", COMPRA]] },
  { type: "ATM CASH", cycles: [["ORIGINAL WITHDRAWAL", SAQUE]] },
  {
    type: "REVERSAL",
    cycles: [["PURCHASE REVERSAL", REVERSO_DE_COMPRA], ["ATM CASH REVERSAL", REVERSO_DE_SAQUE]],
  },
] as const;

/** The two lines that open a block. */
function blockLines(currency: string): string[] {
  return [
    new Line().put(2, "CLEARING CURRENCY:").put(22, currency).toString(),
    new Line().put(2, "BUSINESS MODE:").put(22, "ISSUER TRANSACTIONS").toString(),
  ];
}

function detail(
  label: string,
  count: bigint,
  amount: bigint | null,
  date: string | null,
): BodyLine {
  const line = new Line().put(10, label);
  if (date) line.put(44, date);
  line.count(66, count);
  if (amount !== null) line.signed(86, amount);
  return row(line);
}

function total(label: string, count: bigint, amount: bigint | null): BodyLine {
  const line = new Line().put(8, label).count(105, count);
  if (amount !== null) line.signed(128, amount);
  return row(line);
}

/** Counts and signed clearing amounts of one currency, per class. */
function classes(ctx: ReportContext, entity: number, currency: number) {
  return [COMPRA, SAQUE, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE].map((k) => {
    const c = ctx.agg.classCell(entity, currency, k);
    return {
      klass: k,
      count: c.count,
      amount: k >= 2 ? c.dest : -c.dest,
      authorized: c.authorized,
    };
  });
}

function* nonFinancial(authorized: bigint): Generator<BodyLine> {
  yield blank;
  for (const l of blockLines("NONE")) yield { text: l, keep: true };
  yield { text: BLANK, keep: true };
  yield heading(2, "POS AUTHORIZATION");
  yield heading(8, "NON-FINANCIAL TRANSACTIONS");
  yield detail("RECEIVED FROM VISA", authorized, null, null);
  yield total("TOTAL NON-FINANCIAL", authorized, null);
}

/** VSS-900. */
export const vss900: ReportDefinition = {
  reportId: "VSS-900",
  title: "RECONCILIATION REPORT",
  layout: { gap: 1, columns: COLUMNS_900, end: endMarker("VSS-900", 52) },
  lead: (_ctx, _entity, currency) => [...blockLines(CURRENCIES[currency].code), BLANK],
  currencies: [0, 1],
  levels: "all",
  body(ctx, entity, currency) {
    const cells = classes(ctx, entity.index, currency);
    const count = cells.reduce((a, c) => a + c.count, 0n);
    if (count === 0n) return null;
    const amount = cells.reduce((a, c) => a + c.amount, 0n);
    const authorized = cells.reduce((a, c) => a + c.authorized, 0n);
    const lines: BodyLine[] = [];
    for (const t of TYPES) {
      const present = t.cycles.filter(([, k]) => cells[k].count > 0n);
      if (present.length === 0) continue;
      lines.push(heading(2, t.type));
      for (const [cycle, k] of present) {
        const c = cells[k];
        lines.push(heading(6, cycle));
        lines.push(detail("RECEIVED FROM VISA", c.count, c.amount, ctx.procText));
        lines.push(total("TOTAL SENT TO SETTLEMENT", c.count, c.amount));
        lines.push(total("TOTAL TRANSACTIONS", c.count, c.amount));
      }
      lines.push(blank);
    }
    lines.push(heading(2, "TOTAL ISSUER TRANSACTIONS"), heading(8, "FINANCIAL TRANSACTIONS"));
    lines.push(detail("RECEIVED FROM VISA", count, amount, null));
    lines.push(total("TOTAL SENT TO SETTLEMENT", count, amount));
    lines.push(...nonFinancial(authorized));
    return lines;
  },
};

/** VSS-900-S. */
export const vss900s: ReportDefinition = {
  reportId: "VSS-900-S",
  title: "SUMMARY RECONCILIATION REPORT",
  layout: { gap: 1, columns: COLUMNS_900, end: endMarker("VSS-900-S", 51) },
  lead: (_ctx, _entity, currency) => [...blockLines(CURRENCIES[currency].code), BLANK],
  currencies: [0, 1],
  levels: "groups",
  header: () => ({ rollup: null, funds: null }),
  body(ctx, entity, currency) {
    const cells = classes(ctx, entity.index, currency);
    const count = cells.reduce((a, c) => a + c.count, 0n);
    if (count === 0n) return null;
    const amount = cells.reduce((a, c) => a + c.amount, 0n);
    const authorized = cells.reduce((a, c) => a + c.authorized, 0n);
    const code = CURRENCIES[currency].code;
    return [
      heading(2, "FINANCIAL TRANSACTIONS"),
      detail("RECEIVED FROM VISA", count, amount, null),
      total("TOTAL SENT TO SETTLEMENT", count, amount),
      blank,
      heading(2, `TOTAL CLEARING CURRENCY: ${code}`),
      total("TOTAL TRANSACTIONS", count, amount),
      ...nonFinancial(authorized),
      blank,
      { text: textLine(2, "CLEARING CURRENCY:  ALL"), keep: true },
      total("TOTAL TRANSACTIONS", count, amount),
      total("TOTAL NON-FINANCIAL", authorized, null),
    ];
  },
};
