/**
 * The `finstream` command line: `ingest`, `migrate`, `strategies list`, `config`.
 *
 * Parses arguments with `node:util` `parseArgs`, reads configuration once
 * (flags > environment > defaults), calls the library, prints a human summary (or one
 * line of JSON with `--json`) and sets the exit status: 0 all stored, 3 finished with
 * dead letters, 1 could not run — with a one-line error that says what to do.
 *
 * @example
 * ```sh
 * deno task ingest                       # the bundled samples, into the embedded database
 * deno task finstream ingest EP747.TXT clearing/ --json
 * deno task finstream migrate --database-url postgres://postgres@127.0.0.1:5432/ledger
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { FinstreamError } from "./src/models/errors.ts";
import { ingest } from "./src/orchestrator/ingest.ts";
import {
  EXIT_ERROR,
  exitCodeFor,
  summaryJson,
  summaryText,
} from "./src/orchestrator/run_summary.ts";
import { loadStrategies } from "./src/strategies/loader.ts";
import { type Config, describeConfig, resolveConfig } from "./src/utils/config.ts";
import { closeLogging, configureLogging } from "./src/utils/logging.ts";
import { openDatabase } from "./src/writer/database.ts";
import { migrate } from "./src/writer/migrations.ts";
import denoJson from "./deno.json" with { type: "json" };

/** The bundled sample files, ingested when `ingest` gets no path. */
export const SAMPLES_DIR: string = fileURLToPath(new URL("./data/samples/", import.meta.url));

const USAGE = `finstream ${denoJson.version} — Visa EP747 reports and clearing files into PostgreSQL

Usage:
  finstream ingest [PATH...] [options]   ingest files or folders (default: the bundled samples)
  finstream migrate [options]            create or update the schema
  finstream strategies list              report strategies and where they come from
  finstream config [options]             print the effective configuration (secrets masked)
  finstream help | --help | --version

Options:
  --database-url URL   PostgreSQL server (env DATABASE_URL); without it: embedded PGlite
  --db-dir DIR         embedded database folder (env FINSTREAM_DB_DIR, default .finstream/db)
  --schema NAME        database schema (env FINSTREAM_DB_SCHEMA, default public)
  --batch-size N       clearing records per transaction (env FINSTREAM_BATCH_SIZE, default 1000)
  --log-dir DIR        log folder (env FINSTREAM_LOG_DIR, default logs)
  --log-level LEVEL    trace|debug|info|warning|error (env FINSTREAM_LOG_LEVEL, default info)
  --json               print the run summary as one line of JSON (last line of stdout)

Exit status: 0 everything stored; 3 finished, but something went to dead_letters;
1 could not run (bad arguments, unreadable file, database unreachable).`;

const OPTIONS = {
  "database-url": { type: "string" },
  "db-dir": { type: "string" },
  schema: { type: "string" },
  "batch-size": { type: "string" },
  "log-dir": { type: "string" },
  "log-level": { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

/** A usage error: bad command or options. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function configFrom(values: ReturnType<typeof parse>["values"]): Config {
  return resolveConfig({
    databaseUrl: values["database-url"],
    dbDir: values["db-dir"],
    dbSchema: values.schema,
    batchSize: values["batch-size"],
    logDir: values["log-dir"],
    logLevel: values["log-level"],
  });
}

async function withDatabase<T>(
  config: Config,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dbDir,
    schema: config.dbSchema,
  });
  try {
    await migrate(db.sql);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function runIngest(paths: string[], config: Config, json: boolean): Promise<number> {
  const summary = await withDatabase(
    config,
    (db) =>
      ingest(paths.length > 0 ? paths : [SAMPLES_DIR], {
        db,
        batchSize: config.batchSize,
        onFile: (file) => {
          if (!json) console.error(`  ${file.path}: ${file.status}`);
        },
      }),
  );
  console.log(json ? summaryJson(summary) : summaryText(summary));
  return exitCodeFor(summary);
}

async function runMigrate(config: Config): Promise<number> {
  await withDatabase(config, async (db) => {
    const [row] = await db
      .sql`select coalesce(max(version), 0)::int as version from schema_migrations`;
    console.log(`schema of ${db.description} is at version ${row.version}`);
  });
  return 0;
}

async function runStrategiesList(): Promise<number> {
  const registry = await loadStrategies();
  const rows = registry.list().map((e) => [
    e.strategy.reportId,
    e.source,
    e.module ? decodeURIComponent(new URL(e.module).pathname.split("/").slice(-2).join("/")) : "-",
    e.strategy.constructor.name,
  ]);
  rows.unshift(["report id", "source", "module", "class"]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  return 0;
}

/** Runs the command line with `args`; returns the exit status. */
export async function main(args: string[]): Promise<number> {
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
  const config = configFrom(values);
  switch (command) {
    case "ingest":
      await configureLogging({ dir: config.logDir, level: config.logLevel, console: !values.json });
      try {
        return await runIngest(rest, config, values.json);
      } finally {
        await closeLogging();
      }
    case "migrate":
      return await runMigrate(config);
    case "strategies":
      if (rest[0] !== "list") {
        throw new UsageError(
          `unknown strategies command "${rest[0] ?? ""}" (try: strategies list)`,
        );
      }
      return await runStrategiesList();
    case "config":
      console.log(JSON.stringify(describeConfig(config), null, 2));
      return 0;
    default:
      throw new UsageError(`unknown command "${command}" (try: finstream help)`);
  }
}

/** A one-line explanation of `error` for the terminal. */
export function explain(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}. Run 'finstream help' for usage.`;
  if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
    return `${(error as Error).message}. finstream runs with least privilege: grant the access ` +
      "named above (e.g. --allow-read=/path/to/files or --allow-net=dbhost:5432), see README 'Permissions'.";
  }
  if (error instanceof FinstreamError) return error.message;
  return `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
}

if (import.meta.main) {
  let code: number;
  try {
    code = await main(Deno.args);
  } catch (error) {
    console.error(`finstream: error: ${explain(error)}`);
    code = EXIT_ERROR;
  }
  Deno.exit(code);
}
