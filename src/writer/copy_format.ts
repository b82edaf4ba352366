/**
 * Rows for `COPY … FROM STDIN` in PostgreSQL's text format, and the fixed column order of
 * clearing rows shared by the workers that build them and the writer that loads them.
 *
 * Techniques: the text format's escapes (`\\\\`, `\\t`, `\\n`, `\\r`, `\\N` for NULL) applied
 * with one regular expression; values are already exact text, so nothing is converted.
 *
 * @example
 * ```ts
 * import { copyValue } from "./copy_format.ts";
 * copyValue("a\tb"); // "a\\tb"
 * copyValue(null); // "\\N"
 * ```
 *
 * @module
 */

import { CLEARING_FIELDS } from "../models/transaction.ts";
import { FIELD_KINDS, type FieldKind } from "../models/clearing_record.ts";

/** The columns of a clearing row, in COPY order (`file_id` is added by the writer). */
export const TRANSACTION_COLUMNS: readonly string[] = [
  "record_index",
  "transaction_type",
  ...CLEARING_FIELDS,
  "extra",
];

const HAS_SPECIAL = /[\\\t\n\r]/;
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** Escapes one value for the text format; null becomes `\N`. */
export function copyValue(value: string | null): string {
  if (value === null) return "\\N";
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]) : value;
}

const UNESCAPE = /\\(\\|t|n|r)/g;
const UNESCAPED: Record<string, string> = { "\\": "\\", t: "\t", n: "\n", r: "\r" };

/** Parses COPY text back into value arrays (the inverse of {@link transactionCopyLine}). */
export function parseCopyText(text: string): (string | null)[][] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) =>
    line.split("\t").map((field) =>
      field === "\\N" ? null : field.replace(UNESCAPE, (_, c: string) => UNESCAPED[c])
    )
  );
}

/**
 * Columns whose values are validated numbers or dates, so they can never hold a tab,
 * newline or backslash and are written without escaping.
 */
const PLAIN_KINDS: ReadonlySet<FieldKind> = new Set([
  "decimal2",
  "decimal6",
  "integer",
  "flag",
  "date",
  "optionalDate",
]);
const PLAIN_COLUMNS: ReadonlySet<string> = new Set([
  "record_index",
  ...CLEARING_FIELDS.filter((field) => PLAIN_KINDS.has(FIELD_KINDS[field])),
]);

const COLUMN_PLAN = TRANSACTION_COLUMNS.map((name) => ({ name, plain: PLAIN_COLUMNS.has(name) }));

/**
 * One COPY line for a clearing row object (keys of `TRANSACTION_COLUMNS`; `extra` as an
 * object or null), escaping only the columns that can hold text.
 */
export function transactionCopyLine(row: Record<string, unknown>): string {
  let line = "";
  for (let i = 0; i < COLUMN_PLAN.length; i++) {
    const { name, plain } = COLUMN_PLAN[i];
    const value = row[name];
    if (i > 0) line += "\t";
    if (value === null || value === undefined) line += "\\N";
    else if (plain) line += value;
    else line += copyValue(typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return line + "\n";
}
