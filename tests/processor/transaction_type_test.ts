/**
 * Tests of the clearing transaction classifier: one row per rule of §7.3 (and per branch),
 * plus the seed records.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  classifyTransaction,
  TRANSACTION_TYPE_RULES,
  TRANSACTION_TYPES,
} from "../../src/processor/transaction_type.ts";
import { toTransactionRow, type TransactionRow } from "../../src/models/transaction.ts";
import { parseExactJson } from "../../src/reader/exact_json.ts";

const SEED = parseExactJson(
  await Deno.readTextFile(new URL("../fixtures/seed_clearing.json", import.meta.url)),
) as unknown[];
const seedRows = SEED.map((record, i) => toTransactionRow(record, { record: i }));

/** Seed row 0 (a purchase) with the given fields changed. */
const row = (patch: Partial<TransactionRow>): TransactionRow => ({ ...seedRows[0], ...patch });

/** Index of the rule that decides `r`, to check that the intended rule fired. */
const ruleOf = (r: TransactionRow) => TRANSACTION_TYPE_RULES.findIndex((rule) => rule.when(r));

Deno.test("classifyTransaction applies the §7.3 rules in order", async (t) => {
  const reversal = {
    clearing_action_code: "11",
    operation_code: "",
    clearing_cancel: "1",
    clearing_interchange_fee_sign: "D",
  };
  const cases: { name: string; row: TransactionRow; rule: number; type: string }[] = [
    {
      name: "1. empty slice_code wins over everything",
      row: row({ slice_code: "", ...reversal }),
      rule: 0,
      type: "UNKNOWN",
    },
    {
      name: "2. action 11 + empty operation_code + cancel + fee D",
      row: row(reversal),
      rule: 1,
      type: "REVERSO-DE-COMPRA",
    },
    {
      name: "2. with operation_type 1 it still wins over rule 3",
      row: row({ ...reversal, operation_type: "1" }),
      rule: 1,
      type: "REVERSO-DE-COMPRA",
    },
    {
      name: "2. not with fee sign C (falls through to UNKNOWN-99)",
      row: row({ ...reversal, clearing_interchange_fee_sign: "C" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
    {
      name: "2. not without cancel",
      row: row({ ...reversal, clearing_cancel: "0" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
    {
      name: '3. operation_type "1" + empty operation_code (the fixed rule)',
      row: row({ operation_type: "1", operation_code: "" }),
      rule: 2,
      type: "REVERSO-DE-SAQUE",
    },
    {
      name: '3. not with operation_type "0"',
      row: row({ operation_type: "0", operation_code: "" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
    {
      name: '4. operation_code "02", debit → SAQUE',
      row: row({ operation_code: "02", clearing_debit: "1" }),
      rule: 3,
      type: "SAQUE",
    },
    {
      name: '4. operation_code "02", operation_type "1", credit → REVERSO-DE-SAQUE',
      row: row({ operation_code: "02", operation_type: "1", clearing_debit: "0" }),
      rule: 3,
      type: "REVERSO-DE-SAQUE",
    },
    {
      name: '4. not with operation_type "2"',
      row: row({ operation_code: "02", operation_type: "2" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
    {
      name: '5. operation_code "01", reason "00", debit → COMPRA',
      row: row({ operation_code: "01", reason_code: "00", clearing_debit: "1" }),
      rule: 4,
      type: "COMPRA",
    },
    {
      name: '5. operation_code "01", credit → REVERSO-DE-COMPRA',
      row: row({ operation_code: "01", clearing_debit: "0" }),
      rule: 4,
      type: "REVERSO-DE-COMPRA",
    },
    {
      name: '5. not with reason_code "2000"',
      row: row({ operation_code: "01", reason_code: "2000" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
    {
      name: '5. reason_code "10000" < "2000" as strings',
      row: row({ operation_code: "01", reason_code: "10000" }),
      rule: 4,
      type: "COMPRA",
    },
    {
      name: '5. not with reason_code "3" (> "2000" as strings)',
      row: row({ operation_code: "01", reason_code: "3" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
    {
      name: "6. any other operation code",
      row: row({ operation_code: "03" }),
      rule: 5,
      type: "UNKNOWN-99",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assert.equal(ruleOf(c.row), c.rule, TRANSACTION_TYPE_RULES[ruleOf(c.row)]?.name);
      assert.equal(classifyTransaction(c.row), c.type);
    });
  }
});

Deno.test("both seed records are COMPRA", () => {
  assert.deepEqual(seedRows.map(classifyTransaction), ["COMPRA", "COMPRA"]);
});

Deno.test("the rule table has the six §7.3 rules and a catch-all last", () => {
  assert.equal(TRANSACTION_TYPE_RULES.length, 6);
  assert.equal(TRANSACTION_TYPE_RULES.at(-1)?.when(row({})), true);
  for (const rule of TRANSACTION_TYPE_RULES) {
    if (typeof rule.type === "string") assert.ok(TRANSACTION_TYPES.includes(rule.type));
  }
});
