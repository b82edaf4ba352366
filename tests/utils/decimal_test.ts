/**
 * Tests for the exact decimal conversion of printed report values (`decimal.ts`): amounts
 * with `DB`/`CR`/`-` signs, counts with thousands commas, zero detection, and a round-trip
 * property over random cents.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  isAmountToken,
  isCountToken,
  isZeroDecimal,
  parseAmount,
  parseCount,
} from "../../src/utils/decimal.ts";

Deno.test("parseAmount converts printed amounts (layout notes §4.2)", async (t) => {
  const cases: [string, string][] = [
    // §4.2: 350,719.10 credit and 28,432,638.49 debit print as 28,081,919.39DB; DB is negative.
    ["28,081,919.39DB", "-28081919.39"],
    ["19,498.71CR", "19498.71"],
    ["1,393,907.35DB", "-1393907.35"],
    ["28,432,638.49", "28432638.49"],
    ["350,719.10", "350719.10"],
    ["0.00", "0.00"],
    ["0.00DB", "0.00"],
    ["0.00CR", "0.00"],
    ["-0.00", "0.00"],
    ["0.00-", "0.00"],
    ["-1,000.50", "-1000.50"],
    ["1,000.50-", "-1000.50"],
    ["-12.34DB", "-12.34"],
    ["1234567.89", "1234567.89"],
    ["007.50", "7.50"],
    ["0.05DB", "-0.05"],
    ["999,999,999,999,999.99CR", "999999999999999.99"],
    ["123,456,789,012,345,678.01DB", "-123456789012345678.01"],
  ];
  for (const [token, expected] of cases) {
    await t.step(token, () => assert.equal(parseAmount(token), expected));
  }
});

Deno.test("parseAmount rejects tokens that are not amounts", async (t) => {
  const bad = [
    "",
    "1",
    "1.5",
    "1.500",
    ".50",
    "1,00.00",
    "1,0000.00",
    ",100.00",
    "1 000.00",
    "1.000,00",
    "12.34 DB",
    "12.34db",
    "12.34DR",
    "12.34DBCR",
    "+12.34",
    "--12.34",
    "R$12.34",
    "12.34CR ",
    "-12.34CR", // conflicting signs
    "ABC",
  ];
  for (const token of bad) {
    await t.step(JSON.stringify(token), () => {
      assert.throws(() => parseAmount(token), RangeError);
    });
  }
});

Deno.test("parseCount converts printed counts", async (t) => {
  const cases: [string, string][] = [
    ["334,544", "334544"],
    ["12,388", "12388"],
    ["0", "0"],
    ["000", "0"],
    ["0042", "42"],
    ["1,000,000", "1000000"],
    ["98765432109876543210", "98765432109876543210"],
  ];
  for (const [token, expected] of cases) {
    await t.step(token, () => assert.equal(parseCount(token), expected));
  }
  for (const token of ["", "1.00", "1,00", "12,3456", "-5", "5-", "5DB", "1 000", "A1277"]) {
    await t.step(`rejects ${JSON.stringify(token)}`, () => {
      assert.throws(() => parseCount(token), RangeError);
    });
  }
});

Deno.test("isAmountToken and isCountToken tell the token kinds apart", async (t) => {
  const cases: [string, boolean, boolean][] = [
    ["1,393,907.35DB", true, false],
    ["0.00", true, false],
    ["12,388", false, true],
    ["0", false, true],
    ["05JUL24", false, false],
    ["27-DAY", false, false],
    ["A1277", false, false],
  ];
  for (const [token, amount, count] of cases) {
    await t.step(token, () => {
      assert.equal(isAmountToken(token), amount);
      assert.equal(isCountToken(token), count);
    });
  }
});

Deno.test("isZeroDecimal", async (t) => {
  const cases: [string, boolean][] = [
    ["0", true],
    ["0.00", true],
    ["-0.000", true],
    ["00.0", true],
    ["-0", true],
    ["0.01", false],
    ["-0.10", false],
    ["10", false],
    ["100.00", false],
    ["", false],
    ["-", false],
    [".", false],
    ["abc", false],
  ];
  for (const [text, expected] of cases) {
    await t.step(JSON.stringify(text), () => assert.equal(isZeroDecimal(text), expected));
  }
});

/** Prints non-negative cents the way the reports do: `d,ddd,ddd.dd`. */
function printCents(cents: bigint): string {
  const whole = (cents / 100n).toString();
  const fraction = (cents % 100n).toString().padStart(2, "0");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${grouped}.${fraction}`;
}

/** The exact decimal text expected for a signed cents value, written independently. */
function centsText(cents: bigint): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const text = `${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

Deno.test("printCents helper groups thousands as the reports do", () => {
  assert.equal(printCents(2808191939n), "28,081,919.39");
  assert.equal(printCents(100000n), "1,000.00");
  assert.equal(printCents(99999n), "999.99");
  assert.equal(printCents(5n), "0.05");
  assert.equal(printCents(0n), "0.00");
});

Deno.test("parseAmount round-trips random cents with any sign notation (property)", () => {
  const signs = ["", "CR", "DB", "-suffix", "-prefix"] as const;
  fc.assert(
    fc.property(
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
      fc.constantFrom(...signs),
      (cents, sign) => {
        const printed = printCents(cents);
        const token = sign === "-prefix"
          ? `-${printed}`
          : sign === "-suffix"
          ? `${printed}-`
          : `${printed}${sign}`;
        const negative = sign === "DB" || sign === "-suffix" || sign === "-prefix";
        assert.equal(parseAmount(token), centsText(negative ? -cents : cents));
      },
    ),
    { numRuns: 2000 },
  );
});

Deno.test("parseCount round-trips random integers printed with thousands commas (property)", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), (n) => {
      const printed = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      assert.equal(parseCount(printed), n.toString());
    }),
  );
});
