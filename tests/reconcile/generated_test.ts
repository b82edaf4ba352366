/**
 * Generated data reconciles: two days written by the generator (`src/generator/generate.ts`,
 * whose reports and clearing files agree by contract), ingested through `ingest`, are all
 * `matched`, with the generator's own totals on both sides and its VSS-110 net settlement as
 * the headline's informational figure; one altered transaction is then the only mismatch, in
 * its own date, currency and class.
 *
 * @module
 */

import assert from "node:assert/strict";
import { ingest, reconcile, reconcileExitCode } from "../../mod.ts";
import { generate, type GenerateResult } from "../../src/generator/generate.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";

Deno.test(`generated data reconciles as all matched (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db, tmp }) => {
    const days: GenerateResult[] = [];
    for (const [seed, procDate] of [[7, "2024-07-05"], [8, "2024-07-08"]] as const) {
      days.push(
        await generate({
          outDir: `${tmp}/${procDate}`,
          seed,
          procDate,
          pages: 150,
          transactions: 600,
          files: 2,
        }),
      );
    }
    const summary = await ingest(days.map((d) => d.outDir), { db, workers: 0 });
    assert.equal(summary.totals.deadLettered, 0);
    assert.equal(summary.totals.records, 1_200);

    const result = await reconcile(db.sql);
    assert.ok(result.rows.length >= 8, `rows: ${result.rows.length}`);
    assert.deepEqual(
      result.rows.filter((r) => r.status !== "matched"),
      [],
      "every row matched",
    );
    assert.equal(reconcileExitCode(result), 0);
    assert.deepEqual(result.unclassified_clearing, []);

    for (const day of days) {
      const one = await reconcile(db.sql, { date: day.procDate });
      for (const [currency, totals] of Object.entries(day.totals)) {
        for (const [klass, expected] of Object.entries(totals.classes)) {
          const row = one.rows.find((r) =>
            r.currency === currency && r.transaction_class === klass
          );
          if (expected.count === 0) {
            assert.equal(row, undefined, `${day.procDate} ${currency} ${klass}: no row`);
            continue;
          }
          assert.ok(row, `${day.procDate} ${currency} ${klass}`);
          assert.deepEqual(
            [row.report_count, row.clearing_count, row.report_amount, row.clearing_amount],
            [
              String(expected.count),
              String(expected.count),
              expected.dest_value,
              expected.dest_value,
            ],
            `${day.procDate} ${currency} ${klass}`,
          );
        }
        const headline = one.headline.find((h) => h.currency === currency);
        assert.ok(headline, `${day.procDate} ${currency} headline`);
        assert.equal(headline.vss110_net_settlement_amount, totals.net_settlement);
      }
    }

    const [changed] = await db.sql`
      update transactions as t set dest_value = t.dest_value + 0.01
      from currency_codes as c
      where c.numeric_code = t.dest_currency
        and t.id = (select min(id) from transactions where source_date = '2024-07-08')
      returning c.alpha_code as currency, t.transaction_type`;
    const after = await reconcile(db.sql);
    const mismatches = after.rows.filter((r) => r.status !== "matched");
    assert.deepEqual(
      mismatches.map((r) => [r.proc_date, r.currency, r.transaction_class, r.amount_difference]),
      [["2024-07-08", changed.currency, changed.transaction_type, "-0.01"]],
    );
  });
});
