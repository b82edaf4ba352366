/**
 * Regenerates `src/strategies/builtin_strategies.ts`: static imports of every strategy
 * module in `strategies/`, used by the single-file bundle (which cannot list folders).
 * Run after adding a strategy: `deno task gen:builtins`.
 *
 * Techniques: the loader's own filename convention (`reportIdFromFilename`) decides which
 * files count; the output is formatted like `deno fmt` would.
 *
 * @module
 */

import { reportIdFromFilename } from "../src/strategies/loader.ts";

const strategies = new URL("../strategies/", import.meta.url);
const target = new URL("../src/strategies/builtin_strategies.ts", import.meta.url);

/** The generated module's text for these strategy file names. */
export function builtinIndexSource(names: readonly string[]): string {
  const sorted = [...names].sort();
  return [
    "/**",
    " * The built-in strategies as static imports, for builds where the `strategies/` folder",
    " * cannot be listed at run time (the single-file bundle). The source tree discovers the",
    " * same modules by filename instead; `tests/strategies/builtin_strategies_test.ts` checks",
    " * that this list matches the folder (regenerate with `deno task gen:builtins`).",
    " *",
    " * Techniques: generated code (scripts/gen_builtin_strategies.ts); each entry keeps the",
    " * module name so listings and errors read the same as in the source tree.",
    " *",
    " * @module",
    " */",
    "",
    ...sorted.map((n) => `import * as ${n.slice(0, -3)} from "../../strategies/${n}";`),
    "",
    "/** Built-in strategy modules by file name. */",
    "export const BUILTIN_STRATEGY_MODULES: Readonly<Record<string, { default: unknown }>> = {",
    ...sorted.map((n) => `  "${n}": ${n.slice(0, -3)},`),
    "};",
    "",
  ].join("\n");
}

if (import.meta.main) {
  const names = [...Deno.readDirSync(strategies)]
    .filter((e) => e.isFile && reportIdFromFilename(e.name) && e.name.endsWith(".ts"))
    .map((e) => e.name);
  await Deno.writeTextFile(target, builtinIndexSource(names));
  console.log(`wrote ${target.pathname} (${names.length} strategies)`);
}
