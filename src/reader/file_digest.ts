/**
 * SHA-256 of a file, streamed, so a file already ingested is recognised by its content
 * whatever its name.
 *
 * Techniques: `node:crypto` incremental hashing over `Deno.FsFile.readable`; constant
 * memory.
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

/** The lower-case hex SHA-256 of a file's bytes. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  using file = await Deno.open(path, { read: true });
  for await (const chunk of file.readable) hash.update(chunk);
  return hash.digest("hex");
}
