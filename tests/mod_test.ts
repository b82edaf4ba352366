/**
 * Tests for `mod.ts`: the public API exports what the README documents, and the
 * library path (open → migrate → ingest) works end to end on the bundled seed page.
 *
 * @module
 */

import assert from "node:assert/strict";
import * as finstream from "../mod.ts";
import { ENGINE, withTestDatabase } from "./helpers/database.ts";

Deno.test("mod.ts exports the documented API", () => {
  for (
    const name of [
      "ingest",
      "openDatabase",
      "migrate",
      "readEp747Pages",
      "readJsonRecords",
      "processPage",
      "processRecord",
      "ParsingStrategy",
      "ColumnReportStrategy",
      "registerStrategy",
      "loadStrategies",
      "StrategyRegistry",
      "parseAmount",
      "maskPan",
      "PageParseError",
      "RecordValidationError",
      "reconcile",
      "replayDeadLetters",
      "generate",
    ]
  ) {
    assert.equal(typeof (finstream as Record<string, unknown>)[name], "function", name);
  }
});

Deno.test(`a strategy written against mod.ts parses its report (${ENGINE})`, async () => {
  class Vss999 extends finstream.ColumnReportStrategy {
    readonly reportId = "VSS-999";
    readonly columns: readonly finstream.ColumnSpec[] = [
      { name: "count", kind: "count", rightEdge: 51, field: "count" },
      { name: "amount", kind: "amount", rightEdge: 77, field: "total_amount" },
    ];
  }
  const registry = new finstream.StrategyRegistry();
  registry.register(new Vss999(), { source: "plugin" });
  const page = [
    "\fREPORT ID:  VSS-999                                         VISANET SETTLEMENT SERVICE                        PAGE:              1",
    " REPORTING FOR:      1000123456 ACME                         BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
    " SETTLEMENT CURRENCY:  BRL",
    "",
    "                                              COUNT                    AMOUNT",
    "",
    " SECTION A",
    "    ROW ONE                                  1,234                  1,000.50DB",
    "                                                   *** END OF VSS-999 REPORT ***",
  ].join("\n");
  await withTestDatabase(async ({ db, tmp }) => {
    await Deno.writeTextFile(`${tmp}/EP747_999.TXT`, page);
    const summary = await finstream.ingest([`${tmp}/EP747_999.TXT`], { db, registry });
    assert.equal(summary.totals.stored, 1);
    assert.equal(summary.totals.unparsed, 0);
    const [row] = await db.sql`select section, label, count::text, total_amount::text from amounts`;
    assert.deepEqual({ ...row }, {
      section: "SECTION A",
      label: "ROW ONE",
      count: "1234",
      total_amount: "-1000.50",
    });
  });
});
