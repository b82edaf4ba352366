/**
 * Tests for joining the pages of a report instance (`section_continuity.ts`, layout notes
 * §4.4): a continuation page inherits the open sections of the previous page of the same
 * report, entity and currency; another entity does not; an END (or NO DATA) page resets.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { AmountLine, Heading, ParsedPage, ReportHeader } from "../../src/models/report.ts";
import { instanceKey, SectionContinuity } from "../../src/processor/section_continuity.ts";
import { NO_CUTOFF } from "../../src/strategies/section_stack.ts";
import Vss110Strategy from "../../strategies/vss_110.ts";

const h = (indent: number, text: string): Heading => ({ indent, text });

function header(overrides: Partial<ReportHeader> = {}): ReportHeader {
  return {
    report_id: "VSS-120",
    reporting_for: "1000123456 ACME BANCO S.A.",
    reporting_for_id: "1000123456",
    page: 1,
    proc_date: "2024-07-05",
    rollup_to: null,
    rollup_to_id: null,
    report_date: "2024-07-05",
    funds_xfer_entity: null,
    funds_xfer_entity_id: null,
    settlement_currency: "BRL",
    clearing_currency: null,
    summary: [],
    ...overrides,
  };
}

function row(label: string, local: Heading[] = [], cutoff = NO_CUTOFF, line = 1): AmountLine {
  return {
    line,
    localSections: local,
    cutoff,
    label,
    is_total: label.startsWith("TOTAL"),
    columns: {},
    row_date: null,
    count: null,
    credit_amount: null,
    debit_amount: null,
    total_amount: null,
    raw: label,
  };
}

function page(options: {
  header?: Partial<ReportHeader>;
  amounts?: AmountLine[];
  end?: { cutoff: number; local: Heading[] };
  ended?: boolean;
  noData?: boolean;
}): ParsedPage {
  return {
    header: header(options.header),
    strategy: "test",
    parsed: true,
    noData: options.noData ?? false,
    ended: options.ended ?? false,
    amounts: options.amounts ?? [],
    endSections: options.end ?? { cutoff: NO_CUTOFF, local: [] },
    warnings: [],
  };
}

const sections = (p: ParsedPage) => p.amounts.map((a) => a.section);
const classes = (p: ParsedPage) => p.amounts.map((a) => a.transaction_class);

/** Page 1 of an instance: ISSUER TRANSACTIONS - PURCHASE open at its end, no END marker. */
const firstPage = (overrides: Partial<ReportHeader> = {}) =>
  page({
    header: overrides,
    amounts: [row("ORIGINAL SALE", [h(2, "ISSUER TRANSACTIONS"), h(4, "PURCHASE")], 2)],
    end: { cutoff: 2, local: [h(2, "ISSUER TRANSACTIONS"), h(4, "PURCHASE")] },
  });

/** Page 2: starts with rows of the open section, then a new type heading. */
const secondPage = (overrides: Partial<ReportHeader> = {}, ended = true) =>
  page({
    header: { page: 2, ...overrides },
    amounts: [
      row("DISPUTE FIN"),
      row("TOTAL PURCHASE", [], NO_CUTOFF),
      row("ORIGINAL WITHDRAWAL", [h(4, "ATM CASH")], 4),
    ],
    end: { cutoff: 4, local: [h(4, "ATM CASH")] },
    ended,
  });

Deno.test("instanceKey: report id, reporting entity and settlement currency", () => {
  assert.equal(instanceKey(firstPage()), "VSS-120|1000123456|BRL");
  assert.equal(
    instanceKey(page({ header: { reporting_for_id: null, settlement_currency: null } })),
    "VSS-120||",
  );
});

Deno.test("SectionContinuity: the first page of an instance resolves on its own", () => {
  const continuity = new SectionContinuity();
  const p1 = continuity.resolve(firstPage());
  assert.deepEqual(sections(p1), ["ISSUER TRANSACTIONS - PURCHASE"]);
  assert.deepEqual(classes(p1), ["COMPRA"]);
});

Deno.test("SectionContinuity: two pages of one instance", () => {
  const continuity = new SectionContinuity();
  continuity.resolve(firstPage());
  const p2 = secondPage();
  const returned = continuity.resolve(p2);
  assert.equal(returned, p2); // resolved in place
  assert.deepEqual(sections(p2), [
    "ISSUER TRANSACTIONS - PURCHASE",
    "ISSUER TRANSACTIONS - PURCHASE",
    "ISSUER TRANSACTIONS - ATM CASH",
  ]);
  assert.deepEqual(classes(p2), ["CHARGEBACK-DE-COMPRA", null, "SAQUE"]);
});

Deno.test("SectionContinuity: three pages chain through the middle page's end state", () => {
  const continuity = new SectionContinuity();
  continuity.resolve(firstPage());
  continuity.resolve(secondPage({}, false));
  const p3 = page({ header: { page: 3 }, amounts: [row("REVERSAL")], ended: true });
  continuity.resolve(p3);
  assert.deepEqual(sections(p3), ["ISSUER TRANSACTIONS - ATM CASH"]);
  assert.deepEqual(classes(p3), ["REVERSO-DE-SAQUE"]);
});

Deno.test("SectionContinuity: no inheritance across instances", async (t) => {
  const cases: [string, Partial<ReportHeader>][] = [
    ["another reporting entity", {
      reporting_for_id: "1000123999",
      reporting_for: "1000123999 OUTRO BANCO",
    }],
    ["another settlement currency", { settlement_currency: "USD" }],
    ["another report id", { report_id: "VSS-130" }],
  ];
  for (const [name, overrides] of cases) {
    await t.step(name, () => {
      const continuity = new SectionContinuity();
      continuity.resolve(firstPage());
      const p2 = continuity.resolve(secondPage(overrides));
      assert.deepEqual(sections(p2), ["", "", "ATM CASH"]);
      // the one-level path "ATM CASH" still classifies its row (§7.1)
      assert.deepEqual(classes(p2), [null, null, "SAQUE"]);
    });
  }
});

Deno.test("SectionContinuity: an ended page resets its instance", async (t) => {
  await t.step("END marker", () => {
    const continuity = new SectionContinuity();
    continuity.resolve({ ...firstPage(), ended: true });
    const next = continuity.resolve(secondPage());
    assert.deepEqual(sections(next), ["", "", "ATM CASH"]);
  });
  await t.step("NO DATA page", () => {
    const continuity = new SectionContinuity();
    continuity.resolve(firstPage());
    continuity.resolve(page({ noData: true, ended: true }));
    const next = continuity.resolve(secondPage());
    assert.deepEqual(sections(next), ["", "", "ATM CASH"]);
  });
  await t.step("a NO DATA page without END also resets", () => {
    const continuity = new SectionContinuity();
    continuity.resolve(firstPage());
    continuity.resolve(page({ noData: true }));
    assert.deepEqual(sections(continuity.resolve(secondPage())), ["", "", "ATM CASH"]);
  });
});

Deno.test("SectionContinuity: interleaved instances keep their own open sections", () => {
  const continuity = new SectionContinuity();
  const other = { reporting_for_id: "1000123999" };
  continuity.resolve(firstPage());
  continuity.resolve(
    page({
      header: other,
      amounts: [row("X", [h(2, "ACQUIRER TRANSACTIONS")], 2)],
      end: { cutoff: 2, local: [h(2, "ACQUIRER TRANSACTIONS")] },
    }),
  );
  const p2 = continuity.resolve(secondPage());
  assert.equal(p2.amounts[0].section, "ISSUER TRANSACTIONS - PURCHASE");
  const o2 = continuity.resolve(page({ header: other, amounts: [row("Y")] }));
  assert.equal(o2.amounts[0].section, "ACQUIRER TRANSACTIONS");
});

Deno.test("SectionContinuity on parsed VSS-110 pages (§5.1 continuation)", () => {
  const strategy = new Vss110Strategy();
  const headerLines = (pageNo: number, entity: string) => [
    " REPORT ID:  VSS-110                                         VISANET SETTLEMENT SERVICE                        PAGE:" +
    String(pageNo).padStart(15),
    ` REPORTING FOR:      ${entity}`.padEnd(62) +
    "BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
    " SETTLEMENT CURRENCY:  BRL",
    "",
    "                                                                       CREDIT                     DEBIT                     TOTAL",
    "                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT",
    "",
  ];
  const issuer =
    "    TOTAL ISSUER                                310                      0.00                 41,250.00                 41,250.00DB";
  const total =
    "    TOTAL INTERCHANGE VALUE                     310                      0.00                 41,250.00                 41,250.00DB";
  const seg = (lines: string[], lineStart: number) => ({
    kind: "page" as const,
    file: "f",
    position: 1,
    lineStart,
    lineEnd: lineStart + lines.length - 1,
    lines,
  });
  const p7 = strategy.parse(
    seg([...headerLines(7, "1000123999 OUTRO BANCO"), " INTERCHANGE VALUE", "", issuer], 1),
  );
  const p8 = strategy.parse(seg([...headerLines(8, "1000123999 OUTRO BANCO"), total], 11));
  const q8 = strategy.parse(seg([...headerLines(8, "1000123456 ACME BANCO"), total], 11));

  const continuity = new SectionContinuity();
  continuity.resolve(p7);
  assert.equal(continuity.resolve(p8).amounts[0].section, "INTERCHANGE VALUE");

  const other = new SectionContinuity();
  other.resolve(p7);
  assert.equal(other.resolve(q8).amounts[0].section, "");
});
