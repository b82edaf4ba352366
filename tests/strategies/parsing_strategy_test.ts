/**
 * Tests for the shared page parser (`parsing_strategy.ts`, through `ColumnReportStrategy`):
 * column-header detection, headings and keyed lines, total rows, a value-only line after a
 * label-only line, NO DATA and END markers (tolerant, and a mismatching id warned), line
 * numbers, and the errors it raises. Expected values come from the layout notes (§4, §5.7,
 * §5.10), not from running the parser.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { AmountLine, ParsedPage } from "../../src/models/report.ts";
import { PageParseError } from "../../src/models/errors.ts";
import type { PageSegment } from "../../src/reader/ep747_pages.ts";
import { ColumnAssignmentError, type ColumnSpec } from "../../src/strategies/column_layout.ts";
import { ColumnReportStrategy } from "../../src/strategies/column_report_strategy.ts";
import {
  isColumnHeaderLine,
  MAX_LINE_WIDTH,
  normalizeLabel,
} from "../../src/strategies/parsing_strategy.ts";
import { NO_CUTOFF, resolveSections, sectionPath } from "../../src/strategies/section_stack.ts";
import Vss110Strategy from "../../strategies/vss_110.ts";

/** §5.7 VSS-210 example page (label-only `TOTAL …` lines followed by value-only lines). */
const VSS210_PAGE =
  ` REPORT ID:  VSS-210                                         VISANET SETTLEMENT SERVICE                        PAGE:              4
 REPORTING FOR:      1000123457 ACME BANCO INTL           INTERNATIONAL SETTLEMENT SERVICE                     PROC DATE:   05JUL24
 ROLLUP TO:          1000123400 ACME GRUPO                CURRENCY CONVERSION FEES REPORT                      REPORT DATE: 05JUL24
 FUNDS XFER ENTITY:  1000123400 ACME GRUPO

 SETTLEMENT CURRENCY:  USD
 CLEARING CURRENCY:    EUR

                              **********SETTLEMENT CURRENCY***********  *********************CLEARING CURRENCY*********************
                                      INTERCHANGE           CONVERSION          INTERCHANGE          CONVERSION        OPT ISSUER
                                           AMOUNT                  FEE               AMOUNT                 FEE               FEE

 ISSUER TRANSACTIONS

 PURCHASE
  ORIGINAL SALE
   VISA INTERNATIONAL                   45,210.33DB             452.10            41,877.12DB            418.77              0.00

 TOTAL PURCHASE
                                        45,210.33DB             452.10            41,877.12DB            418.77              0.00

 TOTAL CURRENCY CONVERSION FEES
                                        45,210.33DB             452.10            41,877.12DB            418.77              0.00


                                                    *** END OF VSS-210 REPORT ***`;

/** §5.10 VSS-300 example page (`RECAP FOR:` / `TOTAL FOR:` headings with 10-digit ids). */
const VSS300_PAGE =
  ` REPORT ID:  VSS-300                                         VISANET SETTLEMENT SERVICE                        PAGE:              1
 REPORTING FOR:      1000123400 ACME GRUPO                    BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24
                                                             SRE FINANCIAL RECAP REPORT                        REPORT DATE: 05JUL24


 SETTLEMENT CURRENCY: BRL

                                  TOTAL              TOTAL              TOTAL            TOTAL                NET
                              INTERCHANGE         INTERCHANGE      REIMBURSEMENT            VISA         SETTLEMENT
                                  COUNT              VALUE               FEES             CHARGES         AMOUNT

 RECAP FOR: 1000123456 ACME BANCO S.A.
 ACQUIRER                              0                   0.00                0.00                0.00                    0.00
 ISSUER                           12,388           1,393,907.35DB         19,498.71CR          2,100.40            1,376,509.04DB
 OTHER                                 0                   0.00                0.00                0.00                    0.00
 NET SETTLEMENT AMOUNT            12,388           1,393,907.35DB         19,498.71CR          2,100.40            1,376,509.04DB

 TOTAL FOR: 1000123400 ACME GRUPO
 NET SETTLEMENT AMOUNT            12,388           1,393,907.35DB         19,498.71CR          2,100.40            1,376,509.04DB


                                                   *** END OF VSS-300 REPORT ***`;

/** A VSS-210 strategy declared from §5 (catalogue) for these tests. */
class Vss210TestStrategy extends ColumnReportStrategy {
  readonly reportId = "VSS-210";
  readonly columns: readonly ColumnSpec[] = [
    { name: "settlement_ic_amount", kind: "amount", rightEdge: 49 },
    { name: "settlement_conversion_fee", kind: "amount", rightEdge: 70 },
    { name: "clearing_ic_amount", kind: "amount", rightEdge: 91 },
    { name: "clearing_conversion_fee", kind: "amount", rightEdge: 111 },
    { name: "optional_issuer_fee", kind: "amount", rightEdge: 129 },
  ];
}

/** A VSS-300 strategy declared from §5.10 for these tests. */
class Vss300TestStrategy extends ColumnReportStrategy {
  readonly reportId = "VSS-300";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 40, field: "count" },
    { name: "interchange_value", kind: "amount", rightEdge: 63 },
    { name: "reimbursement_fees", kind: "amount", rightEdge: 83 },
    { name: "visa_charges", kind: "amount", rightEdge: 103 },
    { name: "net_settlement", kind: "amount", rightEdge: 127 },
  ];
}

/** A VSS-900-S strategy, to check that suffixed ids in END markers are kept whole. */
class Vss900STestStrategy extends ColumnReportStrategy {
  readonly reportId = "VSS-900-S";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 66, field: "count" },
  ];
}

function segment(text: string, lineStart = 1, file = "test.txt"): PageSegment {
  const lines = text.split("\n");
  return {
    kind: "page",
    file,
    position: 1,
    lineStart,
    lineEnd: lineStart + lines.length - 1,
    lines,
  };
}

/** Header lines 1–6 of a VSS-110 page (§3 example). */
function vss110Header(page = 1): string[] {
  return [
    " REPORT ID:  VSS-110                                         VISANET SETTLEMENT SERVICE                        PAGE:" +
    String(page).padStart(15),
    " REPORTING FOR:      1000123456 ACME BANCO S.A.               BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
    " ROLLUP TO:          1000123400 ACME GRUPO                   SETTLEMENT SUMMARY REPORT                         REPORT DATE: 05JUL24",
    " FUNDS XFER ENTITY:  1000123400 ACME GRUPO",
    "",
    " SETTLEMENT CURRENCY:  BRL",
  ];
}

const VSS110_COLUMN_HEADERS = [
  "                                                                       CREDIT                     DEBIT                     TOTAL",
  "                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT",
];

/** Places `text` so that its last character is at 1-based column `end`. */
function endAt(line: string, end: number, text: string): string {
  return line.padEnd(end - text.length) + text;
}

/** A VSS-110 row from §5.1: label at indent 5, values at 51/77/103/129(+suffix). */
function vss110Row(label: string, count: string, credit: string, debit: string, total: string) {
  let line = "    " + label;
  if (count) line = endAt(line, 51, count);
  line = endAt(line, 77, credit);
  line = endAt(line, 103, debit);
  const suffix = /(DB|CR)$/.exec(total)?.[0] ?? "";
  return endAt(line, 129 + suffix.length, total);
}

const path = (line: AmountLine) =>
  sectionPath(resolveSections([], { cutoff: line.cutoff, local: line.localSections }));

Deno.test("helpers place values at the §5.1 right edges", () => {
  const row = vss110Row("TOTAL ISSUER", "12,388", "8,360.55", "1,402,267.90", "1,393,907.35DB");
  assert.equal(
    row,
    "    TOTAL ISSUER                             12,388                  8,360.55              1,402,267.90              1,393,907.35DB",
  );
});

Deno.test("normalizeLabel collapses inner blanks", async (t) => {
  const cases: [string, string][] = [
    ["   NET   PURCHASE   ", "NET PURCHASE"],
    [" ORIGINAL SALE        RVRSL", "ORIGINAL SALE RVRSL"],
    ["TOTAL", "TOTAL"],
    ["", ""],
  ];
  for (const [text, expected] of cases) {
    await t.step(JSON.stringify(text), () => assert.equal(normalizeLabel(text), expected));
  }
});

Deno.test("isColumnHeaderLine recognises column headers by their words (§4.1)", async (t) => {
  const cases: [string, boolean][] = [
    [VSS110_COLUMN_HEADERS[0], true],
    [VSS110_COLUMN_HEADERS[1], true],
    [
      "                       --------------CREDITS------------- ------------------DEBITS----------",
      true,
    ],
    ["                              **********SETTLEMENT CURRENCY***********", true],
    ["                               PROCESSING                  COUNT", true],
    ["   -------------------------------", true],
    [" ISSUER TRANSACTIONS", false],
    ["   27-DAY DEFER", false],
    ["     PURCHASE", false],
    ["", false],
  ];
  for (const [line, expected] of cases) {
    await t.step(
      JSON.stringify(line.trim()),
      () => assert.equal(isColumnHeaderLine(line), expected),
    );
  }
  await t.step("extra words of a report", () => {
    assert.equal(isColumnHeaderLine("      CRS   WIDGETS"), false);
    assert.equal(isColumnHeaderLine("      CRS   WIDGETS", new Set(["WIDGETS"])), true);
  });
});

Deno.test("VSS-210 (§5.7): a value-only line takes the label-only line above", () => {
  const page = new Vss210TestStrategy().parse(segment(VSS210_PAGE, 101));
  assert.equal(page.header.settlement_currency, "USD");
  assert.equal(page.header.clearing_currency, "EUR");
  assert.equal(page.ended, true);
  assert.equal(page.noData, false);
  assert.deepEqual(page.warnings, []);
  const values = {
    settlement_ic_amount: "-45210.33",
    settlement_conversion_fee: "452.10",
    clearing_ic_amount: "-41877.12",
    clearing_conversion_fee: "418.77",
    optional_issuer_fee: "0.00",
  };
  assert.deepEqual(
    page.amounts.map((a) => ({
      line: a.line,
      label: a.label,
      is_total: a.is_total,
      section: path(a),
      columns: a.columns,
    })),
    [
      // §5.7 line 17; type PURCHASE at indent 2 replaced the mode heading (also at indent 2)
      {
        line: 117,
        label: "VISA INTERNATIONAL",
        is_total: false,
        section: "PURCHASE - ORIGINAL SALE",
        columns: values,
      },
      // label on line 19, values on line 20; §4.3: record the total row first, then pop
      {
        line: 120,
        label: "TOTAL PURCHASE",
        is_total: true,
        section: "PURCHASE - ORIGINAL SALE",
        columns: values,
      },
      // TOTAL PURCHASE (indent 2) closed every level
      {
        line: 123,
        label: "TOTAL CURRENCY CONVERSION FEES",
        is_total: true,
        section: "",
        columns: values,
      },
    ],
  );
  for (const a of page.amounts) {
    assert.equal(a.count, null);
    assert.equal(a.credit_amount, null);
    assert.equal(a.debit_amount, null);
    assert.equal(a.total_amount, null);
    assert.equal(a.raw, VSS210_PAGE.split("\n")[a.line - 101]);
  }
  assert.deepEqual(page.endSections.local, []);
});

Deno.test("a wrapped total row gets the same section as the same row printed on one line", () => {
  const lines = VSS210_PAGE.split("\n");
  // join "TOTAL PURCHASE" (line 19) with its values (line 20) into a single row
  const joined = [
    ...lines.slice(0, 18),
    " TOTAL PURCHASE" + lines[19].slice(15),
    ...lines.slice(20),
  ];
  const wrapped = new Vss210TestStrategy().parse(segment(VSS210_PAGE));
  const single = new Vss210TestStrategy().parse(segment(joined.join("\n")));
  assert.deepEqual(wrapped.amounts.map(path), single.amounts.map(path));
  assert.deepEqual(wrapped.amounts.map((a) => a.label), single.amounts.map((a) => a.label));
  assert.deepEqual(wrapped.endSections, single.endSections);
});

Deno.test("VSS-300 (§5.10): RECAP FOR / TOTAL FOR are headings, ids are not values", () => {
  const page = new Vss300TestStrategy().parse(segment(VSS300_PAGE));
  assert.equal(page.header.report_id, "VSS-300");
  assert.equal(page.header.rollup_to, null);
  assert.equal(page.ended, true);
  const issuer = {
    count: "12388",
    interchange_value: "-1393907.35",
    reimbursement_fees: "19498.71",
    visa_charges: "2100.40",
    net_settlement: "-1376509.04",
  };
  const zero = {
    count: "0",
    interchange_value: "0.00",
    reimbursement_fees: "0.00",
    visa_charges: "0.00",
    net_settlement: "0.00",
  };
  const recap = "RECAP FOR: 1000123456 ACME BANCO S.A.";
  assert.deepEqual(
    page.amounts.map((a) => [a.line, a.label, a.is_total, path(a), a.columns, a.count]),
    [
      [13, "ACQUIRER", false, recap, zero, "0"],
      [14, "ISSUER", false, recap, issuer, "12388"],
      [15, "OTHER", false, recap, zero, "0"],
      [16, "NET SETTLEMENT AMOUNT", true, recap, issuer, "12388"],
      [19, "NET SETTLEMENT AMOUNT", true, "TOTAL FOR: 1000123400 ACME GRUPO", issuer, "12388"],
    ],
  );
});

Deno.test("a keyed line is a heading even when its id sits in the value zone", () => {
  const text = [
    ...vss110Header(),
    "",
    ...VSS110_COLUMN_HEADERS,
    "",
    " RECAP FOR:          1000123456 ACME BANCO S.A.",
    vss110Row("TOTAL ISSUER", "1", "0.00", "1.00", "1.00DB"),
  ].join("\n");
  const page = new Vss110Strategy().parse(segment(text));
  assert.equal(page.amounts.length, 1);
  assert.equal(path(page.amounts[0]), "RECAP FOR: 1000123456 ACME BANCO S.A.");
  assert.equal(page.amounts[0].count, "1");
});

Deno.test("total rows: TOTAL, NET and the settlement labels (§4.1)", async (t) => {
  const cases: [string, boolean][] = [
    ["TOTAL ISSUER", true],
    ["TOTAL", true],
    ["NET   PURCHASE", true],
    ["NET SETTLEMENT AMOUNT", true],
    ["FINAL SETTLEMENT NET AMOUNT", true],
    ["ORIGINAL SALE", false],
    ["TOTALS ISSUER", false],
    ["SUBTOTAL ISSUER", false],
    ["NETWORK FEES", false],
    ["REIMBURSEMENT FEES", false],
  ];
  for (const [label, expected] of cases) {
    await t.step(label, () => {
      const text = [
        ...vss110Header(),
        "",
        ...VSS110_COLUMN_HEADERS,
        "",
        " VISA CHARGES",
        vss110Row(label, "", "0.00", "2.00", "2.00DB"),
      ].join("\n");
      const [row] = new Vss110Strategy().parse(segment(text)).amounts;
      assert.equal(row.label, normalizeLabel(label));
      assert.equal(row.is_total, expected);
    });
  }
});

Deno.test("a total row closes its level after it is recorded (§4.3)", () => {
  const text = [
    ...vss110Header(),
    "",
    ...VSS110_COLUMN_HEADERS,
    "",
    " INTERCHANGE VALUE",
    "    ISSUER",
    vss110Row("  DETAIL", "1", "0.00", "1.00", "1.00DB"),
    vss110Row("TOTAL ISSUER", "1", "0.00", "1.00", "1.00DB"),
    vss110Row("  AFTER", "1", "0.00", "1.00", "1.00DB"),
  ].join("\n");
  const page = new Vss110Strategy().parse(segment(text));
  assert.deepEqual(page.amounts.map((a) => [a.label, path(a)]), [
    ["DETAIL", "INTERCHANGE VALUE - ISSUER"],
    ["TOTAL ISSUER", "INTERCHANGE VALUE - ISSUER"],
    ["AFTER", "INTERCHANGE VALUE"],
  ]);
});

Deno.test("NO DATA page: noData, no amounts, END still read (§4.1, §9.8)", () => {
  const text = [
    ...vss110Header(2),
    "",
    "",
    "                                           *** NO DATA FOR THIS REPORT ***",
    "",
    "",
    "                                                   *** END OF VSS-110 REPORT ***",
  ].join("\n");
  const page: ParsedPage = new Vss110Strategy().parse(segment(text));
  assert.equal(page.noData, true);
  assert.equal(page.ended, true);
  assert.deepEqual(page.amounts, []);
  assert.deepEqual(page.warnings, []);
  assert.equal(page.parsed, true);
  assert.equal(page.header.page, 2);
  assert.deepEqual(page.endSections, { cutoff: NO_CUTOFF, local: [] });
});

Deno.test("END markers are matched tolerantly; a different id is a warning", async (t) => {
  const body = (marker: string) =>
    [
      ...vss110Header(),
      "",
      ...VSS110_COLUMN_HEADERS,
      "",
      " INTERCHANGE VALUE",
      vss110Row("TOTAL ISSUER", "1", "0.00", "1.00", "1.00DB"),
      "",
      marker,
    ].join("\n");
  const cases: [string, string, boolean, RegExp | null][] = [
    [
      "one blank inside",
      "                                                   *** END OF VSS-110 REPORT ***",
      true,
      null,
    ],
    [
      "two blanks inside",
      "                                                   ***  END OF VSS-110 REPORT  ***",
      true,
      null,
    ],
    ["no blanks inside", "***END OF VSS-110 REPORT***", true, null],
    ["no marker", "", false, null],
    [
      "a marker naming another report",
      "                                                   *** END OF VSS-120 REPORT ***",
      true,
      /line 14\b.*VSS-120.*VSS-110/,
    ],
    [
      "a suffixed id is not this report",
      "                                                   *** END OF VSS-110-W REPORT ***",
      true,
      /VSS-110-W/,
    ],
    [
      "not a marker: no stars",
      "                                                   END OF VSS-110 REPORT",
      false,
      null,
    ],
  ];
  for (const [name, marker, ended, warning] of cases) {
    await t.step(name, () => {
      const page = new Vss110Strategy().parse(segment(body(marker)));
      assert.equal(page.ended, ended);
      assert.equal(page.amounts.length, 1);
      if (warning) {
        assert.equal(page.warnings.length, 1, JSON.stringify(page.warnings));
        assert.match(page.warnings[0], warning);
      } else {
        assert.deepEqual(page.warnings, []);
      }
    });
  }
  await t.step("VSS-900-S keeps its whole id in the END marker", () => {
    const text = [
      " REPORT ID:  VSS-900-S                                       VISANET SETTLEMENT SERVICE                        PAGE:              1",
      " REPORTING FOR:      1000123400 ACME GRUPO                    BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
      "",
      " SETTLEMENT CURRENCY:  BRL",
      "",
      "                                                   *** END OF VSS-900-S REPORT ***",
    ].join("\n");
    const page = new Vss900STestStrategy().parse(segment(text));
    assert.equal(page.ended, true);
    assert.deepEqual(page.warnings, []);
  });
});

Deno.test("lines wider than 133 characters are kept with a warning (§9.5)", () => {
  const wide = vss110Row("TOTAL ISSUER", "1", "0.00", "1.00", "1.00DB").padEnd(MAX_LINE_WIDTH + 7);
  const text = [...vss110Header(), "", ...VSS110_COLUMN_HEADERS, "", " INTERCHANGE VALUE", wide];
  const page = new Vss110Strategy().parse(segment(text.join("\n"), 50));
  assert.equal(page.amounts.length, 1);
  assert.equal(page.amounts[0].raw, wide);
  assert.equal(page.warnings.length, 1);
  assert.match(page.warnings[0], /line 61\b.*140/);
});

Deno.test("errors name the file, the line and the field", async (t) => {
  await t.step("a page of another report", () => {
    const text = vss110Header().join("\n").replace("VSS-110", "VSS-120");
    assert.throws(
      () => new Vss110Strategy().parse(segment(text, 7, "EP747_X.TXT")),
      (error: unknown) => {
        assert.ok(error instanceof PageParseError);
        assert.deepEqual(
          [error.location.file, error.location.line, error.location.field],
          ["EP747_X.TXT", 7, "report_id"],
        );
        assert.ok(error.message.includes("VSS-120"), error.message);
        return true;
      },
    );
  });
  await t.step("values without any label above", () => {
    const text = [
      ...vss110Header(),
      "",
      ...VSS110_COLUMN_HEADERS,
      "",
      vss110Row("", "1", "0.00", "1.00", "1.00DB"),
    ].join("\n");
    assert.throws(
      () => new Vss110Strategy().parse(segment(text, 1, "f.txt")),
      (error: unknown) => {
        assert.ok(error instanceof PageParseError);
        assert.deepEqual(
          [error.location.file, error.location.line, error.location.field],
          ["f.txt", 11, "label"],
        );
        return true;
      },
    );
  });
  await t.step("values after a blank line that follows a label-only line", () => {
    const text = [
      ...vss110Header(),
      "",
      ...VSS110_COLUMN_HEADERS,
      "",
      "    TOTAL ISSUER",
      "",
      vss110Row("", "1", "0.00", "1.00", "1.00DB"),
    ].join("\n");
    assert.throws(() => new Vss110Strategy().parse(segment(text)), PageParseError);
  });
  await t.step("a value no column takes: wrapped with line and cause", () => {
    const bad = endAt("    TOTAL ISSUER", 90, "5.00");
    const text = [...vss110Header(), "", ...VSS110_COLUMN_HEADERS, "", " VISA CHARGES", bad];
    assert.throws(
      () => new Vss110Strategy().parse(segment(text.join("\n"), 200, "g.txt")),
      (error: unknown) => {
        assert.ok(error instanceof PageParseError);
        assert.deepEqual(
          [error.location.file, error.location.line, error.location.field],
          ["g.txt", 211, "amounts"],
        );
        assert.ok(error.cause instanceof ColumnAssignmentError);
        assert.ok(error.message.includes("TOTAL ISSUER"), error.message);
        return true;
      },
    );
  });
});
