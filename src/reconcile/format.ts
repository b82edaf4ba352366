/**
 * Small formatting helpers shared by the reconciliation renderers: thousands separators on
 * exact decimal text, the selection described in words, status labels, and an aligned text
 * table.
 *
 * Techniques: string manipulation only (no number ever goes through a float); column widths
 * computed from the content.
 *
 * @example
 * ```ts
 * import { groupDecimal } from "./format.ts";
 * groupDecimal("-1380500.00"); // "-1,380,500.00"
 * ```
 *
 * @module
 */

import type { ReconciliationResult } from "./query.ts";

/** Inserts thousands separators into decimal text; anything else is returned unchanged. */
export function groupDecimal(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return `${match[1]}${match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${match[3] ?? ""}`;
}

/** True when decimal text is zero (`0`, `0.00`, `-0.00`). */
export function isZero(text: string | null): boolean {
  return text !== null && /^-?0+(\.0+)?$/.test(text);
}

/** The selected dates in words: `all dates`, `2024-07-05`, `2024-07-01 to 2024-07-31`, … */
export function describeDates(filters: ReconciliationResult["filters"]): string {
  const { from, to } = filters;
  if (from === null && to === null) return "all dates";
  if (from !== null && from === to) return from;
  if (from === null) return `up to ${to}`;
  if (to === null) return `from ${from}`;
  return `${from} to ${to}`;
}

/** The selection in one line. */
export function describeSelection(result: ReconciliationResult): string {
  return `dates: ${describeDates(result.filters)}; currency: ${
    result.filters.currency ?? "all"
  }; tolerance: ${result.tolerance}`;
}

/** `12 rows: 11 matched, 1 mismatch, 0 only in reports, 0 only in clearing`. */
export function describeSummary(result: ReconciliationResult): string {
  const s = result.summary;
  return `${s.rows} row${s.rows === 1 ? "" : "s"}: ${s.matched} matched, ${s.mismatch} ` +
    `mismatch, ${s.only_in_reports} only in reports, ${s.only_in_clearing} only in clearing`;
}

/** Rows of cells as an aligned text table; `right[i]` right-aligns column i. */
export function alignTable(rows: readonly string[][], right: readonly boolean[]): string {
  if (rows.length === 0) return "";
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}
