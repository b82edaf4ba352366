/**
 * The strategy registry: which {@link ParsingStrategy} handles which report id.
 *
 * Strategy modules register themselves when imported (`registerStrategy(new X())` at
 * module top level) into the default registry; the loader can also fill a fresh registry
 * from a module's default export. The registry answers `get(reportId)` with the
 * strategy registered for that exact id; a later registration of the same id replaces an
 * earlier one only when it comes from a plugin, so an external strategy can override a
 * built-in one, and the listing says which won.
 *
 * Techniques: a `Map` keyed by full report id (`VSS-900-S` is not `VSS-900`), entries
 * carrying their source module for listings and error messages.
 *
 * @example
 * ```ts
 * import { StrategyRegistry } from "./registry.ts";
 * const registry = new StrategyRegistry();
 * registry.get("VSS-110"); // undefined until a strategy is registered
 * ```
 *
 * @module
 */

import { StrategyLoadError } from "../models/errors.ts";
import type { ParsingStrategy } from "./parsing_strategy.ts";

/** Where a registered strategy came from. */
export type StrategySource = "built-in" | "plugin";

/** One registry entry. */
export interface RegisteredStrategy {
  /** The strategy instance. */
  strategy: ParsingStrategy;
  /** Whether it is built in or came from a plugin. */
  source: StrategySource;
  /** Module URL or path the strategy was loaded from, when known. */
  module?: string;
  /** For a plugin that replaced a built-in strategy: the built-in's module. */
  overrides?: string;
}

/** Strategies by report id. */
export class StrategyRegistry {
  #entries = new Map<string, RegisteredStrategy>();

  /** Registers `strategy` for its report id. A built-in never replaces a plugin. */
  register(
    strategy: ParsingStrategy,
    options: { source?: StrategySource; module?: string } = {},
  ): void {
    const id = strategy.reportId;
    if (!/^VSS-[0-9A-Z]+(?:-[0-9A-Z]+)*$/.test(id)) {
      throw new StrategyLoadError(
        `strategy ${strategy.constructor.name} has an invalid report id "${id}"`,
      );
    }
    const source = options.source ?? "built-in";
    const existing = this.#entries.get(id);
    if (existing && existing.source === "plugin" && source === "built-in") return;
    const overrides = existing?.source === "built-in" && source === "plugin"
      ? existing.module ?? existing.strategy.constructor.name
      : existing?.overrides;
    this.#entries.set(id, { strategy, source, module: options.module, overrides });
  }

  /** The strategy for `reportId`, if any. */
  get(reportId: string): ParsingStrategy | undefined {
    return this.#entries.get(reportId)?.strategy;
  }

  /** True when a strategy handles `reportId`. */
  has(reportId: string): boolean {
    return this.#entries.has(reportId);
  }

  /** All entries, sorted by report id. */
  list(): RegisteredStrategy[] {
    return [...this.#entries.values()].sort((a, b) =>
      a.strategy.reportId.localeCompare(b.strategy.reportId)
    );
  }
}

/** The registry strategy modules register themselves into. */
export const defaultRegistry: StrategyRegistry = new StrategyRegistry();

/** Registers a strategy in the default registry (called by strategy modules on import). */
export function registerStrategy(strategy: ParsingStrategy): void {
  defaultRegistry.register(strategy);
}
