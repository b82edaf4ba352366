/**
 * Tests of the `finstream` command line as users run it: a subprocess with the
 * least-privilege permissions of the `finstream` task, checking exit statuses (0, 3, 1),
 * the `--json` summary as the last line of stdout, and one-line errors that name the
 * problem.
 *
 * @module
 */

import assert from "node:assert/strict";
import { runFinstream } from "../helpers/cli.ts";
import { ENGINE, prepareTestDatabase } from "../helpers/database.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURES = `${ROOT}tests/fixtures`;

function lastJsonLine(stdout: string) {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

Deno.test(`cli ingest stores the seed files, prints a JSON summary, exits 0 (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const args = ["ingest", `${FIXTURES}/seed_vss110_page.txt`, `${FIXTURES}/seed_clearing.json`];
    const first = await runFinstream(
      [...args, ...prepared.cliArgs, "--json", "--log-dir", `${prepared.tmp}/logs`],
      prepared.tmp,
    );
    assert.equal(first.code, 0, first.stderr);
    const summary = lastJsonLine(first.stdout);
    assert.deepEqual(
      summary.files.map((f: Record<string, unknown>) => [f.kind, f.status, f.stored]),
      [["ep747", "stored", 1], ["clearing", "stored", 2]],
    );
    assert.equal(summary.files[0].pages, 1);
    assert.equal(summary.files[1].records, 2);
    assert.match(summary.files[0].sha256, /^[0-9a-f]{64}$/);
    assert.equal(summary.totals.stored, 3);
    const log = await Deno.readTextFile(`${prepared.tmp}/logs/finstream.log`);
    const records = log.trim().split("\n").map((l) => JSON.parse(l));
    assert.ok(
      records.some((r) => r.properties?.runId === summary.run_id),
      "log lines carry the run id",
    );

    const again = await runFinstream([...args, ...prepared.cliArgs], prepared.tmp);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already ingested/);
    assert.match(again.stdout, /skipped/);

    const db = await prepared.open();
    try {
      const [row] = await db.sql`select count(*)::int as n from transactions`;
      assert.equal(row.n, 2);
    } finally {
      await db.close();
    }
  } finally {
    await prepared.cleanup();
  }
});

Deno.test(`cli ingest exits 3 when something is dead-lettered (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const records = JSON.parse(await Deno.readTextFile(`${FIXTURES}/seed_clearing.json`));
    records[1].source_date = "05/07/2024";
    const path = `${prepared.tmp}/clearing.json`;
    await Deno.writeTextFile(path, JSON.stringify(records));
    const result = await runFinstream(
      ["ingest", path, ...prepared.cliArgs, "--log-dir", `${prepared.tmp}/logs`],
      prepared.tmp,
    );
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /1 item\(s\) went to dead_letters/);
    const errors = await Deno.readTextFile(`${prepared.tmp}/logs/finstream.error.log`).catch(() =>
      ""
    );
    const warnings = await Deno.readTextFile(`${prepared.tmp}/logs/finstream.log`);
    assert.match(warnings, /record 1, field source_date/);
    assert.equal(errors.includes("record 1"), false, "a dead-lettered record is a warning");
  } finally {
    await prepared.cleanup();
  }
});

Deno.test("cli reports a missing file with its name and exits 1", async () => {
  const prepared = await prepareTestDatabase();
  try {
    const missing = `${prepared.tmp}/nope/EP747.TXT`;
    const result = await runFinstream(["ingest", missing, ...prepared.cliArgs], prepared.tmp);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /finstream: error: .*nope\/EP747\.TXT: no such file or folder/);
  } finally {
    await prepared.cleanup();
  }
});

Deno.test("cli rejects bad arguments and an unreachable database with exit 1", async () => {
  const tmp = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-cli-" });
  try {
    const bad = await runFinstream(["ingest", "--no-such-flag"], tmp);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no-such-flag.*finstream help/);
    assert.equal(bad.stderr.trim().split("\n").length, 1, "one line");

    const badLevel = await runFinstream(["ingest", "--log-level", "loud"], tmp);
    assert.equal(badLevel.code, 1);
    assert.match(badLevel.stderr, /--log-level \/ FINSTREAM_LOG_LEVEL/);

    const unreachable = await runFinstream(
      ["migrate", "--database-url", "postgres://postgres:secret@127.0.0.1:1/none"],
      tmp,
    );
    assert.equal(unreachable.code, 1);
    assert.match(
      unreachable.stderr,
      /cannot use database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1/,
    );
    assert.match(unreachable.stderr, /Is PostgreSQL running/);
    assert.equal(unreachable.stderr.includes("secret"), false, "password never printed");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("cli strategies list names the built-in strategies and their modules", async () => {
  const tmp = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-cli-" });
  try {
    const result = await runFinstream(["strategies", "list"], tmp);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /VSS-110\s+built-in\s+strategies\/vss_110\.ts/);
    assert.match(result.stdout, /VSS-610\s+built-in\s+strategies\/vss_610\.ts/);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("cli strategies list says which plugin overrides a built-in", async () => {
  const tmp = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-cli-" });
  try {
    await Deno.mkdir(`${tmp}/plugins`);
    await Deno.writeTextFile(
      `${tmp}/plugins/vss_110.ts`,
      `export { default } from "${ROOT}strategies/vss_110.ts";\n`,
    );
    const result = await runFinstream(
      [
        "strategies",
        "list",
        "--plugins",
        `${tmp}/plugins`,
        "--strategy",
        `${FIXTURES}/plugins/extra/vss_777.ts`,
      ],
      tmp,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /VSS-110\s+plugin\s+plugins\/vss_110\.ts\s+Vss110Strategy\s+overrides built-in strategies\/vss_110\.ts/,
    );
    assert.match(result.stdout, /VSS-777\s+plugin\s+extra\/vss_777\.ts/);
    assert.match(result.stdout, /VSS-120\s+built-in/);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
