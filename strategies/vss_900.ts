/**
 * VSS-900 — RECONCILIATION REPORT: transactions received from and sent to Visa, by
 * clearing-currency block, business mode, type, cycle and category, with the totals sent
 * to settlement.
 *
 * Evidence (layout notes §5.13): medium (a config parser's right edges, inside a Brazilian
 * parser's slices). Values are placed by each block's own column headers, the right edges
 * being the fallback.
 *
 * Columns: `crs_date` (date, → `row_date`), `count` (→ `count`), `clearing_amount`
 * (`DB`/`CR`), `total_count`, `total_clearing_amount` (`DB`/`CR`, → `total_amount`).
 * Section paths start with the block's currency and business mode:
 * `CLEARING CURRENCY BRL - ISSUER TRANSACTIONS - PURCHASE - ORIGINAL SALE`.
 *
 * Techniques: the shared {@link ReconciliationStrategy} (block lines as section levels,
 * column headers repeated in every block); self-registration on import.
 *
 * @example
 * ```ts
 * import Vss900Strategy from "./vss_900.ts";
 * new Vss900Strategy().title; // "RECONCILIATION REPORT"
 * ```
 *
 * @module
 */

import { ReconciliationStrategy } from "../src/strategies/reconciliation_strategy.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-900 pages. */
export default class Vss900Strategy extends ReconciliationStrategy {
  readonly reportId = "VSS-900";
  override readonly title = "RECONCILIATION REPORT";
}

registerStrategy(new Vss900Strategy());
