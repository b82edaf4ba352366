/**
 * End to end through the public API (`mod.ts`): an EP747 file whose VSS-120 report is printed
 * for two leaf entities, their rollup and the funds-transfer entity, and a clearing file of the
 * same transactions, are ingested and reconcile as all matched, each amount counted once; a
 * second clearing file delivering one transaction again shows as the exact mismatch.
 *
 * @module
 */

import assert from "node:assert/strict";
import { EXIT_MISMATCH, ingest, reconcile, reconcileExitCode } from "../../mod.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";
import {
  type ClassFigure,
  clearingJson,
  ep747File,
  type Vss120Line,
  vss120Page,
} from "../helpers/reconciliation_data.ts";

const SEED = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/seed_clearing.json", import.meta.url)),
)[0];

const LEAF_A: Vss120Line[] = [
  { type: "PURCHASE", label: "ORIGINAL SALE", count: 3, cents: 150_00n, suffix: "DB" },
  { type: "PURCHASE", label: "ORIGINAL SALE        RVRSL", count: 1, cents: 10_00n, suffix: "CR" },
  { type: "ATM CASH", label: "ORIGINAL WITHDRAWAL", count: 2, cents: 80_50n, suffix: "DB" },
  { type: "ATM CASH", label: "REVERSAL", count: 1, cents: 5_25n, suffix: "CR" },
];
const LEAF_B: Vss120Line[] = [
  { type: "PURCHASE", label: "ORIGINAL SALE", count: 1_002, cents: 1_234_567_89n, suffix: "DB" },
];

/** The leaves' lines added up by label, as the rollup and funds pages print them. */
function summed(...leaves: Vss120Line[][]): Vss120Line[] {
  const byLabel = new Map<string, Vss120Line>();
  for (const line of leaves.flat()) {
    const key = `${line.type}|${line.label}`;
    const seen = byLabel.get(key);
    byLabel.set(
      key,
      seen ? { ...seen, count: seen.count + line.count, cents: seen.cents + line.cents } : line,
    );
  }
  return [...byLabel.values()];
}

const CLASSES: Record<string, ClassFigure> = {
  "COMPRA": { count: 1_005, cents: 1_234_717_89n },
  "REVERSO-DE-COMPRA": { count: 1, cents: 10_00n },
  "SAQUE": { count: 2, cents: 80_50n },
  "REVERSO-DE-SAQUE": { count: 1, cents: 5_25n },
};

Deno.test(`ingested VSS-120 and clearing files reconcile; a redelivery shows (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db, tmp }) => {
    const funds = "1000123400";
    const rollup = "1000123410";
    const common = { date: "2024-07-05", currency: "BRL", funds };
    const pages = [
      vss120Page({
        ...common,
        page: 1,
        reportingFor: "1000123411",
        rollupTo: rollup,
        lines: LEAF_A,
      }),
      vss120Page({
        ...common,
        page: 2,
        reportingFor: "1000123412",
        rollupTo: rollup,
        lines: LEAF_B,
      }),
      vss120Page({
        ...common,
        page: 3,
        reportingFor: rollup,
        rollupTo: funds,
        lines: summed(LEAF_A, LEAF_B),
      }),
      vss120Page({
        ...common,
        page: 4,
        reportingFor: funds,
        rollupTo: funds,
        lines: summed(LEAF_A, LEAF_B),
      }),
    ];
    await Deno.writeTextFile(`${tmp}/EP747_20240705.TXT`, ep747File(pages));
    const clearing = clearingJson(SEED, "2024-07-05", 986, CLASSES);
    await Deno.writeTextFile(`${tmp}/VISA_TRANSACTIONAL_CLEARING_20240705_01.json`, clearing);

    const summary = await ingest([tmp], { db });
    assert.equal(summary.totals.deadLettered, 0, JSON.stringify(summary.files));
    assert.equal(summary.totals.pages, 4);
    assert.equal(summary.totals.records, 1_009);

    const result = await reconcile(db.sql, { date: "2024-07-05" });
    assert.deepEqual(
      result.rows.map((r) => [
        r.transaction_class,
        r.report_count,
        r.report_amount,
        r.clearing_count,
        r.clearing_amount,
        r.status,
      ]),
      [
        ["COMPRA", "1005", "1234717.89", "1005", "1234717.89", "matched"],
        ["SAQUE", "2", "80.50", "2", "80.50", "matched"],
        ["REVERSO-DE-COMPRA", "1", "10.00", "1", "10.00", "matched"],
        ["REVERSO-DE-SAQUE", "1", "5.25", "1", "5.25", "matched"],
      ],
    );
    assert.equal(reconcileExitCode(result), 0);
    assert.equal(result.headline[0].report_net_settlement, "1234783.14");

    // The same SAQUE record delivered again in another file.
    const records: Record<string, unknown>[] = JSON.parse(clearing);
    const again = JSON.stringify([records.find((r) => r.operation_code === "02")]);
    await Deno.mkdir(`${tmp}/again`);
    await Deno.writeTextFile(`${tmp}/again/VISA_TRANSACTIONAL_CLEARING_20240705_02.json`, again);
    await ingest([`${tmp}/again`], { db });
    const after = await reconcile(db.sql, { date: "2024-07-05", currency: "BRL" });
    const row = after.rows.find((r) => r.transaction_class === "SAQUE");
    assert.deepEqual(
      [row?.clearing_count, row?.count_difference, row?.amount_difference, row?.status],
      ["3", "-1", "-40.25", "mismatch"],
    );
    assert.equal(after.summary.mismatch, 1);
    assert.equal(reconcileExitCode(after), EXIT_MISMATCH);
  });
});
