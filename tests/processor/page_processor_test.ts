/**
 * Tests for the per-page pipeline (`page_processor.ts`): a page with a strategy is parsed
 * and validated; a report id without a strategy is parsed by the generic fallback when the
 * page has column headers, and kept header-only (`parsed: false`, strategy `unparsed`)
 * when it has none; failures become `PageParseError`s naming the file and line.
 *
 * @module
 */

import assert from "node:assert/strict";
import { PageParseError } from "../../src/models/errors.ts";
import { processPage, UNPARSED, unparsedPage } from "../../src/processor/page_processor.ts";
import { type PageSegment, readEp747Pages } from "../../src/reader/ep747_pages.ts";
import type {
  AmountLineInput,
  LineValues,
  PageLayout,
} from "../../src/strategies/parsing_strategy.ts";
import { StrategyRegistry } from "../../src/strategies/registry.ts";
import { NO_CUTOFF } from "../../src/strategies/section_stack.ts";
import Vss110Strategy from "../../strategies/vss_110.ts";

async function seedSegment(): Promise<PageSegment> {
  const pages: PageSegment[] = [];
  using file = await Deno.open(new URL("../fixtures/seed_vss110_page.txt", import.meta.url));
  for await (const page of readEp747Pages(file.readable, { file: "seed.txt" })) pages.push(page);
  return pages[0];
}

function segment(lines: string[], lineStart = 1, file = "EP747_20240705.TXT"): PageSegment {
  return {
    kind: "page",
    file,
    position: 3,
    lineStart,
    lineEnd: lineStart + lines.length - 1,
    lines,
  };
}

/** A VSS-100-W page (an id with no strategy, §9.9). */
const VSS100W = [
  " REPORT ID:  VSS-100-W                                       VISANET SETTLEMENT SERVICE                        PAGE:              2",
  " REPORTING FOR:      1000123456 ACME BANCO S.A.               BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
  " ROLLUP TO:          1000123400 ACME GRUPO                   SOME WEEKLY REPORT                                REPORT DATE: 05JUL24",
  " FUNDS XFER ENTITY:  1000123400 ACME GRUPO",
  "",
  " SETTLEMENT CURRENCY:  BRL",
  "",
  " WHATEVER                                   12                  1.00",
  "",
  "                                                   *** END OF VSS-100-W REPORT ***",
];

const registryWith110 = () => {
  const registry = new StrategyRegistry();
  registry.register(new Vss110Strategy());
  return registry;
};

Deno.test("processPage: a page with a strategy is parsed and validated", async () => {
  const page = processPage(await seedSegment(), registryWith110());
  assert.equal(page.parsed, true);
  assert.ok(page.strategy.startsWith("VSS-110"), page.strategy);
  assert.equal(page.header.report_id, "VSS-110");
  assert.equal(page.amounts.length, 4);
  assert.equal(page.amounts[1].total_amount, "-28081919.39");
});

Deno.test("processPage: an unknown report id is kept header-only", () => {
  const page = processPage(segment(VSS100W, 40), registryWith110());
  assert.equal(page.parsed, false);
  assert.equal(page.strategy, UNPARSED);
  assert.equal(page.strategy, "unparsed");
  assert.equal(page.header.report_id, "VSS-100-W");
  assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
  assert.equal(page.header.page, 2);
  assert.equal(page.header.proc_date, "2024-07-05");
  assert.equal(page.header.settlement_currency, "BRL");
  assert.deepEqual(page.amounts, []);
  assert.equal(page.ended, true);
  assert.equal(page.noData, false);
  assert.deepEqual(page.endSections, { cutoff: NO_CUTOFF, local: [] });
  assert.equal(page.warnings.length, 1);
  assert.ok(page.warnings[0].includes("VSS-100-W"), page.warnings[0]);
});

Deno.test("processPage: a known id without a registered strategy falls back to the generic strategy", async () => {
  // the seed page has column headers (CREDIT/DEBIT/TOTAL over COUNT/AMOUNT…), so it is
  // parsed from them and flagged generic; the values are those of the §5.1 seed row
  const page = processPage(await seedSegment(), new StrategyRegistry());
  assert.equal(page.parsed, true);
  assert.equal(page.strategy, "generic:VSS-110");
  assert.equal(page.header.reporting_for, "1234567890 010203 DESAFIO");
  assert.equal(page.amounts.length, 4);
  assert.deepEqual(page.amounts[1].columns, {
    count: "334544",
    credit_amount: "350719.10",
    debit_amount: "28432638.49",
    total_amount: "-28081919.39",
  });
  assert.ok(page.warnings.some((w) => w.includes("generic")), JSON.stringify(page.warnings));
});

Deno.test("unparsedPage detects NO DATA and a missing END marker", () => {
  const lines = [
    ...VSS100W.slice(0, 6),
    "",
    "                                           ***  NO DATA FOR THIS REPORT  ***",
  ];
  const page = unparsedPage(segment(lines));
  assert.equal(page.noData, true);
  assert.equal(page.ended, false);
  assert.equal(page.parsed, false);
});

Deno.test("processPage: a page whose strategy throws is a PageParseError with file and line", async (t) => {
  await t.step("a plain error is wrapped", () => {
    const kaput = new Error("kaput");
    class Throwing extends Vss110Strategy {
      override parse(): never {
        throw kaput;
      }
    }
    const registry = new StrategyRegistry();
    registry.register(new Throwing());
    const seg = segment(VSS100W.map((l) => l.replace("VSS-100-W", "VSS-110")), 120, "a.txt");
    assert.throws(
      () => processPage(seg, registry),
      (error: unknown) => {
        assert.ok(error instanceof PageParseError);
        assert.equal(error.location.file, "a.txt");
        assert.equal(error.location.line, 120);
        assert.equal(error.location.lineEnd, 129);
        assert.equal(error.cause, kaput);
        assert.ok(error.message.includes("kaput"), error.message);
        assert.ok(error.message.includes("a.txt"), error.message);
        assert.ok(error.message.includes("Throwing"), error.message);
        return true;
      },
    );
  });

  await t.step("a PageParseError from the strategy passes through unchanged", () => {
    const original = new PageParseError("bad line", { file: "b.txt", line: 7, field: "label" });
    class Throwing extends Vss110Strategy {
      override parse(): never {
        throw original;
      }
    }
    const registry = new StrategyRegistry();
    registry.register(new Throwing());
    const seg = segment(VSS100W.map((l) => l.replace("VSS-100-W", "VSS-110")), 1, "b.txt");
    assert.throws(() => processPage(seg, registry), (error: unknown) => error === original);
  });

  await t.step("a value the built-in strategy cannot place names its line", async () => {
    const seed = await seedSegment();
    const lines = [...seed.lines];
    lines[14] = "    TOTAL ISSUER" + " ".repeat(70) + "9.99"; // ends at column 90: no column
    assert.throws(
      () => processPage({ ...seed, lines }, registryWith110()),
      (error: unknown) => {
        assert.ok(error instanceof PageParseError);
        assert.equal(error.location.file, "seed.txt");
        assert.equal(error.location.line, 15);
        assert.equal(error.location.field, "amounts");
        return true;
      },
    );
  });
});

Deno.test("processPage: strategy output that fails the schema names the amount line", async () => {
  class Sloppy extends Vss110Strategy {
    override parseAmounts(line: AmountLineInput, layout: PageLayout): LineValues {
      const values = super.parseAmounts(line, layout);
      return line.number === 15 ? { ...values, credit_amount: "350,719.10" } : values;
    }
  }
  const registry = new StrategyRegistry();
  registry.register(new Sloppy());
  const seed = await seedSegment();
  assert.throws(
    () => processPage(seed, registry),
    (error: unknown) => {
      assert.ok(error instanceof PageParseError);
      assert.equal(error.location.file, "seed.txt");
      assert.equal(error.location.line, 15);
      assert.equal(error.location.field, "credit_amount");
      assert.equal(error.step, "parse");
      return true;
    },
  );
});

Deno.test("processPage: a first line without a report id is a PageParseError", () => {
  const lines = [" REPORT ID:  ???", ...VSS100W.slice(1)];
  assert.throws(
    () => processPage(segment(lines, 5, "c.txt"), registryWith110()),
    (error: unknown) => {
      assert.ok(error instanceof PageParseError);
      assert.equal(error.location.file, "c.txt");
      assert.equal(error.location.line, 5);
      assert.equal(error.location.field, "report_id");
      return true;
    },
  );
});
