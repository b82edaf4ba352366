/**
 * Tests for the hooks and value kinds the report strategies added to the shared parser:
 * `classifyLine` defaults (separator lines and `CAUTION:` banners carry nothing; column
 * headers only in the value zone, so a heading made of header words stays a heading; later
 * header groups replace the anchors when a strategy accepts them), `rowRef`, `closesLevel`,
 * `bodyStart`, rate and percentage tokens (`tokenDecimal`, `parseRate`, `parsePercent`) and
 * `headerColumns` (anchors with their stacked words).
 *
 * @module
 */

import assert from "node:assert/strict";
import type { PageSegment } from "../../src/reader/ep747_pages.ts";
import {
  columnAnchors,
  type ColumnSpec,
  headerColumns,
} from "../../src/strategies/column_layout.ts";
import { ColumnReportStrategy } from "../../src/strategies/column_report_strategy.ts";
import {
  type LineClass,
  type LineContext,
  startsInValueZone,
} from "../../src/strategies/parsing_strategy.ts";
import { findValueTokens, tokenDecimal, valueKind } from "../../src/strategies/value_tokens.ts";
import { parsePercent, parseRate } from "../../src/utils/decimal.ts";
import Vss110Strategy from "../../strategies/vss_110.ts";

function segment(lines: string[]): PageSegment {
  return { kind: "page", file: "t.txt", position: 1, lineStart: 1, lineEnd: lines.length, lines };
}

const HEADER = [
  " REPORT ID:  VSS-110                                         VISANET SETTLEMENT SERVICE                        PAGE:              1",
  " REPORTING FOR:      1000123456 ACME BANCO S.A.               BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
  " ROLLUP TO:          1000123400 ACME GRUPO                   SETTLEMENT SUMMARY REPORT                         REPORT DATE: 05JUL24",
  " FUNDS XFER ENTITY:  1000123400 ACME GRUPO",
  "",
  " SETTLEMENT CURRENCY:  BRL",
  "",
];
const COLUMNS = [
  "                                                                       CREDIT                     DEBIT                     TOTAL",
  "                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT",
];
const ROW =
  "    TOTAL ISSUER                             12,388                  8,360.55              1,402,267.90              1,393,907.35DB";

Deno.test("separator lines and CAUTION banners carry nothing, and close no section", () => {
  const page = new Vss110Strategy().parse(segment([
    ...HEADER,
    ...COLUMNS,
    "",
    " INTERCHANGE VALUE",
    " ------------------------------------------------------------",
    " CAUTION: FIGURES SUBJECT TO ADJUSTMENT",
    " ==============================",
    ROW,
  ]));
  assert.equal(page.amounts.length, 1);
  assert.deepEqual(page.amounts[0].localSections, [{ indent: 2, text: "INTERCHANGE VALUE" }]);
  assert.equal(page.amounts[0].total_amount, "-1393907.35");
});

Deno.test("column-header lines printed again further down are neither headings nor amounts", () => {
  const page = new Vss110Strategy().parse(segment([
    ...HEADER,
    ...COLUMNS,
    "",
    " INTERCHANGE VALUE",
    ROW,
    "",
    ...COLUMNS,
    "",
    ROW.replace("TOTAL ISSUER", "TOTAL OTHER "),
  ]));
  assert.deepEqual(
    page.amounts.map((a) => [a.label, a.localSections.map((h) => h.text)]),
    [["TOTAL ISSUER", ["INTERCHANGE VALUE"]], ["TOTAL OTHER", ["INTERCHANGE VALUE"]]],
  );
});

Deno.test("a heading made of header words before the column headers stays a heading", () => {
  assert.equal(startsInValueZone(" INTERCHANGE VALUE"), false);
  assert.equal(startsInValueZone(COLUMNS[1]), true);
  const page = new Vss110Strategy().parse(segment([
    ...HEADER,
    " INTERCHANGE VALUE",
    ...COLUMNS,
    "",
    ROW,
  ]));
  assert.deepEqual(page.amounts[0].localSections, [{ indent: 2, text: "INTERCHANGE VALUE" }]);
  assert.equal(page.amounts[0].count, "12388");
});

/** A one-column strategy that accepts column headers anywhere (as VSS-900 does). */
class RepeatingHeaders extends ColumnReportStrategy {
  readonly reportId = "VSS-110";
  readonly columns: readonly ColumnSpec[] = [
    { name: "count", kind: "count", rightEdge: 51, field: "count" },
  ];
  override classifyLine(text: string, context: LineContext): LineClass {
    return super.classifyLine(text, { ...context, firstHeaderGroup: true });
  }
}

Deno.test("a later group of column headers replaces the anchors for the rows after it", () => {
  const row = (label: string, end: number, value: string) =>
    label.padEnd(end - value.length) + value;
  const page = new RepeatingHeaders().parse(segment([
    ...HEADER,
    "                                              COUNT",
    "",
    row(" A", 51, "1"),
    "",
    "                                                                  COUNT",
    "",
    row(" B", 71, "2"), // 20 columns right: only the second group's anchor fits
  ]));
  assert.deepEqual(page.amounts.map((a) => [a.label, a.count]), [["A", "1"], ["B", "2"]]);
});

Deno.test("closesLevel and rowRef hooks", async (t) => {
  class Hooks extends Vss110Strategy {
    override closesLevel(label: string): boolean {
      return label !== "TOTAL ISSUER";
    }
    override rowRef(labelText: string) {
      const at = labelText.indexOf("REF9");
      return at < 0 ? null : { start: at, text: "REF9" };
    }
  }
  await t.step("a total row that does not close its level", () => {
    const page = new Hooks().parse(segment([
      ...HEADER,
      ...COLUMNS,
      "",
      "    ISSUER",
      ROW,
      ROW.replace("TOTAL ISSUER", "DETAIL      "),
    ]));
    assert.deepEqual(page.amounts.map((a) => a.localSections.map((h) => h.text)), [
      ["ISSUER"],
      ["ISSUER"],
    ]);
  });
  await t.step("a reference is cut from the label into row_ref", () => {
    const page = new Hooks().parse(segment([
      ...HEADER,
      ...COLUMNS,
      "",
      ROW.replace("TOTAL ISSUER              ", "TOTAL ISSUER          REF9"),
    ]));
    assert.equal(page.amounts[0].label, "TOTAL ISSUER");
    assert.equal(page.amounts[0].row_ref, "REF9");
  });
  await t.step("no reference: no row_ref key at all (existing strategies unchanged)", () => {
    const page = new Vss110Strategy().parse(segment([...HEADER, ...COLUMNS, "", ROW]));
    assert.equal("row_ref" in page.amounts[0], false);
  });
});

Deno.test("rates and percentages are value tokens with exact decimal text", async (t) => {
  await t.step("valueKind", () => {
    assert.equal(valueKind("5.809100"), "rate");
    assert.equal(valueKind("0.5"), "rate");
    assert.equal(valueKind("-0.125"), "rate");
    assert.equal(valueKind("1.30%"), "percent");
    assert.equal(valueKind("12%"), "percent");
    assert.equal(valueKind("1,250.5%"), "percent");
    assert.equal(valueKind("1.30"), "amount");
    assert.equal(valueKind("1.2.3"), null);
    assert.equal(valueKind("%"), null);
  });
  await t.step("positions: a percentage ends at its last digit", () => {
    const [rate, percent] = findValueTokens(
      "    ROW                   5.809100      1.30%",
    );
    assert.deepEqual([rate.kind, rate.end], ["rate", 34]);
    assert.deepEqual([percent.kind, percent.start, percent.end], ["percent", 41, 44]);
  });
  await t.step("tokenDecimal", () => {
    const [a, c, r, p, d] = findValueTokens(
      "    ROW                   1,393,907.35DB    12,388    005.8091    -1.50%    05JUL24",
    );
    assert.deepEqual([a, c, r, p].map(tokenDecimal), ["-1393907.35", "12388", "5.8091", "-1.50"]);
    assert.throws(() => tokenDecimal(d), /date/);
  });
  await t.step("parseRate and parsePercent", () => {
    assert.equal(parseRate("5.809100"), "5.809100");
    assert.equal(parseRate("-0.000"), "0.000");
    assert.equal(parsePercent("1,250.5%"), "1250.5");
    assert.equal(parsePercent("-0%"), "0");
    assert.throws(() => parseRate("1.30"), RangeError);
    assert.throws(() => parsePercent("1.30"), RangeError);
  });
});

Deno.test("headerColumns: anchors with their stacked words, top to bottom", () => {
  const lines = [
    "                              **********SETTLEMENT CURRENCY***********",
    "                                      INTERCHANGE           CONVERSION",
    "                                           AMOUNT                  FEE",
  ];
  assert.deepEqual(headerColumns(lines), [
    { start: 39, end: 49, texts: ["INTERCHANGE", "AMOUNT"] },
    { start: 61, end: 70, texts: ["CONVERSION", "FEE"] },
  ]);
  assert.deepEqual(columnAnchors(lines), [49, 70]);
});
