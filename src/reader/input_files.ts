/**
 * Expands the paths given to `ingest` (files and folders) into a sorted list of files.
 *
 * Techniques: `Deno.stat` / `Deno.readDir` walk; hidden files, `*.md`, test oracles
 * (`*.expected.json`) and the generator's `generate_summary.json` are skipped in folders,
 * never when named explicitly;
 * a missing path is an `InputFileError` naming it.
 *
 * @example
 * ```ts
 * import { expandInputPaths } from "./input_files.ts";
 * await expandInputPaths(["data/samples"]); // ["data/samples/EP747_…", …]
 * ```
 *
 * @module
 */

import { InputFileError } from "../models/errors.ts";

/** Files a folder may hold that are not inputs: hidden files, docs, generator bookkeeping. */
function skippedInFolder(name: string): boolean {
  return name.startsWith(".") || name.endsWith(".md") || name.endsWith(".expected.json") ||
    name === "generate_summary.json";
}

/** Files named by `paths`: files as given, folders walked recursively, sorted by path. */
export async function expandInputPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(path);
    } catch (error) {
      const reason = error instanceof Deno.errors.NotFound
        ? "no such file or folder"
        : (error as Error).message;
      throw new InputFileError(reason, { file: path }, { cause: error });
    }
    if (info.isFile) {
      files.push(path);
      continue;
    }
    const found: string[] = [];
    const walk = async (dir: string) => {
      for await (const entry of Deno.readDir(dir)) {
        if (skippedInFolder(entry.name)) continue;
        const child = `${dir.replace(/\/$/, "")}/${entry.name}`;
        if (entry.isDirectory) await walk(child);
        else if (entry.isFile) found.push(child);
      }
    };
    await walk(path);
    files.push(...found.sort());
  }
  return files;
}
