/**
 * The `finstream generate` command: parses `--out DIR [--seed N] [--pages N]
 * [--transactions N] [--files K] [--proc-date YYYY-MM-DD] [--crlf]`, runs
 * {@linkcode generate}, prints what it wrote and returns the exit status (0 written, 1 bad
 * arguments or an error, with a one-line message on stderr).
 *
 * Techniques: `node:util` `parseArgs` in strict mode; whole-number options checked by regex
 * before conversion (so `1e3`, `-1` or `12abc` are refused, never coerced); the library
 * validates ranges and the message names the option.
 *
 * @example
 * ```ts
 * import { runGenerate } from "./generate_command.ts";
 * const status = await runGenerate(["--out", "/tmp/demo", "--seed", "7", "--transactions", "10000"]);
 * // prints the files written; status === 0
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { basename } from "node:path";
import { generate, type GenerateOptions, LIMITS } from "./generate.ts";
import { grouped, reportSigned } from "./money.ts";

/** The command's help text. */
export const GENERATE_USAGE = `Usage: finstream generate --out DIR [options]

Writes a deterministic EP747 report file, clearing JSON files consistent with it and
generate_summary.json (the expected totals) into DIR.

Options:
  --out DIR              folder to write into (created if missing)
  --seed N               random seed, 0..4294967295 (default 1)
  --pages N              approximate number of EP747 pages (default 60; the smallest
                         hierarchy, 3 leaf SREs, prints about 170)
  --transactions N       number of clearing records (default 1000)
  --files K              number of clearing JSON files, 1..99 (default 1)
  --proc-date DATE       processing date YYYY-MM-DD (default 2024-07-05)
  --crlf                 CRLF line endings in the EP747 file (default LF)
  -h, --help             this text`;

const OPTIONS = {
  out: { type: "string" },
  seed: { type: "string" },
  pages: { type: "string" },
  transactions: { type: "string" },
  files: { type: "string" },
  "proc-date": { type: "string" },
  crlf: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** A bad argument of the command. */
export class GenerateUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GenerateUsageError";
  }
}

function wholeNumber(name: keyof typeof LIMITS, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const [min, max] = LIMITS[name];
  const value = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new GenerateUsageError(
      `--${name}: expected a whole number from ${grouped(min)} to ${grouped(max)}, got "${text}"`,
    );
  }
  return value;
}

/** Parses the command's arguments into generator options (or `null` for `--help`). */
export function parseGenerateArgs(args: string[]): GenerateOptions | null {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new GenerateUsageError((error as Error).message);
  }
  if (values.help) return null;
  if (!values.out) throw new GenerateUsageError("--out DIR is required");
  const procDate = values["proc-date"];
  if (procDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(procDate)) {
    throw new GenerateUsageError(`--proc-date: expected YYYY-MM-DD, got "${procDate}"`);
  }
  return {
    outDir: values.out,
    seed: wholeNumber("seed", values.seed),
    pages: wholeNumber("pages", values.pages),
    transactions: wholeNumber("transactions", values.transactions),
    files: wholeNumber("files", values.files),
    procDate,
    lineEnding: values.crlf ? "crlf" : "lf",
  };
}

/**
 * Runs `finstream generate` with `args` (the arguments after `generate`); returns the exit
 * status: 0 written, 1 bad arguments or failure (one line on stderr).
 */
export async function runGenerate(args: string[]): Promise<number> {
  let options: GenerateOptions | null;
  try {
    options = parseGenerateArgs(args);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    console.error(`finstream generate: ${message} (see finstream generate --help)`);
    return 1;
  }
  if (options === null) {
    console.log(GENERATE_USAGE);
    return 0;
  }
  try {
    const r = await generate(options);
    const pad = (s: string) => s.padEnd(46);
    const bytes = (n: number) => `${grouped(n).padStart(15)} bytes`;
    const e = r.ep747;
    console.log(
      `finstream generate: wrote ${r.outDir} (seed ${r.seed}, proc date ${r.procDate}) in ${
        (r.durationMs / 1000).toFixed(1)
      } s`,
    );
    console.log(
      `  ${pad(basename(e.path))}${bytes(e.bytes)}  ${grouped(e.pages)} pages, ${
        grouped(e.instances)
      } report instances (${e.noDataPages} NO DATA, ${e.multiPageInstances} multi-page)`,
    );
    r.clearing.paths.forEach((p, i) => {
      const n = Math.floor(((i + 1) * r.clearing.records) / r.clearing.paths.length) -
        Math.floor((i * r.clearing.records) / r.clearing.paths.length);
      console.log(`  ${pad(basename(p))}${" ".repeat(21)}  ${grouped(n)} records`);
    });
    console.log(`  ${pad("(clearing files)")}${bytes(r.clearing.bytes)}`);
    console.log(`  ${basename(r.summaryPath)}: expected totals`);
    console.log(
      `  hierarchy: 1 funds-transfer entity, ${r.scale.rollups} rollups, ${r.scale.leaves} leaves`,
    );
    for (const [code, t] of Object.entries(r.totals)) {
      const net = reportSigned(BigInt(t.net_settlement.replace(".", "")));
      console.log(`  ${code}: ${grouped(t.count)} records, net settlement ${net}`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof RangeError || error instanceof Deno.errors.NotCapable ||
        error instanceof Deno.errors.PermissionDenied
      ? (error as Error).message
      : `unexpected error: ${(error as Error).stack ?? error}`;
    console.error(`finstream generate: ${message.split("\n")[0]}`);
    return 1;
  }
}
