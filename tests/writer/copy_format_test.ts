/**
 * Tests for `src/writer/copy_format.ts`: COPY text escaping, clearing rows rendered in
 * `TRANSACTION_COLUMNS` order, and `parseCopyText` as their exact inverse.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  copyValue,
  parseCopyText,
  TRANSACTION_COLUMNS,
  transactionCopyLine,
} from "../../src/writer/copy_format.ts";

Deno.test("copyValue escapes backslash, tab, newline and CR, and writes NULL as \\N", () => {
  assert.equal(copyValue(null), "\\N");
  assert.equal(copyValue("plain"), "plain");
  assert.equal(copyValue("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
});

Deno.test("a clearing row becomes one line in column order; numbers are written as is", () => {
  const row: Record<string, unknown> = Object.fromEntries(
    TRANSACTION_COLUMNS.map((c) => [c, null]),
  );
  Object.assign(row, {
    record_index: 7,
    transaction_type: "COMPRA",
    purchase_value: "21.00",
    qualifier: "tab\there",
    extra: { note: "x" },
  });
  const line = transactionCopyLine(row);
  assert.ok(line.endsWith("\n"));
  const fields = line.slice(0, -1).split("\t");
  assert.equal(fields.length, TRANSACTION_COLUMNS.length);
  const at = (c: string) => fields[TRANSACTION_COLUMNS.indexOf(c)];
  assert.deepEqual(
    [at("record_index"), at("purchase_value"), at("qualifier"), at("extra"), at("pan")],
    ["7", "21.00", "tab\\there", '{"note":"x"}', "\\N"],
  );
});

Deno.test("property: parseCopyText inverts the rendering of text columns", () => {
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.string({ unit: "grapheme-ascii" }), { nil: null }), {
        minLength: 1,
        maxLength: 5,
      }),
      (codes) => {
        const row: Record<string, unknown> = Object.fromEntries(
          TRANSACTION_COLUMNS.map((c) => [c, null]),
        );
        const textColumns = ["qualifier", "bin_card", "pan", "operation_code", "reason_code"];
        codes.forEach((value, i) => (row[textColumns[i]] = value));
        const [parsed] = parseCopyText(transactionCopyLine(row));
        codes.forEach((value, i) => {
          assert.equal(parsed[TRANSACTION_COLUMNS.indexOf(textColumns[i])], value);
        });
      },
    ),
    { numRuns: 300 },
  );
});
