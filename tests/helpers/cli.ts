/**
 * Test helper: runs the `finstream` command line as users run it — a `deno run`
 * subprocess of `cli.ts` with exactly the permissions of the `finstream` task in
 * deno.json (never `-A`), widened only by the test's scratch folder.
 *
 * Techniques: the task's `--allow-*` flags read from deno.json, so the tests fail if the
 * task ever needs more than it grants; `Deno.Command` with piped output and `NO_COLOR`.
 *
 * @example
 * ```ts
 * import { runFinstream } from "./cli.ts";
 * const { code, stdout } = await runFinstream(["--help"], "/tmp/scratch");
 * ```
 *
 * @module
 */

import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url).pathname;

/** The permissions of the `finstream` task in deno.json, plus the test's scratch folder. */
export async function taskPermissions(tmp: string): Promise<string[]> {
  const denoJson = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  const task: string = denoJson.tasks.finstream;
  const flags = task.split(/\s+/).filter((w) => w.startsWith("--allow-"));
  assert.ok(flags.length >= 4, "the finstream task names its permissions");
  assert.ok(!flags.some((f) => f === "-A" || f === "--allow-all"), "never -A");
  return flags.map((f) => /^--allow-(read|write)=/.test(f) ? `${f},${tmp}` : f);
}

/** What a finished `finstream` process printed, and its exit status. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `finstream ARGS` from the repository root with the task's permissions. */
export async function runFinstream(args: string[], tmp: string): Promise<CliResult> {
  const command = new Deno.Command("deno", {
    args: ["run", ...(await taskPermissions(tmp)), `${ROOT}cli.ts`, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  });
  const { code, stdout, stderr } = await command.output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, stdout: decode(stdout), stderr: decode(stderr) };
}
