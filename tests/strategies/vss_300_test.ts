/**
 * Tests for the VSS-300 strategy (`strategies/vss_300.ts`): golden test on the reconstructed
 * example of the layout notes §5.10 (tests/fixtures/vss300_example.txt): a header without
 * ROLLUP TO / FUNDS XFER ENTITY lines and with one blank after `SETTLEMENT CURRENCY:`;
 * `RECAP FOR:` / `TOTAL FOR:` lines are headings whose 10-digit ids are not values; five
 * columns with `DB`/`CR` on three of them. Expected rows are written by hand from the
 * printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss300Strategy from "../../strategies/vss_300.ts";
import { parseFixture, row, rowsOf, type TypedColumns } from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = { count: "count", total_amount: "net_settlement_amount" };
const RECAP = "RECAP FOR: 1000123456 ACME BANCO S.A.";
const ZERO = {
  count: "0",
  interchange_value: "0.00",
  reimbursement_fees: "0.00",
  visa_charges: "0.00",
  net_settlement_amount: "0.00",
};
const ISSUER = {
  count: "12388",
  interchange_value: "-1393907.35",
  reimbursement_fees: "19498.71",
  visa_charges: "2100.40",
  net_settlement_amount: "-1376509.04",
};

Deno.test("VSS-300 strategy declares the §5.10 columns", () => {
  const strategy = new Vss300Strategy();
  assert.equal(strategy.reportId, "VSS-300");
  assert.equal(strategy.title, "SRE FINANCIAL RECAP REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["count", "count", 40, "count"],
    ["interchange_value", "amount", 63, undefined],
    ["reimbursement_fees", "amount", 83, undefined],
    ["visa_charges", "amount", 103, undefined],
    ["net_settlement_amount", "amount", 127, "total_amount"],
  ]);
});

Deno.test("VSS-300 reconstructed example of §5.10", async (t) => {
  const [page] = await parseFixture(new Vss300Strategy(), "vss300_example.txt");

  await t.step("header: no rollup or funds-transfer entity", () => {
    assert.equal(page.header.report_id, "VSS-300");
    assert.equal(page.header.reporting_for, "1000123400 ACME GRUPO");
    assert.equal(page.header.rollup_to, null);
    assert.equal(page.header.funds_xfer_entity, null);
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.equal(page.header.report_date, "2024-07-05");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.ok(page.header.summary.includes("SRE FINANCIAL RECAP REPORT"));
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 13, RECAP, "ACQUIRER", false, ZERO),
      row(TYPED, 14, RECAP, "ISSUER", false, ISSUER),
      row(TYPED, 15, RECAP, "OTHER", false, ZERO),
      row(TYPED, 16, RECAP, "NET SETTLEMENT AMOUNT", true, ISSUER),
      row(TYPED, 19, "TOTAL FOR: 1000123400 ACME GRUPO", "NET SETTLEMENT AMOUNT", true, ISSUER),
    ]);
  });

  await t.step("no value comes from the ids of RECAP FOR / TOTAL FOR", () => {
    for (const a of page.amounts) {
      assert.ok(!Object.values(a.columns).some((v) => v.startsWith("1000123")), a.label);
    }
  });
});
