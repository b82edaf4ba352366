/**
 * Tests for `src/writer/ledger_writer.ts`: file states (new, resume, done), one atomic
 * statement per page (amount lines in order, values exact), idempotent page and record
 * writes, dead-letter attempts, and batches larger than PostgreSQL's parameter limit.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { ParsedPage } from "../../src/models/report.ts";
import type { PageSegment } from "../../src/reader/ep747_pages.ts";
import { type DeadLetter, LedgerWriter } from "../../src/writer/ledger_writer.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";

const FILE = { path: "/in/EP747.TXT", kind: "ep747" as const, size: 10, sha256: "a".repeat(64) };

function segment(position: number): PageSegment {
  return {
    kind: "page",
    file: FILE.path,
    position,
    lineStart: position * 10,
    lineEnd: position * 10 + 9,
    lines: [],
  };
}

function page(amounts: number): ParsedPage {
  return {
    header: {
      report_id: "VSS-110",
      reporting_for: "1000123456 ACME",
      reporting_for_id: "1000123456",
      page: 1,
      proc_date: "2024-07-05",
      rollup_to: null,
      rollup_to_id: null,
      report_date: "2024-07-05",
      funds_xfer_entity: null,
      funds_xfer_entity_id: null,
      settlement_currency: "BRL",
      clearing_currency: null,
      summary: ["VISANET SETTLEMENT SERVICE"],
    },
    strategy: "test",
    parsed: true,
    noData: false,
    ended: true,
    amounts: Array.from({ length: amounts }, (_, i) => ({
      line: i + 1,
      localSections: [],
      cutoff: 0,
      section: "S",
      label: `ROW ${i}`,
      is_total: false,
      columns: { total_amount: `-${i}.05` },
      row_date: null,
      count: String(i),
      credit_amount: null,
      debit_amount: null,
      total_amount: `-${i}.05`,
      raw: "",
    })),
    endSections: { cutoff: 0, local: [] },
    warnings: [],
  };
}

Deno.test(`beginFile tells new, resumed and finished files apart (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const writer = new LedgerWriter(db.sql);
    const first = await writer.beginFile(FILE);
    assert.equal(first.state, "new");
    const resumed = await writer.beginFile({ ...FILE, path: "/other/name.txt" });
    assert.deepEqual([resumed.state, resumed.id], ["resume", first.id]);
    await writer.finishFile(first.id, "completed", { pages: 0, records: 0 });
    const done = await writer.beginFile(FILE);
    assert.equal(done.state, "done");
    assert.ok(done.finishedAt);
  });
});

Deno.test(`a page and its amounts are written once, exactly, in line order (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const writer = new LedgerWriter(db.sql);
    const { id } = await writer.beginFile(FILE);
    const big = page(6000); // more amount lines than one statement could take as parameters
    big.amounts[7].raw = '    ROW 7 \\ "QUOTED"\t-7.05';
    big.amounts[7].row_date = "2024-07-04";
    assert.equal(await writer.writePage(id, segment(1), big, "raw text"), true);
    assert.equal(await writer.writePage(id, segment(1), big, "raw text"), false);
    const [row] = await db.sql`
      select count(*)::int as n, sum(total_amount)::text as total, sum(count)::text as counts
      from amounts`;
    // sum of -(i + 0.05) for i in 0..5999 = -(17997000 + 300) = -17997300.00
    assert.deepEqual({ ...row }, { n: 6000, total: "-17997300.00", counts: "17997000" });
    const lines = await db.sql`select line_no from amounts order by id`;
    assert.deepEqual(lines.map((l) => l.line_no), big.amounts.map((a) => a.line));
    const [seventh] = await db.sql`
      select label, section, is_total, row_date::text, count::text, total_amount::text,
        columns, raw_line, transaction_class
      from amounts where line_no = 8`;
    assert.deepEqual({ ...seventh }, {
      label: "ROW 7",
      section: "S",
      is_total: false,
      row_date: "2024-07-04",
      count: "7",
      total_amount: "-7.05",
      columns: { total_amount: "-7.05" },
      raw_line: big.amounts[7].raw,
      transaction_class: null,
    });
  });
});

Deno.test(`a page whose amounts fail is not half-written (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const writer = new LedgerWriter(db.sql);
    const { id } = await writer.beginFile(FILE);
    const bad = page(3);
    bad.amounts[2].total_amount = "1" + "0".repeat(30); // overflows NUMERIC(20,2)
    await assert.rejects(writer.writePage(id, segment(1), bad, "raw"), (e: { code?: string }) => {
      assert.equal(e.code, "22003");
      return true;
    });
    const [row] = await db
      .sql`select (select count(*) from reports)::int as r, (select count(*) from amounts)::int as a`;
    assert.deepEqual({ ...row }, { r: 0, a: 0 });
  });
});

Deno.test(`dead letters count attempts instead of duplicating (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const writer = new LedgerWriter(db.sql);
    const { id } = await writer.beginFile(FILE);
    const item: DeadLetter = {
      fileId: id,
      filePath: FILE.path,
      location: "lines 10-19",
      lineStart: 10,
      lineEnd: 19,
      stage: "parse",
      errorCode: "PAGE_PARSE",
      error: "first",
      raw: "x",
    };
    await writer.writeDeadLetters([item]);
    await writer.writeDeadLetters([{ ...item, error: "second" }]);
    const rows = await db.sql`select attempts, error from dead_letters`;
    assert.deepEqual(rows.map((r) => ({ ...r })), [{ attempts: 2, error: "second" }]);
    const counts = await writer.finishFile(id, "completed_with_errors", { pages: 1, records: 0 });
    assert.equal(counts.deadLettered, 1);
  });
});

Deno.test(`transactions are idempotent by record index (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const writer = new LedgerWriter(db.sql);
    const { id } = await writer.beginFile({ ...FILE, kind: "clearing" });
    const rows = [0, 1, 2].map((i) => ({
      record_index: i,
      transaction_type: "COMPRA",
      purchase_value: `${i}.10`,
      extra: i === 1 ? { note: "kept" } : null,
    }));
    assert.equal(await writer.writeTransactions(id, rows), 3);
    assert.equal(await writer.writeTransactions(id, rows), 0);
    const stored = await db
      .sql`select purchase_value::text, extra from transactions order by record_index`;
    assert.deepEqual(stored.map((r) => [r.purchase_value, r.extra]), [
      ["0.10", null],
      ["1.10", { note: "kept" }],
      ["2.10", null],
    ]);
  });
});
