/**
 * Builds the single-file artifact for operations: `dist/finstream.js`, one JavaScript file
 * with all of finstream (CLI, pipeline, built-in strategies, migrations, parse worker),
 * runnable with `deno run` and the same permissions as the `finstream` task.
 *
 * Techniques: `deno bundle` (esbuild) with the npm packages left external — PGlite loads
 * its WebAssembly files from its own package, which a bundle cannot carry — then every bare
 * package import is rewritten to its pinned `npm:` specifier from deno.json, so the file
 * needs no import map and Deno fetches (or reuses) the packages on first run. The bundle
 * is its own worker module and compiles in the built-in strategies
 * (`src/strategies/builtin_strategies.ts`); plugin folders still load at run time.
 *
 * @module
 */

const root = new URL("../", import.meta.url);
/** Output file: the first argument, or dist/finstream.js. */
const out = Deno.args[0]
  ? new URL(`file://${Deno.args[0].startsWith("/") ? "" : Deno.cwd() + "/"}${Deno.args[0]}`)
  : new URL("dist/finstream.js", root);
const denoJson = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
const packages = Object.entries(denoJson.imports as Record<string, string>)
  .filter(([, target]) => target.startsWith("npm:"));

await Deno.mkdir(new URL("./", out), { recursive: true });
const args = ["bundle", "--platform", "deno", "--quiet", "-o", out.pathname];
for (const [name] of packages) args.push(`--external=${name}`);
args.push(new URL("src/cli/bundle_entry.ts", root).pathname);
const built = await new Deno.Command("deno", { args, cwd: root.pathname }).output();
if (!built.success) {
  console.error(new TextDecoder().decode(built.stderr));
  Deno.exit(1);
}

let code = await Deno.readTextFile(out);
for (const [name, target] of packages) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  code = code.replace(new RegExp(`from "${escaped}"`, "g"), `from "${target}"`);
}
const leftover = /from "(?!npm:|node:|\.|\/|file:)[^"]+"/.exec(code);
if (leftover) {
  console.error(`bundle still imports a bare specifier: ${leftover[0]}`);
  Deno.exit(1);
}
await Deno.writeTextFile(
  out,
  `// finstream ${denoJson.version} — built by scripts/bundle.ts\n${code}`,
);
console.log(`wrote ${out.pathname} (${Math.round(code.length / 1024)} KiB)`);
