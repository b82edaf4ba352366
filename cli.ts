/**
 * The `finstream` command line.
 *
 * Parses arguments with `node:util` `parseArgs`, reads configuration once (flags >
 * environment > `.env` > defaults), calls the library, prints a human summary (or one line
 * of JSON with `--json`) and sets the exit status: 0 all stored, 3 finished with dead
 * letters, 4 reconciliation mismatch, 1 could not run — with a one-line error that says what
 * to do. Commands live in `src/cli/`; this file only dispatches.
 *
 * @example
 * ```sh
 * deno task ingest                       # the bundled samples, into the embedded database
 * deno task finstream ingest EP747.TXT clearing/ --json
 * deno task finstream validate EP747.TXT # parse and validate only, write nothing
 * deno task finstream dlq list
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { FinstreamError } from "./src/models/errors.ts";
import { EXIT_ERROR } from "./src/orchestrator/run_summary.ts";
import { type Config, layeredEnv, readDotEnv, resolveConfig } from "./src/utils/config.ts";
import { type CommandContext, COMMANDS, USAGE, UsageError } from "./src/cli/commands.ts";
import { runGenerate } from "./src/generator/generate_command.ts";
import { serveParseJobs } from "./src/orchestrator/worker_service.ts";
import { inWorkerScope, RUNNING_FROM_BUNDLE } from "./src/utils/runtime.ts";
import denoJson from "./deno.json" with { type: "json" };

const OPTIONS = {
  "database-url": { type: "string" },
  "db-dir": { type: "string" },
  schema: { type: "string" },
  "batch-size": { type: "string" },
  "log-dir": { type: "string" },
  "log-level": { type: "string" },
  workers: { type: "string" },
  "write-mode": { type: "string" },
  plugins: { type: "string", multiple: true },
  strategy: { type: "string", multiple: true },
  "env-file": { type: "string" },
  json: { type: "boolean", default: false },
  "dry-run": { type: "boolean", default: false },
  all: { type: "boolean", default: false },
  pending: { type: "boolean", default: false },
  stage: { type: "string" },
  file: { type: "string" },
  limit: { type: "string" },
  out: { type: "string" },
  seed: { type: "string" },
  pages: { type: "string" },
  transactions: { type: "string" },
  files: { type: "string" },
  date: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  currency: { type: "string" },
  format: { type: "string" },
  tolerance: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs the command line with `args`; returns the exit status. */
export async function main(args: string[]): Promise<number> {
  // `generate` has options of its own (--out, --seed, …), parsed by its module.
  if (args[0] === "generate") return await runGenerate(args.slice(1));
  const { values, positionals } = parse(args);
  if (values.version) {
    console.log(denoJson.version);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command || command === "help") {
    console.log(USAGE);
    return command || values.help ? 0 : EXIT_ERROR;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command "${command}" (try: finstream help)`);
  const dotenv = await readDotEnv(values["env-file"] ?? ".env");
  const config: Config = resolveConfig({
    databaseUrl: values["database-url"],
    dbDir: values["db-dir"],
    dbSchema: values.schema,
    batchSize: values["batch-size"],
    logDir: values["log-dir"],
    logLevel: values["log-level"],
    workers: values.workers,
    writeMode: values["write-mode"],
    plugins: values.plugins?.join(","),
    strategies: values.strategy?.join(","),
  }, layeredEnv(dotenv));
  const context: CommandContext = { args: rest, values, config };
  return await run(context);
}

/** A one-line explanation of `error` for the terminal. */
export function explain(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}. Run 'finstream help' for usage.`;
  if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
    return `${(error as Error).message}. finstream runs with least privilege: grant the access ` +
      "named above (e.g. --allow-read=/path/to/files or --allow-net=dbhost:5432), " +
      "see README 'Permissions'.";
  }
  if (error instanceof FinstreamError) return error.message;
  return `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
}

/**
 * Runs the command line with `Deno.args` and exits with its status; inside a worker (the
 * single-file bundle is also the parse worker's module) serves parse jobs instead.
 */
export async function runCli(): Promise<void> {
  if (inWorkerScope()) {
    serveParseJobs();
    return;
  }
  let code: number;
  try {
    code = await main(Deno.args);
  } catch (error) {
    console.error(`finstream: error: ${explain(error)}`);
    code = EXIT_ERROR;
  }
  Deno.exit(code);
}

// In the bundle, `src/cli/bundle_entry.ts` calls runCli (import.meta is the bundle's there).
if (import.meta.main && !RUNNING_FROM_BUNDLE) await runCli();
