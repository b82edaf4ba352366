/**
 * Tests of `finstream reconcile` as users run it: a subprocess with the least-privilege
 * permissions of the `finstream` task, on PGlite or the server named by `DATABASE_URL`. Exit
 * status 0 when everything matches, 4 on any mismatch, 1 on bad options; the table, JSON, CSV
 * and HTML outputs, to stdout or `--out FILE`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { migrate } from "../../src/writer/migrations.ts";
import { type CliResult, runFinstream } from "../helpers/cli.ts";
import { ENGINE, type PreparedDatabase, prepareTestDatabase } from "../helpers/database.ts";
import { seedDay } from "../helpers/reconciliation_data.ts";

/** `finstream ARGS` on the prepared database, logging into its scratch folder. */
function finstream(args: string[], prepared: PreparedDatabase): Promise<CliResult> {
  return runFinstream(
    [...args, ...prepared.cliArgs, "--log-dir", `${prepared.tmp}/logs`],
    prepared.tmp,
  );
}

/** A prepared database holding one consistent BRL day; returns a COMPRA transaction id. */
async function seeded(prepared: PreparedDatabase): Promise<number> {
  const db = await prepared.open();
  try {
    await migrate(db.sql);
    const day = await seedDay(db.sql, {
      date: "2024-07-05",
      currency: "BRL",
      leaves: 2,
      classes: {
        "COMPRA": { count: 3, cents: 1_500_00n },
        "SAQUE": { count: 2, cents: 80_50n },
      },
    });
    return day.transactions["COMPRA"][1];
  } finally {
    await db.close();
  }
}

async function alter(prepared: PreparedDatabase, id: number): Promise<void> {
  const db = await prepared.open();
  try {
    await db.sql`update transactions set dest_value = dest_value + 0.05 where id = ${id}`;
  } finally {
    await db.close();
  }
}

Deno.test(`cli reconcile exits 0 when everything matches, 4 on a mismatch (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const id = await seeded(prepared);

    const table = await finstream(["reconcile", "--date", "2024-07-05"], prepared);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /2024-07-05\s+BRL\s+COMPRA\s+3\s+1,500\.00\s+3\s+1,500\.00\s+0/);
    assert.match(table.stdout, /2 rows: 2 matched, 0 mismatch, .*: all matched\n$/);

    const json = await finstream(["reconcile", "--format", "json"], prepared);
    assert.equal(json.code, 0, json.stderr);
    const result = JSON.parse(json.stdout);
    assert.equal(result.all_matched, true);
    assert.deepEqual(result.rows.map((r: { status: string }) => r.status), ["matched", "matched"]);

    await alter(prepared, id);

    const csv = await finstream(["reconcile", "--format", "csv", "--currency", "brl"], prepared);
    assert.equal(csv.code, 4, csv.stderr);
    assert.deepEqual(csv.stdout.split("\r\n"), [
      "proc_date,currency,transaction_class,report_count,report_amount,clearing_count," +
      "clearing_amount,count_difference,amount_difference,status",
      "2024-07-05,BRL,COMPRA,3,1500.00,3,1500.05,0,-0.05,mismatch",
      "2024-07-05,BRL,SAQUE,2,80.50,2,80.50,0,0.00,matched",
      "",
    ]);

    const out = `${prepared.tmp}/reconciliation.html`;
    const html = await finstream(
      ["reconcile", "--from", "2024-07-01", "--to", "2024-07-31", "--format", "html", "--out", out],
      prepared,
    );
    assert.equal(html.code, 4, html.stderr);
    assert.equal(
      html.stdout,
      `2 rows: 1 matched, 1 mismatch, 0 only in reports, 0 only in clearing; html written to ${out}\n`,
    );
    const page = await Deno.readTextFile(out);
    assert.match(page, /<tr class="mismatch status-mismatch" data-status="mismatch">/);

    const tolerant = await finstream(["reconcile", "--tolerance", "0.05", "--json"], prepared);
    assert.equal(tolerant.code, 0, tolerant.stderr);
    assert.equal(JSON.parse(tolerant.stdout).tolerance, "0.05");

    const elsewhere = await finstream(["reconcile", "--date", "2024-07-06"], prepared);
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    assert.match(elsewhere.stdout, /No report or clearing figures for this selection/);
  } finally {
    await prepared.cleanup();
  }
});

Deno.test(`cli reconcile refuses bad options with exit 1 and a one-line reason (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const cases: [string[], RegExp][] = [
      [["--date", "2024-13-01"], /--date must be a date YYYY-MM-DD, got "2024-13-01"/],
      [["--date", "2024-07-05", "--to", "2024-07-06"], /either --date or --from\/--to/],
      [["--format", "xml"], /--format must be one of table, json, csv, html, got "xml"/],
      [["--tolerance", "0,01"], /--tolerance must be a non-negative decimal/],
      [["extra"], /reconcile takes no arguments/],
    ];
    for (const [args, message] of cases) {
      const result = await finstream(["reconcile", ...args], prepared);
      assert.equal(result.code, 1, `${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, /^finstream: error: /);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split("\n").length, 1, "one line");
    }
    const help = await finstream(["help"], prepared);
    assert.match(help.stdout, /finstream reconcile \[--date D \| --from D --to D\]/);
    assert.match(help.stdout, /4 reconcile found a difference/);
  } finally {
    await prepared.cleanup();
  }
});
