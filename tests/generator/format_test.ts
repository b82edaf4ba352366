/**
 * Page and format properties of a generated EP747 file, read as text: line widths (133
 * columns, except the form-(b) lines and VSS-110's zero-length trailer line), both page-start
 * forms, PAGE counters per report id, END markers on the last page of every instance (two
 * blanks inside for VSS-120), NO DATA pages, multi-page instances, every report id of the
 * layout notes, header fields at their columns, and the order of entities (leaves, rollups,
 * funds) with the services per currency.
 *
 * @module
 */

import assert from "node:assert/strict";
import { generate, type GenerateResult } from "../../src/generator/generate.ts";
import { readPages, type TextPage } from "./ep747_text.ts";

const REPORT_IDS = [
  "VSS-100-W",
  "VSS-110",
  "VSS-115",
  "VSS-120",
  "VSS-130",
  "VSS-135",
  "VSS-140",
  "VSS-210",
  "VSS-215",
  "VSS-230",
  "VSS-300",
  "VSS-600",
  "VSS-610",
  "VSS-900",
  "VSS-900-S",
  "VSS-910",
  "VSS-930",
];

interface Sample {
  result: GenerateResult;
  text: string;
  pages: TextPage[];
  summary: { hierarchy: { funds: { id: string }; rollups: { id: string; leaves: string[] }[] } };
}

let cached: Promise<Sample> | null = null;

function sample() {
  cached ??= (async () => {
    const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_fmt_" });
    try {
      const result = await generate({ outDir: dir, seed: 11, pages: 500, transactions: 4000 });
      const text = await Deno.readTextFile(result.ep747.path);
      const summary = JSON.parse(await Deno.readTextFile(result.summaryPath));
      return { result, text, pages: readPages(text), summary };
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  })();
  return cached;
}

Deno.test("EP747 format: line widths and page starts", async () => {
  const { text, result } = await sample();
  const lines = text.split("\n");
  assert.equal(lines.pop(), "", "the file ends with a newline");
  assert.equal(lines.length, result.ep747.lines);
  assert.ok(/^\fREPORT ID: {2}VSS-100-W/.test(lines[0]), "form (a) on the first page");
  let formA = 0, formB = 0, zeroLength = 0;
  for (const [i, line] of lines.entries()) {
    assert.ok(/^[\f\x20-\x7e]*$/.test(line), `line ${i + 1}: ASCII only`);
    if (line === "\f") {
      formB++;
      assert.match(lines[i + 1], /^REPORT ID: {2}VSS-/);
      assert.equal(lines[i + 1].length, 132, `line ${i + 2}: 132 columns after a form feed line`);
    } else if (line.startsWith("\f")) {
      formA++;
      assert.match(line, /^\fREPORT ID: {2}VSS-/);
      assert.equal(line.length, 133);
    } else if (line === "") {
      zeroLength++;
    } else if (lines[i - 1] !== "\f") {
      assert.equal(line.length, 133, `line ${i + 1}: ${line.length} columns`);
      assert.ok(!line.includes("\f"), `line ${i + 1}: stray form feed`);
    }
  }
  assert.equal(formA + formB, result.ep747.pages);
  assert.equal(formB, result.ep747.formBPages);
  assert.ok(formB > 0 && formA > formB, `${formA} form (a), ${formB} form (b) pages`);
  assert.equal(zeroLength, result.ep747.pagesByReport["VSS-110"] > 0 ? zeroLength : 0);
  assert.ok(zeroLength > 0, "VSS-110 trailers hold a zero-length line");
});

Deno.test("EP747 format: every report id, NO DATA pages, multi-page instances", async () => {
  const { pages, result } = await sample();
  assert.deepEqual([...new Set(pages.map((p) => p.reportId))], REPORT_IDS);
  assert.deepEqual(
    Object.keys(result.ep747.pagesByReport),
    REPORT_IDS,
    "pages_by_report in file order",
  );
  const noData = pages.filter((p) =>
    p.lines.some((l) => l.includes("*** NO DATA FOR THIS REPORT ***"))
  );
  assert.equal(noData.length, result.ep747.noDataPages);
  const noDataIds = new Set(noData.map((p) => p.reportId));
  for (const id of ["VSS-230", "VSS-140", "VSS-210", "VSS-215"]) assert.ok(noDataIds.has(id), id);
  assert.equal(
    pages.filter((p) => p.reportId === "VSS-230").length,
    noData.filter((p) => p.reportId === "VSS-230").length,
  );

  // Instances: consecutive pages of one report id and entity and currency; only the last one ends.
  const instances: TextPage[][] = [];
  for (const p of pages) {
    const last = instances.at(-1)?.at(-1);
    const ended = last?.lines.some((l) => /\*\*\*\s+END OF/.test(l));
    if (
      last && !ended && last.reportId === p.reportId && last.entityId === p.entityId &&
      last.currency === p.currency
    ) {
      instances.at(-1)!.push(p);
    } else instances.push([p]);
  }
  assert.equal(instances.length, result.ep747.instances);
  const multi = instances.filter((i) => i.length > 1);
  assert.equal(multi.length, result.ep747.multiPageInstances);
  assert.ok(new Set(multi.map((i) => i[0].reportId)).size >= 3, "several report types span pages");
  for (const instance of instances) {
    const id = instance[0].reportId;
    const marker = id === "VSS-120"
      ? `***  END OF ${id} REPORT  ***`
      : `*** END OF ${id} REPORT ***`;
    instance.forEach((p, i) => {
      assert.equal(
        p.lines.some((l) => l.includes(marker)),
        i === instance.length - 1,
        `${id} page ${p.page}`,
      );
    });
  }
  // PAGE is a running counter per report id.
  const counters = new Map<string, number>();
  for (const p of pages) {
    assert.equal(p.page, (counters.get(p.reportId) ?? 0) + 1, `${p.reportId} page counter`);
    counters.set(p.reportId, p.page);
  }
});

Deno.test("EP747 format: headers, entity order and services", async () => {
  const { pages, result, summary } = await sample();
  const instances110 = pages.filter((p) =>
    p.reportId === "VSS-110" && p.lines[0].includes("PAGE:")
  );
  const firstOfEach = instances110.filter((p, i) =>
    i === 0 || p.entityId !== instances110[i - 1].entityId ||
    p.currency !== instances110[i - 1].currency
  );
  const perCurrency = result.scale.leaves + result.scale.rollups + 1;
  assert.equal(firstOfEach.length, 2 * perCurrency);
  const h = summary.hierarchy;
  const order = [...h.rollups.flatMap((r) => r.leaves), ...h.rollups.map((r) => r.id), h.funds.id];
  assert.deepEqual(firstOfEach.map((p) => p.entityId), [...order, ...order]);
  assert.deepEqual(firstOfEach.map((p) => p.currency), [
    ...order.map(() => "BRL"),
    ...order.map(() => "USD"),
  ]);
  for (const p of pages) {
    const [l1, l2, l3, l4, , l6] = p.lines;
    assert.equal(l1.slice(1, 11), "REPORT ID:");
    assert.equal(l1.slice(13, 13 + p.reportId.length), p.reportId);
    assert.equal(l1.slice(61, 87), "VISANET SETTLEMENT SERVICE");
    assert.match(l2, /^ REPORTING FOR: {6}\d{10} \S/);
    const dateLabel = p.reportId === "VSS-100-W" ? "LAST CHANGE:" : "PROC DATE:";
    assert.equal(l2.slice(111, 111 + dateLabel.length), dateLabel);
    assert.equal(l3.slice(111, 123), "REPORT DATE:");
    assert.equal(l3.slice(124, 131), "05JUL24");
    if (["VSS-300", "VSS-900-S", "VSS-100-W"].includes(p.reportId)) {
      assert.ok(!l3.includes("ROLLUP TO:"), `${p.reportId} has no ROLLUP TO`);
    } else {
      assert.match(l3, /^ ROLLUP TO: {10}\d{10} /);
      assert.match(l4, /^ FUNDS XFER ENTITY: {2}\d{10} /);
    }
    if (p.reportId === "VSS-100-W") continue;
    const gap = p.reportId === "VSS-300" ? 1 : 2;
    assert.equal(l6.slice(0, 21 + gap), ` SETTLEMENT CURRENCY:${" ".repeat(gap)}`);
    const service = l2.slice(33).split(/\s{2,}/)[1];
    const expected = p.currency === "USD"
      ? "INTERNATIONAL SETTLEMENT SERVICE"
      : ["VSS-910", "VSS-930"].includes(p.reportId)
      ? "BRAZIL CASH DISB NATL NET SERVICE"
      : "BRAZIL CIP NNSS SERVICE";
    assert.equal(service, expected, `${p.reportId} page ${p.page}`);
  }
});
