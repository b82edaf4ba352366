/**
 * Runs parse jobs (see `work_protocol.ts`) against a strategy registry: the work a parse
 * worker does, as pure functions, so the same code runs inside a permission-scoped worker
 * or in-process (`workers: 0`, custom registries in tests and library use).
 *
 * Pages are decoded, parsed and validated (section continuity is resolved later by the
 * main thread, in file order); records are decoded, parsed exactly, validated, classified
 * and rendered as COPY text (UTF-8 in a buffer that can be transferred) or value arrays.
 * For COPY, each record is first tried byte to byte (`processor/clearing_copy_line.ts`);
 * only records that path does not take exactly are decoded and parsed as text.
 *
 * Techniques: per-item error isolation (one bad page or record is reported, the rest of
 * the job goes on); card numbers masked before anything leaves.
 *
 * @example
 * ```ts
 * import { runJob } from "./job_runner.ts";
 * import { loadStrategies } from "../strategies/loader.ts";
 * const registry = await loadStrategies();
 * // const result = runJob(job, registry);
 * ```
 *
 * @module
 */

import { decodePage } from "../reader/ep747_pages.ts";
import { decodeRecord } from "../reader/json_records.ts";
import { SplitError } from "../models/errors.ts";
import type { ParsedPage } from "../models/report.ts";
import { processPage } from "../processor/page_processor.ts";
import { resolveLocalSections } from "../processor/section_continuity.ts";
import { processRecord } from "../processor/record_processor.ts";
import { CopyBuffer, writeClearingCopyLine } from "../processor/clearing_copy_line.ts";
import type { StrategyRegistry } from "../strategies/registry.ts";
import { maskCardNumbersInText } from "../utils/pan_mask.ts";
import { TRANSACTION_COLUMNS, transactionCopyLine } from "../writer/copy_format.ts";
import {
  type Job,
  type JobResult,
  type PageJob,
  type PageJobResult,
  type PageOutcome,
  type PagePlace,
  type RecordJob,
  type RecordJobResult,
  type RejectedRecord,
  serializeError,
} from "./work_protocol.ts";

const latin1 = new TextDecoder("windows-1252");

/** Parses the pages of a job. */
export function runPages(job: PageJob, registry: StrategyRegistry): PageJobResult {
  const bytes = new Uint8Array(job.buffer);
  const outcomes: PageOutcome[] = job.pages.map((p) => {
    const segment = decodePage(
      { ...p, bytes: bytes.subarray(p.offset, p.offset + p.length) },
      job.file,
    );
    const place = {
      position: p.position,
      lineStart: p.lineStart,
      lineEnd: segment.lineEnd,
      offset: p.offset,
      length: p.length,
    };
    if (segment.kind === "preamble") {
      const error = new SplitError("text before the first REPORT ID: line is not a report page", {
        file: job.file,
        line: segment.lineStart,
        lineEnd: segment.lineEnd,
      });
      return { ok: false, kind: "preamble", ...place, error: serializeError(error, "split") };
    }
    try {
      const page = resolveLocalSections(processPage(segment, registry));
      // The main thread has the page's bytes: it restores each line's text when it stores
      // the page (`restoreLineText`), so the lines are not sent back twice.
      if (job.countsOnly) return { ok: true, ...place, parsed: page.parsed };
      for (const amount of page.amounts) amount.raw = "";
      return { ok: true, ...place, parsed: page.parsed, page };
    } catch (error) {
      return { ok: false, kind: "page", ...place, error: serializeError(error, "parse") };
    }
  });
  // The bytes go back with the result (transferred by a worker), for raw page text.
  return { type: "pages", id: job.id, outcomes, buffer: job.buffer };
}

function rowValues(row: Record<string, unknown>): (string | null)[] {
  return TRANSACTION_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return null;
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  });
}

/** Validates and renders the records of a job. */
export function runRecords(job: RecordJob): RecordJobResult {
  const bytes = new Uint8Array(job.buffer);
  const indexes: number[] = [];
  const rejected: RejectedRecord[] = [];
  const values: (string | null)[][] = [];
  const copy = job.format === "copy" ? new CopyBuffer(job.buffer.byteLength >> 1) : null;
  for (let i = 0; i < job.indexes.length; i++) {
    if (
      copy && writeClearingCopyLine(bytes, job.offsets[i], job.offsets[i + 1], job.indexes[i], copy)
    ) {
      indexes.push(job.indexes[i]);
      continue;
    }
    const record = {
      index: job.indexes[i],
      line: job.lines[i],
      byteStart: job.offsets[i],
      byteEnd: job.offsets[i + 1],
      bytes: bytes.subarray(job.offsets[i], job.offsets[i + 1]),
    };
    let text = "";
    try {
      const segment = decodeRecord(record, job.file);
      text = segment.text;
      const row = processRecord(segment, job.file);
      const full = row as unknown as Record<string, unknown>;
      full.record_index = record.index;
      if (copy) copy.writeText(transactionCopyLine(full));
      else values.push(rowValues(full));
      indexes.push(record.index);
    } catch (error) {
      rejected.push({
        index: record.index,
        line: record.line,
        error: serializeError(error, "validate"),
        raw: maskCardNumbersInText(text || latin1.decode(record.bytes)),
      });
    }
  }
  if (copy) return { type: "records", id: job.id, indexes, copy: copy.take(), rejected };
  return { type: "records", id: job.id, indexes, values, rejected };
}

/**
 * A page's raw text as stored (`reports.raw`, `dead_letters.raw`): its lines with line 1
 * normalised and `\r` removed, card numbers masked.
 */
export function pageRawText(
  bytes: Uint8Array,
  page: PagePlace & { kind?: "page" | "preamble" },
  file: string,
): string {
  const segment = decodePage({
    kind: page.kind ?? "page",
    position: page.position,
    lineStart: page.lineStart,
    lineEnd: page.lineEnd,
    bytes: bytes.subarray(page.offset, page.offset + page.length),
  }, file);
  return maskCardNumbersInText(segment.lines.join("\n"));
}

/**
 * Puts each amount line's printed text back (`amounts.raw_line`), from the page's raw text
 * (as {@link pageRawText} returns it: line 1 of the page first).
 */
export function restoreLineText(page: ParsedPage, raw: string, lineStart: number): void {
  const lines = raw.split("\n");
  for (const amount of page.amounts) {
    if (amount.raw === "") amount.raw = lines[amount.line - lineStart] ?? "";
  }
}

/** Runs any job. */
export function runJob(job: Job, registry: StrategyRegistry): JobResult {
  return job.type === "pages" ? runPages(job, registry) : runRecords(job);
}
