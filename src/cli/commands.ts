/**
 * The commands of the `finstream` command line: what each does with the parsed options
 * and the resolved configuration, what it prints, and the exit status it returns.
 *
 * Techniques: a table of command functions (no switch sprawl); the database opened and
 * migrated once per command and always closed; progress on stderr so stdout stays
 * machine-readable with `--json`.
 *
 * @module
 */

import { ingest } from "../orchestrator/ingest.ts";
import { ProgressTracker, reportProgress } from "../orchestrator/progress.ts";
import { replayDeadLetters } from "../orchestrator/replay.ts";
import {
  EXIT_DEAD_LETTERS,
  EXIT_ERROR,
  exitCodeFor,
  summaryJson,
  summaryText,
} from "../orchestrator/run_summary.ts";
import { WorkerPool } from "../orchestrator/worker_pool.ts";
import { RUNNING_FROM_BUNDLE } from "../utils/runtime.ts";
import { pluginDirUrl, strategyModuleSpecifier } from "../utils/plugin_paths.ts";
import type { Config } from "../utils/config.ts";
import { describeConfig } from "../utils/config.ts";
import { closeLogging, configureLogging } from "../utils/logging.ts";
import { type Database, openDatabase } from "../writer/database.ts";
import { getDeadLetters, listDeadLetters } from "../writer/dead_letters.ts";
import { migrate } from "../writer/migrations.ts";
import { describeSummary } from "../reconcile/format.ts";
import { reconcile, reconcileExitCode, selectionOf } from "../reconcile/query.ts";
import { isReconcileFormat, RECONCILE_FORMATS, renderReconciliation } from "../reconcile/render.ts";
import { fileURLToPath } from "node:url";
import denoJson from "../../deno.json" with { type: "json" };

/** The bundled sample files, ingested when `ingest` gets no path. */
export const SAMPLES_DIR: string = RUNNING_FROM_BUNDLE
  ? `${Deno.cwd()}/data/samples/`
  : fileURLToPath(new URL("../../data/samples/", import.meta.url));

/** A usage error: bad command or options. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** What a command gets. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed options. */
  values: Record<string, string | boolean | string[] | undefined>;
  config: Config;
}

/** A command: returns the exit status. */
export type Command = (context: CommandContext) => Promise<number>;

/** The help text. */
export const USAGE =
  `finstream ${denoJson.version} — Visa EP747 reports and clearing files into PostgreSQL

Usage:
  finstream ingest [PATH...] [options]   ingest files or folders (default: the bundled samples)
  finstream validate [PATH...]           read, parse and validate; write nothing (= ingest --dry-run)
  finstream migrate                      create or update the schema
  finstream dlq list [--pending] [--stage S] [--file TEXT] [--limit N]
  finstream dlq show ID...               dead letters in full (raw content included)
  finstream dlq replay ID... | --all     run dead letters through the current strategies again
  finstream strategies list              report strategies and where they come from
  finstream reconcile [--date D | --from D --to D] [--currency C] [--tolerance T]
                      [--format table|json|csv|html] [--out FILE]
                                         report totals against clearing, per day, currency, class
  finstream config                       the effective configuration (secrets masked)
  finstream help | --help | --version

Options:
  --database-url URL   PostgreSQL server (env DATABASE_URL); without it: embedded PGlite
  --db-dir DIR         embedded database folder (env FINSTREAM_DB_DIR, default .finstream/db)
  --schema NAME        database schema (env FINSTREAM_DB_SCHEMA, default public)
  --workers N          parse workers, 0 = in-process (env FINSTREAM_WORKERS, default: cores)
  --write-mode MODE    auto|copy|insert for clearing rows (env FINSTREAM_WRITE_MODE, default auto)
  --batch-size N       clearing records per transaction (env FINSTREAM_BATCH_SIZE, default 1000)
  --plugins DIR        extra strategy folder, repeatable (env FINSTREAM_PLUGINS, comma-separated)
  --strategy MODULE    one strategy module (path, file URL, npm:/jsr: specifier), repeatable
                       (env FINSTREAM_STRATEGIES); plugins override built-in strategies
  --log-dir DIR        log folder (env FINSTREAM_LOG_DIR, default logs)
  --log-level LEVEL    trace|debug|info|warning|error (env FINSTREAM_LOG_LEVEL, default info)
  --env-file FILE      settings file read under the environment (default .env)
  --dry-run            ingest: parse and validate only
  --json               print the result as one line of JSON (the last line of stdout)

Exit status: 0 everything stored (reconcile: everything matched); 3 finished, but something
went to dead_letters; 4 reconcile found a difference; 1 could not run (bad arguments,
unreadable file, database unreachable).`;

async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
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

const encoder = new TextEncoder();

async function runIngest(context: CommandContext, dryRun: boolean): Promise<number> {
  const { config, values, args } = context;
  const json = values.json === true;
  await configureLogging({ dir: config.logDir, level: config.logLevel, console: !json });
  const progress = new ProgressTracker();
  const stop = reportProgress(progress, {
    isTerminal: Deno.stderr.isTerminal(),
    write: (text) => Deno.stderr.writeSync(encoder.encode(text)),
  });
  try {
    const paths = args.length > 0 ? args : [SAMPLES_DIR];
    const options = {
      dryRun,
      workers: config.workers,
      writeMode: config.writeMode === "auto" ? undefined : config.writeMode,
      batchSize: config.batchSize,
      pluginDirs: config.plugins,
      strategyModules: config.strategies,
      progress,
    };
    const summary = dryRun
      ? await ingest(paths, options)
      : await withDatabase(config, (db) => ingest(paths, { ...options, db }));
    stop();
    console.log(json ? summaryJson(summary) : summaryText(summary));
    return exitCodeFor(summary);
  } finally {
    stop();
    await closeLogging();
  }
}

function parseIds(args: string[]): number[] {
  return args.map((a) => {
    if (!/^\d+$/.test(a)) throw new UsageError(`"${a}" is not a dead letter id`);
    return Number(a);
  });
}

async function runDlq(context: CommandContext): Promise<number> {
  const { args, values, config } = context;
  const [sub, ...rest] = args;
  const json = values.json === true;
  if (sub === "list") {
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError("--limit must be a number");
    const rows = await withDatabase(config, (db) =>
      listDeadLetters(db.sql, {
        pending: values.pending === true,
        stage: values.stage as string | undefined,
        file: values.file as string | undefined,
        limit,
      }));
    if (json) {
      console.log(JSON.stringify(rows.map(({ raw: _raw, ...r }) => r)));
      return 0;
    }
    if (rows.length === 0) {
      console.log("The dead letter queue is empty.");
      return 0;
    }
    for (const r of rows) {
      const state = r.replayed_at
        ? `replayed ${r.replayed_at}`
        : `pending, ${r.attempts} attempt(s)`;
      console.log(
        `#${r.id}  ${r.file_path}  ${r.location}  ${r.stage}  (${state})\n    ${r.error}`,
      );
    }
    return 0;
  }
  if (sub === "show") {
    const ids = parseIds(rest);
    if (ids.length === 0) throw new UsageError("dlq show needs at least one id");
    const rows = await withDatabase(config, (db) => getDeadLetters(db.sql, ids));
    if (json) console.log(JSON.stringify(rows));
    else {
      for (const r of rows) {
        console.log(
          [
            `#${r.id} ${r.file_path} ${r.location}`,
            `stage: ${r.stage} (${r.error_code})${r.field ? `, field ${r.field}` : ""}`,
            `error: ${r.error}`,
            `attempts: ${r.attempts}; created ${r.created_at}; updated ${r.updated_at}` +
            (r.replayed_at ? `; replayed ${r.replayed_at}` : ""),
            "raw:",
            r.raw,
            "",
          ].join("\n"),
        );
      }
    }
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) {
      console.error(`finstream: no dead letter with id ${missing.join(", ")}`);
      return EXIT_ERROR;
    }
    return 0;
  }
  if (sub === "replay") {
    const all = values.all === true;
    const ids = parseIds(rest);
    if (!all && ids.length === 0) throw new UsageError("dlq replay needs ids or --all");
    await configureLogging({ dir: config.logDir, level: config.logLevel, console: !json });
    try {
      const results = await withDatabase(
        config,
        (db) =>
          replayDeadLetters({
            db,
            ids,
            all,
            pluginDirs: config.plugins,
            strategyModules: config.strategies,
          }),
      );
      if (json) console.log(JSON.stringify(results));
      else {
        for (const r of results) {
          console.log(`#${r.id}: ${r.outcome}${r.message ? ` — ${r.message}` : ""}`);
        }
        const stored = results.filter((r) => r.outcome === "stored").length;
        console.log(`${stored} of ${results.length} stored.`);
      }
      if (results.some((r) => r.outcome === "not-found")) return EXIT_ERROR;
      return results.some((r) => r.outcome === "failed") ? EXIT_DEAD_LETTERS : 0;
    } finally {
      await closeLogging();
    }
  }
  throw new UsageError(`unknown dlq command "${sub ?? ""}" (try: dlq list, dlq show, dlq replay)`);
}

async function runStrategiesList(context: CommandContext): Promise<number> {
  if (context.args[0] !== "list") {
    throw new UsageError(
      `unknown strategies command "${context.args[0] ?? ""}" (try: strategies list)`,
    );
  }
  // Plugins run only inside the permission-scoped workers, so a worker lists them.
  const pool = await WorkerPool.start({
    size: 1,
    strategyDirs: context.config.plugins.map(pluginDirUrl),
    strategyModules: context.config.strategies.map(strategyModuleSpecifier),
  });
  let strategies;
  try {
    strategies = await pool.describeStrategies();
  } finally {
    pool.close();
  }
  const shortName = (module?: string) => {
    if (!module) return "-";
    if (!module.startsWith("file:")) return module;
    return decodeURIComponent(new URL(module).pathname.split("/").slice(-2).join("/"));
  };
  const rows = strategies.map((e) => [
    e.reportId,
    e.source,
    shortName(e.module),
    e.className,
    e.overrides ? `overrides built-in ${shortName(e.overrides)}` : "",
  ]);
  rows.unshift(["report id", "source", "module", "class", "note"]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  console.log(
    "other report ids: generic fallback (columns from the page's own column headers, " +
      "strategy generic:<report id>); pages without column headers are stored header-only",
  );
  return 0;
}

async function runReconcile(context: CommandContext): Promise<number> {
  const { args, values, config } = context;
  if (args.length > 0) throw new UsageError(`reconcile takes no arguments, got "${args[0]}"`);
  const format = (values.format as string | undefined) ?? (values.json === true ? "json" : "table");
  if (!isReconcileFormat(format)) {
    throw new UsageError(
      `--format must be one of ${RECONCILE_FORMATS.join(", ")}, got "${format}"`,
    );
  }
  const options = {
    date: values.date as string | undefined,
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    currency: values.currency as string | undefined,
    tolerance: values.tolerance as string | undefined,
  };
  selectionOf(options); // bad options fail before the database is opened
  const result = await withDatabase(config, (db) => reconcile(db.sql, options));
  const text = renderReconciliation(result, format);
  const out = values.out as string | undefined;
  if (out) {
    await Deno.writeTextFile(out, text);
    console.log(`${describeSummary(result)}; ${format} written to ${out}`);
  } else {
    console.log(text.replace(/\n$/, ""));
  }
  return reconcileExitCode(result);
}

/** Every command by name. */
export const COMMANDS: Record<string, Command> = {
  ingest: (c) => runIngest(c, c.values["dry-run"] === true),
  validate: (c) => runIngest(c, true),
  migrate: (c) =>
    withDatabase(c.config, async (db) => {
      const [row] = await db.sql`
        select coalesce(max(version), 0)::int as version from schema_migrations`;
      console.log(`schema of ${db.description} is at version ${row.version}`);
      return 0;
    }),
  dlq: runDlq,
  strategies: runStrategiesList,
  reconcile: runReconcile,
  config: (c) => {
    console.log(JSON.stringify(describeConfig(c.config), null, 2));
    return Promise.resolve(0);
  },
};
