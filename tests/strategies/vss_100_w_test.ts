/**
 * Tests for the VSS-100-W strategy (`strategies/vss_100_w.ts`): a WEEKLY SETTLEMENT REPORTING
 * HIERARCHY LIST page written from the layout notes §5.16 (tests/fixtures/vss100w_example.txt)
 * is stored with its header (`LAST CHANGE:` read as the page's date) and no amount lines:
 * entity ids, clearing ids and hierarchy levels are never read as amounts.
 *
 * @module
 */

import assert from "node:assert/strict";
import { loadStrategies } from "../../src/strategies/loader.ts";
import { processPage } from "../../src/processor/page_processor.ts";
import { StrategyRegistry } from "../../src/strategies/registry.ts";
import Vss100WStrategy from "../../strategies/vss_100_w.ts";
import { fixturePages, parseFixture } from "../helpers/golden.ts";

Deno.test("VSS-100-W strategy: full id and title", () => {
  const strategy = new Vss100WStrategy();
  assert.equal(strategy.reportId, "VSS-100-W");
  assert.equal(strategy.title, "WEEKLY SETTLEMENT REPORTING HIERARCHY LIST");
});

Deno.test("VSS-100-W hierarchy list (§5.16): header only, no amounts", async () => {
  const pages = await parseFixture(new Vss100WStrategy(), "vss100w_example.txt");
  assert.equal(pages.length, 1);
  const [page] = pages;
  assert.deepEqual(page.header, {
    report_id: "VSS-100-W",
    reporting_for: "1000123400 ACME GRUPO",
    reporting_for_id: "1000123400",
    page: 1,
    proc_date: "2024-03-14", // LAST CHANGE: 14MAR24
    rollup_to: null,
    rollup_to_id: null,
    report_date: "2024-07-05",
    funds_xfer_entity: "1000123400 ACME GRUPO",
    funds_xfer_entity_id: "1000123400",
    settlement_currency: null,
    clearing_currency: null,
    summary: [
      "VISANET SETTLEMENT SERVICE",
      "BRAZIL CIP NNSS SERVICE",
      "WEEKLY SETTLEMENT REPORTING HIERARCHY LIST",
    ],
  });
  assert.equal(page.strategy, "VSS-100-W:Vss100WStrategy");
  assert.equal(page.parsed, true);
  assert.equal(page.noData, false);
  assert.equal(page.ended, true);
  assert.deepEqual(page.amounts, []);
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(page.endSections.local, []);
});

Deno.test("VSS-100-W is found by the loader, so it never falls to the generic strategy", async () => {
  const registry = await loadStrategies({ registry: new StrategyRegistry() });
  const [segment] = await fixturePages("vss100w_example.txt");
  const page = processPage(segment, registry);
  assert.equal(page.strategy, "VSS-100-W:Vss100WStrategy");
  assert.deepEqual(page.amounts, []);
});
