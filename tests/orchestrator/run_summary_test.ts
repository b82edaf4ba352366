/**
 * Tests for `src/orchestrator/run_summary.ts`: exit statuses, the one-line JSON summary
 * and the human table.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { FileSummary, RunSummary } from "../../src/orchestrator/ingest.ts";
import { exitCodeFor, summaryJson, summaryText } from "../../src/orchestrator/run_summary.ts";

function file(overrides: Partial<FileSummary>): FileSummary {
  return {
    path: "a.txt",
    kind: "ep747",
    sha256: "f".repeat(64),
    size: 100,
    status: "stored",
    pages: 2,
    records: 0,
    stored: 2,
    unparsed: 1,
    deadLettered: 0,
    skipped: 0,
    durationMs: 5,
    ...overrides,
  };
}

function run(files: FileSummary[]): RunSummary {
  const sum = (k: "pages" | "records" | "stored" | "unparsed" | "deadLettered" | "skipped") =>
    files.reduce((s, f) => s + f[k], 0);
  return {
    runId: "r1",
    database: "embedded PGlite (x)",
    dryRun: false,
    workers: 2,
    files,
    totals: {
      files: files.length,
      pages: sum("pages"),
      records: sum("records"),
      stored: sum("stored"),
      unparsed: sum("unparsed"),
      deadLettered: sum("deadLettered"),
      skipped: sum("skipped"),
      failedFiles: files.filter((f) => f.status === "failed").length,
    },
    durationMs: 9,
  };
}

Deno.test("exit status: 0 stored, 3 dead letters, 1 a failed file", () => {
  assert.equal(exitCodeFor(run([file({})])), 0);
  assert.equal(exitCodeFor(run([file({ deadLettered: 1, status: "stored_with_errors" })])), 3);
  assert.equal(
    exitCodeFor(run([file({ deadLettered: 1 }), file({ status: "failed", message: "x" })])),
    1,
  );
});

Deno.test("the JSON summary has per-file and total counts, pages or records by kind", () => {
  const parsed = JSON.parse(summaryJson(run([
    file({}),
    file({ path: "c.json", kind: "clearing", pages: 0, records: 7, stored: 6, deadLettered: 1 }),
  ])));
  assert.equal(parsed.files[0].pages, 2);
  assert.equal("records" in parsed.files[0], false);
  assert.equal(parsed.files[1].records, 7);
  assert.equal("pages" in parsed.files[1], false);
  assert.deepEqual(parsed.totals, {
    files: 2,
    pages: 2,
    records: 7,
    stored: 8,
    unparsed: 2,
    dead_lettered: 1,
    skipped: 0,
    failed_files: 0,
  });
  assert.equal(parsed.exit_code, 3);
  assert.equal(summaryJson(run([file({})])).includes("\n"), false);
});

Deno.test("the table lists every file, the totals and a verdict", () => {
  const text = summaryText(
    run([
      file({}),
      file({
        path: "b.txt",
        status: "skipped",
        stored: 0,
        skipped: 2,
        message: "already ingested",
      }),
    ]),
  );
  const lines = text.split("\n");
  assert.match(lines[0], /embedded PGlite \(x\).*run r1/);
  assert.match(text, /^a\.txt\s+ep747\s+stored\s+2\s+2\s+1\s+0\s+0\s+5\s+400$/m);
  assert.match(text, /^total\s+4\s+2\s+2\s+0\s+2\s+9\s+444$/m);
  assert.match(text, /b\.txt: already ingested/);
  assert.match(text, /Everything was stored\.$/);
  const skippedOnly = summaryText(run([file({ status: "skipped", stored: 0, skipped: 2 })]));
  assert.match(skippedOnly, /Nothing new to store: every file was already ingested\.$/);
  const withDead = summaryText(run([file({ deadLettered: 2, status: "stored_with_errors" })]));
  assert.match(withDead, /2 item\(s\) went to dead_letters/);
  const dry = summaryText({ ...run([file({ deadLettered: 1 })]), dryRun: true });
  assert.match(dry, /^finstream validate/);
  assert.match(dry, /Dry run: nothing was written; 2 page\(s\)\/record\(s\) would be stored and 1/);
});
