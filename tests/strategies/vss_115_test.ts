/**
 * Tests for the VSS-115 strategy (`strategies/vss_115.ts`): golden test on the example page
 * of the layout notes §5.2 (tests/fixtures/vss115_example.txt), expected rows written by
 * hand from the printed text: six columns placed by the page's `COUNT`/`AMOUNT` headers (the
 * `---CREDITS---` banner is no column), every line at indent 2 with block headings replaced
 * by the next one and closed only by the block's own total; the §5.1 check that FINAL
 * SETTLEMENT NET AMOUNT equals VSS-110's NET SETTLEMENT AMOUNT; and a producer whose
 * columns sit 10 columns further right (thin positions: the page's headers decide).
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss110Strategy from "../../strategies/vss_110.ts";
import Vss115Strategy from "../../strategies/vss_115.ts";
import {
  fixtureLines,
  fixturePages,
  parseFixture,
  parsePages,
  row,
  rowsOf,
  shiftColumns,
  type TypedColumns,
} from "../helpers/golden.ts";

/** §5.2 contract: which named column fills each typed column. */
const TYPED: TypedColumns = {
  count: "total_count",
  credit_amount: "credit_amount",
  debit_amount: "debit_amount",
  total_amount: "total_amount",
};
const ACQ = "ACQUIRER TRANSACTIONS";
const ISS = "ISSUER TRANSACTIONS";
const ZERO = { credit_amount: "0.00", debit_amount: "0.00", total_amount: "0.00" };
const ISSUER_TOTAL = {
  credit_count: "43",
  credit_amount: "27990.62",
  debit_count: "12345",
  debit_amount: "1404499.66",
  total_count: "12388",
  total_amount: "-1376509.04",
};

/** The §5.2 example, line by line. */
const EXPECTED = [
  row(TYPED, 13, ACQ, "TOTAL INTERCHANGE", true, ZERO),
  row(TYPED, 14, ACQ, "REIMBURSEMENT FEES", false, ZERO),
  row(TYPED, 15, ACQ, "VISA CHARGES", false, ZERO),
  row(TYPED, 16, ACQ, "TOTAL ACQUIRER", true, ZERO),
  row(TYPED, 19, ISS, "PURCHASE", false, {
    credit_amount: "0.00",
    debit_count: "11900",
    debit_amount: "1380500.00",
    total_count: "11900",
    total_amount: "-1380500.00",
  }),
  row(TYPED, 20, ISS, "ATM CASH", false, {
    credit_amount: "0.00",
    debit_count: "445",
    debit_amount: "21767.90",
    total_count: "445",
    total_amount: "-21767.90",
  }),
  row(TYPED, 21, ISS, "MERCHANDISE CREDIT", false, {
    credit_count: "40",
    credit_amount: "8210.55",
    debit_amount: "0.00",
    total_count: "40",
    total_amount: "8210.55",
  }),
  row(TYPED, 22, ISS, "REVERSALS", false, {
    credit_count: "3",
    credit_amount: "150.00",
    debit_amount: "0.00",
    total_count: "3",
    total_amount: "150.00",
  }),
  // TOTAL INTERCHANGE is a total inside the block: ISSUER TRANSACTIONS stays open
  row(TYPED, 24, ISS, "TOTAL INTERCHANGE", true, {
    credit_count: "43",
    credit_amount: "8360.55",
    debit_count: "12345",
    debit_amount: "1402267.90",
    total_count: "12388",
    total_amount: "-1393907.35",
  }),
  row(TYPED, 25, ISS, "REIMBURSEMENT FEES", false, {
    credit_amount: "19630.07",
    debit_amount: "131.36",
    total_amount: "19498.71",
  }),
  row(TYPED, 26, ISS, "VISA CHARGES", false, {
    credit_amount: "0.00",
    debit_amount: "2100.40",
    total_amount: "-2100.40",
  }),
  row(TYPED, 28, ISS, "TOTAL ISSUER", true, ISSUER_TOTAL),
  // TOTAL ISSUER closed the block: the grand total and the final amount have no section
  row(TYPED, 30, "", "TOTAL", true, ISSUER_TOTAL),
  row(TYPED, 32, "", "FINAL SETTLEMENT NET AMOUNT", true, { total_amount: "-1376509.04" }),
];

Deno.test("VSS-115 strategy declares the §5.2 columns", () => {
  const strategy = new Vss115Strategy();
  assert.equal(strategy.reportId, "VSS-115");
  assert.equal(strategy.title, "SRE SETTLEMENT RECAP REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["credit_count", "count", 38, undefined],
    ["credit_amount", "amount", 57, "credit_amount"],
    ["debit_count", "count", 73, undefined],
    ["debit_amount", "amount", 92, "debit_amount"],
    ["total_count", "count", 108, "count"],
    ["total_amount", "amount", 129, "total_amount"],
  ]);
});

Deno.test("VSS-115 example page of §5.2", async (t) => {
  const pages = await parseFixture(new Vss115Strategy(), "vss115_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-115");
    assert.equal(page.header.page, 1);
    assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
    assert.equal(page.header.rollup_to, "1000123400 ACME GRUPO");
    assert.equal(page.header.funds_xfer_entity, "1000123400 ACME GRUPO");
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.equal(page.header.report_date, "2024-07-05");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.header.clearing_currency, null);
    assert.deepEqual(page.header.summary, [
      "VISANET SETTLEMENT SERVICE",
      "BRAZIL CIP NNSS SERVICE",
      "SRE SETTLEMENT RECAP REPORT",
    ]);
    assert.equal(page.strategy, "VSS-115:Vss115Strategy");
    assert.equal(page.parsed, true);
    assert.equal(page.noData, false);
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), EXPECTED);
  });

  await t.step("every row keeps its printed line", () => {
    const lines = fixtureLines("vss115_example.txt");
    for (const a of page.amounts) assert.equal(a.raw, lines[a.line - 1]);
  });

  await t.step("no block is open at the end", () => {
    assert.deepEqual(page.endSections.local, []);
  });
});

Deno.test("VSS-115 FINAL SETTLEMENT NET AMOUNT equals VSS-110 NET SETTLEMENT AMOUNT (§5.1)", async () => {
  const [recap] = await parseFixture(new Vss115Strategy(), "vss115_example.txt");
  const [summary] = await parseFixture(new Vss110Strategy(), "vss110_example.txt");
  const final = recap.amounts.find((a) => a.label === "FINAL SETTLEMENT NET AMOUNT");
  const net = summary.amounts.find((a) => a.label === "NET SETTLEMENT AMOUNT");
  assert.equal(final?.total_amount, "-1376509.04");
  assert.equal(final?.total_amount, net?.total_amount);
});

Deno.test("VSS-115: a producer printing 10 columns further right is read by its own headers", async () => {
  const [segment] = await fixturePages("vss115_example.txt");
  // lines 8-32: column headers and rows; every label ends before column 30
  const lines = shiftColumns(segment.lines, 8, 32, 30, 10);
  const [page] = parsePages(new Vss115Strategy(), [{ ...segment, lines }]);
  assert.deepEqual(
    rowsOf(page).map((r) => [r.line, r.label, r.columns]),
    EXPECTED.map((r) => [r.line, r.label, r.columns]),
  );
});
