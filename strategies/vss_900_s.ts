/**
 * VSS-900-S — SUMMARY RECONCILIATION REPORT: the VSS-900 layout summarised per clearing
 * currency, with `TOTAL CLEARING CURRENCY: <ccy>` blocks and a final
 * `CLEARING CURRENCY:  ALL` block. The header has no ROLLUP TO or FUNDS XFER ENTITY lines.
 * The full id is kept (`VSS-900-S`, never `VSS-900`).
 *
 * Evidence (layout notes §5.13): medium, as VSS-900. Values are placed by each block's own
 * column headers.
 *
 * Columns: as VSS-900 — `crs_date` (→ `row_date`), `count` (→ `count`),
 * `clearing_amount`, `total_count`, `total_clearing_amount` (→ `total_amount`). Section
 * paths start with the block: `CLEARING CURRENCY BRL - ISSUER TRANSACTIONS - …`, or
 * `TOTAL CLEARING CURRENCY BRL - …` in a currency-total block.
 *
 * Techniques: the shared {@link ReconciliationStrategy}; self-registration on import.
 *
 * @example
 * ```ts
 * import Vss900SStrategy from "./vss_900_s.ts";
 * new Vss900SStrategy().reportId; // "VSS-900-S"
 * ```
 *
 * @module
 */

import { ReconciliationStrategy } from "../src/strategies/reconciliation_strategy.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-900-S pages. */
export default class Vss900SStrategy extends ReconciliationStrategy {
  readonly reportId = "VSS-900-S";
  override readonly title = "SUMMARY RECONCILIATION REPORT";
}

registerStrategy(new Vss900SStrategy());
