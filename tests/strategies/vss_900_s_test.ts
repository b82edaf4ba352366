/**
 * Tests for the VSS-900-S strategy (`strategies/vss_900_s.ts`): golden test on a two-page
 * SUMMARY RECONCILIATION REPORT written from the layout notes §5.13 and §4.4
 * (tests/fixtures/vss900s_example.txt): a header without ROLLUP TO / FUNDS XFER ENTITY lines,
 * the full id `VSS-900-S` kept, a `TOTAL CLEARING CURRENCY: BRL` block and a final
 * `CLEARING CURRENCY:  ALL` block, column headers repeated in every block, and a continuation
 * page whose first row inherits the currency, business mode and open headings of page 12.
 * Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss900SStrategy from "../../strategies/vss_900_s.ts";
import { parseFixture, row, rowsOf, type TypedColumns } from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = { count: "count", total_amount: "total_clearing_amount" };
const BRL = "CLEARING CURRENCY BRL - ISSUER TRANSACTIONS";
const JUL5 = { row_date: "2024-07-05" };

Deno.test("VSS-900-S strategy: full id, VSS-900 columns", () => {
  const strategy = new Vss900SStrategy();
  assert.equal(strategy.reportId, "VSS-900-S");
  assert.equal(strategy.title, "SUMMARY RECONCILIATION REPORT");
  assert.deepEqual(strategy.columns.map((c) => c.name), [
    "crs_date",
    "count",
    "clearing_amount",
    "total_count",
    "total_clearing_amount",
  ]);
});

Deno.test("VSS-900-S two-page report (§5.13, §4.4)", async (t) => {
  const pages = await parseFixture(new Vss900SStrategy(), "vss900s_example.txt");
  assert.equal(pages.length, 2);

  await t.step("headers: no rollup or funds-transfer entity; one currency on page 12 only", () => {
    assert.deepEqual(
      pages.map((p) => [
        p.header.report_id,
        p.header.page,
        p.header.rollup_to,
        p.header.funds_xfer_entity,
        p.header.settlement_currency,
        p.header.clearing_currency,
        p.ended,
      ]),
      [
        ["VSS-900-S", 12, null, null, "BRL", "BRL", false],
        ["VSS-900-S", 13, null, null, "BRL", null, true],
      ],
    );
    assert.ok(pages[0].header.summary.includes("SUMMARY RECONCILIATION REPORT"));
    assert.equal(pages[0].header.reporting_for, "1000123400 ACME GRUPO");
    assert.deepEqual(pages.flatMap((p) => p.warnings), []);
  });

  await t.step("page 12", () => {
    assert.deepEqual(rowsOf(pages[0]), [
      row(TYPED, 17, `${BRL} - PURCHASE - ORIGINAL SALE`, "RECEIVED FROM VISA", false, {
        count: "11900",
        clearing_amount: "-1380500.00",
      }, JUL5),
      row(TYPED, 18, `${BRL} - PURCHASE - ORIGINAL SALE`, "TOTAL SENT TO SETTLEMENT", true, {
        total_count: "11900",
        total_clearing_amount: "-1380500.00",
      }),
      row(TYPED, 22, `${BRL} - ATM CASH - ORIGINAL WITHDRAWAL`, "RECEIVED FROM VISA", false, {
        count: "445",
        clearing_amount: "-21767.90",
      }, JUL5),
    ]);
  });

  await t.step("page 13: continuation, then the currency-total and ALL blocks", () => {
    const total =
      "TOTAL CLEARING CURRENCY BRL - TOTAL ISSUER TRANSACTIONS - FINANCIAL TRANSACTIONS";
    const all =
      "CLEARING CURRENCY ALL - ISSUER TRANSACTIONS - TOTAL ISSUER TRANSACTIONS - FINANCIAL TRANSACTIONS";
    const details = { count: "12345", clearing_amount: "-1402267.90" };
    const totals = { total_count: "12345", total_clearing_amount: "-1402267.90" };
    assert.deepEqual(rowsOf(pages[1]), [
      row(TYPED, 35, `${BRL} - ATM CASH - ORIGINAL WITHDRAWAL`, "TOTAL SENT TO SETTLEMENT", true, {
        total_count: "445",
        total_clearing_amount: "-21767.90",
      }),
      row(TYPED, 45, total, "RECEIVED FROM VISA", false, details),
      row(TYPED, 46, total, "TOTAL SENT TO SETTLEMENT", true, totals),
      row(TYPED, 57, all, "RECEIVED FROM VISA", false, details),
      row(TYPED, 58, all, "TOTAL SENT TO SETTLEMENT", true, totals),
    ]);
  });
});
