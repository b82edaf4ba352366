/**
 * Tests for `src/processor/record_processor.ts`: a record's text becomes a typed,
 * classified row with exact decimals; bad JSON and bad fields are
 * `RecordValidationError`s that name file, line, record and field.
 *
 * @module
 */

import assert from "node:assert/strict";
import { RecordValidationError } from "../../src/models/errors.ts";
import { processRecord } from "../../src/processor/record_processor.ts";

const seed: Record<string, unknown>[] = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/seed_clearing.json", import.meta.url)),
);
const seedText =
  (await Deno.readTextFile(new URL("../fixtures/seed_clearing.json", import.meta.url)))
    .split("\n")[2].trim().replace(/,$/, "");

function segment(text: string, index = 4, line = 9) {
  return { index, line, byteStart: 0, byteEnd: text.length, text };
}

Deno.test("a seed record becomes a classified row with its printed decimals", () => {
  const row = processRecord(segment(seedText), "c.json");
  assert.equal(row.transaction_type, "COMPRA");
  assert.equal(row.clearing_value, "4.970000");
  assert.equal(row.issuer_exchange_rate, "5.893800");
  assert.equal(row.clearing_commission, "0.079520");
  assert.equal(row.purchase_value, "27.99");
  assert.equal(row.local_date, "2024-07-03");
});

Deno.test("a withdrawal is SAQUE and its reversal REVERSO-DE-SAQUE", () => {
  const withdrawal = { ...seed[0], operation_code: "02" };
  assert.equal(
    processRecord(segment(JSON.stringify(withdrawal)), "c.json").transaction_type,
    "SAQUE",
  );
  const reversal = { ...withdrawal, clearing_debit: 0 };
  assert.equal(
    processRecord(segment(JSON.stringify(reversal)), "c.json").transaction_type,
    "REVERSO-DE-SAQUE",
  );
});

Deno.test("broken JSON and bad fields name file, line, record and field", () => {
  assert.throws(() => processRecord(segment('{"source": "VISA",'), "c.json"), (e: unknown) => {
    assert.ok(e instanceof RecordValidationError);
    assert.deepEqual([e.location.file, e.location.line, e.location.record], ["c.json", 9, 4]);
    assert.match(e.message, /^c\.json line 9 record 4: not valid JSON/);
    return true;
  });
  const bad = JSON.stringify({ ...seed[0], clearing_value: 1e21 });
  assert.throws(() => processRecord(segment(bad), "c.json"), (e: unknown) => {
    assert.ok(e instanceof RecordValidationError);
    assert.equal(e.location.field, "clearing_value");
    return true;
  });
});
