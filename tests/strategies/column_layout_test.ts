/**
 * Tests for column anchors and value assignment (`column_layout.ts`, layout notes §4.5):
 * anchors from stacked column-header words (VSS-110 gives 51/77/103/129), banners ignored,
 * tokens placed left to right or by nearest anchor, and out-of-tolerance tokens rejected.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  ANCHOR_TOLERANCE,
  assignTokens,
  columnAnchors,
  ColumnAssignmentError,
  type ColumnSpec,
} from "../../src/strategies/column_layout.ts";
import type { ValueToken } from "../../src/strategies/value_tokens.ts";

/** §5.1 column headers, as printed in the seed page and the example. */
const VSS110_HEADERS = [
  "                                                                       CREDIT                     DEBIT                     TOTAL",
  "                                              COUNT                    AMOUNT                    AMOUNT                    AMOUNT",
];

/** §5.2: a banner line over the COUNT/AMOUNT pairs. */
const VSS115_HEADERS = [
  "                       --------------CREDITS------------- ------------------DEBITS---------- ------------------TOTAL---------------",
  "                                 COUNT             AMOUNT           COUNT             AMOUNT           COUNT               AMOUNT",
];

/** §5.3: three stacked lines. */
const VSS120_HEADERS = [
  "                                      CURRENCY               COUNT               CLEARING          INTERCHANGE          INTERCHANGE",
  "                                       TABLE                                      AMOUNT              VALUE                VALUE",
  "                                        DATE                                                         CREDITS               DEBITS",
];

/** §5.7: `*` banners and a two-word phrase (`OPT ISSUER`). */
const VSS210_HEADERS = [
  "                              **********SETTLEMENT CURRENCY***********  *********************CLEARING CURRENCY*********************",
  "                                      INTERCHANGE           CONVERSION          INTERCHANGE          CONVERSION        OPT ISSUER",
  "                                           AMOUNT                  FEE               AMOUNT                 FEE               FEE",
];

const VSS110_COLUMNS: ColumnSpec[] = [
  { name: "count", kind: "count", rightEdge: 51, field: "count" },
  { name: "credit_amount", kind: "amount", rightEdge: 77, field: "credit_amount" },
  { name: "debit_amount", kind: "amount", rightEdge: 103, field: "debit_amount" },
  { name: "total_amount", kind: "amount", rightEdge: 129, field: "total_amount" },
];
const VSS110_ANCHORS = [51, 77, 103, 129];

const amount = (text: string, end: number): ValueToken => ({
  kind: "amount",
  text,
  end,
  start: end - text.replace(/(DB|CR)$/, "").length + 1,
});
const count = (text: string, end: number): ValueToken => ({
  kind: "count",
  text,
  end,
  start: end - text.length + 1,
});

/** The assignment as `column name → token text`, for readable assertions. */
function byName(placed: Map<number, ValueToken>, columns: readonly ColumnSpec[]) {
  return Object.fromEntries([...placed].map(([i, t]) => [columns[i].name, t.text]));
}

Deno.test("columnAnchors: rightmost end of the words stacked above each column", async (t) => {
  const cases: [string, string[], number[]][] = [
    ["VSS-110 (§4.5: exactly 51/77/103/129)", VSS110_HEADERS, [51, 77, 103, 129]],
    ["VSS-115: banner line ignored", VSS115_HEADERS, [38, 57, 73, 92, 108, 129]],
    ["VSS-120: three lines", VSS120_HEADERS, [46, 66, 89, 110, 131]],
    ["VSS-210: * banners ignored, OPT ISSUER one phrase", VSS210_HEADERS, [49, 70, 91, 111, 129]],
    ["two blanks separate columns", ["        CREDIT", " COUNT  AMOUNT"], [6, 14]],
    ["one blank joins words into one phrase", ["        CREDIT", "  COUNT AMOUNT"], [14]],
    ["no header lines", [], []],
    ["only a banner", ["   ----------   ***********"], []],
  ];
  for (const [name, lines, expected] of cases) {
    await t.step(name, () => assert.deepEqual(columnAnchors(lines), expected));
  }
  await t.step("line order does not matter", () => {
    assert.deepEqual(columnAnchors([...VSS120_HEADERS].reverse()), [46, 66, 89, 110, 131]);
  });
  await t.step("a word bridging two clusters merges them", () => {
    // A [3-5], B [9-11], then a phrase over 5-9 joins both into one column ending at 11
    assert.deepEqual(columnAnchors(["  AAA   BBB", "    CCCCC"]), [11]);
  });
});

Deno.test("assignTokens: as many tokens as columns go left to right", async (t) => {
  await t.step("the §5.1 TOTAL ISSUER row", () => {
    const tokens = [
      count("12,388", 51),
      amount("8,360.55", 77),
      amount("1,402,267.90", 103),
      amount("1,393,907.35DB", 129),
    ];
    const placed = assignTokens(tokens, VSS110_COLUMNS, VSS110_ANCHORS);
    assert.deepEqual(byName(placed, VSS110_COLUMNS), {
      count: "12,388",
      credit_amount: "8,360.55",
      debit_amount: "1,402,267.90",
      total_amount: "1,393,907.35DB",
    });
  });
  await t.step("the over-long row of §5.1's quirk (total ending at column 138)", () => {
    const tokens = [
      count("0", 51),
      amount("0.00", 77),
      amount("0.00", 103),
      amount("28.00DB", 138),
    ];
    const placed = assignTokens(tokens, VSS110_COLUMNS, VSS110_ANCHORS);
    assert.equal(placed.get(3)?.text, "28.00DB");
    assert.equal(placed.size, 4);
  });
  await t.step("producer drift of a few columns on every value", () => {
    const tokens = [count("1", 53), amount("1.00", 80), amount("2.00", 106), amount("1.00DB", 133)];
    const placed = assignTokens(tokens, VSS110_COLUMNS, VSS110_ANCHORS);
    assert.deepEqual([...placed.keys()].sort(), [0, 1, 2, 3]);
    assert.equal(placed.get(2)?.text, "2.00");
  });
});

Deno.test("assignTokens: fewer tokens go to the nearest anchor", async (t) => {
  await t.step("REIMBURSEMENT FEES row: no count, three amounts (§5.1)", () => {
    const tokens = [amount("19,630.07", 77), amount("131.36", 103), amount("19,498.71CR", 129)];
    const placed = assignTokens(tokens, VSS110_COLUMNS, VSS110_ANCHORS);
    assert.deepEqual(byName(placed, VSS110_COLUMNS), {
      credit_amount: "19,630.07",
      debit_amount: "131.36",
      total_amount: "19,498.71CR",
    });
  });
  await t.step("a single total amount", () => {
    const placed = assignTokens([amount("5.00DB", 127)], VSS110_COLUMNS, VSS110_ANCHORS);
    assert.deepEqual(byName(placed, VSS110_COLUMNS), { total_amount: "5.00DB" });
  });
  await t.step("a lone debit amount a few columns off", () => {
    const placed = assignTokens([amount("5.00", 98)], VSS110_COLUMNS, VSS110_ANCHORS);
    assert.deepEqual(byName(placed, VSS110_COLUMNS), { debit_amount: "5.00" });
  });
  await t.step("exactly at the tolerance", () => {
    const end = 77 + ANCHOR_TOLERANCE;
    const placed = assignTokens([amount("5.00", end)], VSS110_COLUMNS, VSS110_ANCHORS);
    assert.deepEqual(byName(placed, VSS110_COLUMNS), { credit_amount: "5.00" });
  });
  await t.step("a count only fills a count column, even when an amount anchor is nearer", () => {
    const columns: ColumnSpec[] = [
      { name: "a", kind: "amount", rightEdge: 40 },
      { name: "n", kind: "count", rightEdge: 46 },
    ];
    const placed = assignTokens([count("7", 41)], columns, [40, 46]);
    assert.deepEqual(byName(placed, columns), { n: "7" });
  });
  await t.step("no tokens, no columns filled", () => {
    assert.equal(assignTokens([], VSS110_COLUMNS, VSS110_ANCHORS).size, 0);
  });
});

Deno.test("assignTokens: tokens that fit no column throw ColumnAssignmentError", async (t) => {
  const cases: [string, ValueToken[], string][] = [
    ["an amount far from every amount anchor", [amount("5.00", 90)], "5.00"],
    ["one column past the tolerance", [amount("5.00", 77 + ANCHOR_TOLERANCE + 1)], "5.00"],
    ["a count far from the count anchor", [count("12", 70)], "12"],
    [
      "two amounts competing for one column",
      [amount("1.00", 76), amount("2.00", 78)],
      "2.00",
    ],
    [
      "equal count but one value far off",
      [count("1", 51), amount("1.00", 77), amount("2.00", 103), amount("3.00", 150)],
      "3.00",
    ],
    [
      "a date where no column takes dates",
      [{ kind: "date", text: "05JUL24", start: 45, end: 51 }],
      "05JUL24",
    ],
  ];
  for (const [name, tokens, culprit] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => assignTokens(tokens, VSS110_COLUMNS, VSS110_ANCHORS),
        (error: unknown) => {
          assert.ok(error instanceof ColumnAssignmentError);
          assert.equal(error.name, "ColumnAssignmentError");
          assert.equal(error.token.text, culprit);
          assert.ok(error.message.includes(culprit), error.message);
          return true;
        },
      );
    });
  }
});
