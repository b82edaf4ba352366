/**
 * Tests for the VSS-230 strategy (`strategies/vss_230.ts`): the reconstructed NO DATA page of
 * the layout notes §5.9 (tests/fixtures/vss230_example.txt) is stored as a parsed page with
 * no amount lines (the marker, blank lines and END marker are never amounts), and a page with
 * data in the VSS-140 shape (§5.9: "use the VSS-140 columns"; the §5.6 example re-labelled)
 * fills count, interchange amount, credits and debits. Expected rows are written by hand.
 *
 * @module
 */

import assert from "node:assert/strict";
import { NO_CUTOFF } from "../../src/strategies/section_stack.ts";
import Vss230Strategy from "../../strategies/vss_230.ts";
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
const TYPED: TypedColumns = { count: "count", credit_amount: "credits", debit_amount: "debits" };

Deno.test("VSS-230 strategy declares the VSS-140-shaped columns of §5.9", () => {
  const strategy = new Vss230Strategy();
  assert.equal(strategy.reportId, "VSS-230");
  assert.equal(strategy.title, "VISA CHARGES RECONCILIATION REPORT");
  assert.deepEqual(strategy.columns.map((c) => [c.name, c.kind, c.rightEdge, c.field]), [
    ["count", "count", 66, "count"],
    ["interchange_amount", "amount", 87, undefined],
    ["credits", "amount", 110, "credit_amount"],
    ["debits", "amount", 131, "debit_amount"],
  ]);
});

Deno.test("VSS-230 NO DATA page of §5.9: a page with no amounts", async () => {
  const pages = await parseFixture(new Vss230Strategy(), "vss230_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;
  assert.equal(page.header.report_id, "VSS-230");
  assert.equal(page.header.reporting_for, "1000123457 ACME BANCO INTL");
  assert.equal(page.header.settlement_currency, "USD");
  assert.ok(page.header.summary.includes("VISA CHARGES RECONCILIATION REPORT"));
  assert.equal(page.strategy, "VSS-230:Vss230Strategy");
  assert.equal(page.parsed, true);
  assert.equal(page.noData, true);
  assert.equal(page.ended, true); // the END marker after NO DATA is still read
  assert.deepEqual(page.amounts, []);
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(page.endSections, { cutoff: NO_CUTOFF, local: [] });
});

Deno.test("VSS-230 with data, in the VSS-140 shape", async () => {
  const text = fixtureLines("vss140_example.txt")
    .map((l) =>
      l.replace("VSS-140", "VSS-230").replace(
        "     VISA CHARGES REPORT        ",
        "VISA CHARGES RECONCILIATION REPORT",
      )
    )
    .join("\n");
  const [page] = parsePages(new Vss230Strategy(), await textPages(text));
  assert.ok(page.header.summary.includes("VISA CHARGES RECONCILIATION REPORT"));
  assert.equal(page.noData, false);
  const network =
    "ISSUER TRANSACTIONS - INTERNATIONAL SERVICE ASSESSMENT - PURCHASE - ORIGINAL SALE - VISA INTERNATIONAL";
  assert.deepEqual(rowsOf(page).slice(0, 2), [
    row(TYPED, 19, network, "BRAZIL - WORLD", false, {
      count: "812",
      interchange_amount: "-45210.33",
      debits: "452.10",
    }),
    row(TYPED, 20, network, "TOTAL VISA INTERNATIONAL", true, { debits: "452.10" }),
  ]);
  assert.equal(page.amounts.length, 8);
});
