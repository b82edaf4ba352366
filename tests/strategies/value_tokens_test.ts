/**
 * Tests for value-token scanning (`value_tokens.ts`): kinds, 1-based positions, `end`
 * without the sign suffix, `1,000.00 DB` joined, nothing before column 20, and heading
 * texts such as `27-DAY DEFER` that hold no values.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  compactToken,
  findValueTokens,
  FIRST_VALUE_COLUMN,
  valueKind,
  type ValueToken,
} from "../../src/strategies/value_tokens.ts";

/** Places `text` so that its first character is at 1-based column `start`. */
function at(line: string, start: number, text: string): string {
  return line.padEnd(start - 1) + text;
}

const SEED = Deno.readTextFileSync(new URL("../fixtures/seed_vss110_page.txt", import.meta.url))
  .split("\n");

Deno.test("valueKind", async (t) => {
  const cases: [string, ReturnType<typeof valueKind>][] = [
    ["1,393,907.35DB", "amount"],
    ["19,498.71CR", "amount"],
    ["0.00", "amount"],
    ["-5.00", "amount"],
    ["5.00-", "amount"],
    ["334,544", "count"],
    ["0", "count"],
    ["05JUL24", "date"],
    ["31FEB24", "date"],
    ["27-DAY", null],
    ["A1277", null],
    ["TOTAL", null],
    ["DB", null],
    ["1000123456", "count"],
  ];
  for (const [word, expected] of cases) {
    await t.step(word, () => assert.equal(valueKind(word), expected));
  }
});

Deno.test("findValueTokens on the seed TOTAL ISSUER row (layout notes §5.1 right edges)", () => {
  // seed line 15; §5.1: count RE 51, credit RE 77, debit RE 103, total RE 129 + suffix 130–131
  const tokens = findValueTokens(SEED[14]);
  assert.deepEqual(tokens, [
    { kind: "count", text: "334,544", start: 45, end: 51 },
    { kind: "amount", text: "350,719.10", start: 68, end: 77 },
    { kind: "amount", text: "28,432,638.49", start: 91, end: 103 },
    { kind: "amount", text: "28,081,919.39DB", start: 117, end: 129 },
  ]);
});

Deno.test("findValueTokens: positions and end without suffix", async (t) => {
  const cases: { name: string; line: string; expected: ValueToken[] }[] = [
    {
      name: "CR suffix excluded from end",
      line: at("    TOTAL ISSUER", 121, "19,498.71CR"),
      expected: [{ kind: "amount", text: "19,498.71CR", start: 121, end: 129 }],
    },
    {
      name: "trailing minus excluded from end",
      line: at("    X", 30, "12.50-"),
      expected: [{ kind: "amount", text: "12.50-", start: 30, end: 34 }],
    },
    {
      name: "leading minus is part of the token and counts in start",
      line: at("    X", 30, "-12.50"),
      expected: [{ kind: "amount", text: "-12.50", start: 30, end: 35 }],
    },
    {
      name: "date then count then amount (VSS-610 row)",
      line: at(at(at("     PURCHASE", 35, "08JUN24"), 62, "402"), 88, "51,200.00DB"),
      expected: [
        { kind: "date", text: "08JUN24", start: 35, end: 41 },
        { kind: "count", text: "402", start: 62, end: 64 },
        { kind: "amount", text: "51,200.00DB", start: 88, end: 96 },
      ],
    },
    {
      name: "value at exactly column 20 counts",
      line: at("", FIRST_VALUE_COLUMN, "7"),
      expected: [{ kind: "count", text: "7", start: 20, end: 20 }],
    },
    {
      name: "an over-long row (seed line 14, total ending at column 140)",
      line: SEED[13],
      expected: [
        { kind: "count", text: "0", start: 51, end: 51 },
        { kind: "amount", text: "0.00", start: 74, end: 77 },
        { kind: "amount", text: "0.00", start: 100, end: 103 },
        { kind: "amount", text: "28,081,919.39DB", start: 126, end: 138 },
      ],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => assert.deepEqual(findValueTokens(c.line), c.expected));
  }
});

Deno.test("findValueTokens joins a suffix printed after one blank", async (t) => {
  await t.step("1,000.00 DB", () => {
    const tokens = findValueTokens(at("    TOTAL X", 40, "1,000.00 DB"));
    assert.deepEqual(tokens, [{ kind: "amount", text: "1,000.00DB", start: 40, end: 47 }]);
    assert.equal(compactToken(tokens[0]), "1,000.00DB");
  });
  await t.step("5.00 CR then another amount", () => {
    const tokens = findValueTokens(at(at("    X", 40, "5.00 CR"), 60, "6.00"));
    assert.deepEqual(tokens.map((t) => [t.text, t.end]), [["5.00CR", 43], ["6.00", 63]]);
  });
  await t.step("two blanks before the suffix: not joined", () => {
    const tokens = findValueTokens(at("    X", 40, "1,000.00  DB"));
    assert.deepEqual(tokens.map((t) => t.text), ["1,000.00"]);
  });
  await t.step("suffix after an amount that already has one: not joined", () => {
    const tokens = findValueTokens(at("    X", 40, "1.00DB CR"));
    assert.deepEqual(tokens.map((t) => t.text), ["1.00DB"]);
  });
  await t.step("suffix after a count: not joined", () => {
    const tokens = findValueTokens(at("    X", 40, "12 DB"));
    assert.deepEqual(tokens.map((t) => [t.kind, t.text]), [["count", "12"]]);
  });
});

Deno.test("findValueTokens ignores words before column 20", async (t) => {
  const cases: [string, string][] = [
    ["a number inside the label", "    TOTAL 27 ITEMS"],
    ["a count at column 19", at("", 19, "5")],
    ["an amount starting at column 10", at("", 10, "1,234.56DB")],
    ["a heading with an id", " RECAP FOR: 1000123456"],
  ];
  for (const [name, line] of cases) {
    await t.step(name, () => assert.deepEqual(findValueTokens(line), []));
  }
  await t.step("an amount that starts before column 20 is ignored, later ones kept", () => {
    const tokens = findValueTokens(at(at("", 15, "1,234.56"), 30, "7.00"));
    assert.deepEqual(tokens.map((t) => [t.text, t.start]), [["7.00", 30]]);
  });
});

Deno.test("heading texts hold no value tokens (layout notes §4.1)", async (t) => {
  const headings = [
    " INTERCHANGE VALUE",
    "   27-DAY DEFER",
    " 27-DAY DEFER",
    "          VISA A.P.",
    "             BRAZIL - BRAZIL",
    "                      ATM/NATL SETTLED DEBITS",
    "                         QUASI-CASH",
    "   NET   PURCHASE",
    "",
    SEED[8], // CREDIT / DEBIT / TOTAL column headers
    SEED[9], // COUNT / AMOUNT ...
  ];
  for (const line of headings) {
    await t.step(JSON.stringify(line.trim()), () => assert.deepEqual(findValueTokens(line), []));
  }
});

Deno.test("findValueTokens skips text words between values", () => {
  const line = at(at(at("", 25, "A1277"), 40, "12"), 50, "TEXT");
  assert.deepEqual(findValueTokens(line).map((t) => t.text), ["12"]);
});
