/**
 * Tests for the VSS-610 strategy (`strategies/vss_610.ts`): golden tests on the reconstructed
 * example of the layout notes §5.12 (tests/fixtures/vss610_example.txt): processing date
 * to ISO `row_date`, count, transaction amount and interchange fee with their signs.
 *
 * @module
 */

import assert from "node:assert/strict";
import { PageParseError } from "../../src/models/errors.ts";
import { type PageSegment, readEp747Pages } from "../../src/reader/ep747_pages.ts";
import { resolveSections, sectionPath } from "../../src/strategies/section_stack.ts";
import Vss610Strategy from "../../strategies/vss_610.ts";

const FIXTURE = new URL("../fixtures/vss610_example.txt", import.meta.url);

async function fixtureSegment(): Promise<PageSegment> {
  const pages: PageSegment[] = [];
  using file = await Deno.open(FIXTURE);
  for await (const page of readEp747Pages(file.readable, { file: "vss610_example.txt" })) {
    pages.push(page);
  }
  assert.equal(pages.length, 1);
  return pages[0];
}

Deno.test("VSS-610 strategy declares the §5.12 columns in order", () => {
  const strategy = new Vss610Strategy();
  assert.equal(strategy.reportId, "VSS-610");
  assert.deepEqual(
    strategy.columns.map((c) => [c.name, c.kind]),
    [
      ["processing_date", "date"],
      ["count", "count"],
      ["transaction_amount", "amount"],
      ["interchange_fee", "amount"],
    ],
  );
});

Deno.test("VSS-610 example page of §5.12", async (t) => {
  const segment = await fixtureSegment();
  const page = new Vss610Strategy().parse(segment);

  await t.step("header and flags", () => {
    assert.equal(page.header.report_id, "VSS-610");
    assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.ok(page.header.summary.includes("(TITLE NOT CONFIRMED)"));
    assert.equal(page.ended, true);
    assert.equal(page.noData, false);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("rows", () => {
    const section = "ISSUER TRANSACTIONS - 27-DAY DEFER";
    assert.deepEqual(
      page.amounts.map((a) => ({
        line: a.line,
        label: a.label,
        is_total: a.is_total,
        section: sectionPath(resolveSections([], { cutoff: a.cutoff, local: a.localSections })),
        row_date: a.row_date,
        count: a.count,
        columns: a.columns,
      })),
      [
        {
          line: 14,
          label: "PURCHASE",
          is_total: false,
          section,
          row_date: "2024-06-08",
          count: "402",
          columns: { count: "402", transaction_amount: "-51200.00", interchange_fee: "665.60" },
        },
        {
          line: 15,
          label: "PURCHASE",
          is_total: false,
          section,
          row_date: "2024-06-09",
          count: "388",
          columns: { count: "388", transaction_amount: "-48800.00", interchange_fee: "634.40" },
        },
        {
          line: 16,
          label: "TOTAL 27-DAY DEFER",
          is_total: true,
          section, // recorded before it closes its level (§4.3)
          row_date: null,
          count: "790",
          columns: { count: "790", transaction_amount: "-100000.00", interchange_fee: "1300.00" },
        },
      ],
    );
  });

  await t.step("the date is not a decimal column; no credit/debit/total fields", () => {
    for (const a of page.amounts) {
      assert.ok(!("processing_date" in a.columns));
      assert.equal(a.credit_amount, null);
      assert.equal(a.debit_amount, null);
      assert.equal(a.total_amount, null);
    }
  });

  await t.step("the total row closed 27-DAY DEFER; ISSUER TRANSACTIONS stays open", () => {
    assert.deepEqual(resolveSections([], page.endSections).map((h) => h.text), [
      "ISSUER TRANSACTIONS",
    ]);
  });
});

Deno.test("VSS-610: a processing date that is not a calendar day is a PageParseError", async () => {
  const segment = await fixtureSegment();
  const lines = [...segment.lines];
  lines[13] = lines[13].replace("08JUN24", "31JUN24");
  assert.throws(
    () => new Vss610Strategy().parse({ ...segment, lines }),
    (error: unknown) => {
      assert.ok(error instanceof PageParseError);
      assert.equal(error.location.line, 14);
      assert.equal(error.location.file, "vss610_example.txt");
      assert.ok(error.message.includes("31JUN24"), error.message);
      return true;
    },
  );
});

Deno.test("VSS-610: values drifted by a few columns still land in their columns", async () => {
  const segment = await fixtureSegment();
  const lines = [...segment.lines];
  // shift the TOTAL row's values three columns left (a different producer)
  lines[15] = lines[15].replace("     790", "  790   ");
  const page = new Vss610Strategy().parse({ ...segment, lines });
  assert.equal(page.amounts[2].count, "790");
  assert.equal(page.amounts[2].columns.transaction_amount, "-100000.00");
});

Deno.test("VSS-610: columns 8 further right (§5.12: 139-character lines) follow the page's headers", async () => {
  const segment = await fixtureSegment();
  // lines 9–16: column headers and rows; insert 8 blanks between the labels and the values
  const lines = segment.lines.map((line, i) =>
    i >= 8 && i <= 15 && line.length > 25
      ? line.slice(0, 25) + " ".repeat(8) + line.slice(25)
      : line
  );
  assert.equal(lines[13].length, 139);
  const page = new Vss610Strategy().parse({ ...segment, lines });
  assert.deepEqual(
    page.amounts.map((a) => [a.label, a.row_date, a.columns]),
    [
      ["PURCHASE", "2024-06-08", {
        count: "402",
        transaction_amount: "-51200.00",
        interchange_fee: "665.60",
      }],
      ["PURCHASE", "2024-06-09", {
        count: "388",
        transaction_amount: "-48800.00",
        interchange_fee: "634.40",
      }],
      ["TOTAL 27-DAY DEFER", null, {
        count: "790",
        transaction_amount: "-100000.00",
        interchange_fee: "1300.00",
      }],
    ],
  );
  // the over-long lines (column headers 9–10, rows 14–16) are kept, with a warning each (§9.5)
  assert.deepEqual(page.warnings.map((w) => /^line (\d+):/.exec(w)?.[1]), [
    "9",
    "10",
    "14",
    "15",
    "16",
  ]);
  assert.ok(page.warnings.slice(2).every((w) => w.includes("139 characters")), page.warnings[2]);
});
