/**
 * VSS-135 — the clearing/reimbursement fees recap (title not confirmed; layout notes §5.5):
 * per entity and currency, one row per class with two groups of (count, interchange amount,
 * reimbursement fee): in the settlement currency (Σ dest_value, the leaf-rounded fee) and in
 * the cardholder's billing currency BRL (Σ cdt_amount, the commission converted at each
 * record's issuer_exchange_rate, rounded per leaf).
 *
 * Rows: ISSUER TRANSACTIONS / PURCHASE (ORIGINAL SALE, ORIGINAL SALE REVERSAL) and ATM CASH
 * (ORIGINAL WITHDRAWAL, REVERSAL), each type closed by a TOTAL row. The notes' example is
 * marked "positions invented" and is too narrow for large amounts, so this layout keeps the
 * example's header words but spaces the six columns to hold 14-character amounts: RE 40, 58
 * (`DB`/`CR`), 75, 88, 108 (`DB`/`CR`), 131 — the header words end on those columns.
 *
 * @example
 * ```ts
 * import { vss135 } from "./vss_135.ts";
 * vss135.layout.columns.length; // 2
 * ```
 *
 * @module
 */

import { COMPRA, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE, SAQUE } from "../catalog.ts";
import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import type { ReportContext, ReportDefinition } from "./common.ts";

/** Column headers: the example's words, right-aligned on this layout's value columns. */
export const COLUMNS_135: readonly string[] = [
  new Line().right(40, "COUNT").right(58, "INTERCHANGE").right(75, "REIMB FEES").right(88, "COUNT")
    .right(108, "INTERCHANGE").right(131, "REIMB FEE").toString(),
  new Line().right(58, "AMOUNT").right(108, "AMOUNT").toString(),
];

interface Group {
  count: bigint;
  amount: bigint;
  fee: bigint;
}

function line135(indent: number, label: string, a: Group, b: Group): BodyLine {
  return row(
    new Line().put(indent, label)
      .count(40, a.count).signed(58, a.amount).amount(75, a.fee)
      .count(88, b.count).signed(108, b.amount).amount(131, b.fee),
  );
}

const TYPES = [
  {
    name: "PURCHASE",
    rows: [["ORIGINAL SALE", COMPRA], ["ORIGINAL SALE REVERSAL", REVERSO_DE_COMPRA]],
  },
  { name: "ATM CASH", rows: [["ORIGINAL WITHDRAWAL", SAQUE], ["REVERSAL", REVERSO_DE_SAQUE]] },
] as const;

/** The settlement-currency fee of a class: its fee cells, summed. */
function classFee(ctx: ReportContext, entity: number, currency: number, klass: number): bigint {
  const reversal = klass === REVERSO_DE_COMPRA || klass === REVERSO_DE_SAQUE;
  const withdrawal = klass === SAQUE || klass === REVERSO_DE_SAQUE;
  const { programs, regions } = ctx.scale;
  let fee = 0n;
  for (let p = withdrawal ? programs : 0; p < (withdrawal ? programs + 1 : programs); p++) {
    for (let r = 0; r < (currency === 0 ? 1 : regions); r++) {
      fee += ctx.agg.feeCell(entity, currency, reversal, p, r).fee;
    }
  }
  return fee;
}

/** VSS-135. */
export const vss135: ReportDefinition = {
  reportId: "VSS-135",
  title: "(TITLE NOT CONFIRMED)",
  layout: { gap: 2, columns: padLines(COLUMNS_135), end: endMarker("VSS-135", 53) },
  currencies: [0, 1],
  levels: "all",
  body(ctx, entity, currency) {
    const lines: BodyLine[] = [heading(2, "ISSUER TRANSACTIONS")];
    for (const type of TYPES) {
      const a: Group = { count: 0n, amount: 0n, fee: 0n };
      const b: Group = { count: 0n, amount: 0n, fee: 0n };
      const rows: BodyLine[] = [];
      for (const [label, klass] of type.rows) {
        const c = ctx.agg.classCell(entity.index, currency, klass);
        if (c.count === 0n) continue;
        const sign = klass === REVERSO_DE_COMPRA || klass === REVERSO_DE_SAQUE ? 1n : -1n;
        const ga = {
          count: c.count,
          amount: sign * c.dest,
          fee: classFee(ctx, entity.index, currency, klass),
        };
        const gb = { count: c.count, amount: sign * c.cdt, fee: c.feeBrl };
        rows.push(line135(8, label, ga, gb));
        for (const [to, from] of [[a, ga], [b, gb]]) {
          to.count += from.count;
          to.amount += from.amount;
          to.fee += from.fee;
        }
      }
      if (rows.length === 0) continue;
      lines.push(heading(5, type.name), ...rows, line135(5, `TOTAL ${type.name}`, a, b), blank);
    }
    return lines.length > 1 ? lines : null;
  },
};
