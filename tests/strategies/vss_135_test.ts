/**
 * Tests for the VSS-135 strategy (`strategies/vss_135.ts`): golden test on the reconstructed
 * example of the layout notes §5.5 (tests/fixtures/vss135_example.txt): six columns by order
 * (count, interchange amount, reimbursement fee, twice); the evidence is thin, so the same
 * page printed 10 columns further right must still be read by its own column headers.
 * Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss135Strategy from "../../strategies/vss_135.ts";
import {
  fixturePages,
  parseFixture,
  parsePages,
  row,
  rowsOf,
  shiftColumns,
  type TypedColumns,
} from "../helpers/golden.ts";

/** Contract: only the (first) count is a common typed column. */
const TYPED: TypedColumns = { count: "count" };
const EXPECTED = [
  row(TYPED, 14, "ISSUER TRANSACTIONS - PURCHASE", "ORIGINAL SALE", false, {
    count: "812",
    interchange_amount: "-41877.12",
    reimbursement_fee: "502.53",
    count_2: "812",
    interchange_amount_2: "-45210.33",
    reimbursement_fee_2: "542.52",
  }),
];

Deno.test("VSS-135 strategy declares the six §5.5 columns in order", () => {
  const strategy = new Vss135Strategy();
  assert.equal(strategy.reportId, "VSS-135");
  assert.equal(strategy.title, undefined); // not confirmed
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind]), [
    ["count", "count"],
    ["interchange_amount", "amount"],
    ["reimbursement_fee", "amount"],
    ["count_2", "count"],
    ["interchange_amount_2", "amount"],
    ["reimbursement_fee_2", "amount"],
  ]);
});

Deno.test("VSS-135 reconstructed example of §5.5", async (t) => {
  const [page] = await parseFixture(new Vss135Strategy(), "vss135_example.txt");

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-135");
    assert.equal(page.header.settlement_currency, "USD");
    assert.ok(page.header.summary.includes("(TITLE NOT CONFIRMED)"));
    assert.equal(page.parsed, true);
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), EXPECTED);
  });
});

Deno.test("VSS-135: the page printed 10 columns further right is read by its own headers", async () => {
  const [segment] = await fixturePages("vss135_example.txt");
  // lines 9-14: column headers and body; the label ends before column 30
  const lines = shiftColumns(segment.lines, 9, 14, 30, 10);
  const [page] = parsePages(new Vss135Strategy(), [{ ...segment, lines }]);
  assert.deepEqual(rowsOf(page), EXPECTED);
});
