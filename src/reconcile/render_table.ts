/**
 * The reconciliation as a readable text table (the command's default output): the selection,
 * one line per date × currency × class with both sides, the differences and the status, the
 * headline totals per currency (with the VSS-110 net settlement, informational), the clearing
 * transactions no rule reconciles, and a one-line summary.
 *
 * Techniques: pure function of the result; amounts with thousands separators, exact text.
 *
 * @example
 * ```ts
 * import { renderTable } from "./render_table.ts";
 * // console.log(renderTable(await reconcile(db.sql, { date: "2024-07-05" })));
 * ```
 *
 * @module
 */

import { HEADLINE_FIGURES } from "./rules.ts";
import type { HeadlineRow, ReconciliationResult } from "./query.ts";
import { alignTable, describeSelection, describeSummary, groupDecimal as g } from "./format.ts";

const ROW_HEADER = [
  "date",
  "currency",
  "class",
  "report count",
  "report amount",
  "clearing count",
  "clearing amount",
  "count diff",
  "amount diff",
  "status",
];
const ROW_RIGHT = [false, false, false, true, true, true, true, true, true, false];

/** The headline figures of one currency as table rows (figure, reports, clearing, difference). */
export function headlineCells(h: HeadlineRow): string[][] {
  const record = h as unknown as Record<string, string | null>;
  const rows = HEADLINE_FIGURES.map((f) => [
    h.currency,
    f.label,
    g(record[`report_${f.name}`] ?? ""),
    g(record[`clearing_${f.name}`] ?? ""),
    g(record[`${f.name}_difference`] ?? ""),
  ]);
  rows.push([
    h.currency,
    "VSS-110 net settlement amount (funds entity, info)",
    h.vss110_net_settlement_amount === null ? "-" : g(h.vss110_net_settlement_amount),
    "",
    "",
  ]);
  return rows;
}

/** The whole result as text. */
export function renderTable(result: ReconciliationResult): string {
  const out: string[] = [`Reconciliation, ${describeSelection(result)}`, ""];
  if (result.rows.length === 0) {
    out.push("No report or clearing figures for this selection.");
  } else {
    out.push(
      alignTable(
        [
          ROW_HEADER,
          ...result.rows.map((r) => [
            r.proc_date,
            r.currency,
            r.transaction_class,
            g(r.report_count),
            g(r.report_amount),
            g(r.clearing_count),
            g(r.clearing_amount),
            g(r.count_difference),
            g(r.amount_difference),
            r.status === "matched" ? r.status : `** ${r.status}`,
          ]),
        ],
        ROW_RIGHT,
      ),
    );
  }
  if (result.headline.length > 0) {
    out.push(
      "",
      "Headline (differences are reports - clearing)",
      alignTable(
        [
          ["currency", "figure", "reports", "clearing", "difference"],
          ...result.headline.flatMap(headlineCells),
        ],
        [false, false, true, true, true],
      ),
    );
  }
  if (result.unclassified_clearing.length > 0) {
    out.push(
      "",
      "Clearing transactions no rule reconciles (not part of the status)",
      alignTable(
        [
          ["date", "currency", "type", "count", "amount"],
          ...result.unclassified_clearing.map((u) => [
            u.proc_date,
            u.currency,
            u.transaction_type,
            g(u.count),
            g(u.amount),
          ]),
        ],
        [false, false, false, true, true],
      ),
    );
  }
  out.push(
    "",
    `${describeSummary(result)}: ${result.all_matched ? "all matched" : "MISMATCH"}`,
  );
  return out.join("\n");
}
