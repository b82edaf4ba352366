/**
 * Tests for content sniffing (`file_kind.ts`): clearing JSON by its first `[`/`{` (after a
 * byte-order mark and blanks), EP747 by a `REPORT ID:` line, and errors naming the file.
 *
 * @module
 */

import assert from "node:assert/strict";
import { InputFileError } from "../../src/models/errors.ts";
import { detectFileKind, SNIFF_BYTES, sniffKind } from "../../src/reader/file_kind.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]);

Deno.test("sniffKind", async (t) => {
  const cases: { name: string; head: Uint8Array; expected: "ep747" | "clearing" | null }[] = [
    { name: "JSON array", head: bytes('[{"a":1}]'), expected: "clearing" },
    { name: "JSON object", head: bytes('{"records":[]}'), expected: "clearing" },
    { name: "JSON after blanks and newlines", head: bytes(" \r\n\t [\n]"), expected: "clearing" },
    { name: "JSON after a byte-order mark", head: withBom("[]"), expected: "clearing" },
    { name: "BOM then blanks then JSON", head: withBom("\n  {}"), expected: "clearing" },
    { name: "EP747 with form feed", head: bytes("\fREPORT ID:  VSS-110\n"), expected: "ep747" },
    { name: "EP747 with blank column 1", head: bytes(" REPORT ID:  VSS-110"), expected: "ep747" },
    { name: "EP747 without column 1", head: bytes("REPORT ID:  VSS-110"), expected: "ep747" },
    {
      name: "EP747 after junk lines",
      head: bytes("TRANSMISSION HEADER\r\nMORE\r\n\fREPORT ID:  VSS-110\r\n"),
      expected: "ep747",
    },
    {
      name: "EP747 with a windows-1252 byte before",
      head: new Uint8Array([0xc7, 0x0a, ...bytes(" REPORT ID:  VSS-120")]),
      expected: "ep747",
    },
    { name: "REPORT ID not at a line start", head: bytes("X REPORT ID:  VSS-110"), expected: null },
    { name: "plain text", head: bytes("hello\nworld\n"), expected: null },
    { name: "CSV", head: bytes("a,b,c\n1,2,3\n"), expected: null },
    { name: "empty", head: new Uint8Array(), expected: null },
    { name: "only blanks", head: bytes("   \n\n"), expected: null },
  ];
  for (const c of cases) {
    await t.step(c.name, () => assert.equal(sniffKind(c.head), c.expected));
  }
});

Deno.test("detectFileKind reads files from disk", async (t) => {
  const dir = await Deno.makeTempDir({ dir: "/tmp" });
  try {
    await t.step("the seed EP747 page", async () => {
      const seed = new URL("../fixtures/seed_vss110_page.txt", import.meta.url).pathname;
      assert.equal(await detectFileKind(seed), "ep747");
    });
    await t.step("the seed clearing file", async () => {
      const seed = new URL("../fixtures/seed_clearing.json", import.meta.url).pathname;
      assert.equal(await detectFileKind(seed), "clearing");
    });
    await t.step("a REPORT ID line inside the first 64 KiB", async () => {
      const path = `${dir}/late.txt`;
      await Deno.writeTextFile(path, "x".repeat(SNIFF_BYTES - 100) + "\n REPORT ID:  VSS-110\n");
      assert.equal(await detectFileKind(path), "ep747");
    });
    await t.step("a REPORT ID line beyond the first 64 KiB is not looked for", async () => {
      const path = `${dir}/too_late.txt`;
      await Deno.writeTextFile(path, "x".repeat(SNIFF_BYTES + 10) + "\n REPORT ID:  VSS-110\n");
      await assert.rejects(() => detectFileKind(path), InputFileError);
    });
    await t.step("neither kind: InputFileError naming the file", async () => {
      const path = `${dir}/notes.txt`;
      await Deno.writeTextFile(path, "just some notes\n");
      await assert.rejects(
        () => detectFileKind(path),
        (error: unknown) => {
          assert.ok(error instanceof InputFileError);
          assert.equal(error.location.file, path);
          assert.ok(error.message.includes(path), error.message);
          return true;
        },
      );
    });
    await t.step("an empty file", async () => {
      const path = `${dir}/empty.txt`;
      await Deno.writeFile(path, new Uint8Array());
      await assert.rejects(() => detectFileKind(path), InputFileError);
    });
    await t.step("a missing file: InputFileError naming the file", async () => {
      const path = `${dir}/missing.txt`;
      await assert.rejects(
        () => detectFileKind(path),
        (error: unknown) => {
          assert.ok(error instanceof InputFileError);
          assert.equal(error.location.file, path);
          assert.equal(error.step, "read");
          return true;
        },
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
