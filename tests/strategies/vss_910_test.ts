/**
 * Tests for the VSS-910 strategy (`strategies/vss_910.ts`): golden test on the reconstructed
 * example of the layout notes §5.14 (tests/fixtures/vss910_example.txt): no date column,
 * count, transaction amount, interchange fee and payment amount with their signs, indents
 * 2 / 4 / 6 / 8. Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss910Strategy from "../../strategies/vss_910.ts";
import { parseFixture, row, rowsOf, type TypedColumns } from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = { count: "count", total_amount: "payment_amount" };
const VALUES = {
  count: "2210",
  transaction_amount: "-96400.00",
  interchange_fee: "482.00",
  payment_amount: "-95918.00",
};

Deno.test("VSS-910 strategy declares the §5.14 columns", () => {
  const strategy = new Vss910Strategy();
  assert.equal(strategy.reportId, "VSS-910");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["count", "count", 64, "count"],
    ["transaction_amount", "amount", 83, undefined],
    ["interchange_fee", "amount", 105, undefined],
    ["payment_amount", "amount", 127, "total_amount"],
  ]);
});

Deno.test("VSS-910 reconstructed example of §5.14", async (t) => {
  const [page] = await parseFixture(new Vss910Strategy(), "vss910_example.txt");

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-910");
    assert.equal(page.header.reporting_for, "1000123458 ACME BANCO DEB");
    assert.ok(page.header.summary.includes("BRAZIL CASH DISB NATL NET SERVICE"));
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    const nd = "ISSUER TRANSACTIONS - NO DEFERMENT";
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 16, `${nd} - PURCHASE`, "ORIGINAL SALE", false, VALUES),
      row(TYPED, 17, `${nd} - PURCHASE`, "TOTAL PURCHASE", true, VALUES),
      row(TYPED, 18, nd, "TOTAL NO DEFERMENT", true, VALUES),
    ]);
  });
});
