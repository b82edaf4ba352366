/**
 * Tests for input path expansion (`input_files.ts`): folders walked recursively and
 * sorted, hidden files, `*.expected.json` oracles and `*.md` skipped in folders but kept
 * when named, and a missing path reported by name.
 *
 * @module
 */

import assert from "node:assert/strict";
import { InputFileError } from "../../src/models/errors.ts";
import { expandInputPaths } from "../../src/reader/input_files.ts";

async function makeTree(root: string, files: string[]) {
  for (const file of files) {
    const path = `${root}/${file}`;
    await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(path, file);
  }
}

Deno.test("expandInputPaths", async (t) => {
  const root = await Deno.makeTempDir({ dir: "/tmp" });
  try {
    await makeTree(root, [
      "in/EP747_20240706.TXT",
      "in/EP747_20240705.TXT",
      "in/VISA_TRANSACTIONAL_CLEARING_20240705_01.json",
      "in/EP747_20240705.expected.json",
      "in/generate_summary.json",
      "in/README.md",
      "in/.hidden",
      "in/.git/config",
      "in/sub/b.txt",
      "in/sub/a.txt",
      "in/sub/deeper/z.json",
      "other/x.txt",
    ]);

    await t.step(
      "a folder is walked recursively, sorted, with oracles and hidden files skipped",
      async () => {
        const files = await expandInputPaths([`${root}/in`]);
        assert.deepEqual(files, [
          `${root}/in/EP747_20240705.TXT`,
          `${root}/in/EP747_20240706.TXT`,
          `${root}/in/VISA_TRANSACTIONAL_CLEARING_20240705_01.json`,
          `${root}/in/sub/a.txt`,
          `${root}/in/sub/b.txt`,
          `${root}/in/sub/deeper/z.json`,
        ]);
      },
    );

    await t.step("a trailing slash on the folder gives the same paths", async () => {
      assert.deepEqual(
        await expandInputPaths([`${root}/in/`]),
        await expandInputPaths([`${root}/in`]),
      );
    });

    await t.step(
      "files named explicitly are kept even when a folder walk would skip them",
      async () => {
        const named = [
          `${root}/in/EP747_20240705.expected.json`,
          `${root}/in/generate_summary.json`,
          `${root}/in/.hidden`,
          `${root}/in/README.md`,
        ];
        assert.deepEqual(await expandInputPaths(named), named);
      },
    );

    await t.step("several paths keep their order; each folder's files are sorted", async () => {
      const files = await expandInputPaths([`${root}/other`, `${root}/in/sub`]);
      assert.deepEqual(files, [
        `${root}/other/x.txt`,
        `${root}/in/sub/a.txt`,
        `${root}/in/sub/b.txt`,
        `${root}/in/sub/deeper/z.json`,
      ]);
    });

    await t.step("an empty folder gives no files", async () => {
      await Deno.mkdir(`${root}/empty`);
      assert.deepEqual(await expandInputPaths([`${root}/empty`]), []);
      assert.deepEqual(await expandInputPaths([]), []);
    });

    await t.step("a missing path is an InputFileError naming it", async () => {
      const missing = `${root}/nope.txt`;
      await assert.rejects(
        () => expandInputPaths([`${root}/other`, missing]),
        (error: unknown) => {
          assert.ok(error instanceof InputFileError);
          assert.equal(error.location.file, missing);
          assert.ok(error.message.includes(missing), error.message);
          assert.ok(error.message.includes("no such file or folder"), error.message);
          return true;
        },
      );
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
