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
import { RUNNING_FROM_BUNDLE } from "../utils/runtime.ts";

/** The folder of the built-in strategies (in a bundle they are compiled in instead). */
export const BUILTIN_STRATEGIES_DIR: URL = new URL("../../strategies/", import.meta.url);

const STRATEGY_FILE = /^vss_[0-9a-z]+(?:_[0-9a-z]+)*\.(?:ts|js)$/;

/**
 * True for a strategy class: a subclass of {@link ParsingStrategy}, or — for a plugin that
 * imported its base class from another copy of finstream (a package, the bundle) — a class
 * whose prototype has the same `parse` / `parseHeader` / `parseAmounts` methods.
 */
export function isStrategyClass(value: unknown): value is new () => ParsingStrategy {
  if (typeof value !== "function") return false;
  if (value.prototype instanceof ParsingStrategy) return true;
  const proto = value.prototype as Record<string, unknown> | undefined;
  return typeof proto?.parse === "function" && typeof proto?.parseHeader === "function" &&
    typeof proto?.parseAmounts === "function";
}

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
  if (RUNNING_FROM_BUNDLE && dir.href === BUILTIN_STRATEGIES_DIR.href) {
    const { BUILTIN_STRATEGY_MODULES } = await import("./builtin_strategies.ts");
    for (const [name, module] of Object.entries(BUILTIN_STRATEGY_MODULES)) {
      registerModule(name, module as Record<string, unknown>, `builtin:strategies/${name}`);
    }
    return registry;
  }
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && reportIdFromFilename(entry.name)) names.push(entry.name);
    }
  } catch (error) {
    throw new StrategyLoadError(`cannot list strategies in ${dir.pathname}`, {}, { cause: error });
  }
  for (const name of names.sort()) {
    const url = new URL(name, dir);
    let module: Record<string, unknown>;
    try {
      module = await import(url.href);
    } catch (error) {
      throw new StrategyLoadError(`cannot import ${url.pathname}: ${(error as Error).message}`, {
        file: url.pathname,
      }, { cause: error });
    }
    registerModule(name, module, url.href);
  }
  return registry;

  function registerModule(name: string, module: Record<string, unknown>, href: string): void {
    const reportId = reportIdFromFilename(name)!;
    const file = href.startsWith("file:") ? new URL(href).pathname : href;
    const Strategy = module.default;
    if (isStrategyClass(Strategy)) {
      const instance = new Strategy();
      if (instance.reportId !== reportId) {
        throw new StrategyLoadError(
          `${name} must handle ${reportId} but its strategy says ${instance.reportId}`,
          { file },
        );
      }
      registry.register(instance, { source, module: href });
    }
    if (!registry.has(reportId)) {
      throw new StrategyLoadError(
        `${name} registered no strategy for ${reportId} (export default a ParsingStrategy subclass)`,
        { file },
      );
    }
  }
}
