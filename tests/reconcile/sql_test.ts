/**
 * Tests of the reconciliation SQL (src/reconcile/sql.ts) and the views of migration 2: the
 * frozen view SQL is what the rule table generates, the views return the same rows as
 * `reconcile`, another rule table generates SQL that reads its own report and column, and
 * generated SQL refuses names that are not plain identifiers.
 *
 * @module
 */

import assert from "node:assert/strict";
import { reconcile } from "../../src/reconcile/query.ts";
import { RECONCILIATION_RULES, type ReconciliationRule } from "../../src/reconcile/rules.ts";
import {
  clearingSideSelect,
  reconciliationViewsSql,
  reportSideSelect,
} from "../../src/reconcile/sql.ts";
import * as migration from "../../src/writer/migrations/002_reconciliation.ts";
import { MIGRATIONS } from "../../src/writer/migrations.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";
import {
  insertFile,
  insertPage,
  insertTransaction,
  seedDay,
} from "../helpers/reconciliation_data.ts";

const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();

Deno.test("migration 2 holds exactly the views the rule table generates", () => {
  assert.ok(MIGRATIONS.includes(migration), "migration 2 is registered");
  assert.equal(
    squash(migration.viewsSql),
    squash(reconciliationViewsSql(RECONCILIATION_RULES)),
    "the rule table changed: add a migration that re-creates the views with " +
      "reconciliationViewsSql()",
  );
  assert.equal(migration.sql, migration.currencySql + migration.viewsSql);
});

Deno.test(`the views return the rows and headline reconcile returns (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const day = await seedDay(db.sql, {
      date: "2024-07-05",
      currency: "BRL",
      leaves: 2,
      vss110Net: "-99.10",
      classes: {
        "COMPRA": { count: 4, cents: 400_00n },
        "SAQUE": { count: 2, cents: 60_00n },
        "REVERSO-DE-SAQUE": { count: 1, cents: 5_00n },
      },
    });
    await db.sql`update transactions set dest_value = 1.23 where id = ${
      day.transactions.COMPRA[0]
    }`;
    await insertTransaction(db.sql, {
      fileId: day.clearingFileId,
      recordIndex: 900,
      date: "2024-07-05",
      destCurrency: 840,
      type: "SAQUE",
      destValue: "7.00",
    });
    const result = await reconcile(db.sql);
    const view = await db.sql`
      select proc_date::text as proc_date, currency, transaction_class,
        report_count::text as report_count, report_amount::text as report_amount,
        clearing_count::text as clearing_count, clearing_amount::text as clearing_amount,
        count_difference::text as count_difference,
        amount_difference::text as amount_difference, status
      from reconciliation
      order by currency, transaction_class`;
    const byKey = (r: { currency: string; transaction_class: string }) =>
      `${r.currency} ${r.transaction_class}`;
    assert.deepEqual(
      view.map((r) => ({ ...r })),
      [...result.rows].sort((a, b) => byKey(a) < byKey(b) ? -1 : 1),
    );
    assert.deepEqual(
      result.rows.map((r) => [r.currency, r.transaction_class, r.status]),
      [
        ["BRL", "COMPRA", "mismatch"],
        ["BRL", "SAQUE", "matched"],
        ["BRL", "REVERSO-DE-SAQUE", "matched"],
        ["USD", "SAQUE", "only in clearing"],
      ],
    );
    const headline = await db.sql`
      select currency, report_purchases::text as report_purchases,
        clearing_purchases::text as clearing_purchases,
        purchases_difference::text as purchases_difference,
        report_withdrawals::text as report_withdrawals,
        clearing_withdrawals::text as clearing_withdrawals,
        withdrawals_difference::text as withdrawals_difference,
        report_net_settlement::text as report_net_settlement,
        clearing_net_settlement::text as clearing_net_settlement,
        net_settlement_difference::text as net_settlement_difference,
        vss110_net_settlement_amount::text as vss110_net_settlement_amount
      from reconciliation_headline where proc_date = '2024-07-05' order by currency`;
    assert.deepEqual(headline.map((h) => ({ ...h })), result.headline);
    assert.equal(result.headline[0].purchases_difference, "98.77");
  });
});

Deno.test(`another rule table generates SQL that reads its report and column (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const fileId = await insertFile(db.sql, "ep747");
    const page = await insertPage(db.sql, fileId, {
      position: 1,
      reportId: "VSS-910",
      reportingFor: "3000000001",
      rollupTo: "3000000000",
      funds: "3000000000",
      date: "2024-07-05",
      currency: "BRL",
    });
    const columns = {
      count: "2",
      transaction_amount: "-96.40",
      interchange_fee: "0.48",
      payment_amount: "-95.92",
    };
    await db.sql`
      insert into amounts (report_pk, line_no, section, label, is_total, count, columns,
        transaction_class, raw_line)
      values (${page}, 1, 'ISSUER TRANSACTIONS - NO DEFERMENT - PURCHASE', 'ORIGINAL SALE',
        false, 2, ${db.sql.json(columns)}, 'COMPRA', 'raw')`;
    const rules: ReconciliationRule[] = RECONCILIATION_RULES.map((r) => ({
      ...r,
      enabled: r.name === "vss910-transaction-amount" || r.name === "vss910-payment-amount",
    }));
    const rows = await db.sql.unsafe(
      `select currency, transaction_class, count::text as count, amount::text as amount
       from (${reportSideSelect(rules)}) as s order by transaction_class`,
    );
    assert.deepEqual(rows.map((r) => ({ ...r })), [
      { currency: "BRL", transaction_class: "COMPRA", count: "2", amount: "96.40" },
    ]);
    const none = RECONCILIATION_RULES.map((r) => ({ ...r, enabled: false }));
    assert.deepEqual([...await db.sql.unsafe(`select * from (${reportSideSelect(none)}) s`)], []);
    assert.deepEqual(
      [...await db.sql.unsafe(`select * from (${clearingSideSelect(none)}) s`)],
      [],
    );
    const negated = RECONCILIATION_RULES.map((r) => ({
      ...r,
      enabled: r.name === "vss910-transaction-amount",
      sign: "negated" as const,
    }));
    const [signed] = await db.sql.unsafe(
      `select amount::text as amount from (${reportSideSelect(negated)}) s`,
    );
    assert.equal(signed.amount, "96.40");
  });
});

Deno.test("generated SQL refuses column names that are not plain identifiers", () => {
  const rules = RECONCILIATION_RULES.map((r) =>
    r.enabled ? { ...r, amountColumn: "x'); drop table reports; --" } : r
  );
  assert.throws(() => reportSideSelect(rules), /not a plain SQL identifier/);
});
