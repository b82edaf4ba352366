/**
 * Tests of the clearing record schema: exact conversion of the seed records, one failure per
 * kind of invalid value, PAN masking and extra fields.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  CLEARING_FIELDS,
  ClearingRecordSchema,
  toTransactionRow,
  type TransactionRow,
} from "../../src/models/transaction.ts";
import { JsonNumber, parseExactJson } from "../../src/reader/exact_json.ts";
import { RecordValidationError } from "../../src/models/errors.ts";
import { luhnValid } from "../../src/utils/pan_mask.ts";

const SEED_TEXT = await Deno.readTextFile(
  new URL("../fixtures/seed_clearing.json", import.meta.url),
);
/** Fresh parsed copies of the two seed records. */
const seed = () => parseExactJson(SEED_TEXT) as Record<string, unknown>[];
const n = (source: string) => new JsonNumber(source);

const EXPECTED_ROWS: TransactionRow[] = [
  {
    source: "VISA",
    source_date: "2024-07-05",
    dest_currency: "986",
    arn: "33478",
    slice_code: "464186724424142",
    cardbrandid: "199329",
    externalid: "199301",
    local_date: "2024-07-04",
    authorization_date: "2024-07-04",
    purchase_value: "21.00",
    clearing_debit: "1",
    installment_nbr: "1",
    clearing_installment: "1",
    installment_value_1: "21.00",
    installment_value_n: "0.00",
    clearing_value: "21.000000",
    issuer_exchange_rate: "5.809100",
    clearing_commission: "0.273000",
    clearing_interchange_fee_sign: "C",
    qualifier: "",
    bin_card: "4*****",
    acquirer_id: "37",
    mcc: "5947",
    dest_value: "21.00",
    boarding_fee: "0.000000",
    status: "6",
    operation_type: "0",
    cdt_amount: "21.00",
    product_code: "C",
    operation_code: "01",
    reason_code: "00",
    pan: "XXXXXXXXXXXXXXXX",
    late_presentation: "0",
    entry_mode: "0",
    pos_entry_mode: "07",
    clearing_files_row_id: "1901",
    clearing_currency: "986",
    clearing_boarding_fee: "0",
    clearing_settlement_date: "2024-08-01",
    clearing_presentation: "1",
    clearing_action_code: "1",
    clearing_total_partial_transaction: "0",
    clearing_flag_partial_settlement: "0",
    clearing_cancel: "0",
    clearing_confirm: "1",
    clearing_add: "0",
    clearing_credit: "0",
    extra: null,
  },
  {
    source: "VISA",
    source_date: "2024-07-05",
    dest_currency: "840",
    arn: "43060",
    slice_code: "384185377843581",
    cardbrandid: "3908",
    externalid: "3908",
    local_date: "2024-07-03",
    authorization_date: "2024-07-03",
    purchase_value: "27.99",
    clearing_debit: "1",
    installment_nbr: "1",
    clearing_installment: "1",
    installment_value_1: "4.97",
    installment_value_n: "0.00",
    clearing_value: "4.970000",
    issuer_exchange_rate: "5.893800",
    clearing_commission: "0.079520",
    clearing_interchange_fee_sign: "C",
    qualifier: "",
    bin_card: "4*****",
    acquirer_id: "17",
    mcc: "5815",
    dest_value: "4.97",
    boarding_fee: "0.000000",
    status: "6",
    operation_type: "0",
    cdt_amount: "29.29",
    product_code: "C",
    operation_code: "01",
    reason_code: "00",
    pan: "XXXXXXXXXXXXXXXX",
    late_presentation: "0",
    entry_mode: "0",
    pos_entry_mode: "10",
    clearing_files_row_id: "1901",
    clearing_currency: "840",
    clearing_boarding_fee: "0",
    clearing_settlement_date: "2024-07-05",
    clearing_presentation: "1",
    clearing_action_code: "1",
    clearing_total_partial_transaction: "0",
    clearing_flag_partial_settlement: "0",
    clearing_cancel: "0",
    clearing_confirm: "1",
    clearing_add: "0",
    clearing_credit: "0",
    extra: null,
  },
];

/** Converts seed record 0 with `patch` applied (`undefined` deletes the key). */
function convertPatched(patch: Record<string, unknown>): TransactionRow {
  const record = { ...seed()[0] };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete record[key];
    else record[key] = value;
  }
  return toTransactionRow(record, { file: "clearing_01.json", record: 7 });
}

/** Returns the RecordValidationError thrown by `fn`, failing if none is thrown. */
function validationError(fn: () => unknown): RecordValidationError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof RecordValidationError, `expected RecordValidationError: ${error}`);
    return error;
  }
  assert.fail("expected a RecordValidationError");
}

Deno.test("CLEARING_FIELDS lists the 47 fields in file order", () => {
  assert.equal(CLEARING_FIELDS.length, 47);
  assert.equal(new Set(CLEARING_FIELDS).size, 47);
  for (const record of seed()) assert.deepEqual(Object.keys(record), [...CLEARING_FIELDS]);
  assert.deepEqual(Object.keys(ClearingRecordSchema.shape), [...CLEARING_FIELDS]);
});

Deno.test("toTransactionRow converts both seed records exactly", async (t) => {
  const records = seed();
  for (const [i, expected] of EXPECTED_ROWS.entries()) {
    await t.step(`record ${i}`, async (t) => {
      const row = toTransactionRow(records[i], { file: "seed_clearing.json", record: i });
      assert.deepEqual(Object.keys(row), [...CLEARING_FIELDS, "extra"]);
      for (const field of [...CLEARING_FIELDS, "extra"] as const) {
        await t.step(field, () => assert.deepEqual(row[field], expected[field]));
      }
      assert.deepEqual(row, expected);
    });
  }
});

Deno.test("toTransactionRow accepts valid variants", async (t) => {
  const cases: {
    name: string;
    patch: Record<string, unknown>;
    expected: Partial<TransactionRow>;
  }[] = [
    {
      name: "null authorization_date",
      patch: { authorization_date: null },
      expected: { authorization_date: null },
    },
    {
      name: "leap day",
      patch: { local_date: "2024-02-29" },
      expected: { local_date: "2024-02-29" },
    },
    {
      name: "decimal held in a string",
      patch: { purchase_value: "21.50" },
      expected: { purchase_value: "21.50" },
    },
    {
      name: "negative decimal",
      patch: { dest_value: n("-4.97") },
      expected: { dest_value: "-4.97" },
    },
    { name: "integer decimal", patch: { cdt_amount: n("21") }, expected: { cdt_amount: "21" } },
    {
      name: "fewer decimals than the scale",
      patch: { clearing_value: n("21.5") },
      expected: { clearing_value: "21.5" },
    },
    {
      name: "leading zeros in a string decimal",
      patch: { purchase_value: "007.50" },
      expected: { purchase_value: "7.50" },
    },
    {
      name: "12 integer digits",
      patch: { purchase_value: n("123456789012.34") },
      expected: { purchase_value: "123456789012.34" },
    },
    { name: "negative integer", patch: { status: n("-1") }, expected: { status: "-1" } },
    {
      name: "fee sign D",
      patch: { clearing_interchange_fee_sign: "D" },
      expected: { clearing_interchange_fee_sign: "D" },
    },
    {
      name: "empty operation_code",
      patch: { operation_code: "" },
      expected: { operation_code: "" },
    },
    { name: "empty slice_code", patch: { slice_code: "" }, expected: { slice_code: "" } },
    { name: "operation_type 1", patch: { operation_type: "1" }, expected: { operation_type: "1" } },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const row = convertPatched(c.patch);
      for (const [key, value] of Object.entries(c.expected)) {
        assert.deepEqual(row[key as keyof TransactionRow], value);
      }
    });
  }
});

Deno.test("toTransactionRow rejects invalid values, naming the field", async (t) => {
  const cases: {
    name: string;
    patch: Record<string, unknown>;
    field: string;
    reason: string | RegExp;
  }[] = [
    {
      name: "impossible month",
      patch: { source_date: "2024-13-01" },
      field: "source_date",
      reason: 'expected a date YYYY-MM-DD, got "2024-13-01"',
    },
    {
      name: "Feb 29 in a common year",
      patch: { local_date: "2023-02-29" },
      field: "local_date",
      reason: /got "2023-02-29"/,
    },
    {
      name: "day 31 in a 30-day month",
      patch: { clearing_settlement_date: "2024-06-31" },
      field: "clearing_settlement_date",
      reason: /date YYYY-MM-DD/,
    },
    {
      name: "date in another format",
      patch: { local_date: "04/07/2024" },
      field: "local_date",
      reason: /got "04\/07\/2024"/,
    },
    {
      name: "date as a number",
      patch: { authorization_date: n("20240704") },
      field: "authorization_date",
      reason: "expected a date YYYY-MM-DD or null, got 20240704",
    },
    {
      name: "null required date",
      patch: { source_date: null },
      field: "source_date",
      reason: "expected a date YYYY-MM-DD, got null",
    },
    {
      name: "missing field",
      patch: { local_date: undefined },
      field: "local_date",
      reason: /the field is missing/,
    },
    {
      name: "too many decimals (2)",
      patch: { purchase_value: n("21.001") },
      field: "purchase_value",
      reason: "expected a decimal with at most 2 fractional digits, got 21.001",
    },
    {
      name: "too many decimals (6)",
      patch: { clearing_value: n("21.0000001") },
      field: "clearing_value",
      reason: /at most 6 fractional digits, got 21\.0000001/,
    },
    {
      name: "too many decimals in a string",
      patch: { cdt_amount: "1.234" },
      field: "cdt_amount",
      reason: /at most 2 fractional digits, got "1\.234"/,
    },
    {
      name: "exponent",
      patch: { clearing_commission: n("2.73e-1") },
      field: "clearing_commission",
      reason: "expected a plain decimal without exponent, got 2.73e-1",
    },
    {
      name: "13 integer digits",
      patch: { dest_value: n("1234567890123.00") },
      field: "dest_value",
      reason: /at most 12 integer digits/,
    },
    {
      name: "NaN string",
      patch: { issuer_exchange_rate: "NaN" },
      field: "issuer_exchange_rate",
      reason: 'expected a decimal number, got "NaN"',
    },
    {
      name: "decimal with a comma",
      patch: { purchase_value: "21,00" },
      field: "purchase_value",
      reason: /got "21,00"/,
    },
    {
      name: "decimal with a plus sign",
      patch: { purchase_value: "+21.00" },
      field: "purchase_value",
      reason: /got "\+21\.00"/,
    },
    {
      name: "decimal as boolean",
      patch: { boarding_fee: true },
      field: "boarding_fee",
      reason: /decimal number with at most 6 decimals, got true/,
    },
    {
      name: "null decimal",
      patch: { installment_value_1: null },
      field: "installment_value_1",
      reason: /got null/,
    },
    {
      name: "integer with a fraction",
      patch: { dest_currency: n("986.0") },
      field: "dest_currency",
      reason: "expected an integer number (at most 18 digits), got 986.0",
    },
    {
      name: "integer as a string",
      patch: { mcc: "5947" },
      field: "mcc",
      reason: /integer number .*got "5947"/,
    },
    {
      name: "integer with exponent",
      patch: { acquirer_id: n("3.7e1") },
      field: "acquirer_id",
      reason: /got 3\.7e1/,
    },
    {
      name: "integer too long",
      patch: { clearing_files_row_id: n("1234567890123456789") },
      field: "clearing_files_row_id",
      reason: /at most 18 digits/,
    },
    {
      name: "flag 2",
      patch: { clearing_debit: n("2") },
      field: "clearing_debit",
      reason: "expected the flag 0 or 1, got 2",
    },
    {
      name: "flag as boolean",
      patch: { clearing_cancel: false },
      field: "clearing_cancel",
      reason: "expected the flag 0 or 1, got false",
    },
    {
      name: "bad fee sign",
      patch: { clearing_interchange_fee_sign: "X" },
      field: "clearing_interchange_fee_sign",
      reason: 'expected "C" or "D", got "X"',
    },
    {
      name: "empty source",
      patch: { source: "" },
      field: "source",
      reason: 'expected a non-empty string, got ""',
    },
    {
      name: "text as a number",
      patch: { operation_type: n("0") },
      field: "operation_type",
      reason: "expected a string, got 0",
    },
    {
      name: "null text",
      patch: { qualifier: null },
      field: "qualifier",
      reason: "expected a string, got null",
    },
    {
      name: "text as an object",
      patch: { pan: {} },
      field: "pan",
      reason: "expected a string, got an object",
    },
    {
      name: "id as an array",
      patch: { arn: [] },
      field: "arn",
      reason: "expected a string, got an array",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const error = validationError(() => convertPatched(c.patch));
      assert.equal(error.location.field, c.field);
      assert.equal(error.location.file, "clearing_01.json");
      assert.equal(error.location.record, 7);
      assert.equal(error.step, "validate");
      assert.equal(error.code, "RECORD_INVALID");
      if (typeof c.reason === "string") assert.equal(error.reason, c.reason);
      else assert.match(error.reason, c.reason);
      assert.equal(error.message, `clearing_01.json record 7, field ${c.field}: ${error.reason}`);
    });
  }
});

Deno.test("toTransactionRow reports the first failing field in file order", () => {
  // Insertion order puts the later field first; the error must still name local_date (#8).
  const error = validationError(() =>
    convertPatched({ clearing_credit: n("5"), purchase_value: n("1.001"), local_date: "x" })
  );
  assert.equal(error.location.field, "local_date");
});

Deno.test("toTransactionRow rejects values that are not objects, with no field", async (t) => {
  const cases: [string, unknown, string][] = [
    ["array", [], "expected a JSON object, got an array"],
    ["null", null, "expected a JSON object, got null"],
    ["string", "VISA", 'expected a JSON object, got "VISA"'],
    ["number", n("42"), "expected a JSON object, got 42"],
    ["boolean", true, "expected a JSON object, got true"],
  ];
  for (const [name, value, reason] of cases) {
    await t.step(name, () => {
      const error = validationError(() => toTransactionRow(value, { file: "f.json", record: 3 }));
      assert.equal(error.reason, reason);
      assert.equal(error.location.field, undefined);
      assert.equal(error.location.record, 3);
    });
  }
});

Deno.test("toTransactionRow masks card numbers but not ids", () => {
  const id = "384185377843581";
  assert.ok(luhnValid(id), "the seed slice_code passes Luhn");
  const row = convertPatched({
    pan: "4111111111111111",
    slice_code: id,
    arn: "4111111111111111",
    cardbrandid: "5555555555554444",
    externalid: "378282246310005",
  });
  assert.equal(row.pan, "411111******1111");
  assert.equal(row.slice_code, id);
  assert.equal(row.arn, "4111111111111111");
  assert.equal(row.cardbrandid, "5555555555554444");
  assert.equal(row.externalid, "378282246310005");
  assert.equal(convertPatched({ pan: "4111111111111112" }).pan, "4111111111111112");
});

Deno.test("toTransactionRow keeps unknown fields in extra", () => {
  const record = {
    ...seed()[0],
    ...(parseExactJson(
      '{"merchant": "LOJA 1", "fee": 1.230000, "card": "4111111111111111", ' +
        '"nested": {"n": [1.50, "5555555555554444", null, true]}, "numeric_pan": 4111111111111111}',
    ) as Record<string, unknown>),
  };
  const row = toTransactionRow(record, { record: 0 });
  assert.deepEqual(row.extra, {
    merchant: "LOJA 1",
    fee: "1.230000",
    card: "411111******1111",
    nested: { n: ["1.50", "555555******4444", null, true] },
    numeric_pan: "411111******1111",
  });
  // The known fields are unaffected.
  assert.equal(row.clearing_value, "21.000000");
  // A "__proto__" key is kept as an ordinary own property.
  const withProto = parseExactJson('{"__proto__": {"x": 1}}') as Record<string, unknown>;
  Object.assign(withProto, seed()[0]);
  assert.ok(Object.hasOwn(withProto, "__proto__"));
  const proto = toTransactionRow(withProto, {});
  assert.ok(proto.extra !== null && Object.hasOwn(proto.extra, "__proto__"));
  assert.deepEqual(Object.getOwnPropertyDescriptor(proto.extra, "__proto__")?.value, { x: "1" });
  assert.equal(Object.getPrototypeOf(proto.extra), Object.prototype);
});

Deno.test("toTransactionRow never converts money through a float", () => {
  // 0.1 + 0.2 style values and long fractions stay digit for digit.
  const row = convertPatched({
    clearing_value: n("0.300000"),
    issuer_exchange_rate: n("123456789012.999999"),
    purchase_value: n("999999999999.99"),
  });
  assert.equal(row.clearing_value, "0.300000");
  assert.equal(row.issuer_exchange_rate, "123456789012.999999");
  assert.equal(row.purchase_value, "999999999999.99");
});
