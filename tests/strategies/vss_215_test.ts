/**
 * Tests for the VSS-215 strategy (`strategies/vss_215.ts`): golden test on the reconstructed
 * example of the layout notes §5.8 (tests/fixtures/vss215_example.txt, VSS-210 positions by
 * analogy), and on a page at the generator's right edges 44/61/78/95/107 of §5.8
 * (tests/fixtures/vss215_generator.txt, header words over the values; one row without the
 * optional ISA fee): the evidence is thin, so the page's own headers place the values.
 * Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss215Strategy from "../../strategies/vss_215.ts";
import { parseFixture, row, rowsOf } from "../helpers/golden.ts";

const SECTION = "PURCHASE - ORIGINAL SALE";
const VALUES = {
  settlement_interchange_amount: "-45210.33",
  settlement_isa: "-452.10",
  clearing_interchange_amount: "-41877.12",
  clearing_isa: "-418.77",
  opt_isa_fee: "0.00",
};

Deno.test("VSS-215 strategy declares the §5.8 columns in order", () => {
  const strategy = new Vss215Strategy();
  assert.equal(strategy.reportId, "VSS-215");
  assert.equal(strategy.title, "INTERNATIONAL SERVICE ASSESSMENT REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.field]), [
    ["settlement_interchange_amount", "amount", undefined],
    ["settlement_isa", "amount", undefined],
    ["clearing_interchange_amount", "amount", undefined],
    ["clearing_isa", "amount", undefined],
    ["opt_isa_fee", "amount", undefined],
  ]);
});

Deno.test("VSS-215 reconstructed example of §5.8", async (t) => {
  const [page] = await parseFixture(new Vss215Strategy(), "vss215_example.txt");

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-215");
    assert.equal(page.header.page, 6);
    assert.equal(page.header.clearing_currency, "EUR");
    assert.ok(page.header.summary.includes("INTERNATIONAL SERVICE ASSESSMENT REPORT"));
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), [
      row({}, 17, SECTION, "VISA INTERNATIONAL", false, VALUES),
      row({}, 20, SECTION, "TOTAL INTL SERVICE ASSESSMENT", true, VALUES),
    ]);
  });
});

Deno.test("VSS-215 at the generator's positions: the page's headers place the values", async () => {
  const [page] = await parseFixture(new Vss215Strategy(), "vss215_generator.txt");
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(rowsOf(page), [
    row({}, 17, SECTION, "VISA INTERNATIONAL", false, VALUES),
    // no optional ISA fee printed: four values, each to its nearest header anchor
    row({}, 18, SECTION, "VISA EUROPE", false, {
      settlement_interchange_amount: "-1200.00",
      settlement_isa: "-12.00",
      clearing_interchange_amount: "-1100.00",
      clearing_isa: "-11.00",
    }),
    row({}, 21, SECTION, "TOTAL INTL SERVICE ASSESSMENT", true, {
      settlement_interchange_amount: "-46410.33",
      settlement_isa: "-464.10",
      clearing_interchange_amount: "-42977.12",
      clearing_isa: "-429.77",
      opt_isa_fee: "0.00",
    }),
  ]);
});
