/**
 * Property test of the generator against the product's parser: for generated files of many
 * seeds, every number printed on a page's amount lines appears exactly once among the
 * values stored for that page (each amount line's `columns` plus its `row_date`), with its
 * sign, and no stored value is invented.
 *
 * The printed values are read independently of the parser (`printed_values.ts`). Pages are
 * processed with `processPage` and the built-in strategies; the result is tallied per report
 * id and printed. Report ids without a strategy are reported as skipped; every page of a
 * report id that has a strategy must pass.
 *
 * Techniques: a loop over 20 seeds with small, varied sizes and both line endings; mutation
 * checks — a registry whose strategies drop or invent a value must make the property fail
 * for exactly those report ids, so the test is known to catch what it claims to.
 *
 * @module
 */

import assert from "node:assert/strict";
import { generate } from "../../src/generator/generate.ts";
import type { ParsedPage } from "../../src/models/report.ts";
import { processPage } from "../../src/processor/page_processor.ts";
import type { PageSegment } from "../../src/reader/ep747_pages.ts";
import { readEp747Pages } from "../../src/reader/ep747_pages.ts";
import { loadStrategies } from "../../src/strategies/loader.ts";
import type { ParsingStrategy } from "../../src/strategies/parsing_strategy.ts";
import { StrategyRegistry } from "../../src/strategies/registry.ts";
import { multisetDifference, printedValue, printedValues } from "./printed_values.ts";

const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i * 7919);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  examples: string[];
}

function storedValues(page: ParsedPage): string[] {
  return page.amounts.flatMap((a) => [
    ...Object.values(a.columns),
    ...(a.row_date ? [a.row_date] : []),
  ]);
}

/** Generates one data set per seed and checks every page; returns the tallies by report id. */
async function checkSeeds(
  registry: StrategyRegistry,
  seeds: readonly number[],
): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  const tally = (id: string) => {
    let t = tallies.get(id);
    if (!t) tallies.set(id, t = { passed: 0, failed: 0, skipped: 0, examples: [] });
    return t;
  };
  for (const [i, seed] of seeds.entries()) {
    const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_prop_" });
    try {
      const result = await generate({
        outDir: dir,
        seed,
        pages: [40, 150, 450][i % 3],
        transactions: [150, 600, 2500][i % 3],
        lineEnding: i % 4 === 3 ? "crlf" : "lf",
      });
      using file = await Deno.open(result.ep747.path);
      for await (const segment of readEp747Pages(file.readable, { file: result.ep747.path })) {
        const reportId = /REPORT ID:\s+(\S+)/.exec(segment.lines[0])?.[1] ?? "?";
        const t = tally(reportId);
        if (!registry.has(reportId)) {
          t.skipped++;
          continue;
        }
        const where = `seed ${seed} page ${segment.position} (line ${segment.lineStart})`;
        let page: ParsedPage;
        try {
          page = processPage(segment, registry);
        } catch (error) {
          t.failed++;
          if (t.examples.length < 3) t.examples.push(`${where}: ${(error as Error).message}`);
          continue;
        }
        const { lost, invented } = multisetDifference(
          printedValues(segment.lines),
          storedValues(page),
        );
        if (lost.length === 0 && invented.length === 0) t.passed++;
        else {
          t.failed++;
          if (t.examples.length < 3) {
            t.examples.push(
              `${where}: lost [${lost.slice(0, 5)}] invented [${invented.slice(0, 5)}]`,
            );
          }
        }
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
  return tallies;
}

function report(tallies: Map<string, Tally>): string {
  const lines = ["report id    passed  failed  skipped"];
  for (const id of [...tallies.keys()].sort()) {
    const t = tallies.get(id)!;
    lines.push(
      `${id.padEnd(10)} ${String(t.passed).padStart(8)} ${String(t.failed).padStart(7)} ${
        String(t.skipped).padStart(8)
      }`,
    );
    for (const e of t.examples) lines.push(`    ${e}`);
  }
  return lines.join("\n");
}

/** A registry whose strategies' results are changed by `mutate` for the given report ids. */
class MutatingRegistry extends StrategyRegistry {
  constructor(
    readonly inner: StrategyRegistry,
    readonly ids: ReadonlySet<string>,
    readonly mutate: (page: ParsedPage) => void,
  ) {
    super();
  }

  override get(reportId: string): ParsingStrategy | undefined {
    const strategy = this.inner.get(reportId);
    if (!strategy || !this.ids.has(reportId)) return strategy;
    const mutate = this.mutate;
    return new Proxy(strategy, {
      get(target, key, receiver) {
        if (key !== "parse") return Reflect.get(target, key, receiver);
        return (segment: PageSegment) => {
          const page = target.parse(segment);
          mutate(page);
          return page;
        };
      },
    });
  }

  override has(reportId: string): boolean {
    return this.inner.has(reportId);
  }
}

Deno.test("printed values: token reading and the multiset comparison", () => {
  assert.equal(printedValue("1,393,907.35DB"), "-1393907.35");
  assert.equal(printedValue("19,498.71CR"), "19498.71");
  assert.equal(printedValue("0.00"), "0.00");
  assert.equal(printedValue("12,388"), "12388");
  assert.equal(printedValue("04JUL24"), "2024-07-04");
  assert.equal(printedValue("27-DAY"), null);
  const printed = ["12388", "-1393907.35", "0.00", "0.00"];
  assert.deepEqual(multisetDifference(printed, [...printed].reverse()), { lost: [], invented: [] });
  assert.deepEqual(multisetDifference(printed, ["12388", "-1393907.35", "0.00"]), {
    lost: ["0.00"],
    invented: [],
  });
  assert.deepEqual(multisetDifference(printed, [...printed, "1393907.35"]), {
    lost: [],
    invented: ["1393907.35"],
  });
});

Deno.test("printed values: every printed number is stored exactly once, for 20 seeds", async () => {
  const registry = await loadStrategies({ registry: new StrategyRegistry() });
  const tallies = await checkSeeds(registry, SEEDS);
  console.log(report(tallies));
  const ids = [...tallies.keys()].sort();
  const failing = ids.filter((id) => tallies.get(id)!.failed > 0);
  assert.deepEqual(failing, [], `report ids with failing pages: ${failing.join(", ")}`);
  assert.equal(ids.length, 17, `every report id is generated, got ${ids.join(", ")}`);
  const checked = ids.reduce((n, id) => n + tallies.get(id)!.passed, 0);
  assert.ok(checked > 1000, `${checked} pages checked`);
});

Deno.test("printed values: a strategy that loses or invents a value fails the property", async () => {
  const registry = await loadStrategies({ registry: new StrategyRegistry() });
  const lose = new MutatingRegistry(registry, new Set(["VSS-110"]), (page) => {
    const line = page.amounts.find((a) => Object.keys(a.columns).length > 0);
    if (line) delete line.columns[Object.keys(line.columns)[0]];
  });
  const invent = new MutatingRegistry(registry, new Set(["VSS-610"]), (page) => {
    if (page.amounts[0]) page.amounts[0].columns.invented = "1.23";
  });
  for (const [mutated, id] of [[lose, "VSS-110"], [invent, "VSS-610"]] as const) {
    const tallies = await checkSeeds(mutated, SEEDS.slice(0, 1));
    const failing = [...tallies.keys()].filter((k) => tallies.get(k)!.failed > 0);
    assert.deepEqual(failing, [id], report(tallies));
    assert.ok(tallies.get(id)!.failed > 0, `${id} pages fail`);
  }
});
