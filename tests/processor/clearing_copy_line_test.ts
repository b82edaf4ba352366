/**
 * Tests for `src/processor/clearing_copy_line.ts`: the byte path writes exactly the line the
 * general path (`processRecord` + `transactionCopyLine`) writes, or declines and writes
 * nothing — for the seed records, for hand-picked edge cases, and for many random
 * variations of them (fast-check: changed values, extra keys, dropped fields, reordered
 * fields, other whitespace). It never accepts a record the general path rejects.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { CopyBuffer, writeClearingCopyLine } from "../../src/processor/clearing_copy_line.ts";
import { processRecord } from "../../src/processor/record_processor.ts";
import { CLEARING_FIELDS } from "../../src/models/transaction.ts";
import { transactionCopyLine } from "../../src/writer/copy_format.ts";
import {
  recordVariants,
  seedRecordLines as seedLines,
  withField,
} from "../helpers/clearing_variants.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The byte path's line, or null when it declines (and then it must have written nothing). */
function fast(text: string, index = 3): string | null {
  const bytes = encoder.encode(`[${text}]`);
  const out = new CopyBuffer(8);
  out.writeText("prefix\n");
  const before = out.length;
  const ok = writeClearingCopyLine(bytes, 1, bytes.length - 1, index, out);
  if (!ok) {
    assert.equal(out.length, before, "a declined record writes nothing");
    return null;
  }
  return decoder.decode(out.bytes.subarray(before, out.length));
}

/** The general path's line, or null when it rejects the record. */
function general(text: string, index = 3): string | null {
  try {
    const row = processRecord(
      { index, line: 1, byteStart: 0, byteEnd: text.length, text },
      "f.json",
    ) as unknown as Record<string, unknown>;
    row.record_index = index;
    return transactionCopyLine(row);
  } catch {
    return null;
  }
}

function agree(text: string): void {
  const mine = fast(text);
  if (mine !== null) assert.equal(mine, general(text), text);
}

Deno.test("the seed records take the byte path and give the general path's lines", () => {
  for (const line of seedLines) {
    const mine = fast(line);
    assert.notEqual(mine, null);
    assert.equal(mine, general(line));
  }
  const line = fast(seedLines[1], 41)!.split("\t");
  assert.equal(line[0], "41");
  assert.equal(line.at(-1), "\\N\n", "extra is NULL");
  assert.equal(line.length, CLEARING_FIELDS.length + 3);
});

Deno.test("values it cannot take exactly send the record to the general path", () => {
  const base = seedLines[0];
  const swap = (field: string, value: string) =>
    base.replace(new RegExp(`"${field}": ?("[^"]*"|[^,}]+)`), `"${field}": ${value}`);
  const declined = [
    swap("pan", '"tab\\there"'), // an escape
    swap("qualifier", '"Ação"'), // non-ASCII
    swap("purchase_value", "1e3"), // exponent
    swap("purchase_value", "1.234"), // scale
    swap("clearing_value", '"21.00"'), // a string where a number belongs
    swap("clearing_debit", "2"), // not a flag
    swap("source_date", '"2023-02-29"'), // not a calendar date
    swap("clearing_interchange_fee_sign", '"X"'),
    swap("source", '""'),
    swap("mcc", "null"),
    swap("mcc", "true"),
    base.replace(/}$/, ', "unknown": 1}'), // goes to `extra`
    base.replace(/}$/, ', "mcc": 1}'), // repeated key
    base.replace(/"mcc": ?\d+, ?/, ""), // missing field
    base.replace(/}$/, "} x"),
  ];
  for (const text of declined) {
    assert.equal(fast(text), null, text);
  }
  // The general path accepts some of them (escape, non-ASCII, extra, repeated key) and
  // rejects the rest: both outcomes come from it, never from the byte path.
  assert.notEqual(general(declined[0]), null);
  assert.equal(general(declined[3]), null);
});

Deno.test("card numbers in code fields are masked as the general path masks them", () => {
  const text = seedLines[0].replace(/"pan": ?"[^"]*"/, '"pan": "4111111111111111"')
    .replace(/"slice_code": ?"[^"]*"/, '"slice_code": "4111111111111111"');
  const mine = fast(text)!;
  assert.equal(mine, general(text));
  assert.match(mine, /\t411111\*{6}1111\t/);
  assert.match(mine, /\t4111111111111111\t/, "ids such as slice_code are not masked");
  const shortest = seedLines[0].replace(/"pan": ?"[^"]*"/, '"pan": "4222222222222"');
  assert.match(fast(shortest)!, /\t422222\*{3}2222\t/, "13 digits are a card number too");
  assert.equal(fast(shortest), general(shortest));
});

Deno.test("optional dates may be null; other whitespace and field order are fine", () => {
  const nullDate = seedLines[0].replace(
    /"authorization_date": ?"[^"]*"/,
    '"authorization_date": null',
  );
  assert.match(fast(nullDate)!, /\t\\N\t/);
  assert.equal(fast(nullDate), general(nullDate));
  const spaced = seedLines[0].replaceAll(", ", ",\n\t ").replaceAll(": ", " :  ");
  assert.equal(fast(spaced), general(spaced));
  assert.notEqual(fast(spaced), null);
});

const candidateValues = fc.oneof(
  fc.constantFrom(
    "0",
    "-0",
    "1",
    "00",
    "01",
    "21.00",
    "21.",
    ".5",
    "-",
    "21.000000",
    "21.0000001",
    "21.001",
    "1e5",
    "123456789012.12",
    "1234567890123.1",
    "999999999999999999",
    "9999999999999999999",
    '"21.00"',
    '""',
    '"C"',
    '"D"',
    '"2024-02-29"',
    '"2023-02-29"',
    '"2024-13-01"',
    '"0000-01-01"',
    '"2024-1-01"',
    '"4111111111111111"',
    '"4111 1111 1111 1111"',
    '"4111111111111112"',
    '"4222222222222"',
    "true",
    "null",
    "nul",
    "[1, 2.50]",
    '{"n": 1.10}',
    '"\\u0000 escaped"',
    '"quote \\" inside"',
    '"é"',
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.stringMatching(/^-?\d{1,14}(\.\d{0,7})?$/),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
);

Deno.test("property: the byte path writes the general path's line or declines", () => {
  fc.assert(
    fc.property(
      recordVariants(candidateValues),
      fc.boolean(),
      fc.constantFrom(" ", "", "\n  ", "\t"),
      (variant, reverse, space) => {
        let text = variant;
        if (reverse) {
          // The same members in reverse order (values here hold no `", "`).
          const inner = text.slice(1, -1).split(/, (?=")/);
          if (inner.every((m) => /^"[a-z_0-9]+": /.test(m))) {
            text = `{${inner.reverse().join(`,${space}`)}}`;
          }
        }
        agree(text);
      },
    ),
    { numRuns: 3000 },
  );
});

Deno.test("property: never accepts what the general path rejects, on the seed's shape", () => {
  // Every field set to a random candidate: most records are rejected by the general path.
  fc.assert(
    fc.property(
      fc.constantFrom(...seedLines),
      fc.constantFrom(...CLEARING_FIELDS),
      candidateValues,
      (line, field, value) => {
        const text = withField(line, field, value);
        const mine = fast(text);
        const theirs = general(text);
        if (theirs === null) assert.equal(mine, null, text);
        else if (mine !== null) assert.equal(mine, theirs, text);
      },
    ),
    { numRuns: 3000 },
  );
});

Deno.test("CopyBuffer grows and hands over exactly what was written", () => {
  const out = new CopyBuffer(2);
  out.writeText("ação\t");
  out.writeText("x".repeat(100));
  const taken = out.take();
  assert.equal(decoder.decode(taken), "ação\t" + "x".repeat(100));
  assert.equal(out.length, 0);
});
