/**
 * Configuration, read once at the edge and passed in: command-line flags win over
 * environment variables, which win over defaults.
 *
 * Techniques: a zod schema that validates and converts every setting (with a message
 * naming the flag or variable at fault); the environment is read only through the
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
} as const;

/** Settings that can come from flags (camelCase keys of {@link ENV_VARS}). */
export type ConfigFlags = Partial<Record<keyof typeof ENV_VARS, string | undefined>>;

/** A source of environment variables (e.g. `Deno.env`, or a `Map` in tests). */
export interface EnvSource {
  get(name: string): string | undefined;
}

const LOG_LEVELS = ["trace", "debug", "info", "warning", "error", "fatal"] as const;

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
  logLevel: typeof LOG_LEVELS[number];
  /** Clearing records per write transaction. */
  batchSize: number;
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
    const flag = "--" + key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    throw new ConfigError(`${flag} / ${ENV_VARS[key]}: ${issue.message}`, { field: key });
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
  };
}
