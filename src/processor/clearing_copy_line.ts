/**
 * A clearing record straight from its UTF-8 bytes to its `COPY` text line: the hot path of
 * clearing ingestion in `copy` write mode.
 *
 * One pass over the record's bytes finds every key and value (no UTF-16 string, no
 * `JSON.parse`, no intermediate object); each value is then checked against its field's
 * kind with the same rules as the schemas of `models/clearing_record.ts` (scale and digits
 * of decimals, integers, flags, calendar dates, signs), card numbers in code fields are
 * masked, the transaction is classified, and the row is written into a growing byte
 * buffer ({@link CopyBuffer}) ready to be transferred to the writer.
 *
 * It only accepts what it can handle exactly: a string escape, a byte outside printable
 * ASCII, an unknown, missing or repeated key, a value of the wrong type or shape, or an
 * impossible date makes {@link writeClearingCopyLine} return `false` without writing, and
 * the caller takes the general path (`processRecord` + `transactionCopyLine`), which stores
 * the same line or reports the precise error. A fast-check property in the tests holds
 * both paths to the same bytes.
 *
 * @example
 * ```ts
 * import { CopyBuffer, writeClearingCopyLine } from "./clearing_copy_line.ts";
 * const record = new TextEncoder().encode('{"source": "VISA"}');
 * const out = new CopyBuffer();
 * writeClearingCopyLine(record, 0, record.length, 7, out); // false: fields are missing
 * out.length; // 0
 * ```
 *
 * @module
 */

import { FIELD_KINDS, type FieldKind } from "../models/clearing_record.ts";
import { CLEARING_FIELDS, isCalendarDate } from "../models/transaction.ts";
import { maskPan } from "../utils/pan_mask.ts";
import { type ClassifiedFields, classifyTransaction } from "./transaction_type.ts";

/** A growing byte buffer of COPY text lines. */
export class CopyBuffer {
  /** The bytes; only the first {@link length} are written. */
  bytes: Uint8Array;
  /** Bytes written. */
  length = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `more` bytes. */
  reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends text (any Unicode: written as UTF-8). */
  writeText(text: string): void {
    this.reserve(text.length * 3);
    this.length += ENCODER.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** The written bytes in a buffer of their own (to be transferred). */
  take(): ArrayBuffer {
    const out = this.bytes.slice(0, this.length).buffer;
    this.length = 0;
    return out;
  }
}

const ENCODER = new TextEncoder();

// Byte values. Declared here, as in `reader/json_records.ts`, rather than imported from a
// shared module: imported bindings are not folded into the hot loops (measured: the whole
// path about 10% slower).
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DEL = 0x7f;

// Value types found by the scan.
const UNSEEN = 0;
const STRING = 1;
const NUMBER = 2;
const NULL = 3;

// Field kinds as small integers for the hot loop.
const K_DECIMAL2 = 0;
const K_DECIMAL6 = 1;
const K_INTEGER = 2;
const K_FLAG = 3;
const K_DATE = 4;
const K_OPTIONAL_DATE = 5;
const K_ID = 6;
const K_CODE = 7;
const K_SOURCE = 8;
const K_SIGN = 9;
const KIND_CODES: Record<FieldKind, number> = {
  decimal2: K_DECIMAL2,
  decimal6: K_DECIMAL6,
  integer: K_INTEGER,
  flag: K_FLAG,
  date: K_DATE,
  optionalDate: K_OPTIONAL_DATE,
  id: K_ID,
  code: K_CODE,
  source: K_SOURCE,
  sign: K_SIGN,
};

const FIELD_COUNT = CLEARING_FIELDS.length;
const KINDS = Uint8Array.from(CLEARING_FIELDS, (f) => KIND_CODES[FIELD_KINDS[f]]);
const KEY_BYTES = CLEARING_FIELDS.map((f) => ENCODER.encode(f));

/** Field of each of the classifier's inputs. */
const CLASSIFIED_FIELDS: readonly (keyof ClassifiedFields)[] = [
  "slice_code",
  "clearing_action_code",
  "operation_code",
  "clearing_cancel",
  "clearing_interchange_fee_sign",
  "operation_type",
  "clearing_debit",
  "reason_code",
];
const CLASSIFIED_INDEXES = CLASSIFIED_FIELDS.map((f) =>
  (CLEARING_FIELDS as readonly string[]).indexOf(f)
);

// Key lookup: a small open-addressing table from a hash of the key's bytes to its field.
const TABLE_BITS = 10;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const KEY_TABLE = new Int16Array(1 << TABLE_BITS).fill(-1);

function hashKey(bytes: Uint8Array, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + bytes[i]) | 0;
  return (h ^ (h >>> TABLE_BITS)) & TABLE_MASK;
}

for (let f = 0; f < FIELD_COUNT; f++) {
  let slot = hashKey(KEY_BYTES[f], 0, KEY_BYTES[f].length);
  while (KEY_TABLE[slot] !== -1) slot = (slot + 1) & TABLE_MASK;
  KEY_TABLE[slot] = f;
}

/** The field whose name is `bytes[start..end)`, or -1. */
function fieldOf(bytes: Uint8Array, start: number, end: number): number {
  let slot = hashKey(bytes, start, end);
  for (;;) {
    const f = KEY_TABLE[slot];
    if (f === -1) return -1;
    const key = KEY_BYTES[f];
    if (key.length === end - start) {
      let k = 0;
      while (k < key.length && key[k] === bytes[start + k]) k++;
      if (k === key.length) return f;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
}

function isDigit(b: number): boolean {
  return b >= ZERO && b <= NINE;
}

function isSpace(b: number): boolean {
  return b === SPACE || b === LF || b === CR || b === TAB;
}

/** `-?(0|[1-9]\d{0,11})(\.\d{1,maxFraction})?` over `bytes[s..e)`. */
function isDecimal(bytes: Uint8Array, s: number, e: number, maxFraction: number): boolean {
  let i = s;
  if (i < e && bytes[i] === DASH) i++;
  if (i >= e) return false;
  if (bytes[i] === ZERO) i++;
  else if (bytes[i] >= ONE && bytes[i] <= NINE) {
    const digits = i;
    while (i < e && isDigit(bytes[i])) i++;
    if (i - digits > 12) return false;
  } else return false;
  if (i === e) return true;
  if (bytes[i] !== DOT) return false;
  const fraction = ++i;
  while (i < e && isDigit(bytes[i])) i++;
  return i === e && i > fraction && i - fraction <= maxFraction;
}

/** A JSON integer of at most 18 digits: `-?(0|[1-9]\d{0,17})`. */
function isInteger(bytes: Uint8Array, s: number, e: number): boolean {
  let i = s;
  if (i < e && bytes[i] === DASH) i++;
  if (i >= e) return false;
  if (bytes[i] === ZERO) return i + 1 === e;
  const digits = i;
  while (i < e && isDigit(bytes[i])) i++;
  return i === e && i - digits <= 18;
}

/** `YYYY-MM-DD` that is a real calendar date. */
function isDate(bytes: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 10 || bytes[s + 4] !== DASH || bytes[s + 7] !== DASH) return false;
  for (let i = s; i < e; i++) if (i !== s + 4 && i !== s + 7 && !isDigit(bytes[i])) return false;
  return isCalendarDate(ascii(bytes, s, e));
}

function ascii(bytes: Uint8Array, s: number, e: number): string {
  let text = "";
  for (let i = s; i < e; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

// Per-call scratch (the module is single-threaded per worker).
const valueType = new Uint8Array(FIELD_COUNT);
const valueStart = new Int32Array(FIELD_COUNT);
const valueEnd = new Int32Array(FIELD_COUNT);
const masked: (string | null)[] = new Array(FIELD_COUNT).fill(null);
const classified: Record<string, string> = Object.fromEntries(
  CLASSIFIED_FIELDS.map((f) => [f, ""]),
);

/** Scans the object into the scratch arrays; false when it is not a plain flat record. */
function scan(bytes: Uint8Array, start: number, end: number): boolean {
  valueType.fill(UNSEEN);
  let i = start;
  while (i < end && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN_BRACE) return false;
  i++;
  let seen = 0;
  for (;;) {
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end || bytes[i] !== QUOTE) return false;
    const keyStart = ++i;
    while (i < end && bytes[i] !== QUOTE) i++;
    if (i >= end) return false;
    const field = fieldOf(bytes, keyStart, i);
    if (field === -1 || valueType[field] !== UNSEEN) return false;
    i++;
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end || bytes[i] !== COLON) return false;
    i++;
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end) return false;
    const b = bytes[i];
    if (b === QUOTE) {
      const s = ++i;
      for (; i < end; i++) {
        const c = bytes[i];
        if (c === QUOTE) break;
        if (c < SPACE || c >= DEL || c === BACKSLASH) return false;
      }
      if (i >= end) return false;
      valueType[field] = STRING;
      valueStart[field] = s;
      valueEnd[field] = i++;
    } else if (b === DASH || isDigit(b)) {
      const s = i++;
      while (i < end) {
        const c = bytes[i];
        if (isDigit(c) || c === DOT || c === DASH || c === 0x2b || c === 0x65 || c === 0x45) i++;
        else break;
      }
      valueType[field] = NUMBER;
      valueStart[field] = s;
      valueEnd[field] = i;
    } else if (
      b === 0x6e && bytes[i + 1] === 0x75 && bytes[i + 2] === 0x6c && bytes[i + 3] === 0x6c &&
      i + 4 <= end
    ) {
      valueType[field] = NULL;
      i += 4;
    } else return false;
    seen++;
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end) return false;
    if (bytes[i] === COMMA) {
      i++;
      continue;
    }
    if (bytes[i] !== CLOSE_BRACE) return false;
    i++;
    break;
  }
  while (i < end && isSpace(bytes[i])) i++;
  return i === end && seen === FIELD_COUNT;
}

/** Checks every value against its field's kind; masks long code values. */
function check(bytes: Uint8Array): boolean {
  for (let f = 0; f < FIELD_COUNT; f++) {
    const type = valueType[f];
    const s = valueStart[f];
    const e = valueEnd[f];
    masked[f] = null;
    switch (KINDS[f]) {
      case K_DECIMAL2:
        if (type !== NUMBER || !isDecimal(bytes, s, e, 2)) return false;
        break;
      case K_DECIMAL6:
        if (type !== NUMBER || !isDecimal(bytes, s, e, 6)) return false;
        break;
      case K_INTEGER:
        if (type !== NUMBER || !isInteger(bytes, s, e)) return false;
        break;
      case K_FLAG:
        if (type !== NUMBER || e - s !== 1 || (bytes[s] !== ZERO && bytes[s] !== ONE)) {
          return false;
        }
        break;
      case K_DATE:
        if (type !== STRING || !isDate(bytes, s, e)) return false;
        break;
      case K_OPTIONAL_DATE:
        if (type !== NULL && (type !== STRING || !isDate(bytes, s, e))) return false;
        break;
      case K_ID:
        if (type !== STRING) return false;
        break;
      case K_CODE:
        if (type !== STRING) return false;
        if (e - s >= 13) {
          const text = ascii(bytes, s, e);
          const hidden = maskPan(text);
          if (hidden !== text) masked[f] = hidden;
        }
        break;
      case K_SOURCE:
        if (type !== STRING || e === s) return false;
        break;
      case K_SIGN:
        if (type !== STRING || e - s !== 1 || (bytes[s] !== 0x43 && bytes[s] !== 0x44)) {
          return false;
        }
        break;
    }
  }
  return true;
}

/**
 * Writes the `COPY` line of the record in `bytes[start..end)` (columns as
 * `TRANSACTION_COLUMNS`: record index, transaction type, the clearing fields, `extra`).
 *
 * @returns `true` when written; `false` (nothing written) when the record needs the general
 * path.
 */
export function writeClearingCopyLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  recordIndex: number,
  out: CopyBuffer,
): boolean {
  if (!scan(bytes, start, end) || !check(bytes)) return false;
  for (let k = 0; k < CLASSIFIED_INDEXES.length; k++) {
    const f = CLASSIFIED_INDEXES[k];
    classified[CLASSIFIED_FIELDS[k]] = masked[f] ?? ascii(bytes, valueStart[f], valueEnd[f]);
  }
  const type = classifyTransaction(classified as unknown as ClassifiedFields);
  out.writeText(`${recordIndex}\t${type}`);
  // Every value is printable ASCII without backslashes: no COPY escapes are needed, and a
  // record's line is never longer than the record (plus its index, type and `\N`).
  out.reserve(end - start + 64);
  const target = out.bytes;
  let at = out.length;
  for (let f = 0; f < FIELD_COUNT; f++) {
    target[at++] = TAB;
    const hidden = masked[f];
    if (hidden !== null) {
      for (let k = 0; k < hidden.length; k++) target[at++] = hidden.charCodeAt(k);
    } else if (valueType[f] === NULL) {
      target[at++] = BACKSLASH;
      target[at++] = 0x4e;
    } else {
      const e = valueEnd[f];
      for (let k = valueStart[f]; k < e; k++) target[at++] = bytes[k];
    }
  }
  target[at++] = TAB;
  target[at++] = BACKSLASH;
  target[at++] = 0x4e;
  target[at++] = LF;
  out.length = at;
  return true;
}
