/**
 * Tests for the VSS-120 strategy (`strategies/vss_120.ts`): golden test on the example page
 * of the layout notes §5.3 (tests/fixtures/vss120_example.txt; currency table dates to
 * `row_date`, mode / type / cycle sections, `TOTAL` and `NET` rows) and on a page of the
 * `RATE/TABLE/ID` variant written from §4.2 and §5.3 (tests/fixtures/vss120_rate_table.txt:
 * the table id `A1277` goes to `row_ref`, never into the label; the generator's
 * `ORIGINAL SALE        RVRSL` label stays whole). Expected rows are written by hand from
 * the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss120Strategy from "../../strategies/vss_120.ts";
import {
  fixtureLines,
  fixturePages,
  parseFixture,
  parsePages,
  row,
  rowsOf,
  type TypedColumns,
} from "../helpers/golden.ts";

/** Contract: which named column fills each typed column (no total column in VSS-120). */
const TYPED: TypedColumns = {
  count: "count",
  credit_amount: "interchange_value_credits",
  debit_amount: "interchange_value_debits",
};
const IT = "ISSUER TRANSACTIONS";
const PURCHASE = `${IT} - PURCHASE`;
const ATM = `${IT} - ATM CASH`;
const MERCH = `${IT} - MERCHANDISE CREDIT`;
const JUL4 = { row_date: "2024-07-04" };

Deno.test("VSS-120 strategy declares the §5.3 columns", () => {
  const strategy = new Vss120Strategy();
  assert.equal(strategy.reportId, "VSS-120");
  assert.equal(strategy.title, "INTERCHANGE VALUE REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.field]), [
    ["table_date", "date", "row_date"],
    ["count", "count", "count"],
    ["clearing_amount", "amount", undefined],
    ["interchange_value_credits", "amount", "credit_amount"],
    ["interchange_value_debits", "amount", "debit_amount"],
  ]);
});

Deno.test("VSS-120 example page of §5.3", async (t) => {
  const pages = await parseFixture(new Vss120Strategy(), "vss120_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-120");
    assert.equal(page.header.page, 3);
    assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.header.clearing_currency, "BRL");
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.ok(page.header.summary.includes("INTERCHANGE VALUE REPORT"));
    assert.equal(page.parsed, true);
    assert.equal(page.noData, false);
    assert.equal(page.ended, true); // the END marker with two blanks on each side
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 17, PURCHASE, "ORIGINAL SALE", false, {
        count: "11900",
        clearing_amount: "-1380500.00",
        interchange_value_debits: "1380500.00",
      }, JUL4),
      row(TYPED, 19, PURCHASE, "TOTAL PURCHASE", true, {
        count: "11900",
        clearing_amount: "-1380500.00",
        interchange_value_debits: "1380500.00",
      }),
      // TOTAL PURCHASE (indent 4) closed PURCHASE after it was recorded (§4.3)
      row(TYPED, 20, IT, "NET PURCHASE", true, { interchange_value_debits: "1380500.00" }),
      row(TYPED, 23, ATM, "ORIGINAL WITHDRAWAL", false, {
        count: "445",
        clearing_amount: "-21767.90",
        interchange_value_debits: "21767.90",
      }, JUL4),
      row(TYPED, 24, ATM, "REVERSAL", false, {
        count: "3",
        clearing_amount: "150.00",
        interchange_value_credits: "150.00",
      }, JUL4),
      row(TYPED, 26, ATM, "TOTAL ATM CASH", true, {
        count: "448",
        clearing_amount: "-21617.90",
        interchange_value_credits: "150.00",
        interchange_value_debits: "21767.90",
      }),
      row(TYPED, 27, IT, "NET ATM CASH", true, { interchange_value_debits: "21617.90" }),
      row(TYPED, 30, MERCH, "ORIGINAL", false, {
        count: "40",
        clearing_amount: "8210.55",
        interchange_value_credits: "8210.55",
      }, JUL4),
      row(TYPED, 32, MERCH, "TOTAL MERCHANDISE CREDIT", true, {
        count: "40",
        clearing_amount: "8210.55",
        interchange_value_credits: "8210.55",
      }),
      row(TYPED, 33, IT, "NET MERCHANDISE CREDIT", true, {
        interchange_value_credits: "8210.55",
      }),
      row(TYPED, 35, IT, "TOTAL ISSUER INTERCHANGE", true, {
        count: "12388",
        clearing_amount: "-1393907.35",
        interchange_value_credits: "8360.55",
        interchange_value_debits: "1402267.90",
      }),
      // TOTAL ISSUER INTERCHANGE (indent 2) closed ISSUER TRANSACTIONS
      row(TYPED, 36, "", "NET ISSUER INTERCHANGE", true, {
        interchange_value_debits: "1393907.35",
      }),
    ]);
  });

  await t.step("detail rows are classified (§7.1)", () => {
    assert.deepEqual(
      page.amounts.filter((a) => !a.is_total).map((a) => [a.line, a.transaction_class]),
      [[17, "COMPRA"], [23, "SAQUE"], [24, "REVERSO-DE-SAQUE"], [30, null]],
    );
  });

  await t.step("every row keeps its printed line", () => {
    const lines = fixtureLines("vss120_example.txt");
    for (const a of page.amounts) assert.equal(a.raw, lines[a.line - 1]);
  });
});

Deno.test("VSS-120 RATE/TABLE/ID variant: the table id goes to row_ref, not the label", async (t) => {
  const [page] = await parseFixture(new Vss120Strategy(), "vss120_rate_table.txt");

  await t.step("header", () => {
    assert.equal(page.header.settlement_currency, "USD");
    assert.equal(page.header.clearing_currency, "EUR");
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    const ref = { row_ref: "A1277" };
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 17, PURCHASE, "ORIGINAL SALE", false, {
        count: "812",
        clearing_amount: "-41877.12",
        interchange_value_debits: "45210.33",
      }, ref),
      row(TYPED, 18, PURCHASE, "ORIGINAL SALE RVRSL", false, {
        count: "2",
        clearing_amount: "120.00",
        interchange_value_credits: "129.55",
      }, ref),
      row(TYPED, 20, PURCHASE, "TOTAL PURCHASE", true, {
        count: "814",
        clearing_amount: "-41757.12",
        interchange_value_credits: "129.55",
        interchange_value_debits: "45210.33",
      }),
      row(TYPED, 21, IT, "NET PURCHASE", true, { interchange_value_debits: "45080.78" }),
    ]);
  });

  await t.step("RVRSL reads as REVERSAL for the class (§5.3, §7.1)", () => {
    assert.deepEqual(page.amounts.slice(0, 2).map((a) => a.transaction_class), [
      "COMPRA",
      "REVERSO-DE-COMPRA",
    ]);
  });
});

Deno.test("VSS-120 rowRef: only an id with letters and digits, set apart, in the table column", async (t) => {
  const strategy = new Vss120Strategy();
  const layout = { headerLines: [], anchors: [], file: "x" }; // declared table column: 46
  const cases: [string, { start: number; text: string } | null][] = [
    ["    ORIGINAL SALE                        A1277", { start: 41, text: "A1277" }],
    ["    ORIGINAL SALE        RVRSL", null], // no digit: part of the label
    ["    ORIGINAL SALE A1277", null], // inside the label, left of column 20
    ["    ORIGINAL SALE              A1277", null], // ends at 36: outside 46 ± 8
    ["    VISA 2024 PROGRAM                    A1277X", { start: 41, text: "A1277X" }],
    ["    ORIGINAL SALE                        12345", null], // a count is a value, not an id
  ];
  for (const [label, expected] of cases) {
    await t.step(JSON.stringify(label.trim()), () => {
      assert.deepEqual(strategy.rowRef(label, layout), expected);
    });
  }
});

Deno.test("VSS-120: a date that is not a calendar day dead-letters the page", async () => {
  const [segment] = await fixturePages("vss120_example.txt");
  const lines = segment.lines.map((l, i) => i === 16 ? l.replace("04JUL24", "31JUN24") : l);
  assert.throws(
    () => parsePages(new Vss120Strategy(), [{ ...segment, lines }]),
    /31JUN24/,
  );
});
