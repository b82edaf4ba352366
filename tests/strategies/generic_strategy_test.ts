/**
 * Tests for the generic fallback strategy (`src/strategies/generic_strategy.ts`), wired in
 * `processPage` for report ids without a plugin: a page of an unknown report
 * (tests/fixtures/vss777_example.txt, written in the layout of §3–§4) is parsed from its own
 * column headers (column names from the stacked header words, kinds from the tokens: a date,
 * counts, amounts, a rate and a percentage) and flagged `generic:VSS-777`; a page without
 * column headers stays header-only (`unparsed`); a value that fits no column dead-letters the
 * page. Expected rows are written by hand from the printed text.
 *
 * @module
 */

import assert from "node:assert/strict";
import { PageParseError } from "../../src/models/errors.ts";
import { processPage, UNPARSED } from "../../src/processor/page_processor.ts";
import {
  columnName,
  columnNames,
  GenericStrategy,
  genericStrategyFor,
  hasColumnHeaders,
  looksLikeColumnHeader,
} from "../../src/strategies/generic_strategy.ts";
import { loadStrategies } from "../../src/strategies/loader.ts";
import { StrategyRegistry } from "../../src/strategies/registry.ts";
import {
  fixturePages,
  parseFixture,
  parsePages,
  row,
  rowsOf,
  type TypedColumns,
} from "../helpers/golden.ts";

/** Generic contract: columns named exactly like a typed column fill it. */
const TYPED: TypedColumns = {
  count: "count",
  credit_amount: "credit_amount",
  debit_amount: "debit_amount",
  total_amount: "total_amount",
};
const SECTION = "ISSUER TRANSACTIONS - PURCHASE";

Deno.test("generic column names: stacked header words in snake_case, deduplicated", async (t) => {
  await t.step("columnName", () => {
    assert.equal(columnName(["CREDIT", "AMOUNT"]), "credit_amount");
    assert.equal(columnName(["VISA CHARGES", "CREDITS"]), "visa_charges_credits");
    assert.equal(columnName(["RATE/TABLE/ID"]), "rate_table_id");
    assert.equal(columnName(["OPT ISA", "FEE"]), "opt_isa_fee");
  });
  await t.step("columnNames of the §5.1 headers", () => {
    assert.deepEqual(
      columnNames([
        "                                                                       CREDIT                     DEBIT                     TOTAL",
        "                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT",
      ]),
      ["count", "credit_amount", "debit_amount", "total_amount"],
    );
  });
  await t.step("repeated names get _2, _3", () => {
    assert.deepEqual(
      columnNames(["                    COUNT     AMOUNT     COUNT     AMOUNT     COUNT"]),
      ["count", "amount", "count_2", "amount_2", "count_3"],
    );
  });
});

Deno.test("generic: what counts as a column-header line", async (t) => {
  await t.step("upper-case words in the value zone", () => {
    assert.equal(looksLikeColumnHeader("                    EXCHANGE     MARKUP"), true);
    assert.equal(looksLikeColumnHeader(" EXCHANGE     MARKUP"), false); // a heading's place
    assert.equal(looksLikeColumnHeader("                    Exchange"), false);
    assert.equal(looksLikeColumnHeader("                    12,345"), false);
  });
  await t.step("a heading made of header words is no column header", () => {
    assert.equal(hasColumnHeaders([" REPORT ID:  VSS-777", "", " INTERCHANGE VALUE"]), false);
  });
  await t.step("headers must come before the first amount line", () => {
    assert.equal(
      hasColumnHeaders([
        " REPORT ID:  VSS-777",
        " WHATEVER                                   12                  1.00",
        "                                          COUNT                AMOUNT",
      ]),
      false,
    );
  });
});

Deno.test("generic strategy on an unknown report id (tests/fixtures/vss777_example.txt)", async (t) => {
  const pages = await parseFixture(null, "vss777_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;

  await t.step("header and flags: parsed, flagged generic", () => {
    assert.equal(page.header.report_id, "VSS-777");
    assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.ok(page.header.summary.includes("MARKUP SUMMARY REPORT"));
    assert.equal(page.strategy, "generic:VSS-777");
    assert.equal(page.parsed, true);
    assert.equal(page.noData, false);
    assert.equal(page.ended, true);
    assert.equal(page.warnings.length, 1);
    assert.match(page.warnings[0], /no strategy for VSS-777: parsed generically/);
  });

  await t.step("rows, field by field", () => {
    const jul4 = { row_date: "2024-07-04" };
    assert.deepEqual(rowsOf(page), [
      row(TYPED, 15, SECTION, "ORIGINAL SALE", false, {
        count: "1200",
        credit_amount: "0.00",
        debit_amount: "96400.00",
        exchange_rate: "5.809100",
        markup_rate: "1.30",
        total_amount: "-96400.00",
      }, jul4),
      row(TYPED, 16, SECTION, "REVERSAL", false, {
        count: "3",
        credit_amount: "150.00",
        debit_amount: "0.00",
        exchange_rate: "5.809100",
        markup_rate: "1.30",
        total_amount: "150.00",
      }, jul4),
      row(TYPED, 17, SECTION, "TOTAL PURCHASE", true, {
        count: "1203",
        credit_amount: "150.00",
        debit_amount: "96400.00",
        total_amount: "-96250.00",
      }),
    ]);
  });
});

Deno.test("generic: the loaded registry has no VSS-777, so processPage falls back", async () => {
  const registry = await loadStrategies({ registry: new StrategyRegistry() });
  assert.equal(registry.has("VSS-777"), false);
  assert.ok(registry.list().every((e) => !e.strategy.name.startsWith("generic")));
  const [segment] = await fixturePages("vss777_example.txt");
  const page = processPage(segment, registry);
  assert.equal(page.strategy, "generic:VSS-777");
  assert.equal(page.amounts.length, 3);
});

Deno.test("generic: a page without column headers stays header-only", async () => {
  const [segment] = await fixturePages("vss777_example.txt");
  const lines = segment.lines.filter((_, i) => i !== 8 && i !== 9); // drop lines 9-10
  assert.equal(genericStrategyFor({ ...segment, lines }, "VSS-777"), null);
  const [page] = parsePages(null, [{ ...segment, lines }]);
  assert.equal(page.strategy, UNPARSED);
  assert.equal(page.parsed, false);
  assert.deepEqual(page.amounts, []);
  assert.equal(page.header.report_id, "VSS-777");
  assert.equal(page.ended, true);
});

Deno.test("generic: an unknown NO DATA page is stored as such, header-only", async () => {
  const [segment] = await fixturePages("vss230_example.txt");
  const lines = segment.lines.map((l) => l.replace("VSS-230", "VSS-231"));
  const [page] = parsePages(null, [{ ...segment, lines }]);
  assert.deepEqual([page.strategy, page.parsed, page.noData, page.ended], [
    "unparsed",
    false,
    true,
    true,
  ]);
});

Deno.test("generic: a value that fits no column dead-letters the page", async () => {
  const [segment] = await fixturePages("vss777_example.txt");
  // line 17: a stray amount between COUNT (48) and CREDIT AMOUNT (66)
  const lines = segment.lines.map((l, i) => i === 16 ? l.slice(0, 52) + "9.99" + l.slice(56) : l);
  assert.throws(
    () => parsePages(null, [{ ...segment, lines }]),
    (error: unknown) => {
      assert.ok(error instanceof PageParseError);
      assert.equal(error.location.line, 17);
      assert.match(error.message, /9\.99/);
      return true;
    },
  );
});

Deno.test("generic: the strategy is per report id and checks it", async () => {
  const [segment] = await fixturePages("vss777_example.txt");
  assert.equal(new GenericStrategy("VSS-777").name, "generic:VSS-777");
  assert.throws(() => new GenericStrategy("VSS-778").parse(segment), /cannot parse a VSS-777/);
});
