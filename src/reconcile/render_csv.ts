/**
 * The reconciliation rows as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break), for spreadsheets and scripts. The header is the
 * column names of the `reconciliation` view; amounts are plain decimal text (`-1380500.00`).
 * Only the rows: the headline totals are in the JSON, table and HTML outputs.
 *
 * @example
 * ```ts
 * import { csvField } from "./render_csv.ts";
 * csvField('say "hi", then go'); // "\"say \"\"hi\"\", then go\""
 * ```
 *
 * @module
 */

import type { ReconciliationResult, ReconciliationRow } from "./query.ts";

/** The CSV columns, in order. */
export const CSV_COLUMNS: readonly (keyof ReconciliationRow)[] = [
  "proc_date",
  "currency",
  "transaction_class",
  "report_count",
  "report_amount",
  "clearing_count",
  "clearing_amount",
  "count_difference",
  "amount_difference",
  "status",
];

/** One field, quoted when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Header and one line per row, each ending in CRLF. */
export function renderCsv(result: ReconciliationResult): string {
  const lines = [
    CSV_COLUMNS.join(","),
    ...result.rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(",")),
  ];
  return lines.map((l) => `${l}\r\n`).join("");
}
