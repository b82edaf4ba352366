/**
 * Test helper: random variations of real clearing records (fast-check), for the properties
 * that hold two parsing paths to the same output.
 *
 * Techniques: a seed record's line, with up to four fields set to candidate values (or added
 * when absent, e.g. unknown keys), and optionally one field dropped.
 *
 * @module
 */

import fc from "fast-check";
import { CLEARING_FIELDS } from "../../src/models/transaction.ts";

/** The seed clearing records (`tests/fixtures/seed_clearing.json`), one JSON text each. */
export const seedRecordLines: string[] = (await Deno.readTextFile(
  new URL("../fixtures/seed_clearing.json", import.meta.url),
)).split("\n").filter((l) => l.trim().startsWith("{")).map((l) => l.trim().replace(/,$/, ""));

/** `text` with `field` set to the JSON literal `value` (appended when the field is absent). */
export function withField(text: string, field: string, value: string): string {
  const pattern = new RegExp(`"${field}": ?("(?:[^"\\\\]|\\\\.)*"|[^,}]+)`);
  return pattern.test(text)
    ? text.replace(pattern, () => `"${field}": ${value}`)
    : text.replace(/}$/, `, "${field}": ${value}}`);
}

/** Seed records with up to four fields changed to `values` and, sometimes, `mcc` dropped. */
export function recordVariants(values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(
    fc.constantFrom(...seedRecordLines),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...CLEARING_FIELDS), fc.constantFrom("extra_a", "__proto__")),
        values,
      ),
      { maxLength: 4 },
    ),
    fc.boolean(),
  ).map(([line, changes, dropOne]) => {
    let text = line;
    for (const [field, value] of changes) text = withField(text, field, value);
    return dropOne ? text.replace(/"mcc": ?\d+, ?/, "") : text;
  });
}
