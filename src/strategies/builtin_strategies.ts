/**
 * The built-in strategies as static imports, for builds where the `strategies/` folder
 * cannot be listed at run time (the single-file bundle). The source tree discovers the
 * same modules by filename instead; `tests/strategies/builtin_strategies_test.ts` checks
 * that this list matches the folder (regenerate with `deno task gen:builtins`).
 *
 * Techniques: generated code (scripts/gen_builtin_strategies.ts); each entry keeps the
 * module name so listings and errors read the same as in the source tree.
 *
 * @module
 */

import * as vss_100_w from "../../strategies/vss_100_w.ts";
import * as vss_110 from "../../strategies/vss_110.ts";
import * as vss_115 from "../../strategies/vss_115.ts";
import * as vss_120 from "../../strategies/vss_120.ts";
import * as vss_130 from "../../strategies/vss_130.ts";
import * as vss_135 from "../../strategies/vss_135.ts";
import * as vss_140 from "../../strategies/vss_140.ts";
import * as vss_210 from "../../strategies/vss_210.ts";
import * as vss_215 from "../../strategies/vss_215.ts";
import * as vss_230 from "../../strategies/vss_230.ts";
import * as vss_300 from "../../strategies/vss_300.ts";
import * as vss_600 from "../../strategies/vss_600.ts";
import * as vss_610 from "../../strategies/vss_610.ts";
import * as vss_900 from "../../strategies/vss_900.ts";
import * as vss_900_s from "../../strategies/vss_900_s.ts";
import * as vss_910 from "../../strategies/vss_910.ts";
import * as vss_930 from "../../strategies/vss_930.ts";

/** Built-in strategy modules by file name. */
export const BUILTIN_STRATEGY_MODULES: Readonly<Record<string, { default: unknown }>> = {
  "vss_100_w.ts": vss_100_w,
  "vss_110.ts": vss_110,
  "vss_115.ts": vss_115,
  "vss_120.ts": vss_120,
  "vss_130.ts": vss_130,
  "vss_135.ts": vss_135,
  "vss_140.ts": vss_140,
  "vss_210.ts": vss_210,
  "vss_215.ts": vss_215,
  "vss_230.ts": vss_230,
  "vss_300.ts": vss_300,
  "vss_600.ts": vss_600,
  "vss_610.ts": vss_610,
  "vss_900.ts": vss_900,
  "vss_900_s.ts": vss_900_s,
  "vss_910.ts": vss_910,
  "vss_930.ts": vss_930,
};
