/**
 * Reconciliation of report totals against clearing transactions, per processing date,
 * settlement currency and transaction class: the rule table, the SQL, `reconcile` and the
 * renderers. See `rules.ts` for what is compared and why.
 *
 * @example
 * ```ts
 * import { reconcile, reconcileExitCode, renderReconciliation } from "./mod.ts";
 * // const result = await reconcile(db.sql, { date: "2024-07-05" });
 * // console.log(renderReconciliation(result, "table"));
 * // Deno.exit(reconcileExitCode(result)); // 0 all matched, 4 mismatch
 * ```
 *
 * @module
 */

export {
  EXIT_MISMATCH,
  type HeadlineRow,
  reconcile,
  reconcileExitCode,
  type ReconcileOptions,
  RECONCILIATION_STATUSES,
  type ReconciliationResult,
  type ReconciliationRow,
  type ReconciliationStatus,
  type ReconciliationSummary,
  type Selection,
  selectionOf,
  type UnclassifiedRow,
} from "./query.ts";
export {
  enabledRules,
  HEADLINE_FIGURES,
  type HeadlineFigure,
  type HierarchyLevel,
  reconciledClasses,
  RECONCILIATION_RULES,
  type ReconciliationRule,
  type SignHandling,
} from "./rules.ts";
export { reconciliationViewsSql } from "./sql.ts";
export {
  isReconcileFormat,
  RECONCILE_FORMATS,
  type ReconcileFormat,
  renderReconciliation,
} from "./render.ts";
export { renderTable } from "./render_table.ts";
export { renderCsv } from "./render_csv.ts";
export { escapeHtml, renderHtml } from "./render_html.ts";
