/**
 * Ingests files into the ledger: for each file, recognise it (kind, sha256), skip it if
 * already stored, then stream it through read → split → parse → validate → classify →
 * write, one atomic section at a time (an EP747 page; a batch of clearing records).
 * Anything that cannot be stored goes to `dead_letters` with its reason, and the rest goes
 * on. Returns a {@link RunSummary}.
 *
 * Techniques: async generators end to end (memory holds one page or one batch), pure
 * processing steps (`processor/`) separated from the writer, section continuation
 * resolved in file order, data errors from PostgreSQL (SQLSTATE classes 22 and 23)
 * isolated to the record or page that caused them, connection errors stop the run.
 *
 * @example
 * ```ts
 * import { ingest } from "./ingest.ts";
 * import { openDatabase } from "../writer/database.ts";
 * import { migrate } from "../writer/migrations.ts";
 * const db = await openDatabase();
 * await migrate(db.sql);
 * const summary = await ingest(["data/samples"], { db });
 * console.log(summary.totals);
 * await db.close();
 * ```
 *
 * @module
 */

import { FinstreamError, InputFileError, SplitError, WriteError } from "../models/errors.ts";
import { readEp747Pages } from "../reader/ep747_pages.ts";
import { sha256File } from "../reader/file_digest.ts";
import { detectFileKind, type InputKind } from "../reader/file_kind.ts";
import { expandInputPaths } from "../reader/input_files.ts";
import { readJsonRecords } from "../reader/json_records.ts";
import { processPage } from "../processor/page_processor.ts";
import { type ClassifiedTransaction, processRecord } from "../processor/record_processor.ts";
import { SectionContinuity } from "../processor/section_continuity.ts";
import { loadStrategies } from "../strategies/loader.ts";
import type { StrategyRegistry } from "../strategies/registry.ts";
import { maskCardNumbersInText } from "../utils/pan_mask.ts";
import { getLog } from "../utils/logging.ts";
import type { Database } from "../writer/database.ts";
import { type DeadLetter, LedgerWriter } from "../writer/ledger_writer.ts";

/** Options for {@link ingest}. */
export interface IngestOptions {
  /** An open, migrated database. */
  db: Database;
  /** Strategies to parse with. @default the built-in strategies */
  registry?: StrategyRegistry;
  /** Clearing records per write transaction. @default 1000 */
  batchSize?: number;
  /** Called after each file. */
  onFile?: (file: FileSummary) => void;
}

/** What happened to one file. */
export interface FileSummary {
  path: string;
  kind: InputKind | null;
  sha256: string | null;
  size: number | null;
  /** `stored`: all stored; `stored_with_errors`: some dead-lettered; `skipped`: already stored; `failed`: could not be read. */
  status: "stored" | "stored_with_errors" | "skipped" | "failed";
  /** EP747 pages read. */
  pages: number;
  /** Clearing records read. */
  records: number;
  /** Pages or records stored by this run. */
  stored: number;
  /** Pages stored without a strategy (header and raw text only). */
  unparsed: number;
  /** Pages, records or fragments sent to `dead_letters` by this run. */
  deadLettered: number;
  /** Pages or records already stored by an earlier run. */
  skipped: number;
  durationMs: number;
  /** Why the file failed, or a note (e.g. when it was already ingested). */
  message?: string;
}

/** The result of an ingest run. */
export interface RunSummary {
  runId: string;
  database: string;
  files: FileSummary[];
  totals: {
    files: number;
    pages: number;
    records: number;
    stored: number;
    unparsed: number;
    deadLettered: number;
    skipped: number;
    failedFiles: number;
  };
  durationMs: number;
}

const DATA_ERROR_CLASSES = ["22", "23"];

/** True for PostgreSQL errors caused by the data (not the connection). */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && DATA_ERROR_CLASSES.includes(code.slice(0, 2));
}

function emptySummary(path: string): FileSummary {
  return {
    path,
    kind: null,
    sha256: null,
    size: null,
    status: "stored",
    pages: 0,
    records: 0,
    stored: 0,
    unparsed: 0,
    deadLettered: 0,
    skipped: 0,
    durationMs: 0,
  };
}

/** Ingests files and folders; see the module documentation. */
export async function ingest(
  paths: readonly string[],
  options: IngestOptions,
): Promise<RunSummary> {
  const started = performance.now();
  const runId = crypto.randomUUID();
  const log = getLog("ingest").with({ runId });
  const registry = options.registry ?? await loadStrategies();
  const writer = new LedgerWriter(options.db.sql);
  const files = await expandInputPaths(paths);
  log.info("run {runId} started: {count} file(s) into {database}", {
    count: files.length,
    database: options.db.description,
  });
  const summaries: FileSummary[] = [];
  for (const path of files) {
    const fileStarted = performance.now();
    const summary = emptySummary(path);
    try {
      await ingestFile(path, summary, writer, registry, options.batchSize ?? 1000);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      summary.status = "failed";
      summary.message = error.message;
      log.error("{file}: {error}", { file: path, error: error.message, step: error.step });
    }
    summary.durationMs = Math.round(performance.now() - fileStarted);
    summaries.push(summary);
    log.info("{file}: {status}, {stored} stored, {deadLettered} dead-lettered", {
      file: path,
      ...summary,
    });
    options.onFile?.(summary);
  }
  const totals = {
    files: summaries.length,
    pages: 0,
    records: 0,
    stored: 0,
    unparsed: 0,
    deadLettered: 0,
    skipped: 0,
    failedFiles: 0,
  };
  for (const s of summaries) {
    totals.pages += s.pages;
    totals.records += s.records;
    totals.stored += s.stored;
    totals.unparsed += s.unparsed;
    totals.deadLettered += s.deadLettered;
    totals.skipped += s.skipped;
    if (s.status === "failed") totals.failedFiles++;
  }
  const durationMs = Math.round(performance.now() - started);
  log.info("run {runId} finished in {durationMs} ms", { durationMs, ...totals });
  return { runId, database: options.db.description, files: summaries, totals, durationMs };
}

async function ingestFile(
  path: string,
  summary: FileSummary,
  writer: LedgerWriter,
  registry: StrategyRegistry,
  batchSize: number,
): Promise<void> {
  const kind = await detectFileKind(path);
  summary.kind = kind;
  let size: number;
  let sha256: string;
  try {
    size = (await Deno.stat(path)).size;
    sha256 = await sha256File(path);
  } catch (error) {
    throw new InputFileError(`cannot read: ${(error as Error).message}`, { file: path }, {
      cause: error,
    });
  }
  summary.size = size;
  summary.sha256 = sha256;
  const file = await writer.beginFile({ path, kind, size, sha256 });
  if (file.state === "done") {
    summary.status = "skipped";
    summary.message = `already ingested (same sha256) at ${file.finishedAt}; nothing new stored`;
    return;
  }
  if (kind === "ep747") await ingestEp747(path, file.id, summary, writer, registry);
  else await ingestClearing(path, file.id, summary, writer, batchSize);
  summary.status = summary.deadLettered > 0 ? "stored_with_errors" : "stored";
  await writer.finishFile(
    file.id,
    summary.deadLettered > 0 ? "completed_with_errors" : "completed",
    { pages: summary.pages, records: summary.records },
  );
}

function deadLetterFor(
  error: FinstreamError,
  fileId: number,
  path: string,
  raw: string,
  fallback: { lineStart?: number; lineEnd?: number; recordIndex?: number },
): DeadLetter {
  const lineStart = fallback.lineStart ?? error.location.line;
  const lineEnd = fallback.lineEnd ?? error.location.lineEnd ?? lineStart;
  const recordIndex = fallback.recordIndex ?? error.location.record;
  const location = recordIndex !== undefined
    ? `record ${recordIndex}`
    : lineStart === lineEnd
    ? `line ${lineStart}`
    : `lines ${lineStart}-${lineEnd}`;
  return {
    fileId,
    filePath: path,
    location,
    lineStart,
    lineEnd,
    recordIndex,
    stage: error.step === "config" ? "read" : error.step,
    errorCode: error.code,
    error: maskCardNumbersInText(error.message),
    field: error.location.field,
    raw: maskCardNumbersInText(raw),
  };
}

async function openReadable(path: string): Promise<Deno.FsFile> {
  try {
    return await Deno.open(path, { read: true });
  } catch (error) {
    throw new InputFileError(`cannot read: ${(error as Error).message}`, { file: path }, {
      cause: error,
    });
  }
}

async function ingestEp747(
  path: string,
  fileId: number,
  summary: FileSummary,
  writer: LedgerWriter,
  registry: StrategyRegistry,
): Promise<void> {
  const log = getLog("ep747").with({ file: path });
  const continuity = new SectionContinuity();
  const file = await openReadable(path);
  for await (const segment of readEp747Pages(file.readable, { file: path })) {
    const raw = segment.lines.join("\n");
    const span = { lineStart: segment.lineStart, lineEnd: segment.lineEnd };
    if (segment.kind === "preamble") {
      const error = new SplitError("text before the first REPORT ID: line is not a report page", {
        file: path,
        line: segment.lineStart,
        lineEnd: segment.lineEnd,
      });
      await writer.writeDeadLetters([deadLetterFor(error, fileId, path, raw, span)]);
      summary.deadLettered++;
      log.warn("{error}", { error: error.message, step: error.step });
      continue;
    }
    summary.pages++;
    let page;
    try {
      page = continuity.resolve(processPage(segment, registry));
    } catch (error) {
      if (!(error instanceof FinstreamError)) throw error;
      await writer.writeDeadLetters([deadLetterFor(error, fileId, path, raw, span)]);
      summary.deadLettered++;
      log.warn("page {position} dead-lettered: {error}", {
        position: segment.position,
        error: error.message,
        step: error.step,
      });
      continue;
    }
    try {
      const stored = await writer.writePage(fileId, segment, page, maskCardNumbersInText(raw));
      if (stored) summary.stored++;
      else summary.skipped++;
      if (stored && !page.parsed) summary.unparsed++;
    } catch (error) {
      if (!isDataError(error)) throw error;
      const writeError = new WriteError((error as Error).message, {
        file: path,
        line: segment.lineStart,
        lineEnd: segment.lineEnd,
      }, { cause: error });
      await writer.writeDeadLetters([deadLetterFor(writeError, fileId, path, raw, span)]);
      summary.deadLettered++;
      log.warn("page {position} not stored: {error}", {
        position: segment.position,
        error: writeError.message,
        step: "write",
      });
    }
  }
}

async function ingestClearing(
  path: string,
  fileId: number,
  summary: FileSummary,
  writer: LedgerWriter,
  batchSize: number,
): Promise<void> {
  const log = getLog("clearing").with({ file: path });
  let rows: (ClassifiedTransaction & { record_index: number })[] = [];
  let dead: DeadLetter[] = [];
  const flush = async () => {
    if (rows.length === 0 && dead.length === 0) return;
    const { stored, failed } = await writeBatch(writer, fileId, path, rows, dead);
    summary.stored += stored;
    summary.deadLettered += failed;
    summary.skipped += rows.length - stored - failed;
    rows = [];
    dead = [];
  };
  const file = await openReadable(path);
  try {
    for await (const segment of readJsonRecords(file.readable, { file: path })) {
      summary.records++;
      try {
        rows.push({ ...processRecord(segment, path), record_index: segment.index });
      } catch (error) {
        if (!(error instanceof FinstreamError)) throw error;
        dead.push(deadLetterFor(error, fileId, path, segment.text, { recordIndex: segment.index }));
        summary.deadLettered++;
        log.warn("record {record} dead-lettered: {error}", {
          record: segment.index,
          error: error.message,
          step: error.step,
        });
      }
      if (rows.length + dead.length >= batchSize) await flush();
    }
  } catch (error) {
    if (!(error instanceof SplitError)) throw error;
    await flush();
    const line = error.location.line;
    dead.push(
      deadLetterFor(error, fileId, path, `(file unreadable from line ${line}: ${error.reason})`, {
        lineStart: line,
        lineEnd: line,
      }),
    );
    summary.deadLettered++;
    log.error("{error}; records after it were not read", { error: error.message, step: "split" });
  }
  await flush();
}

/**
 * Writes a batch; if PostgreSQL rejects it for its data, writes the records one by one so
 * that only the offending ones are dead-lettered.
 */
async function writeBatch(
  writer: LedgerWriter,
  fileId: number,
  path: string,
  rows: (ClassifiedTransaction & { record_index: number })[],
  dead: DeadLetter[],
): Promise<{ stored: number; failed: number }> {
  try {
    return { stored: await writer.writeTransactions(fileId, rows, dead), failed: 0 };
  } catch (error) {
    if (!isDataError(error)) throw error;
  }
  let stored = 0;
  let failed = 0;
  await writer.writeDeadLetters(dead);
  for (const row of rows) {
    try {
      stored += await writer.writeTransactions(fileId, [row]);
    } catch (error) {
      if (!isDataError(error)) throw error;
      const writeError = new WriteError((error as Error).message, {
        file: path,
        record: row.record_index,
      }, { cause: error });
      await writer.writeDeadLetters([
        deadLetterFor(writeError, fileId, path, JSON.stringify(row), {
          recordIndex: row.record_index,
        }),
      ]);
      failed++;
    }
  }
  return { stored, failed };
}
