/**
 * Tests for the VSS-900 strategy (`strategies/vss_900.ts`, layout in
 * `src/strategies/reconciliation_strategy.ts`): golden test on the example page of the
 * layout notes §5.13 (tests/fixtures/vss900_example.txt): the body in blocks opened by
 * `CLEARING CURRENCY:` and `BUSINESS MODE:` lines, whose values are the two outermost levels
 * of every row's section; the column-header lines after them are never headings or amounts;
 * CRS dates to `row_date`; detail rows fill count and clearing amount, total rows the total
 * count and total clearing amount. Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss900Strategy from "../../strategies/vss_900.ts";
import {
  fixtureLines,
  parseFixture,
  parsePages,
  row,
  rowsOf,
  textPages,
  type TypedColumns,
} from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = { count: "count", total_amount: "total_clearing_amount" };
const BRL = "CLEARING CURRENCY BRL - ISSUER TRANSACTIONS";
const NONE = "CLEARING CURRENCY NONE - ISSUER TRANSACTIONS";

Deno.test("VSS-900 strategy declares the §5.13 columns", () => {
  const strategy = new Vss900Strategy();
  assert.equal(strategy.reportId, "VSS-900");
  assert.equal(strategy.title, "RECONCILIATION REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["crs_date", "date", 50, "row_date"],
    ["count", "count", 66, "count"],
    ["clearing_amount", "amount", 86, undefined],
    ["total_count", "count", 105, undefined],
    ["total_clearing_amount", "amount", 128, "total_amount"],
  ]);
});

Deno.test("VSS-900 example page of §5.13", async (t) => {
  const pages = await parseFixture(new Vss900Strategy(), "vss900_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;

  await t.step("header: the clearing currency changes within the page, so none is set", () => {
    assert.equal(page.header.report_id, "VSS-900");
    assert.equal(page.header.page, 9);
    assert.equal(page.header.rollup_to, "1000123400 ACME GRUPO");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.header.clearing_currency, null);
    assert.ok(page.header.summary.includes("RECONCILIATION REPORT"));
    assert.equal(page.parsed, true);
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    const sale = `${BRL} - PURCHASE - ORIGINAL SALE`;
    const financial = `${BRL} - TOTAL ISSUER TRANSACTIONS - FINANCIAL TRANSACTIONS`;
    const pos = `${NONE} - POS AUTHORIZATION - NON-FINANCIAL TRANSACTIONS`;
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 17, sale, "RECEIVED FROM VISA", false, {
        count: "11900",
        clearing_amount: "-1380500.00",
      }, { row_date: "2024-07-05" }),
      row(TYPED, 18, sale, "TOTAL SENT TO SETTLEMENT", true, {
        total_count: "11900",
        total_clearing_amount: "-1380500.00",
      }),
      row(TYPED, 19, sale, "TOTAL TRANSACTIONS", true, {
        total_count: "11900",
        total_clearing_amount: "-1380500.00",
      }),
      row(TYPED, 23, financial, "RECEIVED FROM VISA", false, {
        count: "12388",
        clearing_amount: "-1393907.35",
      }),
      row(TYPED, 24, financial, "TOTAL SENT TO SETTLEMENT", true, {
        total_count: "12388",
        total_clearing_amount: "-1393907.35",
      }),
      row(TYPED, 31, pos, "RECEIVED FROM VISA", false, { count: "13020" }),
      row(TYPED, 32, pos, "TOTAL NON-FINANCIAL", true, { total_count: "13020" }),
    ]);
  });

  await t.step("every row keeps its printed line", () => {
    const lines = fixtureLines("vss900_example.txt");
    for (const a of page.amounts) assert.equal(a.raw, lines[a.line - 1]);
  });
});

Deno.test("VSS-900: column headers repeated in a later block, at other positions, are skipped and used", async () => {
  // the §5.13 page with the three column-header lines printed again in the NONE block, 10
  // columns further right (beyond the tolerance of the first block's anchors), and its rows
  // moved with them
  const lines = fixtureLines("vss900_example.txt");
  const shift = (l: string) => l.slice(0, 40) + " ".repeat(10) + l.slice(40);
  const text = [
    ...lines.slice(0, 27), // up to BUSINESS MODE of the NONE block (line 27)
    "",
    ...lines.slice(10, 13).map(shift), // the column headers (lines 11-13), shifted
    "",
    ...lines.slice(28, 30), // POS AUTHORIZATION, NON-FINANCIAL TRANSACTIONS
    shift(lines[30]), // RECEIVED FROM VISA 13,020
    shift(lines[31]), // TOTAL NON-FINANCIAL 13,020
    ...lines.slice(32),
  ].join("\n");
  const [page] = parsePages(new Vss900Strategy(), await textPages(text));
  const pos = `${NONE} - POS AUTHORIZATION - NON-FINANCIAL TRANSACTIONS`;
  assert.deepEqual(rowsOf(page).slice(5), [
    row(TYPED, 35, pos, "RECEIVED FROM VISA", false, { count: "13020" }),
    row(TYPED, 36, pos, "TOTAL NON-FINANCIAL", true, { total_count: "13020" }),
  ]);
  assert.ok(page.amounts.every((a) => !/CRS|CLEARING AMOUNT/.test(a.section ?? "")));
});

Deno.test("VSS-900: a block line closes every heading of the previous block", () => {
  const strategy = new Vss900Strategy();
  const context = { tokens: [], firstHeaderGroup: false, headerLines: [] };
  assert.deepEqual(strategy.classifyLine(" CLEARING CURRENCY:  USD", context), {
    kind: "heading",
    heading: { indent: 0, text: "CLEARING CURRENCY USD" },
  });
  assert.deepEqual(strategy.classifyLine(" BUSINESS MODE:      ACQUIRER TRANSACTIONS", context), {
    kind: "heading",
    heading: { indent: 1, text: "ACQUIRER TRANSACTIONS" },
  });
  assert.deepEqual(
    strategy.classifyLine(
      "                                           CRS               COUNT            CLEARING",
      context,
    ),
    { kind: "column-header" },
  );
  assert.deepEqual(strategy.classifyLine(" PURCHASE", context), {
    kind: "heading",
    heading: { indent: 2, text: "PURCHASE" },
  });
});
