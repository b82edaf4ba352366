/**
 * Tests for the VSS-930 strategy (`strategies/vss_930.ts`): golden test on the reconstructed
 * example of the layout notes §5.15 (tests/fixtures/vss930_example.txt, the VSS-130 layout):
 * count, interchange amount, fee credits and fee debits. Expected rows are written by hand
 * from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss930Strategy from "../../strategies/vss_930.ts";
import { parseFixture, row, rowsOf, type TypedColumns } from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = {
  count: "count",
  credit_amount: "fee_credits",
  debit_amount: "fee_debits",
};

Deno.test("VSS-930 strategy declares the §5.15 columns", () => {
  const strategy = new Vss930Strategy();
  assert.equal(strategy.reportId, "VSS-930");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.field]), [
    ["count", "count", "count"],
    ["interchange_amount", "amount", undefined],
    ["fee_credits", "amount", "credit_amount"],
    ["fee_debits", "amount", "debit_amount"],
  ]);
});

Deno.test("VSS-930 reconstructed example of §5.15", async (t) => {
  const [page] = await parseFixture(new Vss930Strategy(), "vss930_example.txt");

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-930");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    const sale = "ISSUER TRANSACTIONS - PURCHASE - ORIGINAL SALE";
    const values = { count: "2210", interchange_amount: "-96400.00", fee_credits: "482.00" };
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 17, sale, "DEBIT STANDARD", false, values),
      // TOTAL PURCHASE (indent 5) is recorded with the open levels, then closes them
      row(TYPED, 18, sale, "TOTAL PURCHASE", true, values),
      row(TYPED, 20, "ISSUER TRANSACTIONS", "TOTAL ISSUER REIMB FEES", true, {
        fee_credits: "482.00",
      }),
    ]);
  });
});
