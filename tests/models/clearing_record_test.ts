/**
 * Tests for `src/models/clearing_record.ts`: the fast path gives exactly what the detailed
 * path (`parseExactJson` + `toTransactionRow`) gives — the same row, or the same error on
 * the same field — for the seed records and for many random variations of them
 * (fast-check), and number literals are rewritten only outside strings.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { markNumbers, parseClearingRecord } from "../../src/models/clearing_record.ts";
import { toTransactionRow } from "../../src/models/transaction.ts";
import { parseExactJson } from "../../src/reader/exact_json.ts";
import { recordVariants, seedRecordLines as seedLines } from "../helpers/clearing_variants.ts";

function detailed(text: string): unknown {
  let value: unknown;
  try {
    value = parseExactJson(text);
  } catch (error) {
    return { error: `f record 1: not valid JSON: ${(error as Error).message}`, field: undefined };
  }
  try {
    return { row: toTransactionRow(value, { file: "f", record: 1 }) };
  } catch (error) {
    return {
      error: (error as Error).message,
      field: (error as { location?: { field?: string } }).location?.field,
    };
  }
}

function fast(text: string): unknown {
  try {
    return { row: parseClearingRecord(text, { file: "f", record: 1 }) };
  } catch (error) {
    return {
      error: (error as Error).message,
      field: (error as { location?: { field?: string } }).location?.field,
    };
  }
}

Deno.test("markNumbers rewrites number literals outside strings only", () => {
  assert.equal(
    markNumbers('{"a": 21.000000, "b": "x 12 y", "c": [-1, 2e3], "d\\"7": 0}'),
    '{"a": "\\u000021.000000", "b": "x 12 y", "c": ["\\u0000-1", "\\u00002e3"], "d\\"7": "\\u00000"}',
  );
  assert.equal(markNumbers('{"a": 01}'), null, "invalid JSON numbers take the detailed path");
  assert.equal(markNumbers('{"a": -}'), null);
});

Deno.test("the seed records parse exactly on the fast path", () => {
  for (const line of seedLines) assert.deepEqual(fast(line), detailed(line));
  const row = parseClearingRecord(seedLines[1], {});
  assert.equal(row.issuer_exchange_rate, "5.893800");
  assert.equal(row.clearing_commission, "0.079520");
});

const candidateValues = fc.oneof(
  fc.constantFrom(
    "0",
    "-0",
    "1",
    "21.00",
    "21.000000",
    "21.001",
    "1e5",
    "1.5E-2",
    "123456789012.12",
    "1234567890123.1",
    "99999999999999999999",
    '"21.00"',
    '"007.50"',
    '""',
    '"C"',
    '"D"',
    '"X"',
    '"2024-02-29"',
    '"2023-02-29"',
    '"2024-13-01"',
    '"4111111111111111"',
    '"4111 1111 1111 1111"',
    "true",
    "null",
    "[1, 2.50]",
    '{"n": 1.10}',
    '"\\u0000 escaped"',
    '"tab\\there"',
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
);

Deno.test("property: fast and detailed paths always agree", () => {
  fc.assert(
    fc.property(recordVariants(candidateValues), (text) => {
      assert.deepEqual(fast(text), detailed(text), text);
    }),
    { numRuns: 3000 },
  );
});
