/**
 * Tests of the streaming record splitter: both formats, awkward strings, every chunk split
 * point, line numbers, structural errors, and a fast-check property over random JSON.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { readJsonRecords, type RecordSegment } from "../../src/reader/json_records.ts";
import { SplitError } from "../../src/models/errors.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SEED_URL = new URL("../fixtures/seed_clearing.json", import.meta.url);

/** Yields `bytes` cut into chunks of the given sizes (the last size repeats). */
function* chunked(bytes: Uint8Array, sizes: number[]): Generator<Uint8Array> {
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = sizes[Math.min(k++, sizes.length - 1)];
    yield bytes.slice(at, at + size);
    at += size;
  }
}

/** Yields `bytes` cut at the given positions. */
function* cutAt(bytes: Uint8Array, cuts: number[]): Generator<Uint8Array> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.slice(at, cut);
    at = cut;
  }
  yield bytes.slice(at);
}

/** An async iterable over the given chunks (like a file's readable stream). */
async function* asAsync(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function collect(
  chunks: Iterable<Uint8Array>,
  file?: string,
): Promise<RecordSegment[]> {
  const out: RecordSegment[] = [];
  for await (const segment of readJsonRecords(asAsync(chunks), { file })) out.push(segment);
  return out;
}

const split = (text: string) => collect([encoder.encode(text)]);

/** Returns the SplitError raised while reading `chunks`, failing if none is raised. */
async function splitError(chunks: Iterable<Uint8Array>, file?: string): Promise<SplitError> {
  try {
    await collect(chunks, file);
  } catch (error) {
    assert.ok(error instanceof SplitError, `expected a SplitError, got ${error}`);
    return error;
  }
  assert.fail("expected a SplitError");
}

/** Inputs exercising strings, escapes, unicode, nesting and line endings. */
const TRICKY_ARRAY = [
  "\ufeff[\r\n",
  '  {"a": "[ ] { } , :", "b": "say \\"hi\\" \\\\", "c": "\\u00e7\\\\\\""},\r\n',
  '  {"nested": {"x": [1, {"y": [[], {}]}], "z": "}]"}, "n": -1.50e3},\r\n',
  '  {"uni": "ação ✓ 😀 \u2028", "esc": "\\n\\t\\/\\b"},\r',
  '  "a string record", 42, true, null, [1, "]"],\n',
  '  {"last": ""}\n',
  "]\n",
].join("");

const TRICKY_NDJSON = [
  '{"a": "[ ] { } , :", "b": "say \\"hi\\""}\r\n',
  "\r\n",
  '   {"uni": "ação 😀", "nested": {"x": [1, {"y": []}]}}  \n',
  '{"c": "\\\\"}\r',
  '{"d": 1}',
].join("");

Deno.test("readJsonRecords splits well-formed input", async (t) => {
  const cases: { name: string; input: string; texts: string[]; lines: number[] }[] = [
    {
      name: "JSON array",
      input: '[{"a": 1}, {"b": 2}]',
      texts: ['{"a": 1}', '{"b": 2}'],
      lines: [1, 1],
    },
    {
      name: "NDJSON",
      input: '{"a": 1}\n{"b": 2}\n',
      texts: ['{"a": 1}', '{"b": 2}'],
      lines: [1, 2],
    },
    {
      name: "NDJSON without final newline, blank lines and padding",
      input: '\n  {"a": 1}  \n\n\t{"b": 2}',
      texts: ['{"a": 1}', '{"b": 2}'],
      lines: [2, 4],
    },
    {
      name: "whitespace and CRLF around array elements",
      input: '\r\n [\r\n\t{"a": 1}\r\n ,\r\n {"b": 2} \r\n] \r\n',
      texts: ['{"a": 1}', '{"b": 2}'],
      lines: [3, 5],
    },
    {
      name: "structural characters and escaped quotes inside strings",
      input: '[{"s": "[ ] { } , \\" :"}, {"t": "\\\\"}, {"u": "\\\\\\"]"}]',
      texts: ['{"s": "[ ] { } , \\" :"}', '{"t": "\\\\"}', '{"u": "\\\\\\"]"}'],
      lines: [1, 1, 1],
    },
    {
      name: "unicode text",
      input: '[{"s": "ação ✓ 😀"}, {"e": "\\u00e7"}]',
      texts: ['{"s": "ação ✓ 😀"}', '{"e": "\\u00e7"}'],
      lines: [1, 1],
    },
    {
      name: "nested objects and arrays, pretty-printed record",
      input: '[\n  {\n    "a": {"b": [1, [2, {"c": {}}]]},\n    "d": []\n  }\n]',
      texts: ['{\n    "a": {"b": [1, [2, {"c": {}}]]},\n    "d": []\n  }'],
      lines: [2],
    },
    {
      name: "elements that are not objects are still yielded",
      input: '[1, -2.5e3, "x", true, false, null, [], [{}]]',
      texts: ["1", "-2.5e3", '"x"', "true", "false", "null", "[]", "[{}]"],
      lines: [1, 1, 1, 1, 1, 1, 1, 1],
    },
    {
      name: "NDJSON scalar lines",
      input: '{"a": 1}\n7\n"x"',
      texts: ['{"a": 1}', "7", '"x"'],
      lines: [1, 2, 3],
    },
    {
      name: "lone CR line endings",
      input: '[\r{"a": 1},\r\r{"b": 2}\r]',
      texts: ['{"a": 1}', '{"b": 2}'],
      lines: [2, 4],
    },
    {
      name: "byte order mark",
      input: '\ufeff[{"a": 1}]',
      texts: ['{"a": 1}'],
      lines: [1],
    },
    { name: "empty array", input: "[]", texts: [], lines: [] },
    { name: "empty array with whitespace", input: " [ \n ] \n", texts: [], lines: [] },
    { name: "empty file", input: "", texts: [], lines: [] },
    { name: "whitespace-only file", input: " \r\n\t\n", texts: [], lines: [] },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      const bytes = encoder.encode(c.input);
      const segments = await collect([bytes]);
      assert.deepEqual(segments.map((s) => s.text), c.texts);
      assert.deepEqual(segments.map((s) => s.line), c.lines);
      assert.deepEqual(segments.map((s) => s.index), c.texts.map((_, i) => i));
      for (const s of segments) {
        assert.equal(decoder.decode(bytes.subarray(s.byteStart, s.byteEnd)), s.text);
      }
    });
  }
});

Deno.test("readJsonRecords reads the seed clearing file", async (t) => {
  const bytes = await Deno.readFile(SEED_URL);
  const expected = JSON.parse(decoder.decode(bytes)) as unknown[];

  await t.step("from an async iterable of one chunk", async () => {
    const segments = await collect([bytes]);
    assert.equal(segments.length, 2);
    assert.deepEqual(segments.map((s) => JSON.parse(s.text)), expected);
    const text = decoder.decode(bytes);
    for (const s of segments) {
      // Layout-independent checks: the bytes, the line and the exact number text.
      assert.equal(decoder.decode(bytes.subarray(s.byteStart, s.byteEnd)), s.text);
      assert.equal(s.line, text.slice(0, s.byteStart).split("\n").length);
      assert.ok(s.text.startsWith("{") && s.text.endsWith("}"));
      assert.match(s.text, /^\{\s*"source":\s*"VISA"/);
      assert.match(s.text, /"clearing_credit":\s*0\s*\}$/);
    }
    assert.ok(segments[0].line >= 2 && segments[1].line > segments[0].line);
    // The exact number text survives: the splitter never parses.
    assert.match(segments[0].text, /"clearing_value":\s*21\.000000\s*,/);
    assert.match(segments[1].text, /"issuer_exchange_rate":\s*5\.893800\s*,/);
  });

  await t.step("from a file's ReadableStream", async () => {
    using file = await Deno.open(SEED_URL);
    const segments: RecordSegment[] = [];
    for await (const s of readJsonRecords(file.readable, { file: "seed_clearing.json" })) {
      segments.push(s);
    }
    assert.deepEqual(segments, await collect([bytes]));
  });
});

Deno.test("readJsonRecords gives identical segments however the input is chunked", async (t) => {
  const inputs = {
    seed: await Deno.readFile(SEED_URL),
    tricky_array: encoder.encode(TRICKY_ARRAY),
    tricky_ndjson: encoder.encode(TRICKY_NDJSON),
  };
  for (const [name, bytes] of Object.entries(inputs)) {
    const reference = await collect([bytes]);
    assert.ok(reference.length >= 2);
    for (const size of [1, 2, 3, 7]) {
      await t.step(`${name}: chunks of ${size} bytes`, async () => {
        assert.deepEqual(await collect(chunked(bytes, [size])), reference);
      });
    }
    await t.step(`${name}: every single split position`, async () => {
      for (let cut = 0; cut <= bytes.length; cut++) {
        assert.deepEqual(await collect(cutAt(bytes, [cut])), reference, `split at byte ${cut}`);
      }
    });
  }
});

Deno.test("readJsonRecords keeps exact texts of the tricky inputs", async () => {
  const segments = await split(TRICKY_ARRAY);
  assert.deepEqual(segments.map((s) => s.line), [2, 3, 4, 5, 5, 5, 5, 5, 6]);
  assert.deepEqual(segments.map((s) => JSON.parse(s.text)), [
    { a: "[ ] { } , :", b: 'say "hi" \\', c: 'ç\\"' },
    { nested: { x: [1, { y: [[], {}] }], z: "}]" }, n: -1500 },
    { uni: "ação ✓ 😀 \u2028", esc: "\n\t/\b" },
    "a string record",
    42,
    true,
    null,
    [1, "]"],
    { last: "" },
  ]);
  const lines = await split(TRICKY_NDJSON);
  assert.deepEqual(lines.map((s) => s.line), [1, 3, 4, 5]);
  assert.deepEqual(lines.map((s) => JSON.parse(s.text)), [
    { a: "[ ] { } , :", b: 'say "hi"' },
    { uni: "ação 😀", nested: { x: [1, { y: [] }] } },
    { c: "\\" },
    { d: 1 },
  ]);
});

Deno.test("readJsonRecords rejects malformed structure with its location", async (t) => {
  const cases: {
    name: string;
    input: string | Uint8Array;
    line: number;
    lineEnd?: number;
    record?: number;
    message: RegExp;
  }[] = [
    {
      name: "truncated file inside a record",
      input: '[\n{"a": 1},\n{"b": {"c": 2}\n',
      line: 3,
      lineEnd: 4,
      record: 1,
      message: /end of file inside a record/,
    },
    {
      name: "truncated file inside a string",
      input: '[\n{"a": 1},\n{"b": "abc',
      line: 3,
      record: 1,
      message: /end of file inside a string/,
    },
    {
      name: "array not closed",
      input: '[\n{"a": 1},\n{"b": 2}\n',
      line: 4,
      record: 2,
      message: /array is not closed/,
    },
    {
      name: "array not closed after a comma",
      input: '[{"a": 1},',
      line: 1,
      record: 1,
      message: /array is not closed/,
    },
    {
      name: "array of a bare scalar not closed",
      input: "[1",
      line: 1,
      record: 1,
      message: /array is not closed/,
    },
    {
      name: "missing comma",
      input: '[\n{"a": 1}\n{"b": 2}\n]',
      line: 3,
      record: 1,
      message: /expected ',' or '\]' after record 0, found '\{'/,
    },
    {
      name: "garbage between records",
      input: '[{"a": 1}, {"b": 2} x, {"c": 3}]',
      line: 1,
      record: 2,
      message: /found 'x'/,
    },
    {
      name: "trailing garbage after the array",
      input: '[{"a": 1}]\n\n  ]',
      line: 3,
      message: /unexpected '\]' after the end of the array/,
    },
    {
      name: "trailing comma",
      input: '[{"a": 1},\n]',
      line: 2,
      record: 1,
      message: /trailing comma/,
    },
    {
      name: "double comma",
      input: '[{"a": 1},,{"b": 2}]',
      line: 1,
      record: 1,
      message: /expected a record, found ','/,
    },
    {
      name: "line break inside a string",
      input: '[{"a": 1},\n{"b": "x\ny"}]',
      line: 2,
      record: 1,
      message: /unterminated string/,
    },
    {
      name: "not JSON at all",
      input: "\nhello",
      line: 2,
      message: /expected '\[' \(JSON array\) or '\{' \(NDJSON\)/,
    },
    {
      name: "NDJSON record spanning two lines",
      input: '{"a": 1}\n{"b":\n 2}\n',
      line: 2,
      record: 1,
      message: /does not end on its line/,
    },
    {
      name: "NDJSON garbage after a record",
      input: '{"a": 1}\n{"b": 2}, x\n',
      line: 2,
      record: 2,
      message: /expected the end of the line after record 1, found ','/,
    },
    {
      name: "NDJSON truncated last record",
      input: '{"a": 1}\n{"b": [2, 3',
      line: 2,
      record: 1,
      message: /end of file inside a record/,
    },
    {
      name: "invalid UTF-8 in a record",
      input: new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]),
      line: 1,
      record: 0,
      message: /not valid UTF-8/,
    },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      const bytes = typeof c.input === "string" ? encoder.encode(c.input) : c.input;
      for (const chunks of [[bytes], [...chunked(bytes, [1])], [...chunked(bytes, [3])]]) {
        const error = await splitError(chunks, "clearing_01.json");
        assert.match(error.reason, c.message);
        assert.equal(error.step, "split");
        assert.equal(error.code, "SPLIT");
        assert.equal(error.location.file, "clearing_01.json");
        assert.equal(error.location.line, c.line);
        assert.equal(error.location.lineEnd, c.lineEnd);
        assert.equal(error.location.record, c.record);
        const lines = c.lineEnd === undefined ? `line ${c.line}` : `lines ${c.line}-${c.lineEnd}`;
        assert.ok(error.message.startsWith(`clearing_01.json ${lines}`), error.message);
      }
    });
  }
});

Deno.test("readJsonRecords yields the records before an error", async () => {
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const s of readJsonRecords([encoder.encode('[{"a": 1}, {"b": 2} {"c": 3}]')])) {
      seen.push(s.text);
    }
  }, SplitError);
  assert.deepEqual(seen, ['{"a": 1}', '{"b": 2}']);
});

Deno.test("readJsonRecords caps the size of one record", async () => {
  const big = encoder.encode(`[{"a": "${"x".repeat(100)}"}]`);
  const small = encoder.encode('[{"a": 1}]');
  for (const chunks of [[big], [...chunked(big, [7])]]) {
    await assert.rejects(
      async () => {
        for await (const _ of readJsonRecords(chunks, { maxRecordBytes: 50 })) {
          // drain
        }
      },
      (error: unknown) => error instanceof SplitError && /longer than 50 bytes/.test(error.reason),
    );
  }
  const ok: string[] = [];
  for await (const s of readJsonRecords([small], { maxRecordBytes: 50 })) ok.push(s.text);
  assert.deepEqual(ok, ['{"a": 1}']);
});

Deno.test("property: split texts parse back to the original elements", async () => {
  const element = fc.dictionary(
    fc.string({ unit: "binary", maxLength: 8 }),
    fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }),
    { maxKeys: 6 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(element, { maxLength: 8 }),
      fc.constantFrom("array", "ndjson"),
      fc.constantFrom<string | number | undefined>(undefined, 2, "\t"),
      fc.constantFrom("\n", "\r\n", "\r"),
      fc.array(fc.nat(), { maxLength: 12 }),
      async (elements, format, indent, eol, cutSeeds) => {
        const text = format === "array"
          ? JSON.stringify(elements, null, indent).replaceAll("\n", eol)
          : elements.map((e) => JSON.stringify(e)).join(eol) + eol;
        const bytes = encoder.encode(text);
        const cuts = cutSeeds.map((seed) => seed % (bytes.length + 1));
        const segments = await collect(cutAt(bytes, cuts));
        assert.equal(segments.length, elements.length);
        segments.forEach((segment, i) => {
          assert.equal(segment.index, i);
          // Stringify-then-parse normalises -0 to 0, like the split text does.
          assert.deepEqual(JSON.parse(segment.text), JSON.parse(JSON.stringify(elements[i])));
          const before = decoder.decode(bytes.subarray(0, segment.byteStart));
          assert.equal(segment.line, before.split(eol).length);
        });
      },
    ),
    { numRuns: 300 },
  );
});
