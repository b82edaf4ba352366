/**
 * Streaming splitter that cuts a clearing file into the JSON text of its records.
 *
 * The format is detected from the first non-whitespace byte: `[` means one JSON array of
 * records (each top-level element is yielded), `{` means NDJSON (one record per non-blank
 * line). A UTF-8 byte order mark is skipped.
 *
 * Techniques: a byte-level state machine over `Uint8Array` chunks (tracking nesting depth,
 * strings and backslash escapes, so `[ ] { } , "` inside strings are ignored); state survives
 * chunk boundaries, which can fall anywhere (inside a string, an escape, a multi-byte UTF-8
 * character or a `\r\n`). Only the record being read is buffered (the tail of a chunk is copied
 * when a record crosses chunks), so memory stays constant however large the file; records are
 * sliced with `subarray` and decoded once with a shared `TextDecoder` (invalid UTF-8 is
 * confirmed with a strict decoder only when the text holds U+FFFD). Nothing is parsed
 * here: each record's text is handed on to {@linkcode ./exact_json.ts}. Structural damage
 * (unterminated string or array, missing comma, garbage between records, a raw line break in a
 * string) raises a {@linkcode SplitError} naming the file, line and record.
 *
 * Lines are counted as the bytes go by: `\n`, `\r\n` and a lone `\r` each end one line.
 *
 * @example
 * ```ts
 * import { readJsonRecords } from "./json_records.ts";
 * using file = await Deno.open("data/clearing_01.json");
 * for await (const segment of readJsonRecords(file.readable, { file: "clearing_01.json" })) {
 *   console.log(segment.index, segment.line, segment.text.length);
 * }
 * ```
 *
 * @module
 */

import { SplitError } from "../models/errors.ts";

/** One record cut out of the input. */
export interface RecordSegment {
  /** 0-based record index in the file. */
  index: number;
  /** 1-based line where the record starts. */
  line: number;
  /** Byte offset of the record's first byte in the file. */
  byteStart: number;
  /** Byte offset just past the record's last byte (exclusive). */
  byteEnd: number;
  /** The record's exact JSON text, decoded as UTF-8. */
  text: string;
}

/** A record's position and its undecoded bytes (see {@linkcode readJsonRecordBytes}). */
export interface RecordBytes {
  /** 0-based record index in the file. */
  index: number;
  /** 1-based line where the record starts. */
  line: number;
  /** Byte offset of the record's first byte in the file. */
  byteStart: number;
  /** Byte offset just past the record's last byte (exclusive). */
  byteEnd: number;
  /** The record's bytes (UTF-8 JSON text, not yet decoded or checked). */
  bytes: Uint8Array;
}

/** Options of {@linkcode readJsonRecords}. */
export interface ReadJsonRecordsOptions {
  /** File name used in error locations. */
  file?: string;
  /**
   * Largest record accepted, in bytes (default 64 MiB). A longer record raises a
   * {@linkcode SplitError}, so a damaged file (e.g. an unterminated string) cannot exhaust
   * memory.
   */
  maxRecordBytes?: number;
}

/** Default for {@linkcode ReadJsonRecordsOptions.maxRecordBytes}. */
export const DEFAULT_MAX_RECORD_BYTES: number = 64 * 1024 * 1024;

// Byte values.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

// Scanner states.
/** Before the first significant byte: detects the format. */
const DETECT = 0;
/** Array: just after `[`: an element or `]`. */
const ARRAY_FIRST = 1;
/** Array: just after `,`: an element must follow. */
const ARRAY_NEXT = 2;
/** Inside an object, array or string element (depth / string tracking). */
const IN_VALUE = 3;
/** Inside a bare scalar element (number, `true`, `false`, `null`, or garbage). */
const IN_SCALAR = 4;
/** Array: after an element: `,` or `]`. */
const ARRAY_AFTER = 5;
/** Array: after the closing `]`: only whitespace may follow. */
const ARRAY_DONE = 6;
/** NDJSON: between records (blank lines allowed). */
const LINES_NEXT = 7;
/** NDJSON: after a record: only blanks until the end of the line. */
const LINES_AFTER = 8;

// Byte classes inside a value (VALUE_CLASS); a backslash outside a string is PLAIN for the
// splitter (JSON.parse rejects it later).
const PLAIN = 0;
const C_QUOTE = 1;
const C_OPEN = 2;
const C_CLOSE = 3;
const C_BREAK = 4;
const C_BACKSLASH = 5;

/** Class of each byte value, for the hot loop. */
const VALUE_CLASS = new Uint8Array(256);
VALUE_CLASS[QUOTE] = C_QUOTE;
VALUE_CLASS[OPEN_BRACE] = C_OPEN;
VALUE_CLASS[OPEN_BRACKET] = C_OPEN;
VALUE_CLASS[CLOSE_BRACE] = C_CLOSE;
VALUE_CLASS[CLOSE_BRACKET] = C_CLOSE;
VALUE_CLASS[LF] = C_BREAK;
VALUE_CLASS[CR] = C_BREAK;
VALUE_CLASS[BACKSLASH] = C_BACKSLASH;

/** UTF-8 byte order mark. */
const BOM = [0xef, 0xbb, 0xbf];

/** The shared decoder (the non-fatal one is several times faster in Deno). */
const decoder = new TextDecoder("utf-8");
/** Used only to confirm invalid UTF-8 when a decoded record contains U+FFFD. */
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

/** Describes a byte for an error message. */
function describeByte(b: number): string {
  if (b >= 0x21 && b <= 0x7e) return `'${String.fromCharCode(b)}'`;
  return `byte 0x${b.toString(16).padStart(2, "0")}`;
}

/** True for a byte that ends a bare scalar: whitespace or a JSON structural character. */
function endsScalar(b: number): boolean {
  return b === SPACE || b === LF || b === CR || b === TAB || b === COMMA || b === CLOSE_BRACKET ||
    b === CLOSE_BRACE || b === OPEN_BRACKET || b === OPEN_BRACE || b === QUOTE || b === COLON;
}

/**
 * The resumable byte scanner. State lives in fields between chunks and in locals inside
 * {@linkcode Scanner.scan}'s loop.
 */
class Scanner {
  readonly #file: string | undefined;
  readonly #maxRecordBytes: number;
  /** Absolute byte offset of the current chunk's first byte. */
  #offset = 0;
  #state = DETECT;
  #ndjson = false;
  /** How many BOM bytes matched so far at the start of the file. */
  #bomMatched = 0;
  /** Current 1-based line. */
  #line = 1;
  /** Whether the previous chunk ended with `\r` (so a leading `\n` does not count twice). */
  #lastWasCR = false;
  #depth = 0;
  #inString = false;
  #escape = false;
  /** Next record index. */
  #index = 0;
  /** Absolute offset and line of the record being read. */
  #recordStart = 0;
  #recordLine = 1;
  /** Copies of the earlier chunks' parts of the record being read. */
  #parts: Uint8Array[] = [];
  #partsLength = 0;

  constructor(file: string | undefined, maxRecordBytes: number) {
    this.#file = file;
    this.#maxRecordBytes = maxRecordBytes;
  }

  #error(reason: string, line: number, lineEnd?: number, withRecord = true): SplitError {
    return new SplitError(reason, {
      ...(this.#file !== undefined ? { file: this.#file } : {}),
      line,
      ...(lineEnd !== undefined && lineEnd !== line ? { lineEnd } : {}),
      ...(withRecord ? { record: this.#index } : {}),
    });
  }

  /** Builds the segment of the record that ends at `end` (exclusive) in `chunk`. */
  #emit(chunk: Uint8Array, startInChunk: number, end: number, out: RecordBytes[]): void {
    let bytes: Uint8Array;
    if (this.#parts.length === 0) {
      bytes = chunk.subarray(startInChunk, end);
    } else {
      bytes = new Uint8Array(this.#partsLength + end);
      let at = 0;
      for (const part of this.#parts) {
        bytes.set(part, at);
        at += part.length;
      }
      bytes.set(chunk.subarray(0, end), at);
      this.#parts = [];
      this.#partsLength = 0;
    }
    if (bytes.length > this.#maxRecordBytes) {
      throw this.#error(
        `record is longer than ${this.#maxRecordBytes} bytes`,
        this.#recordLine,
        this.#line,
      );
    }
    const byteStart = this.#recordStart;
    out.push({
      index: this.#index++,
      line: this.#recordLine,
      byteStart,
      byteEnd: byteStart + bytes.length,
      bytes,
    });
  }

  /**
   * Validates the first byte `b` of a record found at absolute offset `at`, records where the
   * record starts and returns the state that reads it.
   */
  #startRecord(b: number, at: number, line: number): number {
    if (b === COMMA || b === CLOSE_BRACKET || b === CLOSE_BRACE || b === COLON) {
      throw this.#error(`expected a record, found ${describeByte(b)}`, line);
    }
    this.#recordStart = at;
    this.#recordLine = line;
    return b === OPEN_BRACE || b === OPEN_BRACKET || b === QUOTE ? IN_VALUE : IN_SCALAR;
  }

  /**
   * Scans one chunk, appending every record completed in it to `out`. The state is copied
   * into locals (no closures capture them, so V8 keeps them in registers) and back at the end.
   */
  scan(chunk: Uint8Array, out: RecordBytes[]): void {
    const n = chunk.length;
    if (n === 0) return;
    let i = 0;
    // Skip a byte order mark at the very start of the file (it may be split across chunks).
    while (this.#bomMatched < 3 && i < n) {
      if (chunk[i] !== BOM[this.#bomMatched]) {
        if (this.#bomMatched > 0) {
          throw this.#error("not a clearing file: broken UTF-8 byte order mark", 1, 1, false);
        }
        this.#bomMatched = 3;
        break;
      }
      this.#bomMatched++;
      i++;
    }
    let state = this.#state;
    let line = this.#line;
    let depth = this.#depth;
    let inString = this.#inString;
    let escape = this.#escape;
    let ndjson = this.#ndjson;
    // Index in this chunk where the record being read starts (0 if it started earlier).
    let recordStartInChunk = 0;

    while (i < n) {
      if (state === IN_VALUE) {
        if (escape) {
          // The previous chunk ended with a backslash inside a string: skip the escaped byte.
          escape = false;
          i++;
        }
        // The hot loop: runs over nearly every byte of a record. Most bytes are PLAIN and
        // cost one table load and one compare.
        for (; i < n; i++) {
          const c = VALUE_CLASS[chunk[i]];
          if (c === PLAIN) continue;
          if (inString) {
            if (c === C_QUOTE) {
              inString = false;
              if (depth === 0) break;
            } else if (c === C_BACKSLASH) {
              // Skip the escaped byte (it may be in the next chunk).
              if (i + 1 < n) i++;
              else escape = true;
            } else if (c === C_BREAK) {
              throw this.#error(
                "unterminated string (a line break inside a JSON string)",
                this.#recordLine,
                line,
              );
            }
          } else if (c === C_QUOTE) {
            inString = true;
          } else if (c === C_OPEN) {
            depth++;
          } else if (c === C_CLOSE) {
            if (--depth === 0) break;
          } else if (c === C_BREAK) {
            if (ndjson) {
              throw this.#error(
                "record does not end on its line (NDJSON)",
                this.#recordLine,
                line,
              );
            }
            const b = chunk[i];
            if (b === CR || (i > 0 ? chunk[i - 1] !== CR : !this.#lastWasCR)) line++;
          }
        }
        if (i < n) {
          // The record's last byte is chunk[i].
          i++;
          this.#emit(chunk, recordStartInChunk, i, out);
          state = ndjson ? LINES_AFTER : ARRAY_AFTER;
        }
        continue;
      }
      if (state === IN_SCALAR) {
        while (i < n && !endsScalar(chunk[i])) i++;
        if (i < n) {
          this.#emit(chunk, recordStartInChunk, i, out);
          state = ndjson ? LINES_AFTER : ARRAY_AFTER;
        }
        continue;
      }

      // Between records: whitespace, separators and the start of the next record.
      const b = chunk[i];
      if (b === LF || b === CR) {
        if (b === CR || (i > 0 ? chunk[i - 1] !== CR : !this.#lastWasCR)) line++;
        if (state === LINES_AFTER) state = LINES_NEXT;
        i++;
        continue;
      }
      if (b === SPACE || b === TAB) {
        i++;
        continue;
      }
      switch (state) {
        case DETECT:
          if (b === OPEN_BRACKET) {
            state = ARRAY_FIRST;
            i++;
          } else if (b === OPEN_BRACE) {
            // NDJSON: this byte starts the first record.
            ndjson = true;
            state = LINES_NEXT;
          } else {
            throw this.#error(
              `not a clearing file: expected '[' (JSON array) or '{' (NDJSON), found ${
                describeByte(b)
              }`,
              line,
              undefined,
              false,
            );
          }
          continue;
        case ARRAY_FIRST:
          if (b === CLOSE_BRACKET) {
            state = ARRAY_DONE;
            i++;
            continue;
          }
          break;
        case ARRAY_NEXT:
          if (b === CLOSE_BRACKET) throw this.#error("trailing comma before ']'", line);
          break;
        case ARRAY_AFTER:
          if (b === COMMA) {
            state = ARRAY_NEXT;
          } else if (b === CLOSE_BRACKET) {
            state = ARRAY_DONE;
          } else {
            throw this.#error(
              `expected ',' or ']' after record ${this.#index - 1}, found ${
                describeByte(b)
              } (missing comma or garbage between records)`,
              line,
            );
          }
          i++;
          continue;
        case ARRAY_DONE:
          throw this.#error(
            `unexpected ${describeByte(b)} after the end of the array`,
            line,
            undefined,
            false,
          );
        case LINES_AFTER:
          throw this.#error(
            `expected the end of the line after record ${this.#index - 1}, found ${
              describeByte(b)
            }`,
            line,
          );
      }
      // ARRAY_FIRST, ARRAY_NEXT or LINES_NEXT: `b` starts a record.
      state = this.#startRecord(b, this.#offset + i, line);
      recordStartInChunk = i;
      depth = b === QUOTE ? 0 : 1;
      inString = b === QUOTE;
      escape = false;
      i++;
    }

    // The chunk is used up: keep a copy of the unfinished record's bytes.
    if (state === IN_VALUE || state === IN_SCALAR) {
      const part = chunk.slice(recordStartInChunk);
      this.#parts.push(part);
      this.#partsLength += part.length;
      if (this.#partsLength > this.#maxRecordBytes) {
        throw this.#error(
          `record is longer than ${this.#maxRecordBytes} bytes`,
          this.#recordLine,
          line,
        );
      }
    }
    this.#lastWasCR = chunk[n - 1] === CR;
    this.#offset += n;
    this.#state = state;
    this.#line = line;
    this.#depth = depth;
    this.#inString = inString;
    this.#escape = escape;
    this.#ndjson = ndjson;
  }

  /** Checks the end of the input; may complete a final bare scalar. */
  finish(out: RecordBytes[]): void {
    const line = this.#line;
    switch (this.#state) {
      case DETECT:
      case ARRAY_DONE:
      case LINES_NEXT:
      case LINES_AFTER:
        return;
      case IN_SCALAR:
        if (this.#ndjson) {
          this.#emit(new Uint8Array(0), 0, 0, out);
          this.#state = LINES_AFTER;
          return;
        }
        this.#emit(new Uint8Array(0), 0, 0, out);
        throw this.#error("unexpected end of file: the array is not closed with ']'", line);
      case IN_VALUE:
        throw this.#error(
          this.#inString
            ? "unexpected end of file inside a string"
            : "unexpected end of file inside a record (missing '}' or ']')",
          this.#recordLine,
          line,
        );
      default:
        throw this.#error("unexpected end of file: the array is not closed with ']'", line);
    }
  }
}

/**
 * Decodes a record's bytes as UTF-8, refusing invalid bytes.
 *
 * @throws {SplitError} when the bytes are not valid UTF-8.
 */
export function decodeRecord(record: RecordBytes, file?: string): RecordSegment {
  const text = decoder.decode(record.bytes);
  if (text.includes("\ufffd")) {
    // Either a real U+FFFD in the file or invalid bytes replaced by it: ask the strict one.
    try {
      strictDecoder.decode(record.bytes);
    } catch (cause) {
      throw new SplitError("record is not valid UTF-8", {
        ...(file !== undefined ? { file } : {}),
        line: record.line,
        record: record.index,
      }, { cause });
    }
  }
  return {
    index: record.index,
    line: record.line,
    byteStart: record.byteStart,
    byteEnd: record.byteEnd,
    text,
  };
}

/**
 * Like {@linkcode readJsonRecords}, but yields each record's undecoded bytes, for callers
 * that hand the bytes on (e.g. to a worker, as a transferable buffer) and decode them there
 * with {@linkcode decodeRecord}. A yielded `bytes` view stays valid: chunks are not reused.
 */
export async function* readJsonRecordBytes(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadJsonRecordsOptions = {},
): AsyncGenerator<RecordBytes> {
  const scanner = new Scanner(options.file, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
  const out: RecordBytes[] = [];
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    let failed = false;
    let error: unknown;
    try {
      scanner.scan(chunk, out);
    } catch (e) {
      failed = true;
      error = e;
    }
    if (out.length > 0) {
      // Yield this chunk's records (even those before an error); `out` is then reused.
      for (let k = 0; k < out.length; k++) yield out[k];
      out.length = 0;
    }
    if (failed) throw error;
  }
  let failed = false;
  let error: unknown;
  try {
    scanner.finish(out);
  } catch (e) {
    failed = true;
    error = e;
  }
  yield* out;
  if (failed) throw error;
}

/**
 * Reads a clearing file (a JSON array of records, or NDJSON) and yields each record's exact
 * JSON text with its position, without decoding or parsing the whole file.
 *
 * A top-level element that is not an object is yielded too: validation rejects it later. An
 * empty array, an empty file and a whitespace-only file yield nothing.
 *
 * @param source The file's bytes, e.g. `(await Deno.open(path)).readable`.
 * @param options `file` names the input in error locations; `maxRecordBytes` caps one record.
 * @returns An async generator of {@linkcode RecordSegment}s, in file order. The records
 * before a structural error are all yielded before the error is thrown.
 * @throws {SplitError} on malformed structure (unterminated string/array, missing comma,
 * garbage between or after records, invalid UTF-8), with `{ file, line, record }`.
 *
 * @example
 * ```ts
 * import { readJsonRecords } from "./json_records.ts";
 * const bytes = new TextEncoder().encode('[{"a": 1},\n {"b": "]"}]');
 * const texts = [];
 * for await (const s of readJsonRecords([bytes])) texts.push([s.line, s.text]);
 * // texts: [[1, '{"a": 1}'], [2, '{"b": "]"}']]
 * ```
 */
export async function* readJsonRecords(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadJsonRecordsOptions = {},
): AsyncGenerator<RecordSegment> {
  for await (const record of readJsonRecordBytes(source, options)) {
    yield decodeRecord(record, options.file);
  }
}
