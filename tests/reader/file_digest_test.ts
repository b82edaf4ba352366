/**
 * Tests for the streamed SHA-256 of a file (`file_digest.ts`), compared with a one-shot
 * `node:crypto` hash of the whole file and with a known digest.
 *
 * @module
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sha256File } from "../../src/reader/file_digest.ts";

const wholeFileSha256 = async (path: string) =>
  createHash("sha256").update(await Deno.readFile(path)).digest("hex");

Deno.test("sha256File matches node:crypto over the whole file", async (t) => {
  const dir = await Deno.makeTempDir({ dir: "/tmp" });
  try {
    await t.step("the seed EP747 page", async () => {
      const seed = new URL("../fixtures/seed_vss110_page.txt", import.meta.url).pathname;
      const hex = await sha256File(seed);
      assert.match(hex, /^[0-9a-f]{64}$/);
      assert.equal(hex, await wholeFileSha256(seed));
    });

    await t.step("the empty file has the well-known SHA-256", async () => {
      const path = `${dir}/empty`;
      await Deno.writeFile(path, new Uint8Array());
      assert.equal(
        await sha256File(path),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      );
    });

    await t.step('"abc" has the FIPS 180-2 test-vector digest', async () => {
      const path = `${dir}/abc`;
      await Deno.writeTextFile(path, "abc");
      assert.equal(
        await sha256File(path),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      );
    });

    await t.step("a multi-chunk binary file", async () => {
      const path = `${dir}/big.bin`;
      const data = new Uint8Array(1_000_003);
      for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
      await Deno.writeFile(path, data);
      assert.equal(await sha256File(path), await wholeFileSha256(path));
    });

    await t.step("one changed byte changes the digest", async () => {
      const a = `${dir}/a`;
      const b = `${dir}/b`;
      await Deno.writeTextFile(a, "REPORT ID:  VSS-110\n");
      await Deno.writeTextFile(b, "REPORT ID:  VSS-111\n");
      assert.notEqual(await sha256File(a), await sha256File(b));
    });

    await t.step("a missing file rejects", async () => {
      await assert.rejects(() => sha256File(`${dir}/missing`), Deno.errors.NotFound);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
