/**
 * Finds and loads strategy modules by filename convention: `vss_110.ts` handles
 * `VSS-110`, `vss_900_s.ts` handles `VSS-900-S`.
 *
 * Techniques: directory listing with `Deno.readDir`, dynamic `import()` of each module
 * URL (so new report types are added by dropping a file in, without touching the code),
 * and a check that the module really provided a strategy for the id its name promises.
 *
 * @example
 * ```ts
 * import { loadStrategies } from "./loader.ts";
 * import { StrategyRegistry } from "./registry.ts";
 * const registry = await loadStrategies({ registry: new StrategyRegistry() });
 * registry.has("VSS-110"); // true
 * ```
 *
 * @module
 */

import { StrategyLoadError } from "../models/errors.ts";
import { ParsingStrategy } from "./parsing_strategy.ts";
import { defaultRegistry, type StrategyRegistry, type StrategySource } from "./registry.ts";

/** The folder of the built-in strategies. */
export const BUILTIN_STRATEGIES_DIR: URL = new URL("../../strategies/", import.meta.url);

const STRATEGY_FILE = /^vss_[0-9a-z]+(?:_[0-9a-z]+)*\.(?:ts|js)$/;

/** The report id a strategy file name stands for, or null when the name does not fit. */
export function reportIdFromFilename(name: string): string | null {
  if (!STRATEGY_FILE.test(name) || /_test\.(ts|js)$/.test(name)) return null;
  return name.replace(/\.(ts|js)$/, "").toUpperCase().replaceAll("_", "-");
}

/** Options for {@link loadStrategies}. */
export interface LoadStrategiesOptions {
  /** Folder to scan. @default the built-in `strategies/` folder */
  dir?: URL;
  /** Registry to fill. @default the default registry */
  registry?: StrategyRegistry;
  /** How entries are listed. @default "built-in" */
  source?: StrategySource;
}

/** Imports every strategy module of a folder and makes sure each registered its id. */
export async function loadStrategies(
  options: LoadStrategiesOptions = {},
): Promise<StrategyRegistry> {
  const dir = options.dir ?? BUILTIN_STRATEGIES_DIR;
  const registry = options.registry ?? defaultRegistry;
  const source = options.source ?? "built-in";
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && reportIdFromFilename(entry.name)) names.push(entry.name);
    }
  } catch (error) {
    throw new StrategyLoadError(`cannot list strategies in ${dir.pathname}`, {}, { cause: error });
  }
  for (const name of names.sort()) {
    const reportId = reportIdFromFilename(name)!;
    const url = new URL(name, dir);
    let module: Record<string, unknown>;
    try {
      module = await import(url.href);
    } catch (error) {
      throw new StrategyLoadError(`cannot import ${url.pathname}: ${(error as Error).message}`, {
        file: url.pathname,
      }, { cause: error });
    }
    const Strategy = module.default;
    if (
      typeof Strategy === "function" && Strategy.prototype instanceof ParsingStrategy
    ) {
      const instance = new (Strategy as new () => ParsingStrategy)();
      if (instance.reportId !== reportId) {
        throw new StrategyLoadError(
          `${name} must handle ${reportId} but its strategy says ${instance.reportId}`,
          { file: url.pathname },
        );
      }
      registry.register(instance, { source, module: url.href });
    }
    if (!registry.has(reportId)) {
      throw new StrategyLoadError(
        `${name} registered no strategy for ${reportId} (export default a ParsingStrategy subclass)`,
        { file: url.pathname },
      );
    }
  }
  return registry;
}
