/**
 * Determinism of `generate`: the same options give byte-identical files (EP747, every
 * clearing file, the summary); another seed gives different files; the clearing records
 * are independent of how they are split into files.
 *
 * @module
 */

import assert from "node:assert/strict";
import { generate, type GenerateOptions } from "../../src/generator/generate.ts";

async function digests(options: Omit<GenerateOptions, "outDir">): Promise<Map<string, string>> {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_det_" });
  try {
    await generate({ ...options, outDir: dir });
    const out = new Map<string, string>();
    for await (const entry of Deno.readDir(dir)) {
      const bytes = await Deno.readFile(`${dir}/${entry.name}`);
      const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      out.set(entry.name, Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join(""));
    }
    return out;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function clearingText(options: Omit<GenerateOptions, "outDir">): Promise<string> {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_det_" });
  try {
    const result = await generate({ ...options, outDir: dir });
    const records: string[] = [];
    for (const path of result.clearing.paths) {
      const text = await Deno.readTextFile(path);
      // Each record is one line; drop the file-specific row id and the array punctuation.
      for (const line of text.split("\n")) {
        if (line.startsWith("  {")) {
          records.push(line.replace(/,$/, "").replace(/"clearing_files_row_id": \d+/, ""));
        }
      }
    }
    return records.join("\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("generate: same options, byte-identical files", async () => {
  const options = { seed: 42, pages: 120, transactions: 800, files: 2 };
  const a = await digests(options);
  const b = await digests(options);
  assert.deepEqual(
    [...a.keys()].sort(),
    [
      "EP747_20240705.TXT",
      "VISA_TRANSACTIONAL_CLEARING_20240705_01.json",
      "VISA_TRANSACTIONAL_CLEARING_20240705_02.json",
      "generate_summary.json",
    ],
  );
  assert.deepEqual(a, b);
});

Deno.test("generate: another seed gives other files", async () => {
  const a = await digests({ seed: 1, transactions: 300 });
  const b = await digests({ seed: 2, transactions: 300 });
  for (const name of a.keys()) assert.notEqual(a.get(name), b.get(name), name);
});

Deno.test("generate: the records do not depend on the number of files", async () => {
  const one = await clearingText({ seed: 5, transactions: 500, files: 1 });
  const three = await clearingText({ seed: 5, transactions: 500, files: 3 });
  assert.equal(one.split("\n").length, 500);
  assert.equal(one, three);
});

Deno.test("generate: the processing date and line ending options", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_det_" });
  try {
    const r = await generate({
      outDir: dir,
      seed: 3,
      transactions: 50,
      procDate: "2025-01-31",
      lineEnding: "crlf",
    });
    assert.ok(r.ep747.path.endsWith("EP747_20250131.TXT"));
    assert.ok(r.clearing.paths[0].endsWith("VISA_TRANSACTIONAL_CLEARING_20250131_01.json"));
    const text = await Deno.readTextFile(r.ep747.path);
    assert.equal(text.split("\r\n").length, r.ep747.lines + 1);
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
    assert.match(text, /PROC DATE: {3}31JAN25/);
    assert.match(await Deno.readTextFile(r.clearing.paths[0]), /"source_date": "2025-01-31"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
