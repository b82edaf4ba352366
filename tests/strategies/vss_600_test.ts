/**
 * Tests for the VSS-600 strategy (`strategies/vss_600.ts`): golden test on the reconstructed
 * example of the layout notes §5.11 (tests/fixtures/vss600_example.txt): processing dates to
 * `row_date` (blank on totals), principal and fee with opposite signs, the deferment group
 * replacing the mode heading at the same indent (§4.3), classes of the detail rows (§7.1);
 * and the value forms of §4.2 on rows of the same page: a suffix printed after a blank, a
 * leading `-`, an empty column. Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss600Strategy from "../../strategies/vss_600.ts";
import {
  fixturePages,
  parseFixture,
  parsePages,
  row,
  rowsOf,
  type TypedColumns,
} from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = { count: "count", total_amount: "settlement_amount" };
const DEFER = "27-DAY DEFER";
const NODEF = "NO DEFERMENT";

Deno.test("VSS-600 strategy declares the §5.11 columns", () => {
  const strategy = new Vss600Strategy();
  assert.equal(strategy.reportId, "VSS-600");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["processing_date", "date", 30, "row_date"],
    ["count", "count", 42, "count"],
    ["transaction_amount", "amount", 62, undefined],
    ["interchange_fee", "amount", 84, undefined],
    ["processing_charge", "amount", 106, undefined],
    ["settlement_amount", "amount", 128, "total_amount"],
  ]);
});

Deno.test("VSS-600 reconstructed example of §5.11", async (t) => {
  const [page] = await parseFixture(new Vss600Strategy(), "vss600_example.txt");

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-600");
    assert.equal(page.header.reporting_for_id, "1000123456");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 16, `${DEFER} - PURCHASE`, "ORIGINAL SALE", false, {
        count: "402",
        transaction_amount: "-51200.00",
        interchange_fee: "665.60",
        processing_charge: "0.00",
        settlement_amount: "-50534.40",
      }, { row_date: "2024-06-08" }),
      row(TYPED, 17, `${DEFER} - PURCHASE`, "ORIGINAL SALE", false, {
        count: "388",
        transaction_amount: "-48800.00",
        interchange_fee: "634.40",
        processing_charge: "0.00",
        settlement_amount: "-48165.60",
      }, { row_date: "2024-06-09" }),
      row(TYPED, 18, `${DEFER} - PURCHASE`, "TOTAL PURCHASE", true, {
        count: "790",
        transaction_amount: "-100000.00",
        interchange_fee: "1300.00",
        processing_charge: "0.00",
        settlement_amount: "-98700.00",
      }),
      row(TYPED, 19, DEFER, "TOTAL 27-DAY DEFER", true, {
        count: "790",
        transaction_amount: "-100000.00",
        interchange_fee: "1300.00",
        processing_charge: "0.00",
        settlement_amount: "-98700.00",
      }),
      row(TYPED, 23, `${NODEF} - PURCHASE`, "REVERSAL", false, {
        count: "2",
        transaction_amount: "120.00",
        interchange_fee: "-1.56",
        processing_charge: "0.00",
        settlement_amount: "118.44",
      }, { row_date: "2024-07-04" }),
      row(TYPED, 24, `${NODEF} - PURCHASE`, "DISPUTE FIN", false, {
        count: "1",
        transaction_amount: "75.00",
        interchange_fee: "-0.98",
        processing_charge: "0.00",
        settlement_amount: "74.02",
      }, { row_date: "2024-07-03" }),
      row(TYPED, 25, `${NODEF} - PURCHASE`, "TOTAL PURCHASE", true, {
        count: "3",
        transaction_amount: "195.00",
        interchange_fee: "-2.54",
        processing_charge: "0.00",
        settlement_amount: "192.46",
      }),
      row(TYPED, 26, NODEF, "TOTAL NO DEFERMENT", true, {
        count: "3",
        transaction_amount: "195.00",
        interchange_fee: "-2.54",
        processing_charge: "0.00",
        settlement_amount: "192.46",
      }),
    ]);
  });

  await t.step("detail rows are classified (§7.1)", () => {
    assert.deepEqual(
      page.amounts.filter((a) => !a.is_total).map((a) => [a.line, a.transaction_class]),
      [[16, "COMPRA"], [17, "COMPRA"], [23, null], [24, "CHARGEBACK-DE-COMPRA"]],
    );
  });
});

Deno.test("VSS-600 value forms (§4.2): suffix after a blank, leading minus, empty column", async () => {
  const [segment] = await fixturePages("vss600_example.txt");
  const lines = [...segment.lines];
  // line 16: fee printed `665.60 CR` (suffix after a blank, one column further left)
  lines[15] = lines[15].replace("  665.60CR", " 665.60 CR");
  // line 17: transaction amount with a leading minus, processing charge left empty
  lines[16] = lines[16].replace("48,800.00DB", "-48,800.00 ")
    .replace("634.40CR                0.00", "634.40CR                    ");
  const [page] = parsePages(new Vss600Strategy(), [{ ...segment, lines }]);
  assert.deepEqual(rowsOf(page).slice(0, 2), [
    row(TYPED, 16, `${DEFER} - PURCHASE`, "ORIGINAL SALE", false, {
      count: "402",
      transaction_amount: "-51200.00",
      interchange_fee: "665.60",
      processing_charge: "0.00",
      settlement_amount: "-50534.40",
    }, { row_date: "2024-06-08" }),
    row(TYPED, 17, `${DEFER} - PURCHASE`, "ORIGINAL SALE", false, {
      count: "388",
      transaction_amount: "-48800.00",
      interchange_fee: "634.40",
      settlement_amount: "-48165.60",
    }, { row_date: "2024-06-09" }),
  ]);
});
