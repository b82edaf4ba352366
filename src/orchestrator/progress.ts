/**
 * Progress of an ingest run: counters the pipeline updates (bytes read, pages and records
 * processed, stored, dead-lettered) and a reporter that shows them — a single redrawn line
 * with a bar, rate and ETA on a terminal, or a log line every few seconds elsewhere.
 *
 * Techniques: a plain mutable tracker (cheap to update from hot paths) read by a timer;
 * rates from the elapsed time; ETA from the byte rate; the reporter is a function of the
 * snapshot, so it is tested without a terminal.
 *
 * @example
 * ```ts
 * import { ProgressTracker, formatProgress } from "./progress.ts";
 * const progress = new ProgressTracker(1000);
 * progress.bytesRead = 250;
 * formatProgress(progress.snapshot(), 20); // "[#####...............]  25% …"
 * ```
 *
 * @module
 */

/** A point-in-time view of the counters. */
export interface ProgressSnapshot {
  /** Bytes of all input files. */
  bytesTotal: number;
  /** Bytes read so far. */
  bytesRead: number;
  /** EP747 pages processed. */
  pages: number;
  /** Clearing records processed. */
  records: number;
  /** Pages and records stored. */
  stored: number;
  /** Items sent to `dead_letters`. */
  deadLettered: number;
  /** Time since the tracker was made, in milliseconds. */
  elapsedMs: number;
}

/** The counters of one run. */
export class ProgressTracker {
  /** Bytes read so far. */
  bytesRead = 0;
  /** EP747 pages processed. */
  pages = 0;
  /** Clearing records processed. */
  records = 0;
  /** Pages and records stored. */
  stored = 0;
  /** Items sent to `dead_letters`. */
  deadLettered = 0;
  readonly #started = performance.now();

  /** Bytes of all input files (the pipeline adds each file's size). */
  bytesTotal: number;

  /** Starts counting; `bytesTotal` may be given now or added to later. */
  constructor(bytesTotal = 0) {
    this.bytesTotal = bytesTotal;
  }

  /** The counters now. */
  snapshot(): ProgressSnapshot {
    return {
      bytesTotal: this.bytesTotal,
      bytesRead: this.bytesRead,
      pages: this.pages,
      records: this.records,
      stored: this.stored,
      deadLettered: this.deadLettered,
      elapsedMs: performance.now() - this.#started,
    };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** One progress line: bar, percentage, bytes, items, rate and ETA. */
export function formatProgress(p: ProgressSnapshot, width = 24): string {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
  const filled = Math.round(fraction * width);
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  const seconds = p.elapsedMs / 1000;
  const items = p.pages + p.records;
  const rate = seconds > 0 ? Math.round(items / seconds) : 0;
  const byteRate = seconds > 0 ? p.bytesRead / seconds : 0;
  const eta = byteRate > 0 && p.bytesTotal > p.bytesRead
    ? duration(((p.bytesTotal - p.bytesRead) / byteRate) * 1000)
    : "-";
  return `${bar} ${String(Math.round(fraction * 100)).padStart(3)}%  ` +
    `${megabytes(p.bytesRead)}/${megabytes(p.bytesTotal)}  ` +
    `${p.pages} pages, ${p.records} records, ${p.stored} stored, ${p.deadLettered} dead  ` +
    `${rate}/s  ETA ${eta}`;
}

/** Where progress goes. */
export interface ProgressOutput {
  /** True for an interactive terminal: redraw one line. */
  isTerminal: boolean;
  /** Writes text (no newline added). */
  write(text: string): void;
}

/**
 * Reports progress until the returned function is called: every `intervalMs` on a
 * terminal (one redrawn line), every `logEveryMs` as a plain line otherwise.
 */
export function reportProgress(
  tracker: ProgressTracker,
  output: ProgressOutput,
  options: { intervalMs?: number; logEveryMs?: number } = {},
): () => void {
  const every = output.isTerminal ? options.intervalMs ?? 250 : options.logEveryMs ?? 5000;
  const timer = setInterval(() => {
    const line = formatProgress(tracker.snapshot());
    output.write(output.isTerminal ? `\r${line}\x1b[K` : `progress: ${line}\n`);
  }, every);
  return () => {
    clearInterval(timer);
    if (output.isTerminal) output.write(`\r\x1b[K`);
  };
}
