/**
 * Golden test of the VSS-777 strategy: the example page `fixtures/vss_777_example.txt` is
 * read and parsed the way finstream's ingest does it (`readEp747Pages`, then `processPage`
 * with a registry holding this strategy, which also validates the result), and every
 * amount line is compared with the values written by hand from the printed text.
 *
 * Run it with `deno task test` in this folder.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type PageSegment,
  processPage,
  readEp747Pages,
  StrategyRegistry,
} from "@finstream/finstream";
import Vss777Strategy from "../mod.ts";

const FIXTURE = new URL("./fixtures/vss_777_example.txt", import.meta.url);

async function fixturePages(): Promise<PageSegment[]> {
  const pages: PageSegment[] = [];
  using file = await Deno.open(FIXTURE);
  for await (const page of readEp747Pages(file.readable, { file: "vss_777_example.txt" })) {
    pages.push(page);
  }
  return pages;
}

Deno.test("VSS-777 strategy: id, title and columns", () => {
  const strategy = new Vss777Strategy();
  assert.equal(strategy.reportId, "VSS-777");
  assert.equal(strategy.name, "VSS-777:Vss777Strategy");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind]), [
    ["processing_date", "date"],
    ["count", "count"],
    ["credit_amount", "amount"],
    ["debit_amount", "amount"],
    ["exchange_rate", "rate"],
    ["markup_rate", "percent"],
    ["total_amount", "amount"],
  ]);
});

Deno.test("VSS-777 example page (golden)", async (t) => {
  const pages = await fixturePages();
  assert.equal(pages.length, 1);
  const registry = new StrategyRegistry();
  registry.register(new Vss777Strategy(), { source: "plugin" });
  const page = processPage(pages[0], registry);

  await t.step("header and flags", () => {
    assert.equal(page.parsed, true);
    assert.equal(page.strategy, "VSS-777:Vss777Strategy");
    assert.equal(page.header.report_id, "VSS-777");
    assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.ok(page.header.summary.includes("MARKUP SUMMARY REPORT"));
    assert.equal(page.ended, true);
    assert.equal(page.noData, false);
    assert.deepEqual(page.warnings, []);
  });

  await t.step("amount lines", () => {
    const rows = page.amounts.map((a) => ({
      line: a.line,
      section: a.localSections.map((h) => h.text).join(" - "),
      label: a.label,
      is_total: a.is_total,
      row_date: a.row_date,
      count: a.count,
      credit_amount: a.credit_amount,
      debit_amount: a.debit_amount,
      total_amount: a.total_amount,
      exchange_rate: a.columns.exchange_rate ?? null,
      markup_rate: a.columns.markup_rate ?? null,
    }));
    const issuer = "ISSUER TRANSACTIONS - PURCHASE";
    const acquirer = "ACQUIRER TRANSACTIONS - PURCHASE";
    assert.deepEqual(rows, [
      {
        line: 15,
        section: issuer,
        label: "ORIGINAL SALE",
        is_total: false,
        row_date: "2024-07-04",
        count: "1200",
        credit_amount: "0.00",
        debit_amount: "96400.00",
        total_amount: "-96400.00",
        exchange_rate: "5.809100",
        markup_rate: "1.30",
      },
      {
        line: 16,
        section: issuer,
        label: "REVERSAL",
        is_total: false,
        row_date: "2024-07-04",
        count: "3",
        credit_amount: "150.00",
        debit_amount: "0.00",
        total_amount: "150.00",
        exchange_rate: "5.809100",
        markup_rate: "1.30",
      },
      {
        line: 17,
        section: issuer,
        label: "TOTAL PURCHASE",
        is_total: true,
        row_date: null,
        count: "1203",
        credit_amount: "150.00",
        debit_amount: "96400.00",
        total_amount: "-96250.00",
        exchange_rate: null,
        markup_rate: null,
      },
      {
        line: 22,
        section: acquirer,
        label: "ORIGINAL SALE",
        is_total: false,
        row_date: "2024-07-04",
        count: "25",
        credit_amount: "1875.40",
        debit_amount: "0.00",
        total_amount: "1875.40",
        exchange_rate: "5.811250",
        markup_rate: "0.95",
      },
      {
        line: 23,
        section: acquirer,
        label: "TOTAL PURCHASE",
        is_total: true,
        row_date: null,
        count: "25",
        credit_amount: "1875.40",
        debit_amount: "0.00",
        total_amount: "1875.40",
        exchange_rate: null,
        markup_rate: null,
      },
      {
        line: 25,
        // A total row belongs to the level it closes (recorded first, then the level pops).
        section: "ACQUIRER TRANSACTIONS",
        label: "TOTAL MARKUP",
        is_total: true,
        row_date: null,
        count: "1228",
        credit_amount: "2025.40",
        debit_amount: "96400.00",
        total_amount: "-94374.60",
        exchange_rate: null,
        markup_rate: null,
      },
    ]);
  });
});
