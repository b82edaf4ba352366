/**
 * SHA-256 of a file, streamed, so a file already ingested is recognised by its content
 * whatever its name.
 *
 * Techniques: `node:crypto` incremental hashing over 1 MiB reads (`file_chunks.ts`);
 * constant memory.
 *
 * @example
 * ```ts
 * import { sha256File } from "./file_digest.ts";
 * const hex = await sha256File("data/samples/EP747_20240705_seed_vss110.txt");
 * hex.length; // 64
 * ```
 *
 * @module
 */

import { createHash } from "node:crypto";
import { readFileChunks } from "./file_chunks.ts";

/** The lower-case hex SHA-256 of a file's bytes. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  using file = await Deno.open(path, { read: true });
  for await (const chunk of readFileChunks(file)) hash.update(chunk);
  return hash.digest("hex");
}
