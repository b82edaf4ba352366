/**
 * Tests of the single-file artifact: `scripts/bundle.ts` builds one JS file which, run with
 * `deno run` and the `finstream` task's permissions, ingests the bundled samples (its parse
 * workers are the bundle itself, its built-in strategies compiled in) and loads an
 * external strategy plugin that imports its base class from the bundle.
 *
 * @module
 */

import assert from "node:assert/strict";
import { ENGINE, prepareTestDatabase } from "../helpers/database.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function run(args: string[], cwd = ROOT) {
  const out = await new Deno.Command("deno", {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test(`the bundle ingests the samples and loads an external plugin (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const bundle = `${prepared.tmp}/dist/finstream.js`;
    const built = await run([
      "run",
      `--allow-read=.,${prepared.tmp}`,
      `--allow-write=${prepared.tmp}`,
      "--allow-run=deno",
      `${ROOT}scripts/bundle.ts`,
      bundle,
    ]);
    assert.equal(built.code, 0, built.stderr);
    const source = await Deno.readTextFile(bundle);
    assert.ok(!/from "(?!npm:|node:)[^".\/][^"]*"/.test(source), "no bare imports left");

    // Outside the repository the bundle's npm packages come from Deno's npm cache, and
    // PGlite reads its data files there.
    const info = JSON.parse((await run(["info", "--json"], prepared.tmp)).stdout);
    const permissions = [
      "--unstable-worker-options",
      `--allow-read=${ROOT},${prepared.tmp},${info.npmCache}`,
      `--allow-write=${ROOT}.finstream,${ROOT}logs,${prepared.tmp}`,
      "--allow-net=127.0.0.1,localhost",
      "--allow-env=DATABASE_URL,FINSTREAM_*,PG*,USER,USERNAME,LOGNAME,HOME,APPDATA",
    ];
    const version = await run(["run", ...permissions, bundle, "--version"], prepared.tmp);
    assert.equal(
      version.stdout.trim(),
      JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`)).version,
    );

    const ingest = await run([
      "run",
      ...permissions,
      bundle,
      "ingest",
      ...prepared.cliArgs,
      "--json",
      "--log-dir",
      `${prepared.tmp}/logs`,
    ], ROOT);
    assert.equal(ingest.code, 0, ingest.stderr);
    const summary = JSON.parse(ingest.stdout.trim().split("\n").pop()!);
    assert.equal(summary.totals.dead_lettered, 0);
    assert.ok(summary.workers >= 1, "parsed in workers");
    assert.ok(
      summary.totals.pages >= 23 && summary.totals.records >= 502,
      JSON.stringify(summary.totals),
    );

    await Deno.mkdir(`${prepared.tmp}/plugins`);
    await Deno.writeTextFile(
      `${prepared.tmp}/plugins/vss_777.ts`,
      `import { ColumnReportStrategy } from "file://${bundle}";
export default class Vss777 extends ColumnReportStrategy {
  readonly reportId = "VSS-777";
  readonly columns = [
    { name: "count", kind: "count", rightEdge: 51, field: "count" },
    { name: "amount", kind: "amount", rightEdge: 77, field: "total_amount" },
  ] as const;
}
`,
    );
    const page = (await Deno.readTextFile(`${ROOT}tests/fixtures/seed_vss110_page.txt`))
      .replaceAll("VSS-110", "VSS-777")
      .replace(
        /\n {4}TOTAL ISSUER.*\n/,
        "\n    TOTAL ISSUER                            334,544                350,719.10\n",
      )
      .replace(/\n {4}TOTAL (ACQUIRER|OTHER|INTERCHANGE VALUE).*\n/g, "\n");
    await Deno.writeTextFile(`${prepared.tmp}/EP747_777.TXT`, page);
    const plugin = await run([
      "run",
      ...permissions,
      bundle,
      "ingest",
      `${prepared.tmp}/EP747_777.TXT`,
      "--plugins",
      `${prepared.tmp}/plugins`,
      ...prepared.cliArgs,
      "--log-dir",
      `${prepared.tmp}/logs`,
    ]);
    assert.equal(plugin.code, 0, plugin.stderr + plugin.stdout);
    const db = await prepared.open();
    try {
      const [row] = await db.sql`
        select r.strategy, a.total_amount::text as total from amounts a
        join reports r on r.id = a.report_pk where r.report_id = 'VSS-777'`;
      assert.deepEqual({ ...row }, { strategy: "VSS-777:Vss777", total: "350719.10" });
    } finally {
      await db.close();
    }
  } finally {
    await prepared.cleanup();
  }
});
