/**
 * Tests for `src/reader/file_chunks.ts`: a file comes back whole and in order, in chunks of
 * the requested size (the last one shorter), each chunk in a buffer of its own so earlier
 * views stay valid; the per-chunk callback sees every byte; an empty file yields nothing.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileChunks } from "../../src/reader/file_chunks.ts";

async function withFile(bytes: Uint8Array, body: (path: string) => Promise<void>) {
  const path = await Deno.makeTempFile({ dir: "/tmp", prefix: "finstream-chunks-" });
  try {
    await Deno.writeFile(path, bytes);
    await body(path);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("a file comes back whole, in order, in chunks of the requested size", async () => {
  const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 251);
  await withFile(bytes, async (path) => {
    using file = await Deno.open(path);
    const seen: number[] = [];
    const chunks: Uint8Array[] = [];
    for await (
      const chunk of readFileChunks(file, {
        chunkBytes: 4096,
        onChunk: (c) => seen.push(c.length),
      })
    ) {
      chunks.push(chunk);
    }
    assert.deepEqual(chunks.map((c) => c.length), [4096, 4096, 1808]);
    assert.deepEqual(seen, [4096, 4096, 1808], "the callback saw every chunk");
    assert.notEqual(chunks[0].buffer, chunks[1].buffer, "no buffer is reused");
    const joined = new Uint8Array(bytes.length);
    let at = 0;
    for (const chunk of chunks) {
      joined.set(chunk, at);
      at += chunk.length;
    }
    assert.deepEqual(joined, bytes);
  });
});

Deno.test("an exact multiple of the chunk size and an empty file", async () => {
  await withFile(new Uint8Array(8192).fill(1), async (path) => {
    using file = await Deno.open(path);
    const lengths: number[] = [];
    for await (const chunk of readFileChunks(file, { chunkBytes: 4096 })) {
      lengths.push(chunk.length);
    }
    assert.deepEqual(lengths, [4096, 4096]);
  });
  await withFile(new Uint8Array(0), async (path) => {
    using file = await Deno.open(path);
    let count = 0;
    for await (const _ of readFileChunks(file)) count++;
    assert.equal(count, 0);
  });
});
