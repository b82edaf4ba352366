/**
 * The per-record pipeline for clearing files: parse (exact JSON, every number kept as its
 * source text) → validate and convert (zod schema) → classify (`transaction_type`).
 *
 * A pure function of the record text, so it can run anywhere. An invalid record throws a
 * `RecordValidationError` naming the file, record index, line and field.
 *
 * Techniques: `JSON.parse` with source-text access for lossless numbers; schema-driven
 * conversion; the first-match rule table of `transaction_type.ts`.
 *
 * @example
 * ```ts
 * import { processRecord } from "./record_processor.ts";
 * const row = processRecord({ index: 0, line: 2, byteStart: 0, byteEnd: 0, text: "{}" }, "f.json");
 * ```
 *
 * @module
 */

import { RecordValidationError } from "../models/errors.ts";
import { toTransactionRow, type TransactionRow } from "../models/transaction.ts";
import { parseExactJson } from "../reader/exact_json.ts";
import type { RecordSegment } from "../reader/json_records.ts";
import { classifyTransaction } from "./transaction_type.ts";

/** A validated, classified clearing record. */
export type ClassifiedTransaction = TransactionRow & { transaction_type: string };

/** Parses, validates and classifies one record. */
export function processRecord(segment: RecordSegment, file: string): ClassifiedTransaction {
  const location = { file, record: segment.index, line: segment.line };
  let value: unknown;
  try {
    value = parseExactJson(segment.text);
  } catch (error) {
    throw new RecordValidationError(`not valid JSON: ${(error as Error).message}`, location, {
      cause: error,
    });
  }
  const row = toTransactionRow(value, location);
  return { ...row, transaction_type: classifyTransaction(row) };
}
