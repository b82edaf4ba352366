/**
 * Tests for the VSS-130 strategy (`strategies/vss_130.ts`): golden test on the example page
 * of the layout notes §5.4 (tests/fixtures/vss130_example.txt; indent steps of 3, a total
 * row per level, fee credits and debits), and the same report printed over two pages
 * (tests/fixtures/vss130_continuation.txt, §4.4: page 6 repeats the header and column
 * headers but not the open headings, and its rows get the sections left open on page 5).
 * Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import { NO_CUTOFF } from "../../src/strategies/section_stack.ts";
import Vss130Strategy from "../../strategies/vss_130.ts";
import { fixtureLines, parseFixture, row, rowsOf, type TypedColumns } from "../helpers/golden.ts";

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = {
  count: "count",
  credit_amount: "reimbursement_fee_credits",
  debit_amount: "reimbursement_fee_debits",
};
const IT = "ISSUER TRANSACTIONS";
const OS = `${IT} - PURCHASE - ORIGINAL SALE`;
const LAC = `${OS} - VISA L.A.C.`;
const BR = `${LAC} - BRAZIL - BRAZIL`;
const MC = `${IT} - MERCHANDISE CREDIT - ORIGINAL - VISA L.A.C. - BRAZIL - BRAZIL`;
const PURCHASE_TOTAL = {
  count: "11900",
  interchange_amount: "-1380500.00",
  reimbursement_fee_credits: "19630.07",
};

/** The §5.4 rows; `shift` moves the rows after line 20 (a continuation page's header). */
function expectedRows(shift = 0) {
  const at = (line: number) => line > 20 ? line + shift : line;
  return [
    row(TYPED, 19, BR, "CREDIT STANDARD", false, {
      count: "9000",
      interchange_amount: "-1000000.00",
      reimbursement_fee_credits: "13500.00",
    }),
    row(TYPED, 20, BR, "CREDIT PREMIUM", false, {
      count: "2900",
      interchange_amount: "-380500.00",
      reimbursement_fee_credits: "6130.07",
    }),
    row(TYPED, at(21), BR, "TOTAL BRAZIL - BRAZIL", true, PURCHASE_TOTAL),
    row(TYPED, at(22), LAC, "TOTAL VISA L.A.C.", true, PURCHASE_TOTAL),
    row(TYPED, at(23), OS, "TOTAL ORIGINAL SALE", true, PURCHASE_TOTAL),
    row(TYPED, at(24), `${IT} - PURCHASE`, "TOTAL PURCHASE", true, PURCHASE_TOTAL),
    row(TYPED, at(25), IT, "NET PURCHASE", true, { reimbursement_fee_credits: "19630.07" }),
    row(TYPED, at(31), MC, "CREDIT STANDARD", false, {
      count: "40",
      interchange_amount: "8210.55",
      reimbursement_fee_debits: "131.36",
    }),
    // printed at indent 5 right after the detail row: recorded first, then levels ≥ 5 close
    row(TYPED, at(32), MC, "TOTAL MERCHANDISE CREDIT", true, {
      count: "40",
      interchange_amount: "8210.55",
      reimbursement_fee_debits: "131.36",
    }),
    row(TYPED, at(33), IT, "NET MERCHANDISE CREDIT", true, { reimbursement_fee_debits: "131.36" }),
    row(TYPED, at(35), IT, "TOTAL ISSUER REIMB FEES", true, {
      reimbursement_fee_credits: "19630.07",
      reimbursement_fee_debits: "131.36",
    }),
    row(TYPED, at(36), "", "NET ISSUER REIMB FEES", true, {
      reimbursement_fee_credits: "19498.71",
    }),
  ];
}

Deno.test("VSS-130 strategy declares the §5.4 columns", () => {
  const strategy = new Vss130Strategy();
  assert.equal(strategy.reportId, "VSS-130");
  assert.equal(strategy.title, "REIMBURSEMENT FEES REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["count", "count", 61, "count"],
    ["interchange_amount", "amount", 84, undefined],
    ["reimbursement_fee_credits", "amount", 109, "credit_amount"],
    ["reimbursement_fee_debits", "amount", 131, "debit_amount"],
  ]);
});

Deno.test("VSS-130 example page of §5.4", async (t) => {
  const pages = await parseFixture(new Vss130Strategy(), "vss130_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-130");
    assert.equal(page.header.page, 5);
    assert.equal(page.header.reporting_for_id, "1000123456");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.ok(page.header.summary.includes("REIMBURSEMENT FEES REPORT"));
    assert.equal(page.parsed, true);
    assert.equal(page.ended, true);
    assert.equal(page.noData, false);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), expectedRows());
  });

  await t.step("every row keeps its printed line", () => {
    const lines = fixtureLines("vss130_example.txt");
    for (const a of page.amounts) assert.equal(a.raw, lines[a.line - 1]);
  });
});

Deno.test("VSS-130 over two pages (§4.4): page 6 continues the sections open on page 5", async (t) => {
  const pages = await parseFixture(new Vss130Strategy(), "vss130_continuation.txt");
  assert.equal(pages.length, 2);

  await t.step("page 5 has no END marker, page 6 has it", () => {
    assert.deepEqual(pages.map((p) => [p.header.page, p.ended]), [[5, false], [6, true]]);
  });

  await t.step("the rows are those of the one-page report, 12 header lines further down", () => {
    assert.deepEqual([...rowsOf(pages[0]), ...rowsOf(pages[1])], expectedRows(12));
  });

  await t.step("page 6 alone starts inside the open headings (it closes them as it goes)", () => {
    // TOTAL BRAZIL - BRAZIL (indent 14) is the first line: recorded with everything
    // inherited, then it closes level 14, so TOTAL VISA L.A.C. keeps only levels < 14
    const [first, second] = pages[1].amounts;
    assert.deepEqual([first.localSections, first.cutoff], [[], NO_CUTOFF]);
    assert.deepEqual([second.localSections, second.cutoff], [[], 14]);
  });
});
