/**
 * The messages between the ingest pipeline and its parse workers: jobs (a batch of EP747
 * pages, or of clearing records, as bytes in one transferable `ArrayBuffer`) and their
 * results (parsed pages; COPY-ready rows; dead letters).
 *
 * Techniques: plain structured-clone-able objects; one buffer per job with byte offsets
 * instead of many small strings (transferring a buffer moves it without copying);
 * errors crossing the boundary as {@link SerializedError} records that keep the typed
 * error's step, code and location.
 *
 * @module
 */

import { FinstreamError, type PipelineStep } from "../models/errors.ts";
import type { ParsedPage } from "../models/report.ts";

/** How the writer will store clearing rows, so the worker prepares them accordingly. */
export type RowFormat = "copy" | "values";

/** Sent once to each worker before any job. */
export interface InitMessage {
  type: "init";
  /** Folders (file URLs) whose `vss_*.ts` strategy modules the worker loads, in order. */
  strategyDirs: string[];
  /** Which of those folders are plugins (listed as such; they override built-ins). */
  pluginDirs: string[];
  /** Single strategy modules (URLs or specifiers) loaded after the folders, as plugins. */
  strategyModules: string[];
}

/** Asks a worker which strategies it has loaded. */
export interface DescribeMessage {
  type: "describe";
}

/** One strategy as a worker describes it. */
export interface StrategyDescription {
  reportId: string;
  source: "built-in" | "plugin";
  module?: string;
  className: string;
  overrides?: string;
}

/** Where a page is: in the file (position, lines) and in its job's buffer (bytes). */
export interface PagePlace {
  /** 1-based position of the page in the file (0 for the preamble). */
  position: number;
  /** 1-based line numbers of its first and last lines. */
  lineStart: number;
  lineEnd: number;
  /** Its bytes: `buffer[offset, offset + length)`. */
  offset: number;
  length: number;
}

/** A batch of EP747 pages. */
export interface PageJob {
  type: "pages";
  id: number;
  /** Set by the worker pool and echoed in the reply (several jobs may be queued). */
  ticket?: number;
  file: string;
  buffer: ArrayBuffer;
  pages: (PagePlace & { kind: "page" | "preamble" })[];
  /**
   * Where each page's bytes start in the file, so a job whose only copy was lost with a
   * crashed worker can be read again (absent for jobs not cut from a file).
   */
  fileOffsets?: number[];
  /**
   * Send back only what a dry run counts (whether each page parsed), not the parsed pages:
   * nothing will be stored, so the main thread has nothing to decode. @default false
   */
  countsOnly?: boolean;
}

/** A batch of clearing records. */
export interface RecordJob {
  type: "records";
  id: number;
  /** Set by the worker pool and echoed in the reply (several jobs may be queued). */
  ticket?: number;
  file: string;
  buffer: ArrayBuffer;
  /** Record i is `buffer[offsets[i], offsets[i + 1])`. */
  offsets: number[];
  /**
   * Where each record's bytes start in the file, so a job whose only copy was lost with a
   * crashed worker can be read again (absent for jobs not cut from a file).
   */
  fileOffsets?: number[];
  indexes: number[];
  lines: number[];
  format: RowFormat;
}

/** Any job. */
export type Job = PageJob | RecordJob;

/** A typed error, flattened for `postMessage`. */
export interface SerializedError {
  name: string;
  code: string;
  step: PipelineStep;
  message: string;
  reason: string;
  field?: string;
  line?: number;
  lineEnd?: number;
  record?: number;
}

/**
 * The outcome of one page. Its text is not sent back: the main thread keeps the job's bytes
 * and reads the page from `offset`/`length` when it needs the raw text.
 */
export type PageOutcome =
  | PagePlace & {
    ok: true;
    /** Whether the page's layout was recognised (`page.parsed`). */
    parsed: boolean;
    /** The parsed page; absent when the job asked for counts only. */
    page?: ParsedPage;
  }
  | PagePlace & {
    ok: false;
    kind: "page" | "preamble";
    error: SerializedError;
  };

/** The result of a {@link PageJob}. */
export interface PageJobResult {
  type: "pages";
  id: number;
  outcomes: PageOutcome[];
  /**
   * The job's bytes, handed back (transferred, not copied): the main thread keeps no copy
   * of its own while the job runs, and reads raw page text from these.
   */
  buffer: ArrayBuffer;
}

/** A record that failed parsing or validation. */
export interface RejectedRecord {
  index: number;
  line: number;
  error: SerializedError;
  /** The record's text, card numbers masked. */
  raw: string;
}

/** The result of a {@link RecordJob}. */
export interface RecordJobResult {
  type: "records";
  id: number;
  /** Record indexes of the valid rows, in order. */
  indexes: number[];
  /** `copy`: the rows as PostgreSQL COPY text (UTF-8), one line each. */
  copy?: ArrayBuffer;
  /** `values`: the rows as arrays in `TRANSACTION_COLUMNS` order. */
  values?: (string | null)[][];
  rejected: RejectedRecord[];
}

/** Any result. */
export type JobResult = PageJobResult | RecordJobResult;

/**
 * A worker's reply: a result, or the job's failure as a whole. `ticket` echoes the job's
 * ticket, so the pool hands the reply to the caller that sent the job.
 */
export type WorkerReply =
  | { type: "ready" }
  | { type: "init-failed"; error: SerializedError }
  | { type: "described"; strategies: StrategyDescription[] }
  | { type: "result"; ticket?: number; result: JobResult }
  | { type: "failed"; ticket?: number; id: number; error: SerializedError };

/** Flattens an error for `postMessage`. */
export function serializeError(error: unknown, fallbackStep: PipelineStep): SerializedError {
  if (error instanceof FinstreamError) {
    return {
      name: error.name,
      code: error.code,
      step: error.step,
      message: error.message,
      reason: error.reason,
      field: error.location.field,
      line: error.location.line,
      lineEnd: error.location.lineEnd,
      record: error.location.record,
    };
  }
  const e = error as Error;
  return {
    name: e?.name ?? "Error",
    code: "UNEXPECTED",
    step: fallbackStep,
    message: e?.message ?? String(error),
    reason: e?.message ?? String(error),
  };
}
