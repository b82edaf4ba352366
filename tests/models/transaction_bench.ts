/**
 * Micro-benchmarks of the clearing path: split, exact parse, validation, classification.
 * Run with `deno bench --allow-read=. tests/models/transaction_bench.ts`; the per-record
 * benchmarks run a batch of records per iteration (divide the time by `BATCH`).
 *
 * @module
 */

import { toTransactionRow } from "../../src/models/transaction.ts";
import { classifyTransaction } from "../../src/processor/transaction_type.ts";
import { parseExactJson } from "../../src/reader/exact_json.ts";
import { readJsonRecords } from "../../src/reader/json_records.ts";

const SEED_TEXT = await Deno.readTextFile(
  new URL("../fixtures/seed_clearing.json", import.meta.url),
);
const RECORD_TEXTS: string[] = [];
for await (const s of readJsonRecords([new TextEncoder().encode(SEED_TEXT)])) {
  RECORD_TEXTS.push(s.text);
}
const RECORDS = RECORD_TEXTS.map(parseExactJson);
const ROWS = RECORDS.map((r, i) => toTransactionRow(r, { record: i }));

/** Records per iteration of the per-record benchmarks. */
const BATCH = 1000;

/** A ~12 MB clearing file of 10,000 seed records, in 64 KiB chunks. */
const BIG_RECORDS = 10_000;
const BIG_CHUNKS: Uint8Array[] = (() => {
  const parts = ["[\n"];
  for (let k = 0; k < BIG_RECORDS; k++) {
    parts.push(`  ${RECORD_TEXTS[k & 1]}${k < BIG_RECORDS - 1 ? "," : ""}\n`);
  }
  parts.push("]\n");
  const bytes = new TextEncoder().encode(parts.join(""));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 65536) chunks.push(bytes.subarray(at, at + 65536));
  return chunks;
})();

Deno.bench(`toTransactionRow (${BATCH} seed records)`, { group: "record" }, () => {
  for (let k = 0; k < BATCH; k++) toTransactionRow(RECORDS[k & 1], { file: "b.json", record: k });
});

Deno.bench(`parseExactJson (${BATCH} seed records)`, { group: "record" }, () => {
  for (let k = 0; k < BATCH; k++) parseExactJson(RECORD_TEXTS[k & 1]);
});

Deno.bench(`classifyTransaction (${BATCH} seed rows)`, { group: "record" }, () => {
  for (let k = 0; k < BATCH; k++) classifyTransaction(ROWS[k & 1]);
});

Deno.bench(`readJsonRecords (${BIG_RECORDS} records, ~12 MB)`, async () => {
  let count = 0;
  for await (const _ of readJsonRecords(BIG_CHUNKS)) count++;
  if (count !== BIG_RECORDS) throw new Error(`split ${count} records`);
});
