/**
 * Configuration, read once at the edge and passed in: command-line flags win over
 * environment variables, which win over defaults.
 *
 * Techniques: a zod schema that validates and converts every setting (with a message
 * naming the flag or variable at fault); a `.env` file read as a lower layer under the
 * real environment; the environment is read only through the
 * variable names listed here, which are exactly those in `.env.example` (so least-privilege
 * `--allow-env` lists stay in step); secrets are masked when printed.
 *
 * @example
 * ```ts
 * import { resolveConfig } from "./config.ts";
 * const config = resolveConfig({}, new Map([["FINSTREAM_LOG_LEVEL", "debug"]]));
 * config.logLevel; // "debug"
 * ```
 *
 * @module
 */

import { z } from "zod";
import { ConfigError } from "../models/errors.ts";
import { DEFAULT_DATA_DIR, redactUrl } from "../writer/database.ts";

/** The environment variables finstream reads. */
export const ENV_VARS = {
  databaseUrl: "DATABASE_URL",
  dbDir: "FINSTREAM_DB_DIR",
  dbSchema: "FINSTREAM_DB_SCHEMA",
  logDir: "FINSTREAM_LOG_DIR",
  logLevel: "FINSTREAM_LOG_LEVEL",
  batchSize: "FINSTREAM_BATCH_SIZE",
  workers: "FINSTREAM_WORKERS",
  writeMode: "FINSTREAM_WRITE_MODE",
  plugins: "FINSTREAM_PLUGINS",
  strategies: "FINSTREAM_STRATEGIES",
} as const;

/** The command-line flag of each setting. */
export const FLAGS: Readonly<Record<keyof typeof ENV_VARS, string>> = {
  databaseUrl: "--database-url",
  dbDir: "--db-dir",
  dbSchema: "--schema",
  logDir: "--log-dir",
  logLevel: "--log-level",
  batchSize: "--batch-size",
  workers: "--workers",
  writeMode: "--write-mode",
  plugins: "--plugins",
  strategies: "--strategy",
};

/** Settings that can come from flags (camelCase keys of {@link ENV_VARS}). */
export type ConfigFlags = Partial<Record<keyof typeof ENV_VARS, string | undefined>>;

/** A source of environment variables (e.g. `Deno.env`, or a `Map` in tests). */
export interface EnvSource {
  /** The variable's value, or undefined when it is not set. */
  get(name: string): string | undefined;
}

/** A log level, from `trace` (everything) to `fatal`. */
export type LogLevel = "trace" | "debug" | "info" | "warning" | "error" | "fatal";

const LOG_LEVELS = [
  "trace",
  "debug",
  "info",
  "warning",
  "error",
  "fatal",
] as const satisfies readonly LogLevel[];

/** Resolved configuration. */
export interface Config {
  /** PostgreSQL server URL; absent means the embedded PGlite database. */
  databaseUrl?: string;
  /** Folder of the embedded database. */
  dbDir: string;
  /** Database schema. */
  dbSchema: string;
  /** Folder of the log files. */
  logDir: string;
  /** Lowest level written to the info log. */
  logLevel: LogLevel;
  /** Clearing records per write transaction. */
  batchSize: number;
  /** Parse workers (0: parse in-process). */
  workers: number;
  /** How clearing rows are written; `auto`: COPY (on PGlite too, through `/dev/blob`). */
  writeMode: "auto" | "copy" | "insert";
  /** Extra strategy plugin folders. */
  plugins: string[];
  /** Single strategy modules (file paths, file URLs or specifiers). */
  strategies: string[];
}

const ConfigSchema = z.object({
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  dbDir: z.string().min(1).default(DEFAULT_DATA_DIR),
  dbSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/, "must be a lower-case SQL name").default(
    "public",
  ),
  logDir: z.string().min(1).default("logs"),
  logLevel: z.enum(LOG_LEVELS).default("info"),
  batchSize: z.coerce.number().int().min(1).max(50_000).default(1000),
  workers: z.coerce.number().int().min(0).max(64).default(
    Math.max(1, navigator.hardwareConcurrency ?? 2),
  ),
  writeMode: z.enum(["auto", "copy", "insert"]).default("auto"),
  plugins: z.string().default("").transform((text) =>
    text.split(",").map((p) => p.trim()).filter((p) => p !== "")
  ),
  strategies: z.string().default("").transform((text) =>
    text.split(",").map((p) => p.trim()).filter((p) => p !== "")
  ),
});

/** Merges flags over environment over defaults, and validates the result. */
export function resolveConfig(flags: ConfigFlags = {}, env: EnvSource = Deno.env): Config {
  const merged: Record<string, string | undefined> = {};
  for (const [key, variable] of Object.entries(ENV_VARS)) {
    const fromFlag = flags[key as keyof typeof ENV_VARS];
    const fromEnv = env.get(variable);
    const value = fromFlag ?? fromEnv;
    merged[key] = value === "" ? undefined : value;
  }
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0]) as keyof typeof ENV_VARS;
    throw new ConfigError(`${FLAGS[key]} / ${ENV_VARS[key]}: ${issue.message}`, { field: key });
  }
  return result.data;
}

/** The configuration as printable text, with the database password masked. */
export function describeConfig(config: Config): Record<string, string> {
  return {
    database: config.databaseUrl
      ? redactUrl(config.databaseUrl)
      : `embedded PGlite (${config.dbDir})`,
    schema: config.dbSchema,
    logDir: config.logDir,
    logLevel: config.logLevel,
    batchSize: String(config.batchSize),
    workers: String(config.workers),
    writeMode: config.writeMode,
    plugins: config.plugins.join(",") || "(none)",
    strategies: config.strategies.join(",") || "(none)",
  };
}

/**
 * Reads a `.env` file (`KEY=value` lines, `#` comments, optional quotes, `export `
 * prefix) into a map; a missing file gives an empty map.
 */
export async function readDotEnv(path = ".env"): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return new Map();
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`, { file: path });
  }
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) {
      throw new ConfigError("expected KEY=value", { file: path, line: i + 1 });
    }
    let value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, "");
    values.set(match[1], value);
  });
  return values;
}

/** Environment variables first, then the `.env` values. */
export function layeredEnv(
  dotenv: ReadonlyMap<string, string>,
  env: EnvSource = Deno.env,
): EnvSource {
  return { get: (name) => env.get(name) ?? dotenv.get(name) };
}
