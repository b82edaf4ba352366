/**
 * Streams a byte source as numbered text lines, for fixed-width report files.
 *
 * Techniques: a single-byte `TextDecoder` (windows-1252, so no byte can fail to decode
 * and chunk boundaries can never split a character), an incremental line buffer that
 * holds at most one partial line, and removal of every `\r` (CRLF, LF and stray CR all
 * work). Memory is bounded by the longest line, not the file.
 *
 * @example
 * ```ts
 * import { readTextLines } from "./text_lines.ts";
 * const bytes = new TextEncoder().encode("a\r\nb\n");
 * for await (const line of readTextLines(ReadableStream.from([bytes]))) {
 *   console.log(line.number, line.text); // 1 "a", then 2 "b"
 * }
 * ```
 *
 * @module
 */

/** One line of text and its 1-based line number. */
export interface TextLine {
  /** 1-based line number in the file. */
  number: number;
  /** The line without its terminator and without any `\r`. */
  text: string;
}

/** A stream or async iterable of byte chunks (e.g. `Deno.FsFile.readable`). */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Yields the lines of `source`, decoded as windows-1252. A final line without `\n` counts. */
export async function* readTextLines(source: ByteSource): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder("windows-1252");
  let pending = "";
  let number = 0;
  for await (const chunk of source) {
    const text = pending + decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = text.indexOf("\n", start);
    while (newline !== -1) {
      number++;
      yield { number, text: stripCarriageReturns(text.slice(start, newline)) };
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    pending = text.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) {
    number++;
    yield { number, text: stripCarriageReturns(pending) };
  }
}

function stripCarriageReturns(line: string): string {
  return line.includes("\r") ? line.replaceAll("\r", "") : line;
}
