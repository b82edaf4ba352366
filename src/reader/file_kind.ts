/**
 * Tells an EP747 report file from a clearing JSON file by its content (not its name):
 * JSON starts with `[` or `{` (after an optional byte-order mark and blanks); an EP747
 * file has a `REPORT ID:` line near its start.
 *
 * Techniques: reads only the first 64 KiB of the file; byte-level sniffing.
 *
 * @example
 * ```ts
 * import { detectFileKind } from "./file_kind.ts";
 * await detectFileKind("data/samples/EP747_20240705_seed_vss110.txt"); // "ep747"
 * ```
 *
 * @module
 */

import { InputFileError } from "../models/errors.ts";

/** The kinds of input. */
export type InputKind = "ep747" | "clearing";

/** How many bytes are examined. */
export const SNIFF_BYTES = 64 * 1024;

/** The kind of a file's content, judging by its first bytes; null when neither. */
export function sniffKind(head: Uint8Array): InputKind | null {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || (head[i] >= 0x09 && head[i] <= 0x0d))) i++;
  if (head[i] === 0x5b || head[i] === 0x7b) return "clearing";
  const text = new TextDecoder("windows-1252").decode(head);
  return /^\f?\s?REPORT ID:/m.test(text) ? "ep747" : null;
}

/** Reads the start of `path` and tells its kind. */
export async function detectFileKind(path: string): Promise<InputKind> {
  let head: Uint8Array;
  try {
    using file = await Deno.open(path, { read: true });
    const buffer = new Uint8Array(SNIFF_BYTES);
    let filled = 0;
    while (filled < buffer.length) {
      const n = await file.read(buffer.subarray(filled));
      if (n === null) break;
      filled += n;
    }
    head = buffer.subarray(0, filled);
  } catch (error) {
    throw new InputFileError(`cannot read: ${(error as Error).message}`, { file: path }, {
      cause: error,
    });
  }
  const kind = sniffKind(head);
  if (!kind) {
    throw new InputFileError(
      "neither an EP747 report file (no REPORT ID: line) nor a clearing JSON file (no [ or {)",
      { file: path },
    );
  }
  return kind;
}
