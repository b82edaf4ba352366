/**
 * Tests of lossless JSON parsing: numbers keep their exact source text.
 *
 * @module
 */

import assert from "node:assert/strict";
import { JsonNumber, parseExactJson } from "../../src/reader/exact_json.ts";

const n = (source: string) => new JsonNumber(source);

Deno.test("parseExactJson keeps every number's source text", async (t) => {
  const cases: { name: string; text: string; expected: unknown }[] = [
    { name: "six decimals", text: "21.000000", expected: n("21.000000") },
    {
      name: "two decimals",
      text: "[21.00, 0.00, 27.99]",
      expected: [n("21.00"), n("0.00"), n("27.99")],
    },
    { name: "negative zero", text: "-0.0", expected: n("-0.0") },
    { name: "exponent", text: "[1e5, 2.5E-3]", expected: [n("1e5"), n("2.5E-3")] },
    {
      name: "integers beyond 2^53",
      text: "12345678901234567890123",
      expected: n("12345678901234567890123"),
    },
    {
      name: "nested objects and arrays",
      text: '{"a": {"b": [1, {"c": 5.809100}]}, "d": "5.809100", "e": null, "f": true}',
      expected: { a: { b: [n("1"), { c: n("5.809100") }] }, d: "5.809100", e: null, f: true },
    },
    { name: "strings that look like numbers stay strings", text: '"21.00"', expected: "21.00" },
    { name: "whitespace around numbers", text: "[ 1.50 ,\n 2 ]", expected: [n("1.50"), n("2")] },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assert.deepEqual(parseExactJson(c.text), c.expected);
    });
  }
});

Deno.test("parseExactJson: the seed record's money survives exactly", async () => {
  const text = await Deno.readTextFile(new URL("../fixtures/seed_clearing.json", import.meta.url));
  const [first, second] = parseExactJson(text) as Record<string, JsonNumber>[];
  assert.equal(first.clearing_value.source, "21.000000");
  assert.equal(first.purchase_value.source, "21.00");
  assert.equal(second.issuer_exchange_rate.source, "5.893800");
  assert.ok(first.clearing_value instanceof JsonNumber);
  assert.equal(String(second.clearing_commission), "0.079520");
});

Deno.test("parseExactJson throws SyntaxError on invalid JSON", async (t) => {
  for (const text of ["", "{", '{"a": 01}', "[1,]", "{'a': 1}", "NaN", '{"a": 1} x']) {
    await t.step(JSON.stringify(text), () => {
      assert.throws(() => parseExactJson(text), SyntaxError);
    });
  }
});
