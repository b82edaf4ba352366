/**
 * The per-record pipeline for clearing files: parse (exact JSON, every number kept as its
 * source text) → validate and convert (zod schema) → classify (`transaction_type`).
 *
 * A pure function of the record text, so it can run anywhere. An invalid record throws a
 * `RecordValidationError` naming the file, record index, line and field.
 *
 * Techniques: the fast exact parser of `models/clearing_record.ts` (number literals kept
 * as text, zod validation, detailed fallback for errors); the first-match rule table of
 * `transaction_type.ts`.
 *
 * @example
 * ```ts
 * import { processRecord } from "./record_processor.ts";
 * const row = processRecord({ index: 0, line: 2, byteStart: 0, byteEnd: 0, text: "{}" }, "f.json");
 * ```
 *
 * @module
 */

import { parseClearingRecord } from "../models/clearing_record.ts";
import type { TransactionRow } from "../models/transaction.ts";
import type { RecordSegment } from "../reader/json_records.ts";
import { classifyTransaction } from "./transaction_type.ts";

/** A validated, classified clearing record. */
export type ClassifiedTransaction = TransactionRow & { transaction_type: string };

/** Parses, validates and classifies one record. */
export function processRecord(segment: RecordSegment, file: string): ClassifiedTransaction {
  const row = parseClearingRecord(segment.text, {
    file,
    record: segment.index,
    line: segment.line,
  });
  const classified = row as ClassifiedTransaction;
  classified.transaction_type = classifyTransaction(row);
  return classified;
}
