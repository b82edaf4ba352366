/**
 * Reads a job's bytes again from its file. A job's buffer is transferred to the worker that
 * runs it, so the main thread holds no copy; if that worker crashes, the bytes are gone
 * with it, and this rebuilds them from the file for the retry.
 *
 * Techniques: one positioned read of the file range the job's items span (`seek` +
 * `read`), then each item copied to its place in a new buffer, at the offsets the job
 * already names; an `InputFileError` when the job cannot be rebuilt (no file offsets; a file
 * whose size or modification time changed since it was first read, or that became shorter).
 *
 * @example
 * ```ts
 * import { readJobBytes } from "./job_bytes.ts";
 * // const buffer = await readJobBytes("EP747_20240705.TXT", job);
 * // await pool.run({ ...job, buffer });
 * ```
 *
 * @module
 */

import { InputFileError } from "../models/errors.ts";
import type { Job } from "./work_protocol.ts";

/** Each item of a job: where it is in the job's buffer and in the file. */
function itemsOf(job: Job): { offset: number; length: number; fileOffset: number }[] {
  const fileOffsets = job.fileOffsets;
  if (!fileOffsets) {
    throw new InputFileError(`job ${job.id} cannot be read again: it was not cut from a file`, {
      file: job.file,
    });
  }
  if (job.type === "pages") {
    return job.pages.map((p, i) => ({
      offset: p.offset,
      length: p.length,
      fileOffset: fileOffsets[i],
    }));
  }
  return job.indexes.map((_, i) => ({
    offset: job.offsets[i],
    length: job.offsets[i + 1] - job.offsets[i],
    fileOffset: fileOffsets[i],
  }));
}

/** Reads exactly `target.length` bytes at `position`; false if the file ends first. */
async function readAt(file: Deno.FsFile, position: number, target: Uint8Array): Promise<boolean> {
  await file.seek(position, Deno.SeekMode.Start);
  let filled = 0;
  while (filled < target.length) {
    const n = await file.read(target.subarray(filled));
    if (n === null) return false;
    filled += n;
  }
  return true;
}

/** A file's size and modification time, to tell whether it changed. */
export interface FileStamp {
  size: number;
  mtime: Date | null;
}

/**
 * The job's buffer as the producer packed it, read again from `path`. With `expected`, the
 * file must still have that size and modification time (else its bytes may differ).
 */
export async function readJobBytes(
  path: string,
  job: Job,
  expected?: FileStamp,
): Promise<ArrayBuffer> {
  const items = itemsOf(job);
  const size = items.reduce((end, item) => Math.max(end, item.offset + item.length), 0);
  const out = new Uint8Array(size);
  if (items.length === 0) return out.buffer;
  const from = Math.min(...items.map((item) => item.fileOffset));
  const to = Math.max(...items.map((item) => item.fileOffset + item.length));
  const span = new Uint8Array(to - from);
  using file = await Deno.open(path, { read: true });
  if (expected) {
    const now = await file.stat();
    if (now.size !== expected.size || now.mtime?.getTime() !== expected.mtime?.getTime()) {
      throw new InputFileError(
        `cannot read job ${job.id} again: the file changed after it was read ` +
          `(${expected.size} → ${now.size} bytes, modified ${now.mtime?.toISOString()})`,
        { file: path },
      );
    }
  }
  if (!await readAt(file, from, span)) {
    throw new InputFileError(`cannot read job ${job.id} again: the file became shorter`, {
      file: path,
    });
  }
  for (const item of items) {
    const start = item.fileOffset - from;
    out.set(span.subarray(start, start + item.length), item.offset);
  }
  return out.buffer;
}
