/**
 * Unit tests of the generator's building blocks: exact money formatting and cumulative
 * rounding (`money.ts`), column placement (`fixed_width.ts`), the seeded PRNG and its named
 * sub-streams (`prng.ts`), the hierarchy (`entities.ts`), calendar forms (`calendar.ts`), the
 * Luhn digit of ARNs, and the size scaling (`catalog.ts`).
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { addDays, ddmonyy, isoDate, parseIsoDate } from "../../src/generator/calendar.ts";
import { scaleFor } from "../../src/generator/catalog.ts";
import { withLuhn } from "../../src/generator/clearing_generator.ts";
import { buildHierarchy, MAX_GROUP_NAME, MAX_LEAF_NAME } from "../../src/generator/entities.ts";
import { Line, WIDTH } from "../../src/generator/fixed_width.ts";
import {
  basisPoints,
  CentRounder,
  decimal,
  grouped,
  microsToCents,
  reportAmount,
  reportSigned,
} from "../../src/generator/money.ts";
import { Prng } from "../../src/generator/prng.ts";
import { parseAmount } from "../../src/utils/decimal.ts";

Deno.test("money: report formatting and exact decimals", () => {
  assert.equal(grouped(0n), "0");
  assert.equal(grouped(334544n), "334,544");
  assert.equal(grouped(1234567890n), "1,234,567,890");
  assert.equal(reportAmount(2843263849n), "28,432,638.49");
  assert.equal(reportAmount(5n), "0.05");
  assert.equal(reportSigned(-139390735n), "1,393,907.35DB");
  assert.equal(reportSigned(1949871n), "19,498.71CR");
  assert.equal(reportSigned(0n), "0.00");
  assert.equal(decimal(21_000_000n, 6), "21.000000");
  assert.equal(decimal(-2808191939n), "-28081919.39");
  assert.equal(decimal(7n), "0.07");
  assert.equal(microsToCents(273_000n), 27n);
  assert.equal(microsToCents(275_000n), 28n);
  assert.equal(microsToCents(-275_000n), -28n);
  assert.equal(basisPoints(2100n, 130), 27n);
});

Deno.test("money: signed amounts round-trip through the product's parser", () => {
  fc.assert(fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (cents) => {
    assert.equal(parseAmount(reportSigned(cents)), decimal(cents));
  }));
});

Deno.test("money: cumulative rounding adds up to the rounded total", () => {
  fc.assert(
    fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { maxLength: 50 }), (parts) => {
      const r = new CentRounder();
      const cents = parts.map((p) => r.add(p));
      const total = parts.reduce((a, b) => a + b, 0n);
      assert.equal(cents.reduce((a, b) => a + b, 0n), microsToCents(total));
      for (const [i, c] of cents.entries()) {
        const exact = parts[i];
        assert.ok(
          c * 10_000n - exact <= 10_000n && exact - c * 10_000n <= 10_000n,
          "within a cent",
        );
      }
    }),
  );
});

Deno.test("fixed width: right edges, suffixes, refusals", () => {
  const line = new Line().put(5, "TOTAL ISSUER").count(51, 12_388n).amount(77, 836055n)
    .signed(129, -139390735n).toString();
  assert.equal(line.length, WIDTH);
  assert.equal(line.slice(45, 51), "12,388");
  assert.equal(line.slice(69, 77), "8,360.55");
  assert.equal(line.slice(117, 131), "1,393,907.35DB");
  assert.equal(new Line().signed(129, 0n).toString().slice(125, 129), "0.00");
  assert.throws(() => new Line().put(5, "ABC").put(7, "X"), /overlaps/);
  assert.throws(() => new Line().put(5, "ABC").put(8, "X"), /touches/);
  assert.throws(() => new Line().put(130, "ABCDE"), /does not fit/);
});

Deno.test("prng: deterministic, independent named streams", () => {
  const a = new Prng(7);
  const b = new Prng(7);
  const draws = Array.from({ length: 100 }, () => a.int(0, 1000));
  assert.deepEqual(Array.from({ length: 100 }, () => b.int(0, 1000)), draws);
  assert.notDeepEqual(Array.from({ length: 100 }, () => new Prng(8).next()), draws);
  // A fork depends on the seed and its name, not on draws made before it.
  const c = new Prng(7);
  c.next();
  assert.equal(c.fork("x").next(), new Prng(7).fork("x").next());
  assert.notEqual(new Prng(7).fork("x").next(), new Prng(7).fork("y").next());
  const r = new Prng(1);
  for (let i = 0; i < 1000; i++) {
    const v = r.int(3, 5);
    assert.ok(v >= 3 && v <= 5);
    assert.ok(r.weighted([1, 1, 3]) <= 2);
  }
});

Deno.test("entities: ids, names and the hierarchy", () => {
  for (const [leaves, rollups] of [[3, 2], [40, 4], [1200, 100]]) {
    const h = buildHierarchy(new Prng(leaves), leaves, rollups);
    assert.equal(h.leaves.length, leaves);
    assert.equal(h.rollups.length, rollups);
    assert.deepEqual(h.all.map((e) => e.index), [...h.all.keys()]);
    assert.equal(new Set(h.all.map((e) => e.id)).size, h.all.length, "unique ids");
    for (const e of h.all) {
      assert.match(e.id, /^\d{10}$/);
      assert.ok(!/ {2}/.test(e.name));
      assert.ok(e.name.length <= (e.level === "leaf" ? MAX_LEAF_NAME : MAX_GROUP_NAME), e.name);
      // A name never holds a number-only word past its first, which a parser could take for a
      // value (names print from column 14 in VSS-100-W).
      assert.ok(!/\s[\d,.]+(\s|$)/.test(e.name), `no number in "${e.name}"`);
    }
    for (const r of h.rollups) assert.ok(h.leaves.some((l) => l.parent === r.index));
    assert.ok(h.leaves.every((l) => h.all[l.parent].level === "rollup"));
  }
  assert.throws(() => buildHierarchy(new Prng(1), 2, 3), /rollups/);
});

Deno.test("calendar, Luhn and scale", () => {
  const proc = parseIsoDate("2024-07-05");
  assert.equal(ddmonyy(proc), "05JUL24");
  assert.equal(isoDate(addDays(proc, 27)), "2024-08-01");
  assert.throws(() => parseIsoDate("2024-02-30"), /not a date/);
  assert.equal(withLuhn("7992739871"), "79927398713");
  const small = scaleFor(1);
  const big = scaleFor(50_000);
  assert.ok(small.leaves >= 3 && small.rollups >= 2);
  assert.ok(big.leaves > 1000 && big.programs > small.programs && big.regions > small.regions);
});
