/**
 * Producers: read an input file as a byte stream and cut it into jobs for the parse
 * workers — batches of whole EP747 pages, or batches of whole clearing records — each
 * packed into one `ArrayBuffer` (to be transferred, not copied) with the byte offsets,
 * line numbers and record indexes of its items.
 *
 * Techniques: the byte-level splitters of `reader/` (no decoding on the main thread);
 * batches bounded both by item count and by bytes, so a job's size and hence memory are
 * bounded whatever the file; a running byte count for progress.
 *
 * @example
 * ```ts
 * import { ep747Jobs } from "./job_producers.ts";
 * const file = await Deno.open("data/samples/EP747_20240705_demo.txt");
 * for await (const job of ep747Jobs(file.readable, "demo.txt")) console.log(job.pages.length);
 * ```
 *
 * @module
 */

import { readEp747PageBytes } from "../reader/ep747_pages.ts";
import { readJsonRecordBytes } from "../reader/json_records.ts";
import type { ByteSource } from "../reader/file_chunks.ts";
import type { PageJob, RecordJob, RowFormat } from "./work_protocol.ts";

/** Limits of one job. */
export interface BatchLimits {
  /** Items (pages or records) per job. */
  items?: number;
  /** Bytes per job (a single larger item still makes a job of its own). @default 1 MiB */
  bytes?: number;
}

/** Options for {@link ep747Jobs}. */
export interface PageJobOptions extends BatchLimits {
  /** Mark the jobs `countsOnly` (a dry run). @default false */
  countsOnly?: boolean;
}

const DEFAULT_BYTES = 1 << 20;

/** A job with the count of input bytes it covers (for progress). */
export type Produced<J> = J & { inputBytes: number };

class Packer {
  #parts: Uint8Array[] = [];
  #length = 0;
  get length(): number {
    return this.#length;
  }
  get count(): number {
    return this.#parts.length;
  }
  add(bytes: Uint8Array): number {
    const offset = this.#length;
    this.#parts.push(bytes);
    this.#length += bytes.length;
    return offset;
  }
  take(): ArrayBuffer {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const part of this.#parts) {
      out.set(part, at);
      at += part.length;
    }
    this.#parts = [];
    this.#length = 0;
    return out.buffer;
  }
}

/** Cuts an EP747 byte stream into page jobs (ids count from 0, in file order). */
export async function* ep747Jobs(
  source: ByteSource,
  file: string,
  limits: PageJobOptions = {},
): AsyncGenerator<Produced<PageJob>> {
  const maxItems = limits.items ?? 64;
  const maxBytes = limits.bytes ?? DEFAULT_BYTES;
  const packer = new Packer();
  let pages: PageJob["pages"] = [];
  let fileOffsets: number[] = [];
  let id = 0;
  const flush = (): Produced<PageJob> => {
    const inputBytes = packer.length;
    const job = {
      type: "pages" as const,
      id: id++,
      file,
      buffer: packer.take(),
      pages,
      fileOffsets,
      inputBytes,
      ...(limits.countsOnly ? { countsOnly: true } : {}),
    };
    pages = [];
    fileOffsets = [];
    return job;
  };
  for await (const page of readEp747PageBytes(source)) {
    const offset = packer.add(page.bytes);
    pages.push({
      kind: page.kind,
      position: page.position,
      lineStart: page.lineStart,
      lineEnd: page.lineEnd,
      offset,
      length: page.bytes.length,
    });
    fileOffsets.push(page.fileOffset);
    if (pages.length >= maxItems || packer.length >= maxBytes) yield flush();
  }
  if (pages.length > 0) yield flush();
}

/** Cuts a clearing byte stream into record jobs (ids count from 0, in file order). */
export async function* clearingJobs(
  source: ByteSource,
  file: string,
  format: RowFormat,
  limits: BatchLimits = {},
): AsyncGenerator<Produced<RecordJob>> {
  const maxItems = limits.items ?? 1000;
  const maxBytes = limits.bytes ?? DEFAULT_BYTES;
  const packer = new Packer();
  let offsets: number[] = [];
  let fileOffsets: number[] = [];
  let indexes: number[] = [];
  let lines: number[] = [];
  let id = 0;
  let inputStart = 0;
  let inputEnd = 0;
  const flush = (): Produced<RecordJob> => {
    offsets.push(packer.length);
    const job = {
      type: "records" as const,
      id: id++,
      file,
      buffer: packer.take(),
      offsets,
      fileOffsets,
      indexes,
      lines,
      format,
      inputBytes: inputEnd - inputStart,
    };
    offsets = [];
    fileOffsets = [];
    indexes = [];
    lines = [];
    inputStart = inputEnd;
    return job;
  };
  try {
    for await (const record of readJsonRecordBytes(source, { file })) {
      offsets.push(packer.add(record.bytes));
      fileOffsets.push(record.byteStart);
      indexes.push(record.index);
      lines.push(record.line);
      inputEnd = record.byteEnd;
      if (indexes.length >= maxItems || packer.length >= maxBytes) yield flush();
    }
  } catch (error) {
    // The records read before a structural error are still processed.
    if (indexes.length > 0) yield flush();
    throw error;
  }
  if (indexes.length > 0) yield flush();
}
