/**
 * Tests for the EP747 page splitter (`ep747_pages.ts`): both page-start forms of the
 * layout notes §2 (form feed in column 1, form-feed-only line), a first page without a
 * form feed, junk before the first page, CRLF input, positions, line numbers and byte
 * offsets.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  isPageStart,
  normalizeFirstLine,
  type PageSegment,
  readEp747PageBytes,
  readEp747Pages,
} from "../../src/reader/ep747_pages.ts";

const SEED = new URL("../fixtures/seed_vss110_page.txt", import.meta.url);

async function pagesOf(text: string, file = "test.txt"): Promise<PageSegment[]> {
  const pages: PageSegment[] = [];
  const bytes = new TextEncoder().encode(text);
  for await (const page of readEp747Pages(ReadableStream.from([bytes]), { file })) {
    pages.push(page);
  }
  return pages;
}

/** A header line 1 as printed from column 2 (no carriage-control column). */
const line1 = (id: string, page: number) =>
  `REPORT ID:  ${id}`.padEnd(60) + "VISANET SETTLEMENT SERVICE".padEnd(50) + "PAGE:" +
  String(page).padStart(15);

/** Every segment's lines match its line numbers, and no form feed survives. */
function assertWellFormed(pages: PageSegment[]) {
  for (const page of pages) {
    assert.equal(page.lines.length, page.lineEnd - page.lineStart + 1, `page ${page.position}`);
    for (const line of page.lines) assert.ok(!line.includes("\f"), JSON.stringify(line));
  }
}

Deno.test("isPageStart recognises both line-1 forms and nothing else", async (t) => {
  const cases: [string, boolean][] = [
    ["\fREPORT ID:  VSS-110", true],
    [" REPORT ID:  VSS-110", true],
    ["REPORT ID:  VSS-110", true],
    ["  REPORT ID:  VSS-110", false],
    [" REPORTING FOR:      1000123456", false],
    ["\f", false],
    ["", false],
    [" SETTLEMENT CURRENCY:  BRL", false],
  ];
  for (const [line, expected] of cases) {
    await t.step(JSON.stringify(line), () => assert.equal(isPageStart(line), expected));
  }
});

Deno.test("normalizeFirstLine makes column 1 the carriage-control column", async (t) => {
  const cases: [string, string][] = [
    ["\fREPORT ID:  VSS-110", " REPORT ID:  VSS-110"],
    ["REPORT ID:  VSS-110", " REPORT ID:  VSS-110"],
    [" REPORT ID:  VSS-110", " REPORT ID:  VSS-110"],
  ];
  for (const [line, expected] of cases) {
    await t.step(JSON.stringify(line), () => {
      const normalized = normalizeFirstLine(line);
      assert.equal(normalized, expected);
      assert.equal(normalized.indexOf("REPORT ID:") + 1, 2); // label at column 2 (§3)
    });
  }
});

Deno.test("readEp747Pages: the seed file is one page with its form feed normalised", async () => {
  const pages: PageSegment[] = [];
  using file = await Deno.open(SEED);
  for await (const page of readEp747Pages(file.readable, { file: "seed.txt" })) pages.push(page);
  assert.equal(pages.length, 1);
  const [page] = pages;
  assert.equal(page.kind, "page");
  assert.equal(page.file, "seed.txt");
  assert.equal(page.position, 1);
  assert.equal(page.lineStart, 1);
  assert.equal(page.lineEnd, 21);
  assert.equal(page.lines.length, 21);
  assert.ok(page.lines[0].startsWith(" REPORT ID:  VSS-110"), page.lines[0]);
  assert.equal(page.lines[0].length, 133);
  assert.equal(page.lines[18], "");
  assert.ok(page.lines[20].includes("*** END OF VSS-110 REPORT ***"));
  assertWellFormed(pages);
});

Deno.test("readEp747Pages: the file name defaults to <stream>", async () => {
  const pages: PageSegment[] = [];
  const bytes = new TextEncoder().encode(" " + line1("VSS-110", 1) + "\n");
  for await (const page of readEp747Pages(ReadableStream.from([bytes]))) pages.push(page);
  assert.equal(pages[0].file, "<stream>");
});

Deno.test("readEp747Pages: form feed in column 1, first page without form feed", async () => {
  const text = [
    line1("VSS-110", 1), // 1: first page, no form feed, no carriage-control column
    " BODY ONE", // 2
    "", // 3
    "\f" + line1("VSS-110", 2), // 4: form (a)
    " BODY TWO", // 5
    "\f" + line1("VSS-120", 3), // 6
    " BODY THREE", // 7
  ].join("\n") + "\n";
  const pages = await pagesOf(text);
  assert.deepEqual(
    pages.map((p) => [p.kind, p.position, p.lineStart, p.lineEnd]),
    [["page", 1, 1, 3], ["page", 2, 4, 5], ["page", 3, 6, 7]],
  );
  assert.deepEqual(pages.map((p) => p.lines[0]), [
    " " + line1("VSS-110", 1),
    " " + line1("VSS-110", 2),
    " " + line1("VSS-120", 3),
  ]);
  assert.deepEqual(pages[0].lines.slice(1), [" BODY ONE", ""]);
  assert.deepEqual(pages[2].lines.slice(1), [" BODY THREE"]);
  assert.ok(pages.every((p) => p.file === "test.txt"));
  assertWellFormed(pages);
});

Deno.test("readEp747Pages: a line holding only a form feed, then REPORT ID in column 1", async () => {
  const text = [
    "\f", // 1: form (b) on the first page too
    line1("VSS-110", 1), // 2
    " BODY ONE", // 3
    "\f", // 4
    line1("VSS-110", 2), // 5
    " BODY TWO", // 6
    "\f", // 7: trailing form feed at the end of the file
  ].join("\n") + "\n";
  const pages = await pagesOf(text);
  assert.deepEqual(pages.map((p) => p.kind), ["page", "page"]); // no preamble for a bare \f
  assert.deepEqual(pages.map((p) => p.position), [1, 2]);
  assert.deepEqual(pages.map((p) => p.lineStart), [2, 5]);
  assert.deepEqual(pages.map((p) => p.lines[0]), [
    " " + line1("VSS-110", 1),
    " " + line1("VSS-110", 2),
  ]);
  assert.equal(pages[0].lines[1], " BODY ONE");
  assert.equal(pages[1].lines[1], " BODY TWO");
  // the form-feed-only lines carry no text and are not lost from the line numbering
  assert.equal(pages[0].lineEnd, 4);
  assert.equal(pages[1].lineEnd, 7);
  assert.equal(pages[0].lines[2].trim(), "");
  assertWellFormed(pages);
});

Deno.test("readEp747Pages: text before the first REPORT ID is a preamble segment", async () => {
  const text = [
    "HDR TRANSMISSION 20240705", // 1
    "", // 2
    "   JUNK 12,345.00", // 3
    "\f" + line1("VSS-110", 1), // 4
    " BODY", // 5
  ].join("\n");
  const pages = await pagesOf(text, "junk.txt");
  assert.equal(pages.length, 2);
  const [preamble, page] = pages;
  assert.equal(preamble.kind, "preamble");
  assert.equal(preamble.position, 0);
  assert.equal(preamble.file, "junk.txt");
  assert.equal(preamble.lineStart, 1);
  assert.equal(preamble.lineEnd, 3);
  assert.deepEqual(preamble.lines, ["HDR TRANSMISSION 20240705", "", "   JUNK 12,345.00"]);
  assert.equal(page.kind, "page");
  assert.equal(page.position, 1);
  assert.equal(page.lineStart, 4);
  assert.equal(page.lineEnd, 5);
  assertWellFormed(pages);
});

Deno.test("readEp747Pages: blank lines before the first page are not a preamble", async () => {
  const pages = await pagesOf("\n   \n" + line1("VSS-110", 1) + "\n");
  assert.deepEqual(pages.map((p) => [p.kind, p.lineStart]), [["page", 3]]);
});

Deno.test("readEp747Pages: a file without any REPORT ID is all preamble", async () => {
  const pages = await pagesOf("NOT A REPORT\nSECOND LINE\n");
  assert.deepEqual(pages.map((p) => [p.kind, p.position, p.lineStart, p.lineEnd]), [
    ["preamble", 0, 1, 2],
  ]);
  assert.deepEqual(await pagesOf(""), []);
});

Deno.test("readEp747Pages: CRLF input gives the same pages as LF input", async () => {
  const lines = [
    "\f" + line1("VSS-110", 1),
    " REPORTING FOR:      1000123456 ACME BANCO S.A.",
    "",
    "\f" + line1("VSS-110", 2),
    " BODY",
  ];
  const lf = await pagesOf(lines.join("\n") + "\n");
  const crlf = await pagesOf(lines.join("\r\n") + "\r\n");
  assert.deepEqual(crlf, lf);
  assert.equal(crlf.length, 2);
  assert.equal(crlf[0].lines[1], " REPORTING FOR:      1000123456 ACME BANCO S.A.");
  assert.ok(crlf.every((p) => p.lines.every((l) => !l.includes("\r"))));
});

Deno.test("readEp747Pages: positions run 1..n over many pages", async () => {
  const n = 25;
  const text = Array.from(
    { length: n },
    (_, i) => `\f${line1("VSS-110", i + 1)}\n BODY ${i + 1}\n\n`,
  ).join("");
  const pages = await pagesOf(text);
  assert.deepEqual(pages.map((p) => p.position), Array.from({ length: n }, (_, i) => i + 1));
  assert.deepEqual(pages.map((p) => p.lineStart), Array.from({ length: n }, (_, i) => 3 * i + 1));
  assert.deepEqual(pages.map((p) => p.lineEnd), Array.from({ length: n }, (_, i) => 3 * i + 3));
  assert.deepEqual(
    pages.map((p) => p.lines[1]),
    Array.from({ length: n }, (_, i) => ` BODY ${i + 1}`),
  );
  assertWellFormed(pages);
});

Deno.test("readEp747PageBytes: each page's fileOffset is where its bytes are in the stream", async () => {
  const text = "JUNK BEFORE\n\n" + Array.from(
    { length: 9 },
    (_, i) => `\f${line1("VSS-110", i + 1)}\r\n BODY ${"x".repeat(i * 7)}\n\n`,
  ).join("") + ` ${line1("VSS-900", 10)}`;
  const bytes = new TextEncoder().encode(text);
  for (const chunkSize of [1, 7, 64, bytes.length]) {
    const chunks = [];
    for (let at = 0; at < bytes.length; at += chunkSize) {
      chunks.push(bytes.slice(at, at + chunkSize));
    }
    const pages = [];
    for await (const page of readEp747PageBytes(ReadableStream.from(chunks))) pages.push(page);
    assert.equal(pages.length, 11, `chunks of ${chunkSize}`);
    assert.equal(pages[0].kind, "preamble");
    assert.equal(pages[0].fileOffset, 0);
    let end = 0;
    for (const page of pages) {
      assert.equal(page.fileOffset, end, `page ${page.position}, chunks of ${chunkSize}`);
      assert.deepEqual(
        page.bytes,
        bytes.subarray(page.fileOffset, page.fileOffset + page.bytes.length),
      );
      end = page.fileOffset + page.bytes.length;
    }
    assert.equal(end, bytes.length);
  }
});

Deno.test("readEp747PageBytes: blank lines before the first page are skipped, not counted in its offset", async () => {
  const text = "\n  \n" + `\f${line1("VSS-110", 1)}\n BODY\n`;
  const bytes = new TextEncoder().encode(text);
  const pages = [];
  for await (const page of readEp747PageBytes(ReadableStream.from([bytes]))) pages.push(page);
  assert.equal(pages.length, 1);
  assert.equal(pages[0].fileOffset, 4);
  assert.equal(pages[0].bytes[0], 0x0c);
});
