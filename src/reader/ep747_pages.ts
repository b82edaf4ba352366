/**
 * Splits an EP747 file into pages, streaming: one {@link PageSegment} at a time, so memory
 * holds one page whatever the size of the file.
 *
 * A page starts at a line that begins (after an optional form feed and one optional
 * blank) with `REPORT ID:`. A line holding only a form feed is a page break with no
 * text. Text before the first page is not a report; it is yielded as a `preamble`
 * segment so the caller can dead-letter it instead of losing it silently.
 *
 * Techniques: a byte-level splitter ({@link readEp747PageBytes}: `indexOf` over each chunk,
 * a page start recognised from the first bytes of a line, a carry of at most one partial
 * line) so pages can be handed on undecoded — e.g. to a worker as a transferable buffer —
 * and decoded there with {@link decodePage} (windows-1252, so no byte can fail);
 * carriage-control normalisation of line 1 (a leading `\f` becomes the blank column 1; a
 * line starting directly with `REPORT ID` gets one blank prepended), so every later
 * column position holds.
 *
 * @example
 * ```ts
 * import { readEp747Pages } from "./ep747_pages.ts";
 * const file = await Deno.open("data/samples/EP747_20240705_seed_vss110.txt");
 * for await (const page of readEp747Pages(file.readable, { file: "seed" })) {
 *   console.log(page.position, page.lineStart, page.lines[0]);
 * }
 * ```
 *
 * @module
 */

import type { ByteSource } from "./file_chunks.ts";
import { encodeWindows1252 } from "../utils/windows1252.ts";

/** One page of an EP747 file (or the text before the first page). */
export interface PageSegment {
  /** `page` for a report page; `preamble` for text before the first `REPORT ID:` line. */
  kind: "page" | "preamble";
  /** Path (or name) of the file the page came from. */
  file: string;
  /** 1-based position of the page in the file (0 for the preamble). */
  position: number;
  /** 1-based line number of the page's first line in the file. */
  lineStart: number;
  /** 1-based line number of the page's last line in the file. */
  lineEnd: number;
  /** The page's lines, line 1 normalised so that column 1 is the carriage-control column. */
  lines: string[];
}

/** Options for {@link readEp747Pages}. */
export interface ReadPagesOptions {
  /** File name carried by every segment. @default "<stream>" */
  file?: string;
}

/** Normalises a page's first line: `\f` → blank column 1; no column 1 → prepend one. */
export function normalizeFirstLine(line: string): string {
  const withoutFeed = line.startsWith("\f") ? " " + line.slice(1) : line;
  return withoutFeed.startsWith("REPORT ID") ? " " + withoutFeed : withoutFeed;
}

/** True when `line` starts a new page (the same rule as {@link isPageStartBytes}). */
export function isPageStart(line: string): boolean {
  const bytes = encodeWindows1252(line);
  return isPageStartBytes(bytes, 0, bytes.length);
}

/** A page (or the preamble) as undecoded bytes, with its place in the file. */
export interface PageBytes {
  kind: "page" | "preamble";
  /** 1-based position of the page in the file (0 for the preamble). */
  position: number;
  /** 1-based line number of the first line. */
  lineStart: number;
  /** 1-based line number of the last line. */
  lineEnd: number;
  /** Where the page's first byte is in the stream (a byte offset from its start). */
  fileOffset: number;
  /** The page's bytes, line terminators included. */
  bytes: Uint8Array;
}

const LF = 0x0a;
const FORM_FEED = 0x0c;
const REPORT_ID = new TextEncoder().encode("REPORT ID:");

function isSpaceByte(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** True when the line `data[start..end)` starts a page (`^\f?\s?REPORT ID:`). */
export function isPageStartBytes(data: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (i < end && data[i] === FORM_FEED) i++;
  if (i < end && isSpaceByte(data[i])) i++;
  if (end - i < REPORT_ID.length) return false;
  for (let k = 0; k < REPORT_ID.length; k++) {
    if (data[i + k] !== REPORT_ID[k]) return false;
  }
  return true;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function hasText(bytes: Uint8Array): boolean {
  for (const b of bytes) if (!isSpaceByte(b)) return true;
  return false;
}

/** Yields the pages of an EP747 byte stream as undecoded bytes, in file order. */
export async function* readEp747PageBytes(source: ByteSource): AsyncGenerator<PageBytes> {
  let carry = new Uint8Array(0);
  let parts: Uint8Array[] = [];
  let partsLength = 0;
  let kind: "page" | "preamble" = "preamble";
  let position = 0;
  let lineStart = 1;
  let linesDone = 0;
  let segmentOffset = 0;
  let dataOffset = 0;
  const take = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    parts.push(bytes);
    partsLength += bytes.length;
  };
  function* flush(): Generator<PageBytes> {
    const bytes = concat(parts, partsLength);
    if (kind === "page" || (linesDone >= lineStart && hasText(bytes))) {
      yield {
        kind,
        position: kind === "page" ? position : 0,
        lineStart,
        lineEnd: linesDone,
        fileOffset: segmentOffset,
        bytes,
      };
    }
    parts = [];
    partsLength = 0;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    const data = carry.length > 0 ? concat([carry, chunk], carry.length + chunk.length) : chunk;
    let segmentStart = 0;
    let lineBegin = 0;
    for (let nl = data.indexOf(LF); nl !== -1; nl = data.indexOf(LF, lineBegin)) {
      if (isPageStartBytes(data, lineBegin, nl)) {
        take(data.subarray(segmentStart, lineBegin));
        yield* flush();
        kind = "page";
        position++;
        lineStart = linesDone + 1;
        segmentStart = lineBegin;
        segmentOffset = dataOffset + lineBegin;
      }
      linesDone++;
      lineBegin = nl + 1;
    }
    take(data.subarray(segmentStart, lineBegin));
    carry = data.slice(lineBegin);
    dataOffset += lineBegin;
  }
  if (carry.length > 0) {
    if (isPageStartBytes(carry, 0, carry.length)) {
      yield* flush();
      kind = "page";
      position++;
      lineStart = linesDone + 1;
      segmentOffset = dataOffset;
    }
    linesDone++;
    take(carry);
  }
  yield* flush();
}

const DECODER = new TextDecoder("windows-1252");

/** Decodes a page's bytes into a {@link PageSegment}: lines, `\r` removed, line 1 normalised. */
export function decodePage(page: Omit<PageBytes, "fileOffset">, file: string): PageSegment {
  const text = DECODER.decode(page.bytes);
  const raw = text.split("\n");
  if (raw.length > 0 && raw[raw.length - 1] === "" && text.endsWith("\n")) raw.pop();
  const lines = raw.map((line, i) => {
    const clean = line.includes("\r") ? line.replaceAll("\r", "") : line;
    if (i === 0 && page.kind === "page") return normalizeFirstLine(clean);
    return /^[\f\s]*$/.test(clean) ? "" : clean.replaceAll("\f", " ");
  });
  return {
    kind: page.kind,
    file,
    position: page.position,
    lineStart: page.lineStart,
    lineEnd: page.lineStart + lines.length - 1,
    lines,
  };
}

/** Yields the pages of an EP747 byte stream in file order. */
export async function* readEp747Pages(
  source: ByteSource,
  options: ReadPagesOptions = {},
): AsyncGenerator<PageSegment> {
  const file = options.file ?? "<stream>";
  for await (const page of readEp747PageBytes(source)) yield decodePage(page, file);
}
