/**
 * Ingests files into the ledger through the pipeline read → split → parse → validate →
 * classify → write, with nothing lost: what cannot be stored goes to `dead_letters` with
 * its reason, and the rest goes on.
 *
 * Shape: a producer per file cuts its bytes into jobs (batches of EP747 pages or clearing
 * records); a bounded {@link AsyncChannel} feeds them to runners that hand each job to the
 * permission-scoped {@link WorkerPool} (or run it in-process); results go through a bounded
 * channel per file to that file's writer. EP747 results are put back in file order to
 * resolve sections that continue across pages, then each page is stored in its own
 * transaction; clearing batches are stored (COPY or multi-row insert) in any order, each
 * atomically with its invalid records' dead letters. Several files run at once, sharing
 * the pool. Backpressure: every channel is bounded, so memory stays flat.
 *
 * Failures: a crashed worker's job (its bytes went with the worker: they are read again
 * from the file) is retried once on a fresh worker, then item by item, and the items that
 * still crash are dead-lettered; writes are retried with backoff on transient database errors; data errors
 * from PostgreSQL (SQLSTATE classes 22/23) are isolated to the page or record at fault; a
 * database that stays unreachable stops the run (everything finished so far is committed,
 * and a re-run completes the rest without duplicates).
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

import {
  DatabaseUnavailableError,
  InputFileError,
  SplitError,
  WriteError,
} from "../models/errors.ts";
import type { ParsedPage } from "../models/report.ts";
import { createHash } from "node:crypto";
import { sha256File } from "../reader/file_digest.ts";
import { readFileChunks } from "../reader/file_chunks.ts";
import { detectFileKind, type InputKind } from "../reader/file_kind.ts";
import { expandInputPaths } from "../reader/input_files.ts";
import { SectionContinuity } from "../processor/section_continuity.ts";
import {
  isTransientDatabaseError,
  RetriesExhaustedError,
  retry,
  type RetryOptions,
} from "../processor/retry.ts";
import { loadStrategies } from "../strategies/loader.ts";
import type { StrategyRegistry } from "../strategies/registry.ts";
import { getLog } from "../utils/logging.ts";
import { pluginDirUrl, strategyModuleSpecifier } from "../utils/plugin_paths.ts";
import { maskCardNumbersInText } from "../utils/pan_mask.ts";
import { parseCopyText, TRANSACTION_COLUMNS } from "../writer/copy_format.ts";
import type { Database } from "../writer/database.ts";
import { type DeadLetter, LedgerWriter, type TransactionInsert } from "../writer/ledger_writer.ts";
import { AsyncChannel } from "./async_channel.ts";
import { TaskLimiter } from "./task_limiter.ts";
import { pageRawText, restoreLineText, runJob } from "./job_runner.ts";
import { clearingJobs, ep747Jobs } from "./job_producers.ts";
import { type FileStamp, readJobBytes } from "./job_bytes.ts";
import { ProgressTracker } from "./progress.ts";
import {
  type Job,
  type JobResult,
  type PageJobResult,
  type PageOutcome,
  type RecordJobResult,
  type RowFormat,
  type SerializedError,
  serializeError,
} from "./work_protocol.ts";
import { type RunOptions, WorkerCrashedError, WorkerJobError, WorkerPool } from "./worker_pool.ts";

/** Options for {@link ingest}. */
export interface IngestOptions {
  /** An open, migrated database. Required unless `dryRun`. */
  db?: Database;
  /** Read, parse and validate only; write nothing. @default false */
  dryRun?: boolean;
  /**
   * Parse workers; 0 runs in-process (but plugins always run in a worker).
   * @default navigator.hardwareConcurrency
   */
  workers?: number;
  /**
   * Strategies to parse with, in-process (implies `workers: 0`).
   * @default the built-in strategies, loaded by each worker
   */
  registry?: StrategyRegistry;
  /** Extra strategy folders (file URLs or paths) loaded by the workers. @default [] */
  pluginDirs?: string[];
  /** Single strategy modules (paths, file URLs or specifiers) loaded by the workers. */
  strategyModules?: string[];
  /** The worker module (advanced: tests use an instrumented one). @default parse_worker.ts */
  workerUrl?: URL;
  /**
   * How clearing rows are written (COPY, or multi-row inserts). @default "copy" when the
   * database can take COPY (a server, or PGlite through `copyIn`), else "insert"
   */
  writeMode?: "copy" | "insert";
  /** Clearing records per job and per write transaction. @default 1000 */
  batchSize?: number;
  /** Files processed at once. @default 2 */
  fileConcurrency?: number;
  /** Retry policy for writes. @default 6 attempts, 200 ms base, 5 s cap */
  retry?: RetryOptions;
  /** Progress counters, updated as the run goes. */
  progress?: ProgressTracker;
  /** Called after each file. */
  onFile?: (file: FileSummary) => void;
  /** Stops the run. */
  signal?: AbortSignal;
}

/** What happened to one file. */
export interface FileSummary {
  /** The file's path as given (or found in a folder). */
  path: string;
  /** What the file holds, recognised from its content; null when it could not be read. */
  kind: InputKind | null;
  /** The SHA-256 of its bytes (how a re-ingested file is recognised). */
  sha256: string | null;
  /** Its size in bytes. */
  size: number | null;
  /**
   * `stored`: all stored; `stored_with_errors`: some dead-lettered; `skipped`: already
   * stored; `failed`: could not be read; `checked`: dry run.
   */
  status: "stored" | "stored_with_errors" | "skipped" | "failed" | "checked";
  /** EP747 pages read. */
  pages: number;
  /** Clearing records read. */
  records: number;
  /** Pages or records stored by this run (dry run: that would be stored). */
  stored: number;
  /** Pages stored without a strategy (header and raw text only). */
  unparsed: number;
  /** Pages, records or fragments sent to `dead_letters` by this run (dry run: would be). */
  deadLettered: number;
  /** Pages or records already stored by an earlier run. */
  skipped: number;
  /** How long the file took, in milliseconds. */
  durationMs: number;
  /** Why the file failed, or a note (e.g. when it was already ingested). */
  message?: string;
}

/** The result of an ingest run. */
export interface RunSummary {
  /** The run's id, also on every log record of the run. */
  runId: string;
  /** Where the run wrote (password masked). */
  database: string;
  /** True when nothing was written (`validate`, `--dry-run`). */
  dryRun: boolean;
  /** Parse workers used (0: in-process). */
  workers: number;
  /** One summary per file, in the order the files were given. */
  files: FileSummary[];
  /** The sums over all files (see {@link FileSummary} for each count's meaning). */
  totals: {
    /** Files handled. */
    files: number;
    /** EP747 pages read. */
    pages: number;
    /** Clearing records read. */
    records: number;
    /** Pages and records stored. */
    stored: number;
    /** Pages stored header-only. */
    unparsed: number;
    /** Items sent to `dead_letters`. */
    deadLettered: number;
    /** Pages and records already stored by an earlier run. */
    skipped: number;
    /** Files that could not be read. */
    failedFiles: number;
  };
  /** How long the run took, in milliseconds. */
  durationMs: number;
}

const DATA_ERROR_CLASSES = ["22", "23"];

/**
 * Writes of one file in flight at once on PostgreSQL. Pages are one short statement each,
 * so their time is mostly waiting (round trip, commit): four overlap best here (a 50 MB
 * file: 7.6 s with two, 6.6 s with four). Clearing batches keep the server's CPU busy: two
 * (one was about 20% slower, three no faster and costlier for the server). The server pool's
 * default size (`openDatabase`, 8) covers two files' page writes at once.
 */
const PAGE_WRITERS_PER_FILE = 4;
const BATCH_WRITERS_PER_FILE = 2;

/** True for PostgreSQL errors caused by the data (not the connection). */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && DATA_ERROR_CLASSES.includes(code.slice(0, 2));
}

const EMPTY = new Uint8Array(0);
const LATIN1 = new TextDecoder("windows-1252");
/** The raw text of an item whose bytes could not be read again. */
const UNAVAILABLE = "(not available: the file could not be read again)";

/** Runs jobs: the worker pool, or in-process. */
interface Executor {
  size: number;
  /** Jobs that may be running or queued at once (workers × queue depth). */
  capacity: number;
  run(job: Job, options?: RunOptions): Promise<JobResult>;
  close(): void;
}

function inProcess(registry: StrategyRegistry): Executor {
  return {
    size: 1,
    capacity: 1,
    run: (job) => Promise.resolve(runJob(job, registry)),
    close: () => {},
  };
}

function poolExecutor(pool: WorkerPool): Executor {
  return {
    size: pool.size,
    capacity: pool.size * pool.depth,
    run: (job, options) => pool.run(job, options),
    close: () => pool.close(),
  };
}

/** The parsed content of a page outcome (only counts-only jobs come back without it). */
function contentOf(outcome: PageOutcome & { ok: true }): ParsedPage {
  if (!outcome.page) {
    throw new WorkerJobError(`page ${outcome.position} came back without its content`, "PARSE");
  }
  return outcome.page;
}

/** A finished job: its result and, for pages, its bytes (for raw page text). */
interface Completed {
  result: JobResult;
  bytes: Uint8Array;
}

/** A job in the queue, with where its result goes. */
interface QueuedJob {
  job: Job;
  file: FileRun;
}

/** The shared state of one file being ingested. */
interface FileRun {
  path: string;
  fileId: number;
  /** An earlier run stored part of this file: writes must skip what exists. */
  resumed: boolean;
  /** Size and modification time when the run began (a crashed job is read again only if equal). */
  stamp: FileStamp;
  summary: FileSummary;
  /** Results, with the bytes of their job for pages (for raw page text). */
  results: AsyncChannel<Completed>;
  produced: number;
  completed: number;
  producerDone: boolean;
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

function location(error: SerializedError, fallback: {
  lineStart?: number;
  lineEnd?: number;
  recordIndex?: number;
}): Pick<DeadLetter, "location" | "lineStart" | "lineEnd" | "recordIndex"> {
  const recordIndex = fallback.recordIndex ?? error.record;
  const lineStart = fallback.lineStart ?? error.line;
  const lineEnd = fallback.lineEnd ?? error.lineEnd ?? lineStart;
  return {
    location: recordIndex !== undefined
      ? `record ${recordIndex}`
      : lineStart === lineEnd
      ? `line ${lineStart}`
      : `lines ${lineStart}-${lineEnd}`,
    lineStart,
    lineEnd,
    recordIndex,
  };
}

function deadLetter(
  file: FileRun,
  error: SerializedError,
  raw: string,
  place: { lineStart?: number; lineEnd?: number; recordIndex?: number; position?: number },
): DeadLetter {
  return {
    fileId: file.fileId > 0 ? file.fileId : null,
    filePath: file.path,
    ...location(error, place),
    position: place.position,
    stage: error.step === "config" ? "read" : error.step,
    errorCode: error.code,
    error: maskCardNumbersInText(error.message),
    field: error.field,
    raw: maskCardNumbersInText(raw),
  };
}

/** Ingests files and folders; see the module documentation. */
export async function ingest(
  paths: readonly string[],
  options: IngestOptions,
): Promise<RunSummary> {
  const started = performance.now();
  const runId = crypto.randomUUID();
  const dryRun = options.dryRun ?? false;
  if (!dryRun && !options.db) throw new TypeError("ingest needs a database (or dryRun: true)");
  const log = getLog("ingest").with({ runId });
  const writer = !dryRun && options.db
    ? new LedgerWriter(options.db.sql, { copyIn: options.db.copyIn })
    : null;
  const engine = options.db?.engine;
  // COPY needs a server connection or the database's own COPY input (PGlite).
  const canCopy = engine === "postgres" || options.db?.copyIn !== undefined;
  const format: RowFormat = (options.writeMode ?? (canCopy ? "copy" : "insert")) === "copy"
    ? "copy"
    : "values";
  const files = await expandInputPaths(paths);
  const progress = options.progress ?? new ProgressTracker();
  for (const path of files) progress.bytesTotal += (await Deno.stat(path)).size;

  // Plugins run only inside permission-scoped workers: with plugins, `workers: 0` means one.
  const hasPlugins = (options.pluginDirs?.length ?? 0) + (options.strategyModules?.length ?? 0) > 0;
  const useInProcess = options.registry !== undefined || (options.workers === 0 && !hasPlugins);
  const executor: Executor = useInProcess
    ? inProcess(options.registry ?? await loadStrategies())
    : poolExecutor(
      await WorkerPool.start({
        size: options.workers === 0 ? 1 : options.workers,
        strategyDirs: (options.pluginDirs ?? []).map(pluginDirUrl),
        strategyModules: (options.strategyModules ?? []).map(strategyModuleSpecifier),
        workerUrl: options.workerUrl,
      }),
    );
  const controller = new AbortController();
  const abort = (reason: unknown) => controller.abort(reason);
  options.signal?.addEventListener("abort", () => abort(options.signal?.reason), { once: true });
  const jobs = new AsyncChannel<QueuedJob>(executor.capacity, controller.signal);
  const retryOptions: RetryOptions = {
    attempts: 6,
    baseMs: 200,
    maxMs: 5000,
    isRetryable: isTransientDatabaseError,
    signal: controller.signal,
    onRetry: ({ error, attempt, delayMs }) =>
      log.warn("write failed ({error}); retry {attempt} in {delayMs} ms", {
        error: (error as Error).message,
        attempt,
        delayMs,
        step: "write",
      }),
    ...options.retry,
  };
  const write = <T>(fn: () => Promise<T>) => retry(fn, retryOptions);
  // PGlite is one session: its writes go one at a time.
  const concurrent = engine === "postgres" && writer !== null;
  const pageWriters = concurrent ? PAGE_WRITERS_PER_FILE : 1;
  const batchWriters = concurrent ? BATCH_WRITERS_PER_FILE : 1;

  log.info("run {runId} started: {count} file(s) into {database}, {workers} worker(s)", {
    count: files.length,
    database: dryRun ? "nothing (dry run)" : options.db!.description,
    workers: useInProcess ? 0 : executor.size,
  });

  // A job's buffer is transferred to its worker: the main thread keeps no copy. Pages come
  // back with their bytes; after a crash the job is read again from its file, and if that
  // fails (the file was moved or changed) its items are dead-lettered, the run goes on.
  const reread = async (queued: QueuedJob): Promise<ArrayBuffer | Error> => {
    try {
      return await readJobBytes(queued.file.path, queued.job, queued.file.stamp);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  const runJobWithRecovery = async (queued: QueuedJob): Promise<Completed> => {
    const result = await runWithRetries(queued);
    return { result, bytes: result.type === "pages" ? new Uint8Array(result.buffer) : EMPTY };
  };

  const runWithRetries = async (queued: QueuedJob): Promise<JobResult> => {
    try {
      return await executor.run(queued.job);
    } catch (error) {
      const recoverable = error instanceof WorkerCrashedError || error instanceof WorkerJobError;
      if (!recoverable || controller.signal.aborted) throw error;
      log.warn("{error}; retrying job {job} of {file} on a fresh worker", {
        error: error.message,
        job: queued.job.id,
        file: queued.file.path,
        step: "parse",
      });
      const retry = await reread(queued);
      if (retry instanceof Error) return unreadableResult(queued.job, error, retry);
      // Retries run alone on a worker: a second crash is then this job's own.
      try {
        return await executor.run({ ...queued.job, buffer: retry }, { exclusive: true });
      } catch (again) {
        if (!(again instanceof WorkerCrashedError || again instanceof WorkerJobError)) throw again;
        // Crashed twice: run the items one by one, so only the guilty ones are lost.
        const whole = await reread(queued);
        if (whole instanceof Error) return unreadableResult(queued.job, again, whole);
        const parts: JobResult[] = [];
        for (const single of splitJob({ ...queued.job, buffer: whole })) {
          const singleBackup = single.buffer.slice(0);
          try {
            parts.push(await executor.run(single, { exclusive: true }));
          } catch (third) {
            if (!(third instanceof WorkerCrashedError || third instanceof WorkerJobError)) {
              throw third;
            }
            parts.push(crashedResult({ ...single, buffer: singleBackup }, third));
          }
        }
        // Each single page job had its page at offset 0: point the outcomes back into the
        // whole job's bytes.
        if (queued.job.type === "pages") {
          const pages = queued.job.pages;
          parts.forEach((part, i) => {
            if (part.type !== "pages") return;
            for (const outcome of part.outcomes) outcome.offset = pages[i].offset;
          });
        }
        return mergeResults(queued.job.id, parts, whole);
      }
    }
  };

  const runners = Array.from({ length: executor.capacity }, async () => {
    try {
      for await (const queued of jobs) {
        const completed = await runJobWithRecovery(queued);
        await queued.file.results.send(completed);
        queued.file.completed++;
        if (queued.file.producerDone && queued.file.completed === queued.file.produced) {
          queued.file.results.close();
        }
      }
    } catch (error) {
      abort(error);
    }
  });

  const summaries: FileSummary[] = new Array(files.length);
  let nextFile = 0;
  const fileWorkers = Array.from(
    { length: Math.min(files.length, options.fileConcurrency ?? 2) },
    async () => {
      while (nextFile < files.length) {
        const index = nextFile++;
        summaries[index] = await ingestOneFile(files[index]);
      }
    },
  );

  async function ingestOneFile(path: string): Promise<FileSummary> {
    const fileStarted = performance.now();
    const summary = emptySummary(path);
    const flog = log.with({ file: path });
    let stamp: FileStamp = { size: 0, mtime: null };
    try {
      const kind = await detectFileKind(path);
      summary.kind = kind;
      try {
        const info = await Deno.stat(path);
        summary.size = info.size;
        stamp = { size: info.size, mtime: info.mtime };
        // Writing needs the digest first (a stored file is skipped); a dry run hashes the
        // bytes as it reads them instead of reading the file twice.
        if (!dryRun) summary.sha256 = await sha256File(path);
      } catch (error) {
        throw new InputFileError(`cannot read: ${(error as Error).message}`, { file: path }, {
          cause: error,
        });
      }
      let fileId = 0;
      let resumed = false;
      if (writer) {
        const record = await write(() =>
          writer.beginFile({ path, kind, size: summary.size!, sha256: summary.sha256! })
        );
        if (record.state === "done") {
          summary.status = "skipped";
          summary.message = `already ingested (same sha256) at ${record.finishedAt}; ` +
            "nothing new stored";
          progress.bytesRead += summary.size;
          return summary;
        }
        fileId = record.id;
        resumed = record.state === "resume";
      }
      const run: FileRun = {
        path,
        fileId,
        resumed,
        stamp,
        summary,
        results: new AsyncChannel<Completed>(executor.capacity * 2, controller.signal),
        produced: 0,
        completed: 0,
        producerDone: false,
      };
      const consumer = kind === "ep747" ? consumePages(run) : consumeRecords(run);
      consumer.catch((error) => abort(error));
      await produce(run, kind);
      await consumer;
      if (dryRun) summary.status = "checked";
      else {
        summary.status = summary.deadLettered > 0 ? "stored_with_errors" : "stored";
        await write(() =>
          writer!.finishFile(
            fileId,
            summary.deadLettered > 0 ? "completed_with_errors" : "completed",
            { pages: summary.pages, records: summary.records },
          )
        );
      }
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      summary.status = "failed";
      summary.message = error.message;
      flog.error("{error}", { error: error.message, step: error.step });
    } finally {
      summary.durationMs = Math.round(performance.now() - fileStarted);
    }
    flog.info("{file}: {status}, {stored} stored, {deadLettered} dead-lettered", {
      ...summary,
      file: path,
    });
    options.onFile?.(summary);
    return summary;
  }

  async function produce(run: FileRun, kind: InputKind): Promise<void> {
    let file: Deno.FsFile;
    try {
      file = await Deno.open(run.path, { read: true });
    } catch (error) {
      throw new InputFileError(`cannot read: ${(error as Error).message}`, { file: run.path }, {
        cause: error,
      });
    }
    const hash = dryRun ? createHash("sha256") : null;
    const source = readFileChunks(file, hash ? { onChunk: (chunk) => hash.update(chunk) } : {});
    const producer = kind === "ep747"
      ? ep747Jobs(source, run.path, { countsOnly: dryRun })
      : clearingJobs(source, run.path, format, { items: options.batchSize ?? 1000 });
    try {
      for await (const job of producer) {
        progress.bytesRead += job.inputBytes;
        run.produced++;
        await jobs.send({ job, file: run });
      }
    } catch (error) {
      if (!(error instanceof SplitError)) throw error;
      const line = error.location.line;
      run.summary.deadLettered++;
      progress.deadLettered++;
      const item = deadLetter(
        run,
        serializeError(error, "split"),
        `(file unreadable from line ${line}: ${error.reason})`,
        { lineStart: line, lineEnd: line },
      );
      if (writer) await write(() => writer.writeDeadLetters([item]));
      log.error("{error}; records after it were not read", {
        error: error.message,
        file: run.path,
        step: "split",
      });
    } finally {
      file.close();
      if (hash && run.summary.sha256 === null) run.summary.sha256 = hash.digest("hex");
      run.producerDone = true;
      if (run.completed === run.produced) run.results.close();
    }
  }

  async function consumePages(run: FileRun): Promise<void> {
    const continuity = new SectionContinuity();
    const waiting = new Map<number, Completed>();
    const writes = new TaskLimiter(pageWriters);
    let next = 0;
    for await (const completed of run.results) {
      waiting.set(completed.result.id, completed);
      while (waiting.has(next) && !writes.failed) {
        const { result, bytes } = waiting.get(next)!;
        waiting.delete(next++);
        for (const outcome of (result as PageJobResult).outcomes) {
          // Sections are resolved here, in file order; only the writes overlap. A dry run
          // stores nothing, so it resolves nothing.
          const page = writer && outcome.ok ? continuity.resolve(contentOf(outcome)) : null;
          await writes.start(() => storePage(run, outcome, bytes, page));
        }
      }
      if (writes.failed) break;
    }
    await writes.drain();
  }

  /** Stores one page (`page`: its resolved content; null in a dry run) or its dead letter. */
  async function storePage(
    run: FileRun,
    outcome: PageOutcome,
    bytes: Uint8Array,
    page: ParsedPage | null,
  ): Promise<void> {
    const raw = () =>
      bytes.length === 0
        ? UNAVAILABLE
        : pageRawText(bytes, { kind: outcome.ok ? "page" : outcome.kind, ...outcome }, run.path);
    const place = {
      lineStart: outcome.lineStart,
      lineEnd: outcome.lineEnd,
      position: outcome.position > 0 ? outcome.position : undefined,
    };
    // Only a page that fails logs: its logger is made then, not for every page.
    const pageLog = () =>
      log.with({ file: run.path, page: outcome.position, line: outcome.lineStart });
    if (!outcome.ok) {
      if (outcome.kind === "page") {
        run.summary.pages++;
        progress.pages++;
      }
      run.summary.deadLettered++;
      progress.deadLettered++;
      if (writer) {
        await write(() => writer.writeDeadLetters([deadLetter(run, outcome.error, raw(), place)]));
      }
      pageLog().warn("page {page} dead-lettered: {error}", {
        error: outcome.error.message,
        step: outcome.error.step,
      });
      return;
    }
    run.summary.pages++;
    progress.pages++;
    if (!writer || !page) {
      run.summary.stored++;
      if (!outcome.parsed) run.summary.unparsed++;
      return;
    }
    const segment = {
      kind: "page" as const,
      file: run.path,
      position: outcome.position,
      lineStart: outcome.lineStart,
      lineEnd: outcome.lineEnd,
      lines: [],
    };
    try {
      const text = raw();
      restoreLineText(page, text, outcome.lineStart);
      const stored = await write(() => writer.writePage(run.fileId, segment, page, text));
      if (stored) {
        run.summary.stored++;
        progress.stored++;
        if (!page.parsed) run.summary.unparsed++;
      } else run.summary.skipped++;
    } catch (error) {
      if (!isDataError(error)) throw error;
      const failure = new WriteError((error as Error).message, {
        file: run.path,
        line: outcome.lineStart,
        lineEnd: outcome.lineEnd,
      }, { cause: error });
      run.summary.deadLettered++;
      progress.deadLettered++;
      await write(() =>
        writer.writeDeadLetters([
          deadLetter(run, serializeError(failure, "write"), raw(), place),
        ])
      );
      pageLog().warn("page {page} not stored: {error}", { error: failure.message, step: "write" });
    }
  }

  /**
   * Stores a file's record batches as they complete, several at once on PostgreSQL (each
   * batch is its own transaction; batches are independent), one at a time on PGlite.
   */
  async function consumeRecords(run: FileRun): Promise<void> {
    const writes = new TaskLimiter(batchWriters);
    for await (const { result } of run.results) {
      if (writes.failed) break;
      await writes.start(() => storeRecords(run, result as RecordJobResult));
    }
    await writes.drain();
  }

  async function storeRecords(run: FileRun, result: RecordJobResult): Promise<void> {
    const count = result.indexes.length + result.rejected.length;
    run.summary.records += count;
    progress.records += count;
    const dead = result.rejected.map((r) =>
      deadLetter(run, r.error, r.raw, { recordIndex: r.index })
    );
    for (const r of result.rejected) {
      log.warn("record {record} dead-lettered: {error}", {
        file: run.path,
        record: r.index,
        error: r.error.message,
        step: r.error.step,
      });
    }
    run.summary.deadLettered += dead.length;
    progress.deadLettered += dead.length;
    if (!writer) {
      run.summary.stored += result.indexes.length;
      return;
    }
    let stored: number;
    let failed = 0;
    try {
      stored = await write(() =>
        result.copy
          ? writer.copyTransactions(run.fileId, new Uint8Array(result.copy), dead, {
            direct: !run.resumed,
          })
          : writer.writeTransactions(run.fileId, valuesToRows(result.values ?? []), dead)
      );
    } catch (error) {
      if (!isDataError(error)) throw error;
      ({ stored, failed } = await isolateBadRows(run, result, dead));
    }
    run.summary.stored += stored;
    progress.stored += stored;
    run.summary.deadLettered += failed;
    progress.deadLettered += failed;
    run.summary.skipped += result.indexes.length - stored - failed;
  }

  /** After a data error on a batch: store its rows one by one, dead-lettering the bad ones. */
  async function isolateBadRows(
    run: FileRun,
    result: RecordJobResult,
    dead: DeadLetter[],
  ): Promise<{ stored: number; failed: number }> {
    const rows = result.copy
      ? valuesToRows(parseCopyText(new TextDecoder().decode(result.copy)))
      : valuesToRows(result.values ?? []);
    await write(() => writer!.writeDeadLetters(dead));
    let stored = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        stored += await write(() => writer!.writeTransactions(run.fileId, [row]));
      } catch (error) {
        if (!isDataError(error)) throw error;
        failed++;
        const failure = new WriteError((error as Error).message, {
          file: run.path,
          record: row.record_index,
        }, { cause: error });
        await write(() =>
          writer!.writeDeadLetters([
            deadLetter(run, serializeError(failure, "write"), JSON.stringify(row), {
              recordIndex: row.record_index,
            }),
          ])
        );
      }
    }
    return { stored, failed };
  }

  let failure: unknown;
  try {
    await Promise.race([
      Promise.all(fileWorkers),
      new Promise((_, reject) => {
        if (controller.signal.aborted) reject(controller.signal.reason);
        controller.signal.addEventListener("abort", () => reject(controller.signal.reason), {
          once: true,
        });
      }),
    ]);
  } catch (error) {
    failure = error;
  } finally {
    jobs.close();
    if (failure !== undefined) abort(failure);
    await Promise.allSettled([...fileWorkers, ...runners]);
    executor.close();
  }
  if (failure !== undefined) {
    failure = controller.signal.aborted ? controller.signal.reason : failure;
    if (failure instanceof RetriesExhaustedError) {
      throw new DatabaseUnavailableError(
        `the database stopped answering (${failure.message}). Every page and batch finished ` +
          "before this was committed; run the same command again to store the rest.",
        { cause: failure },
      );
    }
    throw failure;
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
  return {
    runId,
    database: dryRun ? "nothing (dry run)" : options.db!.description,
    dryRun,
    workers: useInProcess ? 0 : executor.size,
    files: summaries,
    totals,
    durationMs,
  };
}

/** Turns value arrays (`TRANSACTION_COLUMNS` order) into insertable rows. */
function valuesToRows(values: (string | null)[][]): TransactionInsert[] {
  return values.map((line) => {
    const row: Record<string, unknown> = {};
    TRANSACTION_COLUMNS.forEach((column, i) => {
      row[column] = column === "extra" && line[i] !== null ? JSON.parse(line[i]!) : line[i];
    });
    row.record_index = Number(row.record_index);
    return row as TransactionInsert;
  });
}

/** One job per item of `job` (each with its own buffer). */
function splitJob(job: Job): Job[] {
  const bytes = new Uint8Array(job.buffer);
  if (job.type === "pages") {
    return job.pages.map((p) => ({
      ...job,
      buffer: bytes.slice(p.offset, p.offset + p.length).buffer,
      pages: [{ ...p, offset: 0 }],
    }));
  }
  return job.indexes.map((index, i) => {
    const part = bytes.slice(job.offsets[i], job.offsets[i + 1]);
    return {
      ...job,
      buffer: part.buffer,
      offsets: [0, part.length],
      indexes: [index],
      lines: [job.lines[i]],
      format: "values" as const,
    };
  });
}

/** Joins the results of a split job back into one result (`buffer`: the whole job's bytes). */
function mergeResults(id: number, parts: JobResult[], buffer: ArrayBuffer): JobResult {
  if (parts.length === 0 || parts[0].type === "pages") {
    return {
      type: "pages",
      id,
      outcomes: parts.flatMap((p) => p.type === "pages" ? p.outcomes : []),
      buffer,
    };
  }
  const records = parts as RecordJobResult[];
  return {
    type: "records",
    id,
    indexes: records.flatMap((r) => r.indexes),
    values: records.flatMap((r) => r.values ?? []),
    rejected: records.flatMap((r) => r.rejected),
  };
}

/**
 * A result in which every item of `job` failed with `failure`. `bytes`: the job's bytes,
 * for the items' raw text, or null when they are lost (the text then says so).
 */
function failedResult(job: Job, failure: SerializedError, bytes: ArrayBuffer | null): JobResult {
  if (job.type === "pages") {
    return {
      type: "pages",
      id: job.id,
      outcomes: job.pages.map((p) => ({
        ok: false as const,
        kind: p.kind,
        position: p.position,
        lineStart: p.lineStart,
        lineEnd: p.lineEnd,
        offset: p.offset,
        length: p.length,
        error: failure,
      })),
      buffer: bytes ?? new ArrayBuffer(0),
    };
  }
  const view = bytes ? new Uint8Array(bytes) : null;
  return {
    type: "records",
    id: job.id,
    indexes: [],
    values: [],
    rejected: job.indexes.map((index, i) => ({
      index,
      line: job.lines[i],
      error: failure,
      raw: view ? LATIN1.decode(view.subarray(job.offsets[i], job.offsets[i + 1])) : UNAVAILABLE,
    })),
  };
}

/** The result of a job whose worker crashed on it: every item is dead-lettered. */
function crashedResult(job: Job, error: WorkerCrashedError | WorkerJobError): JobResult {
  return failedResult(job, {
    name: error.name,
    code: "WORKER_CRASHED",
    step: "parse",
    message: `${job.file}: ${error.message} (the item was retried on a fresh worker)`,
    reason: error.message,
  }, job.buffer);
}

/**
 * The result of a job whose bytes went with a crashed worker and could not be read again
 * (the file was moved, shortened or changed): every item is dead-lettered, without text.
 */
function unreadableResult(job: Job, crash: Error, unreadable: Error): JobResult {
  const reason = `${crash.message}; its bytes could not be read again: ${unreadable.message}`;
  return failedResult(job, {
    name: unreadable.name,
    code: "INPUT_FILE",
    step: "read",
    message: `${job.file}: ${reason}`,
    reason,
  }, null);
}
