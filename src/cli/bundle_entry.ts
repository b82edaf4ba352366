/**
 * The entry point of the single-file bundle (`deno task bundle` → `dist/finstream.js`):
 * the whole library API (so strategy plugins used with the bundle can import their base
 * classes from the bundle file itself, and share its classes) plus the command line, which
 * runs when the bundle is the main module (and serves parse jobs when it is a worker).
 *
 * @module
 */

import { runCli } from "../../cli.ts";

export * from "../../mod.ts";

if (import.meta.main) await runCli();
