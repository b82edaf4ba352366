/**
 * The output formats of `finstream reconcile`: `table` (readable text, the default), `json`
 * (the whole {@link ReconciliationResult} as one line), `csv` (the rows) and `html` (a
 * self-contained page).
 *
 * @example
 * ```ts
 * import { isReconcileFormat, renderReconciliation } from "./render.ts";
 * isReconcileFormat("csv"); // true
 * // renderReconciliation(result, "html");
 * ```
 *
 * @module
 */

import type { ReconciliationResult } from "./query.ts";
import { renderCsv } from "./render_csv.ts";
import { renderHtml } from "./render_html.ts";
import { renderTable } from "./render_table.ts";

/** The formats, the default first. */
export const RECONCILE_FORMATS = ["table", "json", "csv", "html"] as const;

/** One of {@link RECONCILE_FORMATS}. */
export type ReconcileFormat = typeof RECONCILE_FORMATS[number];

/** True for a known format name. */
export function isReconcileFormat(name: string): name is ReconcileFormat {
  return (RECONCILE_FORMATS as readonly string[]).includes(name);
}

/** The result in `format`; text ends with a newline. */
export function renderReconciliation(
  result: ReconciliationResult,
  format: ReconcileFormat,
): string {
  switch (format) {
    case "table":
      return `${renderTable(result)}\n`;
    case "json":
      return `${JSON.stringify(result)}\n`;
    case "csv":
      return renderCsv(result);
    case "html":
      return renderHtml(result);
  }
}
