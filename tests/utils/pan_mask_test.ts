/**
 * Tests of card-number masking: Luhn check, single values and free text.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { luhnValid, maskCardNumbersInText, maskPan } from "../../src/utils/pan_mask.ts";

Deno.test("luhnValid", async (t) => {
  const cases: [string, boolean][] = [
    ["4111111111111111", true],
    ["4111111111111112", false],
    ["5555555555554444", true],
    ["378282246310005", true],
    ["79927398713", true],
    ["79927398710", false],
    ["384185377843581", true], // a seed slice_code: ids can pass Luhn by chance
    ["0", false],
    ["", false],
    ["4111 1111 1111 1111", false],
    ["41111111111111x1", false],
  ];
  for (const [digits, expected] of cases) {
    await t.step(JSON.stringify(digits), () => assert.equal(luhnValid(digits), expected));
  }
});

Deno.test("maskPan", async (t) => {
  const cases: [string, string][] = [
    ["4111111111111111", "411111******1111"],
    ["378282246310005", "378282*****0005"],
    ["4222222222222", "422222***2222"], // 13 digits
    ["6011000990139424", "601100******9424"],
    ["4111 1111 1111 1111", "4111 11** **** 1111"],
    ["4111-1111-1111-1111", "4111-11**-****-1111"],
    ["4111111111111112", "4111111111111112"], // fails Luhn
    ["XXXXXXXXXXXXXXXX", "XXXXXXXXXXXXXXXX"],
    ["411111******1111", "411111******1111"],
    ["4*****", "4*****"],
    ["123456789012", "123456789012"], // 12 digits
    ["41111111111111111111", "41111111111111111111"], // 20 digits
    ["4111111111111111 ", "411111******1111 "],
    ["a4111111111111111", "a4111111111111111"],
    ["", ""],
  ];
  for (const [value, expected] of cases) {
    await t.step(JSON.stringify(value), () => assert.equal(maskPan(value), expected));
  }
});

Deno.test("maskCardNumbersInText", async (t) => {
  const cases: [string, string][] = [
    ['{"pan":"4111111111111111"}', '{"pan":"411111******1111"}'],
    [
      "cards 4111111111111111 and 5555555555554444.",
      "cards 411111******1111 and 555555******4444.",
    ],
    ["id 4111111111111112 fails Luhn", "id 4111111111111112 fails Luhn"],
    ["longer run 04111111111111111111", "longer run 04111111111111111111"],
    ["x4111111111111111y", "x411111******1111y"],
    ["amount 21.000000, rate 5.893800", "amount 21.000000, rate 5.893800"],
    ["", ""],
  ];
  for (const [text, expected] of cases) {
    await t.step(JSON.stringify(text), () => assert.equal(maskCardNumbersInText(text), expected));
  }
});

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error("unreachable");
}

Deno.test("property: valid PANs are masked, keeping length, BIN and last 4", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 12, maxLength: 18 }),
      (body) => {
        const pan = withCheckDigit(body);
        const masked = maskPan(pan);
        assert.equal(masked.length, pan.length);
        assert.equal(masked.slice(0, 6), pan.slice(0, 6));
        assert.equal(masked.slice(-4), pan.slice(-4));
        assert.match(masked.slice(6, -4), /^\*+$/);
        assert.equal(maskCardNumbersInText(`pan=${pan};`), `pan=${masked};`);
      },
    ),
  );
});

Deno.test("property: Luhn detects every single-digit error", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 12, maxLength: 18 }),
      fc.nat(),
      fc.integer({ min: 1, max: 9 }),
      (body, at, delta) => {
        const pan = withCheckDigit(body);
        const i = at % pan.length;
        const changed = pan.slice(0, i) + ((+pan[i] + delta) % 10) + pan.slice(i + 1);
        assert.equal(luhnValid(changed), false);
        assert.equal(maskPan(changed), changed);
      },
    ),
  );
});
