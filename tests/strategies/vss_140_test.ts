/**
 * Tests for the VSS-140 strategy (`strategies/vss_140.ts`): golden test on the example page
 * of the layout notes §5.6 (tests/fixtures/vss140_example.txt), and a two-page report in the
 * §4.4 "partial re-print" shape (tests/fixtures/vss140_continuation.txt, written from §4.4
 * and §5.6): page 1 ends inside ISSUER TRANSACTIONS without an END marker; page 2 re-prints
 * ` ISSUER TRANSACTIONS`, then starts the next charge type without its heading, so that
 * level is missing from the path and only the `TOTAL INTERNATIONAL SERVICE ASSESSMENT` label
 * names it. Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss140Strategy from "../../strategies/vss_140.ts";
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

/** Contract: which named column fills each typed column. */
const TYPED: TypedColumns = {
  count: "count",
  credit_amount: "visa_charges_credits",
  debit_amount: "visa_charges_debits",
};
const IT = "ISSUER TRANSACTIONS";

Deno.test("VSS-140 strategy declares the §5.6 columns", () => {
  const strategy = new Vss140Strategy();
  assert.equal(strategy.reportId, "VSS-140");
  assert.equal(strategy.title, "VISA CHARGES REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["count", "count", 66, "count"],
    ["interchange_amount", "amount", 87, undefined],
    ["visa_charges_credits", "amount", 110, "credit_amount"],
    ["visa_charges_debits", "amount", 131, "debit_amount"],
  ]);
});

/** The §5.6 example rows. */
function exampleRows() {
  const isa = `${IT} - INTERNATIONAL SERVICE ASSESSMENT`;
  const purchase = `${isa} - PURCHASE`;
  const sale = `${purchase} - ORIGINAL SALE`;
  const network = `${sale} - VISA INTERNATIONAL`;
  const full = { count: "812", interchange_amount: "-45210.33", visa_charges_debits: "452.10" };
  const fee = { visa_charges_debits: "452.10" };
  return [
    row(TYPED, 19, network, "BRAZIL - WORLD", false, full),
    row(TYPED, 20, network, "TOTAL VISA INTERNATIONAL", true, fee),
    // TOTAL PURCHASE is printed at indent 8: it closes ORIGINAL SALE, not PURCHASE (indent 6)
    row(TYPED, 21, sale, "TOTAL PURCHASE", true, full),
    row(TYPED, 22, purchase, "NET PURCHASE", true, fee),
    row(TYPED, 24, purchase, "TOTAL INTERNATIONAL SERVICE ASSESSMENT", true, full),
    row(TYPED, 25, IT, "NET INTERNATIONAL SERVICE ASSESSMENT", true, fee),
    row(TYPED, 27, IT, "TOTAL ISSUER CHARGES", true, fee),
    row(TYPED, 28, "", "NET ISSUER CHARGES", true, fee),
  ];
}

Deno.test("VSS-140 example page of §5.6", async (t) => {
  const pages = await parseFixture(new Vss140Strategy(), "vss140_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-140");
    assert.equal(page.header.page, 2);
    assert.equal(page.header.reporting_for, "1000123457 ACME BANCO INTL");
    assert.equal(page.header.settlement_currency, "USD");
    assert.deepEqual(page.header.summary, [
      "VISANET SETTLEMENT SERVICE",
      "INTERNATIONAL SETTLEMENT SERVICE",
      "VISA CHARGES REPORT",
    ]);
    assert.equal(page.parsed, true);
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows, field by field", () => {
    assert.deepEqual(rowsOf(page), exampleRows());
  });

  await t.step("every row keeps its printed line", () => {
    const lines = fixtureLines("vss140_example.txt");
    for (const a of page.amounts) assert.equal(a.raw, lines[a.line - 1]);
  });
});

Deno.test("VSS-140 over two pages with a partial re-print (§4.4)", async (t) => {
  const pages = await parseFixture(new Vss140Strategy(), "vss140_continuation.txt");
  assert.equal(pages.length, 2);

  await t.step("one instance: page 1 without END, page 2 with it", () => {
    assert.deepEqual(pages.map((p) => [p.header.page, p.ended, p.noData]), [
      [1, false, false],
      [2, true, false],
    ]);
    assert.deepEqual(pages.flatMap((p) => p.warnings), []);
  });

  await t.step("page 1: the CURRENCY CONVERSION FEES charge type", () => {
    const ccf = `${IT} - CURRENCY CONVERSION FEES`;
    const full = { count: "812", interchange_amount: "-45210.33", visa_charges_debits: "361.68" };
    const fee = { visa_charges_debits: "361.68" };
    assert.deepEqual(rowsOf(pages[0]), [
      row(
        TYPED,
        19,
        `${ccf} - PURCHASE - ORIGINAL SALE - VISA INTERNATIONAL`,
        "BRAZIL - WORLD",
        false,
        full,
      ),
      row(
        TYPED,
        20,
        `${ccf} - PURCHASE - ORIGINAL SALE - VISA INTERNATIONAL`,
        "TOTAL VISA INTERNATIONAL",
        true,
        fee,
      ),
      row(TYPED, 21, `${ccf} - PURCHASE - ORIGINAL SALE`, "TOTAL PURCHASE", true, full),
      row(TYPED, 22, `${ccf} - PURCHASE`, "NET PURCHASE", true, fee),
      row(TYPED, 24, `${ccf} - PURCHASE`, "TOTAL CURRENCY CONVERSION FEES", true, full),
      row(TYPED, 25, IT, "NET CURRENCY CONVERSION FEES", true, fee),
    ]);
  });

  await t.step("page 2: ISSUER TRANSACTIONS re-printed once, the ISA level missing", () => {
    const purchase = `${IT} - PURCHASE`;
    const network = `${purchase} - ORIGINAL SALE - VISA INTERNATIONAL`;
    const full = { count: "812", interchange_amount: "-45210.33", visa_charges_debits: "452.10" };
    const fee = { visa_charges_debits: "452.10" };
    assert.deepEqual(rowsOf(pages[1]), [
      row(TYPED, 43, network, "BRAZIL - WORLD", false, full),
      row(TYPED, 44, network, "TOTAL VISA INTERNATIONAL", true, fee),
      row(TYPED, 45, `${purchase} - ORIGINAL SALE`, "TOTAL PURCHASE", true, full),
      row(TYPED, 46, purchase, "NET PURCHASE", true, fee),
      // only this label names the charge type whose heading page 2 did not print
      row(TYPED, 48, purchase, "TOTAL INTERNATIONAL SERVICE ASSESSMENT", true, full),
      row(TYPED, 49, IT, "NET INTERNATIONAL SERVICE ASSESSMENT", true, fee),
      row(TYPED, 51, IT, "TOTAL ISSUER CHARGES", true, { visa_charges_debits: "813.78" }),
      row(TYPED, 52, "", "NET ISSUER CHARGES", true, { visa_charges_debits: "813.78" }),
    ]);
  });
});

Deno.test("VSS-140: a producer printing 5 columns further right (§0.3) is read by its headers", async () => {
  const [segment] = await fixturePages("vss140_example.txt");
  // lines 9-28: column headers and body; every label ends before column 50
  const lines = shiftColumns(segment.lines, 9, 28, 50, 5);
  const [page] = parsePages(new Vss140Strategy(), [{ ...segment, lines }]);
  assert.deepEqual(
    rowsOf(page).map((r) => [r.line, r.section, r.label, r.columns]),
    exampleRows().map((r) => [r.line, r.section, r.label, r.columns]),
  );
});
