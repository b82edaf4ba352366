/**
 * The BRL settlement cells by deferment group and transaction date, shared by VSS-600,
 * VSS-610 and VSS-910: which groups exist, the date of each date index (oldest first), and
 * the signed figures of a cell (principal and fee have opposite signs, §5.11).
 *
 * The deferment group of a transaction is `clearing_settlement_date − source_date` in days
 * (27-DAY DEFER, 02-DAY DEFER, NO DEFERMENT); the row date is the transaction's local_date.
 *
 * Techniques: date index ↔ date arithmetic in one place (`index = monthsBack × window +
 * daysBack − 1`, date = processing date − daysBack − 30 × monthsBack).
 *
 * @example
 * ```ts
 * import { datesOldestFirst } from "./settlement_dates.ts";
 * // for (const { index, date } of datesOldestFirst(ctx)) …
 * ```
 *
 * @module
 */

import { SETTLEMENT_GROUPS } from "../aggregates.ts";
import { addDays } from "../calendar.ts";
import { INSTALMENT_MONTHS, isReversal } from "../catalog.ts";
import type { ReportContext } from "./common.ts";

/** A date index and its date. */
export interface DatedIndex {
  index: number;
  date: Date;
}

/** The date of a date index. */
export function dateOfIndex(proc: Date, window: number, index: number): Date {
  const months = Math.floor(index / window);
  const days = (index % window) + 1;
  return addDays(proc, -days - 30 * months);
}

/** Every date index, oldest date first. */
export function datesOldestFirst(ctx: ReportContext): DatedIndex[] {
  const out: DatedIndex[] = [];
  const w = ctx.scale.window;
  for (let m = INSTALMENT_MONTHS - 1; m >= 0; m--) {
    for (let d = w; d >= 1; d--) {
      const index = m * w + d - 1;
      out.push({ index, date: dateOfIndex(ctx.proc, w, index) });
    }
  }
  return out;
}

/** One dated settlement row: count, principal and fee signed (CR +, DB −). */
export interface SettlementRow {
  date: Date;
  count: bigint;
  amount: bigint;
  fee: bigint;
}

/** The non-empty dated rows of a settlement group, oldest first. */
export function groupRows(ctx: ReportContext, entity: number, group: number): SettlementRow[] {
  const reversal = isReversal(SETTLEMENT_GROUPS[group].klass);
  const rows: SettlementRow[] = [];
  for (const { index, date } of datesOldestFirst(ctx)) {
    const c = ctx.agg.settlementCell(entity, group, index);
    if (c.count === 0n) continue;
    rows.push({
      date,
      count: c.count,
      amount: reversal ? c.dest : -c.dest,
      fee: reversal ? -c.fee : c.fee,
    });
  }
  return rows;
}

/** The deferment days of the groups holding `classes`, longest first, without repeats. */
export function deferments(classes: readonly number[]): number[] {
  const days = SETTLEMENT_GROUPS.filter((g) => classes.includes(g.klass)).map((g) => g.days);
  return [...new Set(days)].sort((a, b) => b - a);
}

/** The groups of `classes` with `days` of deferment, in group order. */
export function groupsWith(classes: readonly number[], days: number): number[] {
  return SETTLEMENT_GROUPS.flatMap((g, i) =>
    g.days === days && classes.includes(g.klass) ? [i] : []
  );
}
