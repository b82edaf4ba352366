/**
 * Renders a {@link RunSummary} for people (an aligned table with totals) and for
 * machines (one line of JSON), and maps it to the command's exit status.
 *
 * Techniques: pure formatting functions; column widths computed from the content.
 *
 * @example
 * ```ts
 * import { exitCodeFor } from "./run_summary.ts";
 * // exitCodeFor(summary); // 0 all stored, 3 something dead-lettered, 1 a file failed
 * ```
 *
 * @module
 */

import type { FileSummary, RunSummary } from "./ingest.ts";

/** Exit status: everything stored. */
export const EXIT_OK = 0;
/** Exit status: could not run, or a file could not be read. */
export const EXIT_ERROR = 1;
/** Exit status: finished, but something went to `dead_letters`. */
export const EXIT_DEAD_LETTERS = 3;

/** The exit status a run deserves. */
export function exitCodeFor(summary: RunSummary): number {
  if (summary.totals.failedFiles > 0) return EXIT_ERROR;
  if (summary.totals.deadLettered > 0) return EXIT_DEAD_LETTERS;
  return EXIT_OK;
}

/** The summary as one line of JSON (the last line the CLI prints with `--json`). */
export function summaryJson(summary: RunSummary): string {
  return JSON.stringify({
    run_id: summary.runId,
    database: summary.database,
    dry_run: summary.dryRun,
    workers: summary.workers,
    duration_ms: summary.durationMs,
    files: summary.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      sha256: f.sha256,
      size: f.size,
      status: f.status,
      pages: f.kind === "ep747" ? f.pages : undefined,
      records: f.kind === "clearing" ? f.records : undefined,
      stored: f.stored,
      unparsed: f.unparsed,
      dead_lettered: f.deadLettered,
      skipped: f.skipped,
      duration_ms: f.durationMs,
      rows_per_second: rowsPerSecond(f),
      message: f.message,
    })),
    totals: {
      files: summary.totals.files,
      pages: summary.totals.pages,
      records: summary.totals.records,
      stored: summary.totals.stored,
      unparsed: summary.totals.unparsed,
      dead_lettered: summary.totals.deadLettered,
      skipped: summary.totals.skipped,
      failed_files: summary.totals.failedFiles,
    },
    exit_code: exitCodeFor(summary),
  });
}

/** Pages or records handled per second for a file (0 when too fast to measure). */
export function rowsPerSecond(file: FileSummary): number {
  const items = file.pages + file.records;
  return file.durationMs > 0 ? Math.round((items * 1000) / file.durationMs) : 0;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")
    )
    .join("\n");
}

/** The summary as a readable table. */
export function summaryText(summary: RunSummary): string {
  const rows = [[
    "file",
    "kind",
    "status",
    "pages/records",
    "stored",
    "unparsed",
    "dead",
    "skipped",
    "ms",
    "rows/s",
  ]];
  for (const f of summary.files) {
    rows.push([
      f.path,
      f.kind ?? "-",
      f.status,
      String(f.kind === "clearing" ? f.records : f.pages),
      String(f.stored),
      String(f.unparsed),
      String(f.deadLettered),
      String(f.skipped),
      String(f.durationMs),
      String(rowsPerSecond(f)),
    ]);
  }
  const t = summary.totals;
  rows.push([
    "total",
    "",
    "",
    String(t.pages + t.records),
    String(t.stored),
    String(t.unparsed),
    String(t.deadLettered),
    String(t.skipped),
    String(summary.durationMs),
    String(
      summary.durationMs > 0 ? Math.round(((t.pages + t.records) * 1000) / summary.durationMs) : 0,
    ),
  ]);
  const notes = summary.files.filter((f) => f.message).map((f) => `  ${f.path}: ${f.message}`);
  const allSkipped = summary.files.length > 0 && summary.files.every((f) => f.status === "skipped");
  const verdict = summary.dryRun
    ? `Dry run: nothing was written; ${t.stored} page(s)/record(s) would be stored and ` +
      `${t.deadLettered} would go to dead_letters.`
    : t.failedFiles > 0
    ? `${t.failedFiles} file(s) could not be read.`
    : t.deadLettered > 0
    ? `${t.deadLettered} item(s) went to dead_letters; query the dead_letters table for each reason.`
    : allSkipped
    ? "Nothing new to store: every file was already ingested."
    : summary.files.length === 0
    ? "No files found."
    : "Everything was stored.";
  return [
    summary.dryRun
      ? `finstream validate, ${summary.workers} worker(s) (run ${summary.runId})`
      : `finstream ingest into ${summary.database}, ${summary.workers} worker(s) (run ${summary.runId})`,
    table(rows),
    ...(notes.length ? ["notes:", ...notes] : []),
    verdict,
  ].join("\n");
}
