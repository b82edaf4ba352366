/**
 * The reimbursement-fee tree of VSS-130 and VSS-930 (layout notes §5.4, §5.15): issuer
 * transactions by type, cycle, network and jurisdiction, with one row per fee program
 * (count, interchange amount, fee credits or debits) and a TOTAL row at every level.
 *
 * Types: PURCHASE / ORIGINAL SALE (COMPRA, fee credits), ATM CASH / ORIGINAL WITHDRAWAL
 * (SAQUE, fee credits), REVERSALS / PURCHASE REVERSAL and ATM CASH REVERSAL (the reversal
 * classes, fee debits). Networks: `VISA L.A.C.` with `BRAZIL - BRAZIL` for BRL, `VISA
 * INTERNATIONAL` with one jurisdiction per merchant region for USD. Empty branches are left
 * out. The fees are the leaf-rounded cents of the aggregates, so TOTAL ISSUER REIMB FEES
 * equals VSS-110's REIMBURSEMENT FEES issuer credit and debit.
 *
 * Columns (RE): COUNT 61, INTERCHANGE AMOUNT 84 (`DB`/`CR`), FEE CREDITS 109, FEE DEBITS 131.
 * Indents step by 3 (2 / 5 / 8 / 11 / 14 / 17).
 *
 * Techniques: the tree is data (type → cycle → region → program cells), summed bottom-up
 * while it is printed; a generator, so wide trees stream onto many pages.
 *
 * @example
 * ```ts
 * import { feeTreeBody } from "./fee_tree.ts";
 * // feeTreeBody(ctx, entity.index, 0, { purchases: true, withdrawals: true }) ?? "NO DATA"
 * ```
 *
 * @module
 */

import { ATM_PROGRAM, CURRENCIES, DOMESTIC_REGION, PROGRAMS, REGIONS } from "../catalog.ts";
import { blank, type BodyLine, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import type { ReportContext } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_130: readonly string[] = padLines([
  "                                                                                                REIMBURSEMENT         REIMBURSEMENT",
  "                                                        COUNT              INTERCHANGE               FEE                   FEE",
  "                                                                              AMOUNT               CREDITS                DEBITS",
]);

interface Sum {
  count: bigint;
  /** Interchange amount, signed (DB −). */
  amount: bigint;
  credit: bigint;
  debit: bigint;
}

const zero = (): Sum => ({ count: 0n, amount: 0n, credit: 0n, debit: 0n });

function add(to: Sum, s: Sum): void {
  to.count += s.count;
  to.amount += s.amount;
  to.credit += s.credit;
  to.debit += s.debit;
}

function feeLine(indent: number, label: string, s: Sum, counts = true): BodyLine {
  const line = new Line().put(indent, label);
  if (counts) line.count(61, s.count).signed(84, s.amount);
  return row(line.amountIfAny(109, s.credit).amountIfAny(131, s.debit));
}

function netLine(indent: number, label: string, s: Sum): BodyLine {
  const n = s.credit - s.debit;
  const line = new Line().put(indent, label);
  return row(n >= 0n ? line.amount(109, n) : line.amount(131, -n));
}

/** Which parts of the tree to print. */
export interface FeeTreeParts {
  purchases: boolean;
  withdrawals: boolean;
}

/** The body of a fee report for one entity and currency, or null when it has no rows. */
export function feeTreeBody(
  ctx: ReportContext,
  entity: number,
  currency: number,
  parts: FeeTreeParts,
): Iterable<BodyLine> | null {
  const { programs, regions } = ctx.scale;
  const regionLabels = currency === 0
    ? [DOMESTIC_REGION]
    : REGIONS.slice(0, regions).map((r) => r.label);
  const network = CURRENCIES[currency].network;
  const purchases = { programs: [...Array(programs).keys()] };
  const withdrawals = { programs: [programs] };
  const types = [
    ...(parts.purchases
      ? [{ name: "PURCHASE", reversal: false, cycles: [{ name: "ORIGINAL SALE", ...purchases }] }]
      : []),
    ...(parts.withdrawals
      ? [{
        name: "ATM CASH",
        reversal: false,
        cycles: [{ name: "ORIGINAL WITHDRAWAL", ...withdrawals }],
      }]
      : []),
    {
      name: "REVERSALS",
      reversal: true,
      cycles: [
        ...(parts.purchases ? [{ name: "PURCHASE REVERSAL", ...purchases }] : []),
        ...(parts.withdrawals ? [{ name: "ATM CASH REVERSAL", ...withdrawals }] : []),
      ],
    },
  ];
  const cell = (reversal: boolean, program: number, region: number): Sum => {
    const c = ctx.agg.feeCell(entity, currency, reversal, program, region);
    return {
      count: c.count,
      amount: reversal ? c.dest : -c.dest,
      credit: reversal ? 0n : c.fee,
      debit: reversal ? c.fee : 0n,
    };
  };
  const label = (program: number) => program < programs ? PROGRAMS[program].label : ATM_PROGRAM;
  const cycleHasRows = (reversal: boolean, cycle: { programs: number[] }) =>
    cycle.programs.some((p) => regionLabels.some((_, r) => cell(reversal, p, r).count > 0n));
  if (!types.some((t) => t.cycles.some((c) => cycleHasRows(t.reversal, c)))) return null;

  return (function* (): Generator<BodyLine> {
    yield heading(2, "ISSUER TRANSACTIONS");
    yield { ...blank, keep: true };
    const all = zero();
    for (const type of types) {
      const typeSum = zero();
      const cyclesWithData = type.cycles.filter((c) => cycleHasRows(type.reversal, c));
      if (cyclesWithData.length === 0) continue;
      yield heading(5, type.name);
      for (const cycle of cyclesWithData) {
        const cycleSum = zero();
        yield heading(8, cycle.name);
        yield heading(11, network);
        for (const [r, region] of regionLabels.entries()) {
          const cells = cycle.programs
            .map((p) => ({ p, s: cell(type.reversal, p, r) }))
            .filter((x) => x.s.count > 0n);
          if (cells.length === 0) continue;
          const regionSum = zero();
          yield heading(14, region);
          for (const { p, s } of cells) {
            yield feeLine(17, label(p), s);
            add(regionSum, s);
          }
          yield feeLine(14, `TOTAL ${region}`, regionSum);
          add(cycleSum, regionSum);
        }
        yield feeLine(11, `TOTAL ${network}`, cycleSum);
        yield feeLine(8, `TOTAL ${cycle.name}`, cycleSum);
        add(typeSum, cycleSum);
      }
      yield feeLine(5, `TOTAL ${type.name}`, typeSum);
      yield netLine(5, `NET   ${type.name}`, typeSum);
      yield blank;
      add(all, typeSum);
    }
    yield row(
      new Line().put(2, "TOTAL ISSUER REIMB FEES").amount(109, all.credit).amount(131, all.debit),
    );
    yield netLine(2, "NET   ISSUER REIMB FEES", all);
  })();
}
