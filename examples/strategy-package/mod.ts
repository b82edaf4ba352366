/**
 * A finstream report strategy for VSS-777 (MARKUP SUMMARY REPORT, a made-up report id):
 * the template of a strategy package. Its default export is the strategy class, also
 * exported by name.
 *
 * finstream loads strategies from plugin folders: point `--plugins` (or
 * `FINSTREAM_PLUGINS`, or `pluginDirs` of `ingest`) at this package's `strategies/` folder,
 * where `vss_777.ts` is found by its file name. This module re-exports it for library use
 * and documentation.
 *
 * @example Check the strategy and register it
 * ```ts
 * import Vss777Strategy from "./mod.ts";
 * import { StrategyRegistry } from "@finstream/finstream/strategy";
 *
 * const strategy = new Vss777Strategy();
 * console.log(strategy.reportId); // "VSS-777"
 * console.log(strategy.columns.map((c) => c.name).join(", "));
 * // processing_date, count, credit_amount, debit_amount, exchange_rate, markup_rate, total_amount
 *
 * const registry = new StrategyRegistry();
 * registry.register(strategy, { source: "plugin" });
 * console.log(registry.has("VSS-777")); // true
 * ```
 *
 * @module
 */

export { default, default as Vss777Strategy } from "./strategies/vss_777.ts";
