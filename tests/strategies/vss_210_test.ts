/**
 * Tests for the VSS-210 strategy (`strategies/vss_210.ts`): golden test on the example page
 * of the layout notes §5.7 (tests/fixtures/vss210_example.txt): five amount columns by order
 * under `***` banners, and label-only `TOTAL …` lines whose values are printed on the next
 * line (§4.1.3). Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss210Strategy from "../../strategies/vss_210.ts";
import { fixtureLines, parseFixture, row, rowsOf } from "../helpers/golden.ts";

const VALUES = {
  settlement_interchange_amount: "-45210.33",
  settlement_conversion_fee: "452.10",
  clearing_interchange_amount: "-41877.12",
  clearing_conversion_fee: "418.77",
  opt_issuer_fee: "0.00",
};

Deno.test("VSS-210 strategy declares the §5.7 columns", () => {
  const strategy = new Vss210Strategy();
  assert.equal(strategy.reportId, "VSS-210");
  assert.equal(strategy.title, "CURRENCY CONVERSION FEES REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["settlement_interchange_amount", "amount", 49, undefined],
    ["settlement_conversion_fee", "amount", 70, undefined],
    ["clearing_interchange_amount", "amount", 91, undefined],
    ["clearing_conversion_fee", "amount", 111, undefined],
    ["opt_issuer_fee", "amount", 129, undefined],
  ]);
});

Deno.test("VSS-210 example page of §5.7", async (t) => {
  const [page] = await parseFixture(new Vss210Strategy(), "vss210_example.txt");

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-210");
    assert.equal(page.header.page, 4);
    assert.equal(page.header.settlement_currency, "USD");
    assert.equal(page.header.clearing_currency, "EUR");
    assert.ok(page.header.summary.includes("CURRENCY CONVERSION FEES REPORT"));
    assert.equal(page.parsed, true);
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field (no typed columns: no count, credit, debit or total)", () => {
    assert.deepEqual(rowsOf(page), [
      // PURCHASE (indent 2) replaced ISSUER TRANSACTIONS (indent 2), §4.3
      row({}, 17, "PURCHASE - ORIGINAL SALE", "VISA INTERNATIONAL", false, VALUES),
      // label on line 19, values on line 20
      row({}, 20, "PURCHASE - ORIGINAL SALE", "TOTAL PURCHASE", true, VALUES),
      // label on line 22, values on line 23; TOTAL PURCHASE closed every level
      row({}, 23, "", "TOTAL CURRENCY CONVERSION FEES", true, VALUES),
    ]);
  });

  await t.step("a value-only row keeps its value line as raw text", () => {
    const lines = fixtureLines("vss210_example.txt");
    assert.deepEqual(page.amounts.map((a) => a.raw), [lines[16], lines[19], lines[22]]);
  });
});
