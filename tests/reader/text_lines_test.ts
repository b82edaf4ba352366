/**
 * Tests for the streaming line reader (`text_lines.ts`): LF, CRLF and stray CR, a last
 * line without a newline, windows-1252 decoding, and chunk boundaries at every byte.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readTextLines, type TextLine } from "../../src/reader/text_lines.ts";

async function* chunksOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function collect(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>) {
  const lines: TextLine[] = [];
  for await (const line of readTextLines(source)) lines.push(line);
  return lines;
}

const ascii = (text: string) => new TextEncoder().encode(text);

/** Bytes of a small file mixing every line ending and a windows-1252 byte (0xC7 = Ç). */
const MIXED = new Uint8Array([
  ...ascii("AB\r\n"), // CRLF
  ...ascii("C\n"), // LF
  ...ascii("D\rE\n"), // stray CR inside a line
  ...ascii("\n"), // empty line
  ...ascii("F\r\r\n"), // stray CR before CRLF
  0x20,
  0xc7,
  ...ascii("X"), // last line, no newline
]);

const MIXED_LINES: TextLine[] = [
  { number: 1, text: "AB" },
  { number: 2, text: "C" },
  { number: 3, text: "DE" },
  { number: 4, text: "" },
  { number: 5, text: "F" },
  { number: 6, text: " ÇX" },
];

Deno.test("readTextLines handles every line ending", async (t) => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    { name: "LF", text: "one\ntwo\n", expected: ["one", "two"] },
    { name: "CRLF", text: "one\r\ntwo\r\n", expected: ["one", "two"] },
    { name: "last line without newline", text: "one\ntwo", expected: ["one", "two"] },
    { name: "single line without newline", text: "only", expected: ["only"] },
    { name: "stray CR removed", text: "a\rb\n", expected: ["ab"] },
    { name: "CR CR LF", text: "a\r\r\nb", expected: ["a", "b"] },
    { name: "blank lines kept", text: "a\n\n\nb\n", expected: ["a", "", "", "b"] },
    { name: "only a newline", text: "\n", expected: [""] },
    { name: "empty input", text: "", expected: [] },
    { name: "padding kept", text: " x   \n", expected: [" x   "] },
    { name: "form feed kept", text: "\fREPORT ID:\n", expected: ["\fREPORT ID:"] },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      const lines = await collect(chunksOf(ascii(c.text)));
      assert.deepEqual(lines, c.expected.map((text, i) => ({ number: i + 1, text })));
    });
  }
});

Deno.test("readTextLines decodes windows-1252 bytes", async () => {
  const bytes = new Uint8Array([0xc7, 0xe3, 0xe9, 0x80, 0xff, 0x0a, 0x41]);
  const lines = await collect(chunksOf(bytes));
  assert.deepEqual(lines, [
    { number: 1, text: "\u00c7\u00e3\u00e9\u20ac\u00ff" }, // Ç ã é € ÿ
    { number: 2, text: "A" },
  ]);
});

Deno.test("readTextLines accepts a ReadableStream", async () => {
  const lines = await collect(ReadableStream.from([ascii("x\r"), ascii("\ny")]));
  assert.deepEqual(lines, [{ number: 1, text: "x" }, { number: 2, text: "y" }]);
});

Deno.test("readTextLines: a cut at any byte position gives the same lines", async (t) => {
  await t.step("whole input in one chunk", async () => {
    assert.deepEqual(await collect(chunksOf(MIXED)), MIXED_LINES);
  });
  for (let cut = 0; cut <= MIXED.length; cut++) {
    await t.step(`cut at ${cut}`, async () => {
      const lines = await collect(chunksOf(MIXED.slice(0, cut), MIXED.slice(cut)));
      assert.deepEqual(lines, MIXED_LINES);
    });
  }
  await t.step("every pair of cuts (three chunks)", async () => {
    for (let a = 0; a <= MIXED.length; a++) {
      for (let b = a; b <= MIXED.length; b++) {
        const lines = await collect(
          chunksOf(MIXED.slice(0, a), MIXED.slice(a, b), MIXED.slice(b)),
        );
        assert.deepEqual(lines, MIXED_LINES, `cuts at ${a} and ${b}`);
      }
    }
  });
  await t.step("one byte per chunk", async () => {
    const bytes = [...MIXED].map((b) => new Uint8Array([b]));
    assert.deepEqual(await collect(chunksOf(...bytes)), MIXED_LINES);
  });
});

Deno.test("readTextLines reads a real file stream", async () => {
  using file = await Deno.open(new URL("../fixtures/seed_vss110_page.txt", import.meta.url));
  const lines = await collect(file.readable);
  assert.equal(lines.length, 21);
  assert.ok(lines[0].text.startsWith("\fREPORT ID:  VSS-110"));
  assert.equal(lines[18].text, ""); // line 19 of the seed is zero-length
  assert.ok(lines[20].text.includes("*** END OF VSS-110 REPORT ***"));
  assert.deepEqual(lines.map((l) => l.number), Array.from({ length: 21 }, (_, i) => i + 1));
});
