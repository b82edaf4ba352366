/**
 * Tests for the VSS-110 strategy (`strategies/vss_110.ts`): golden tests, expected values
 * taken from the layout notes (§3, §4, §5.1) and the fixture text, not from the parser:
 * the seed page, the full §5.1 example page, and the §5.1 continuation example.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { AmountLine, Heading, ParsedPage } from "../../src/models/report.ts";
import { type PageSegment, readEp747Pages } from "../../src/reader/ep747_pages.ts";
import { resolveSections, sectionPath } from "../../src/strategies/section_stack.ts";
import Vss110Strategy from "../../strategies/vss_110.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);

async function readPages(text: string, file: string): Promise<PageSegment[]> {
  const pages: PageSegment[] = [];
  const bytes = new TextEncoder().encode(text);
  for await (const page of readEp747Pages(ReadableStream.from([bytes]), { file })) {
    pages.push(page);
  }
  return pages;
}

async function readFixturePages(name: string): Promise<PageSegment[]> {
  const pages: PageSegment[] = [];
  using file = await Deno.open(new URL(name, FIXTURES));
  for await (const page of readEp747Pages(file.readable, { file: name })) pages.push(page);
  return pages;
}

/** The full section path of a line, given the headings inherited from earlier pages. */
const pathOf = (line: AmountLine, inherited: readonly Heading[] = []) =>
  sectionPath(resolveSections(inherited, { cutoff: line.cutoff, local: line.localSections }));

/** Exact decimal text → integer cents (for the §5.1 arithmetic checks). */
const cents = (text: string | null) => {
  if (text === null) return 0n;
  const negative = text.startsWith("-");
  const [whole, fraction] = text.replace("-", "").split(".");
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
  return negative ? -value : value;
};

type Row = [
  line: number,
  label: string,
  section: string,
  count: string | null,
  credit: string,
  debit: string,
  total: string,
];

function rowsOf(page: ParsedPage): Row[] {
  return page.amounts.map((a) => [
    a.line,
    a.label,
    pathOf(a),
    a.count,
    a.credit_amount!,
    a.debit_amount!,
    a.total_amount!,
  ]);
}

Deno.test("VSS-110 strategy declares the §5.1 columns", () => {
  const strategy = new Vss110Strategy();
  assert.equal(strategy.reportId, "VSS-110");
  assert.equal(strategy.title, "SETTLEMENT SUMMARY REPORT");
  assert.deepEqual(
    strategy.columns.map((c) => [c.name, c.kind, c.rightEdge]),
    [["count", "count", 51], ["credit_amount", "amount", 77], ["debit_amount", "amount", 103], [
      "total_amount",
      "amount",
      129,
    ]],
  );
});

Deno.test("VSS-110 seed page (tests/fixtures/seed_vss110_page.txt)", async (t) => {
  const [segment] = await readFixturePages("seed_vss110_page.txt");
  const page = new Vss110Strategy().parse(segment);

  await t.step("header", () => {
    assert.equal(page.header.report_id, "VSS-110");
    assert.equal(page.header.reporting_for, "1234567890 010203 DESAFIO");
    assert.equal(page.header.reporting_for_id, "1234567890");
    assert.equal(page.header.page, 1);
    assert.equal(page.header.proc_date, "2024-07-05");
    assert.equal(page.header.report_date, "2024-07-05");
    assert.equal(page.header.settlement_currency, "BRL");
    assert.deepEqual(page.header.summary, [
      "VISANET SETTLEMENT SERVICE",
      "BRAZIL CIP NNSS SERVICE",
      "SETTLEMENT SUMMARY REPORT",
    ]);
  });

  await t.step("page flags", () => {
    assert.equal(page.parsed, true);
    assert.equal(page.noData, false);
    assert.equal(page.ended, true); // line 21: *** END OF VSS-110 REPORT ***
    assert.ok(page.strategy.includes("VSS-110"), page.strategy);
  });

  await t.step("rows, values, sections and line numbers", () => {
    // §4.2: 350,719.10 credit and 28,432,638.49 debit give 28,081,919.39DB → negative.
    // Line 14 is the 140-character TOTAL ACQUIRER row of the §5.1 quirk; its total is as printed.
    assert.deepEqual(rowsOf(page), [
      [14, "TOTAL ACQUIRER", "INTERCHANGE VALUE", "0", "0.00", "0.00", "-28081919.39"],
      [
        15,
        "TOTAL ISSUER",
        "INTERCHANGE VALUE",
        "334544",
        "350719.10",
        "28432638.49",
        "-28081919.39",
      ],
      [16, "TOTAL OTHER", "INTERCHANGE VALUE", "0", "0.00", "0.00", "0.00"],
      [
        18,
        "TOTAL INTERCHANGE VALUE",
        "INTERCHANGE VALUE",
        "334544",
        "350719.10",
        "28432638.49",
        "-28081919.39",
      ],
    ]);
  });

  await t.step("every row is a total row and keeps its raw line", () => {
    const lines = Deno.readTextFileSync(new URL("seed_vss110_page.txt", FIXTURES)).split("\n");
    for (const a of page.amounts) {
      assert.equal(a.is_total, true);
      assert.equal(a.raw, lines[a.line - 1]);
      assert.equal(a.row_date, null);
    }
  });

  await t.step("typed columns mirror the named columns", () => {
    const issuer = page.amounts[1];
    assert.deepEqual(issuer.columns, {
      count: "334544",
      credit_amount: "350719.10",
      debit_amount: "28432638.49",
      total_amount: "-28081919.39",
    });
  });

  await t.step("the over-long line is warned about, once", () => {
    assert.equal(page.warnings.length, 1, JSON.stringify(page.warnings));
    assert.match(page.warnings[0], /line 14\b/);
    assert.match(page.warnings[0], /140/);
  });

  await t.step("INTERCHANGE VALUE is still open at the end of the page", () => {
    assert.deepEqual(resolveSections([], page.endSections), [
      { indent: 2, text: "INTERCHANGE VALUE" },
    ]);
  });
});

Deno.test("VSS-110 full example page of §5.1 (tests/fixtures/vss110_example.txt)", async (t) => {
  const pages = await readFixturePages("vss110_example.txt");
  assert.equal(pages.length, 1);
  const page = new Vss110Strategy().parse(pages[0]);
  const IV = "INTERCHANGE VALUE";
  const RF = "REIMBURSEMENT FEES";
  const VC = "VISA CHARGES";
  const TT = "TOTAL";
  const expected: Row[] = [
    [14, "TOTAL ACQUIRER", IV, "0", "0.00", "0.00", "0.00"],
    [15, "TOTAL ISSUER", IV, "12388", "8360.55", "1402267.90", "-1393907.35"],
    [16, "TOTAL OTHER", IV, "0", "0.00", "0.00", "0.00"],
    [18, "TOTAL INTERCHANGE VALUE", IV, "12388", "8360.55", "1402267.90", "-1393907.35"],
    // REIMBURSEMENT FEES rows have no count: three amounts go to credit/debit/total
    [22, "TOTAL ACQUIRER", RF, null, "0.00", "0.00", "0.00"],
    [23, "TOTAL ISSUER", RF, null, "19630.07", "131.36", "19498.71"],
    [24, "TOTAL OTHER", RF, null, "0.00", "0.00", "0.00"],
    [26, "TOTAL REIMBURSEMENT FEES", RF, null, "19630.07", "131.36", "19498.71"],
    [30, "TOTAL ACQUIRER", VC, null, "0.00", "0.00", "0.00"],
    [31, "TOTAL ISSUER", VC, null, "0.00", "2100.40", "-2100.40"],
    [32, "TOTAL OTHER", VC, null, "0.00", "0.00", "0.00"],
    [34, "TOTAL VISA CHARGES", VC, null, "0.00", "2100.40", "-2100.40"],
    [38, "TOTAL ACQUIRER", TT, null, "0.00", "0.00", "0.00"],
    [39, "TOTAL ISSUER", TT, null, "27990.62", "1404499.66", "-1376509.04"],
    [40, "TOTAL OTHER", TT, null, "0.00", "0.00", "0.00"],
    [42, "NET SETTLEMENT AMOUNT", TT, null, "27990.62", "1404499.66", "-1376509.04"],
  ];

  await t.step("16 rows in 4 sections, exactly as printed", () => {
    assert.deepEqual(rowsOf(page), expected);
  });

  await t.step("header of the §3 example", () => {
    assert.equal(page.header.reporting_for, "1000123456 ACME BANCO S.A.");
    assert.equal(page.header.rollup_to, "1000123400 ACME GRUPO");
    assert.equal(page.header.funds_xfer_entity, "1000123400 ACME GRUPO");
    assert.equal(page.header.funds_xfer_entity_id, "1000123400");
  });

  await t.step("ended, no warnings, every row flagged as total", () => {
    assert.equal(page.ended, true);
    assert.equal(page.noData, false);
    assert.deepEqual(page.warnings, []);
    assert.ok(page.amounts.every((a) => a.is_total));
  });

  await t.step("a count only in INTERCHANGE VALUE; no count column elsewhere", () => {
    for (const a of page.amounts) {
      assert.equal("count" in a.columns, pathOf(a) === IV, `line ${a.line}`);
    }
  });

  await t.step(
    "§4.2: total = debit − credit, printed DB when positive (so stored credit − debit)",
    () => {
      for (const a of page.amounts) {
        assert.equal(
          cents(a.total_amount),
          cents(a.credit_amount) - cents(a.debit_amount),
          `line ${a.line}`,
        );
      }
    },
  );

  await t.step("§5.1 checks: section totals and the TOTAL section add up", () => {
    const bySection = Map.groupBy(page.amounts, (a) => pathOf(a));
    const sum = (rows: AmountLine[], pick: (a: AmountLine) => string | null) =>
      rows.reduce((acc, a) => acc + cents(pick(a)), 0n);
    const fields = [
      (a: AmountLine) => a.credit_amount,
      (a: AmountLine) => a.debit_amount,
      (a: AmountLine) => a.total_amount,
    ];
    for (const [section, rows] of bySection) {
      const details = rows.slice(0, 3);
      const total = rows[3];
      for (const pick of fields) assert.equal(cents(pick(total)), sum(details, pick), section);
    }
    const sectionTotals = [IV, RF, VC].map((s) => bySection.get(s)![3]);
    const net = bySection.get(TT)![3];
    for (const pick of fields) assert.equal(cents(pick(net)), sum(sectionTotals, pick));
  });
});

/** §5.1 continuation example, page 8 (up to its REIMBURSEMENT FEES heading). */
const CONTINUATION_PAGE_8 =
  ` REPORT ID:  VSS-110                                         VISANET SETTLEMENT SERVICE                        PAGE:              8
 REPORTING FOR:      1000123999 OUTRO BANCO                   BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24
 ROLLUP TO:          1000123400 ACME GRUPO                   SETTLEMENT SUMMARY REPORT                         REPORT DATE: 05JUL24
 FUNDS XFER ENTITY:  1000123400 ACME GRUPO

 SETTLEMENT CURRENCY:  BRL


                                                                       CREDIT                     DEBIT                     TOTAL
                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT

    TOTAL OTHER                                   0                      0.00                      0.00                      0.00

    TOTAL INTERCHANGE VALUE                     310                      0.00                 41,250.00                 41,250.00DB

 REIMBURSEMENT FEES`;

/** Page 7 of the same instance, built by hand: it ends after TOTAL ISSUER, without END. */
function page7(): string {
  const lines = CONTINUATION_PAGE_8.split("\n").slice(0, 11);
  lines[0] = lines[0].replace(/8$/, "7");
  return [
    ...lines,
    " INTERCHANGE VALUE",
    "",
    "    TOTAL ACQUIRER                                0                      0.00                      0.00                      0.00",
    "    TOTAL ISSUER                                310                      0.00                 41,250.00                 41,250.00DB",
  ].join("\n");
}

const REST_OF_PAGE_8 = [
  "",
  "    TOTAL ACQUIRER                                                       0.00                      0.00                      0.00",
  "    TOTAL ISSUER                                                       100.00                      0.00                    100.00CR",
  "    TOTAL OTHER                                                          0.00                      0.00                      0.00",
  "",
  "    TOTAL REIMBURSEMENT FEES                                           100.00                      0.00                    100.00CR",
  "",
  "",
  "                                                   *** END OF VSS-110 REPORT ***",
];

Deno.test("VSS-110 continuation page (§5.1, §4.4): open sections carry over", async (t) => {
  const text = "\f" + page7() + "\n\f" + [CONTINUATION_PAGE_8, ...REST_OF_PAGE_8].join("\n") + "\n";
  const segments = await readPages(text, "EP747_20240705.TXT");
  assert.equal(segments.length, 2);
  const strategy = new Vss110Strategy();
  const [p7, p8] = segments.map((s) => strategy.parse(s));

  await t.step("page 7 ends without END marker, INTERCHANGE VALUE open", () => {
    assert.equal(p7.header.page, 7);
    assert.equal(p7.ended, false);
    assert.deepEqual(p7.amounts.map((a) => [a.line, a.label, pathOf(a)]), [
      [14, "TOTAL ACQUIRER", "INTERCHANGE VALUE"],
      [15, "TOTAL ISSUER", "INTERCHANGE VALUE"],
    ]);
    assert.deepEqual(resolveSections([], p7.endSections).map((h) => h.text), [
      "INTERCHANGE VALUE",
    ]);
  });

  await t.step("page 8's first rows open no section of their own", () => {
    assert.equal(p8.header.page, 8);
    assert.equal(p8.header.reporting_for, "1000123999 OUTRO BANCO");
    assert.equal(p8.ended, true);
    const [other, total] = p8.amounts;
    assert.deepEqual([other.line, other.label], [15 + 12, "TOTAL OTHER"]);
    assert.deepEqual([total.line, total.label], [15 + 14, "TOTAL INTERCHANGE VALUE"]);
    assert.deepEqual(other.localSections, []);
    assert.deepEqual(total.localSections, []);
    // without page 7 the path is unknown
    assert.equal(pathOf(other), "");
    assert.equal(pathOf(total), "");
  });

  await t.step("resolved against page 7, they belong to INTERCHANGE VALUE", () => {
    const inherited = resolveSections([], p7.endSections);
    assert.deepEqual(
      p8.amounts.map((a) => [a.label, pathOf(a, inherited)]),
      [
        ["TOTAL OTHER", "INTERCHANGE VALUE"],
        ["TOTAL INTERCHANGE VALUE", "INTERCHANGE VALUE"],
        ["TOTAL ACQUIRER", "REIMBURSEMENT FEES"],
        ["TOTAL ISSUER", "REIMBURSEMENT FEES"],
        ["TOTAL OTHER", "REIMBURSEMENT FEES"],
        ["TOTAL REIMBURSEMENT FEES", "REIMBURSEMENT FEES"],
      ],
    );
  });

  await t.step("page 8 values", () => {
    assert.deepEqual(
      p8.amounts.slice(0, 2).map((a) => [a.count, a.credit_amount, a.debit_amount, a.total_amount]),
      [["0", "0.00", "0.00", "0.00"], ["310", "0.00", "41250.00", "-41250.00"]],
    );
    assert.equal(p8.amounts[3].total_amount, "100.00");
  });
});
