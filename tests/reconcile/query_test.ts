/**
 * Tests of `reconcile` (src/reconcile/query.ts) on data written straight into the ledger
 * tables, on PGlite or on the server named by `DATABASE_URL`: consistent data is all
 * `matched`; an altered, dropped or duplicated transaction shows as the exact difference in
 * the right row; a class on one side only; hierarchy pages never double count; tolerance;
 * date and currency filters; headline totals; unclassified clearing; option errors.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { Sql } from "postgres";
import { ConfigError } from "../../src/models/errors.ts";
import {
  EXIT_MISMATCH,
  reconcile,
  reconcileExitCode,
  type ReconciliationRow,
  selectionOf,
} from "../../src/reconcile/query.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";
import {
  type DaySpec,
  insertClassLine,
  insertFile,
  insertPage,
  insertTransaction,
  seedDay,
} from "../helpers/reconciliation_data.ts";

const DAY: DaySpec = {
  date: "2024-07-05",
  currency: "BRL",
  leaves: 2,
  classes: {
    "COMPRA": { count: 5, cents: 1_380_500_00n },
    "SAQUE": { count: 3, cents: 21_767_90n },
    "REVERSO-DE-COMPRA": { count: 2, cents: 150_00n },
    "REVERSO-DE-SAQUE": { count: 1, cents: 25_01n },
  },
};

function row(rows: readonly ReconciliationRow[], date: string, currency: string, klass: string) {
  const found = rows.find((r) =>
    r.proc_date === date && r.currency === currency && r.transaction_class === klass
  );
  assert.ok(found, `a row for ${date} ${currency} ${klass}`);
  return found;
}

/** Every row but the one named is matched. */
function othersMatched(rows: readonly ReconciliationRow[], except: ReconciliationRow): void {
  for (const r of rows) {
    if (r !== except) assert.equal(r.status, "matched", `${r.transaction_class} ${r.currency}`);
  }
}

async function seedTwoCurrencies(sql: Sql) {
  const brl = await seedDay(sql, DAY);
  const usd = await seedDay(sql, {
    date: "2024-07-05",
    currency: "USD",
    classes: {
      "COMPRA": { count: 2, cents: 32_96n },
      "REVERSO-DE-COMPRA": { count: 1, cents: 4_97n },
    },
  });
  return { brl, usd };
}

Deno.test(`consistent data reconciles as all matched, counted once (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    await seedTwoCurrencies(db.sql);
    const result = await reconcile(db.sql);
    assert.deepEqual(
      result.rows.map((r) => [r.currency, r.transaction_class, r.status]),
      [
        ["BRL", "COMPRA", "matched"],
        ["BRL", "SAQUE", "matched"],
        ["BRL", "REVERSO-DE-COMPRA", "matched"],
        ["BRL", "REVERSO-DE-SAQUE", "matched"],
        ["USD", "COMPRA", "matched"],
        ["USD", "REVERSO-DE-COMPRA", "matched"],
      ],
    );
    assert.deepEqual(row(result.rows, "2024-07-05", "BRL", "COMPRA"), {
      proc_date: "2024-07-05",
      currency: "BRL",
      transaction_class: "COMPRA",
      report_count: "5",
      report_amount: "1380500.00",
      clearing_count: "5",
      clearing_amount: "1380500.00",
      count_difference: "0",
      amount_difference: "0.00",
      status: "matched",
    });
    assert.equal(result.all_matched, true);
    assert.deepEqual(result.summary, {
      rows: 6,
      matched: 6,
      mismatch: 0,
      only_in_reports: 0,
      only_in_clearing: 0,
    });
    assert.equal(reconcileExitCode(result), 0);
  });
});

Deno.test(`an altered transaction is a mismatch of exactly that amount (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    const id = brl.transactions["SAQUE"][1];
    await db.sql`update transactions set dest_value = dest_value + 0.07 where id = ${id}`;
    const result = await reconcile(db.sql);
    const saque = row(result.rows, "2024-07-05", "BRL", "SAQUE");
    assert.deepEqual(
      [saque.report_amount, saque.clearing_amount, saque.count_difference, saque.amount_difference],
      ["21767.90", "21767.97", "0", "-0.07"],
    );
    assert.equal(saque.status, "mismatch");
    othersMatched(result.rows, saque);
    assert.equal(result.all_matched, false);
    assert.equal(reconcileExitCode(result), EXIT_MISMATCH);
    assert.equal(EXIT_MISMATCH, 4);
  });
});

Deno.test(`a dropped transaction shows in count and amount (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { usd } = await seedTwoCurrencies(db.sql);
    const [dropped] = await db.sql`
      delete from transactions where id = ${usd.transactions["COMPRA"][0]}
      returning dest_value::text as value`;
    const result = await reconcile(db.sql);
    const compra = row(result.rows, "2024-07-05", "USD", "COMPRA");
    assert.equal(dropped.value, "16.48");
    assert.deepEqual(
      [compra.report_count, compra.clearing_count, compra.count_difference],
      ["2", "1", "1"],
    );
    assert.deepEqual([compra.amount_difference, compra.status], ["16.48", "mismatch"]);
    othersMatched(result.rows, compra);
  });
});

Deno.test(`a duplicated transaction is a mismatch (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    await db.sql`
      insert into transactions (file_id, record_index, transaction_type, source, source_date,
        dest_currency, dest_value, clearing_value)
      select file_id, 1000, transaction_type, source, source_date, dest_currency, dest_value,
        clearing_value
      from transactions where id = ${brl.transactions["REVERSO-DE-COMPRA"][0]}`;
    const result = await reconcile(db.sql);
    const reversal = row(result.rows, "2024-07-05", "BRL", "REVERSO-DE-COMPRA");
    assert.deepEqual(
      [reversal.clearing_count, reversal.count_difference, reversal.amount_difference],
      ["3", "-1", "-75.00"],
    );
    assert.equal(reversal.status, "mismatch");
    othersMatched(result.rows, reversal);
  });
});

Deno.test(`a class on one side only is 'only in reports' or 'only in clearing' (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    await insertClassLine(db.sql, brl.leafPages[0], 90, "CHARGEBACK-DE-COMPRA", {
      count: 2,
      cents: 300_00n,
    });
    await insertTransaction(db.sql, {
      fileId: brl.clearingFileId,
      recordIndex: 500,
      date: "2024-07-05",
      destCurrency: 986,
      type: "REAPRESENTACAO",
      destValue: "12.34",
    });
    const result = await reconcile(db.sql, { currency: "BRL" });
    const chargeback = row(result.rows, "2024-07-05", "BRL", "CHARGEBACK-DE-COMPRA");
    assert.deepEqual(chargeback, {
      proc_date: "2024-07-05",
      currency: "BRL",
      transaction_class: "CHARGEBACK-DE-COMPRA",
      report_count: "2",
      report_amount: "300.00",
      clearing_count: "0",
      clearing_amount: "0.00",
      count_difference: "2",
      amount_difference: "300.00",
      status: "only in reports",
    });
    const representment = row(result.rows, "2024-07-05", "BRL", "REAPRESENTACAO");
    assert.deepEqual(
      [representment.report_amount, representment.clearing_amount, representment.status],
      ["0.00", "12.34", "only in clearing"],
    );
    assert.equal(representment.amount_difference, "-12.34");
    assert.deepEqual(
      result.rows.map((r) => r.transaction_class),
      [
        "COMPRA",
        "SAQUE",
        "CHARGEBACK-DE-COMPRA",
        "REAPRESENTACAO",
        "REVERSO-DE-COMPRA",
        "REVERSO-DE-SAQUE",
      ].sort((a, b) => order(a) - order(b)),
    );
    assert.equal(result.summary.only_in_reports, 1);
    assert.equal(result.summary.only_in_clearing, 1);
    assert.equal(reconcileExitCode(result), EXIT_MISMATCH);
  });
});

function order(klass: string): number {
  return [
    "COMPRA",
    "SAQUE",
    "REAPRESENTACAO",
    "REVERSO-DE-REAPRESENTACAO",
    "CHARGEBACK-DE-COMPRA",
    "REVERSO-DE-CHARGEBACK",
    "REVERSO-DE-COMPRA",
    "REVERSO-DE-SAQUE",
  ].indexOf(klass);
}

Deno.test(`rollup and funds pages with the same figures are not counted again (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    // Three leaves, their rollup and the funds entity: the figures are printed three times.
    await seedDay(db.sql, { ...DAY, leaves: 3 });
    const [pages] = await db.sql`
      select count(*)::int as all_pages,
        (select count(*)::int from reconciliation_leaf_pages) as leaf_pages
      from reports`;
    assert.deepEqual({ ...pages }, { all_pages: 5, leaf_pages: 3 });
    const result = await reconcile(db.sql);
    assert.equal(result.all_matched, true);
    assert.equal(row(result.rows, "2024-07-05", "BRL", "COMPRA").report_count, "5");

    // A file whose only entity is its own rollup and funds entity is a leaf.
    const fileId = await insertFile(db.sql, "ep747");
    const page = await insertPage(db.sql, fileId, {
      position: 1,
      reportingFor: "2000000000",
      rollupTo: "2000000000",
      funds: "2000000000",
      date: "2024-07-06",
      currency: "BRL",
    });
    await insertClassLine(db.sql, page, 1, "COMPRA", { count: 1, cents: 10_00n });
    const next = await reconcile(db.sql, { date: "2024-07-06" });
    assert.deepEqual(
      next.rows.map((r) => [r.transaction_class, r.report_count, r.report_amount, r.status]),
      [["COMPRA", "1", "10.00", "only in reports"]],
    );
  });
});

Deno.test(`total lines and unclassified lines do not count (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    await insertClassLine(db.sql, brl.leafPages[0], 80, "COMPRA", { count: 9, cents: 9_00n }, {
      isTotal: true,
      label: "TOTAL PURCHASE",
    });
    await insertClassLine(db.sql, brl.leafPages[0], 81, null, { count: 4, cents: 8_210_55n });
    const result = await reconcile(db.sql);
    assert.equal(result.all_matched, true);
  });
});

Deno.test(`tolerance: amounts within it match, counts never (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    await db.sql`update transactions set dest_value = dest_value - 0.01
      where id = ${brl.transactions["COMPRA"][2]}`;
    const strict = await reconcile(db.sql);
    assert.equal(row(strict.rows, "2024-07-05", "BRL", "COMPRA").status, "mismatch");
    assert.equal(strict.tolerance, "0.00");
    const loose = await reconcile(db.sql, { tolerance: "0.01" });
    const compra = row(loose.rows, "2024-07-05", "BRL", "COMPRA");
    assert.deepEqual([compra.amount_difference, compra.status], ["0.01", "matched"]);
    assert.equal(loose.all_matched, true);
    assert.equal(loose.tolerance, "0.01");
    const tight = await reconcile(db.sql, { tolerance: "0.009" });
    assert.equal(row(tight.rows, "2024-07-05", "BRL", "COMPRA").status, "mismatch");

    await db.sql`delete from transactions where id = ${brl.transactions["SAQUE"][0]}`;
    const wide = await reconcile(db.sql, { tolerance: "1000000" });
    assert.equal(row(wide.rows, "2024-07-05", "BRL", "SAQUE").status, "mismatch");
  });
});

Deno.test(`date and currency filters select rows and headline (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    await seedTwoCurrencies(db.sql);
    const other = await seedDay(db.sql, { ...DAY, date: "2024-07-08", leaves: 1 });
    await db.sql`delete from transactions where id = ${other.transactions["COMPRA"][0]}`;

    const all = await reconcile(db.sql);
    assert.deepEqual([...new Set(all.rows.map((r) => r.proc_date))], ["2024-07-05", "2024-07-08"]);
    assert.equal(all.all_matched, false);

    const day = await reconcile(db.sql, { date: "2024-07-05" });
    assert.deepEqual(day.filters, { from: "2024-07-05", to: "2024-07-05", currency: null });
    assert.equal(day.rows.length, 6);
    assert.equal(day.all_matched, true);

    const range = await reconcile(db.sql, { from: "2024-07-06", to: "2024-07-31" });
    assert.deepEqual(
      range.rows.map((r) => [r.proc_date, r.transaction_class, r.status]),
      [
        ["2024-07-08", "COMPRA", "mismatch"],
        ["2024-07-08", "SAQUE", "matched"],
        ["2024-07-08", "REVERSO-DE-COMPRA", "matched"],
        ["2024-07-08", "REVERSO-DE-SAQUE", "matched"],
      ],
    );
    const openEnded = await reconcile(db.sql, { to: "2024-07-07" });
    assert.deepEqual([...new Set(openEnded.rows.map((r) => r.proc_date))], ["2024-07-05"]);

    const usd = await reconcile(db.sql, { currency: "usd" });
    assert.deepEqual(usd.filters.currency, "USD");
    assert.deepEqual([...new Set(usd.rows.map((r) => r.currency))], ["USD"]);
    assert.deepEqual(usd.headline.map((h) => h.currency), ["USD"]);

    const brl = await reconcile(db.sql, { currency: "BRL" });
    const [headline] = brl.headline;
    // Both days: 2 × 1,380,500.00 of purchases in reports, one transaction less in clearing.
    const purchases = (1_380_500_00n * 2n).toString();
    assert.equal(headline.report_purchases, `${purchases.slice(0, -2)}.${purchases.slice(-2)}`);
    assert.equal(headline.purchases_difference, "276100.00");

    const none = await reconcile(db.sql, { date: "2023-01-01" });
    assert.deepEqual([none.rows, none.headline, none.all_matched], [[], [], true]);
  });
});

Deno.test(`headline: purchases, withdrawals, net settlement and the VSS-110 net (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const brl = await seedDay(db.sql, { ...DAY, vss110Net: "-1376509.04" });
    await db.sql`update transactions set dest_value = dest_value + 1.00
      where id = ${brl.transactions["REVERSO-DE-SAQUE"][0]}`;
    const result = await reconcile(db.sql);
    // net = COMPRA + SAQUE − REVERSO-DE-COMPRA − REVERSO-DE-SAQUE
    //     = 1,380,500.00 + 21,767.90 − 150.00 − 25.01 = 1,402,092.89 (clearing: 1.00 less)
    assert.deepEqual(result.headline, [{
      currency: "BRL",
      report_purchases: "1380500.00",
      clearing_purchases: "1380500.00",
      purchases_difference: "0.00",
      report_withdrawals: "21767.90",
      clearing_withdrawals: "21767.90",
      withdrawals_difference: "0.00",
      report_net_settlement: "1402092.89",
      clearing_net_settlement: "1402091.89",
      net_settlement_difference: "1.00",
      vss110_net_settlement_amount: "-1376509.04",
    }]);
  });
});

Deno.test(`unclassified clearing is listed apart and never a mismatch (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    for (const [i, type] of ["UNKNOWN-99", "UNKNOWN-99", "UNKNOWN"].entries()) {
      await insertTransaction(db.sql, {
        fileId: brl.clearingFileId,
        recordIndex: 700 + i,
        date: "2024-07-05",
        destCurrency: 986,
        type,
        destValue: "1.50",
      });
    }
    const result = await reconcile(db.sql);
    assert.equal(result.all_matched, true);
    assert.deepEqual(result.unclassified_clearing, [
      {
        proc_date: "2024-07-05",
        currency: "BRL",
        transaction_type: "UNKNOWN",
        count: "1",
        amount: "1.50",
      },
      {
        proc_date: "2024-07-05",
        currency: "BRL",
        transaction_type: "UNKNOWN-99",
        count: "2",
        amount: "3.00",
      },
    ]);
  });
});

Deno.test(`currencies: numeric codes map to alpha codes, unknown ones stay visible (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    await seedDay(db.sql, {
      date: "2024-07-05",
      currency: "EUR",
      classes: { "COMPRA": { count: 1, cents: 9_99n } },
    });
    const fileId = await insertFile(db.sql, "clearing");
    await insertTransaction(db.sql, {
      fileId,
      recordIndex: 0,
      date: "2024-07-05",
      destCurrency: 999,
      type: "COMPRA",
      destValue: "5.00",
    });
    const result = await reconcile(db.sql);
    assert.deepEqual(
      result.rows.map((r) => [r.currency, r.status]),
      [["999", "only in clearing"], ["EUR", "matched"]],
    );
  });
});

Deno.test(`a printed zero with nothing in clearing is matched (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const { brl } = await seedTwoCurrencies(db.sql);
    await insertClassLine(db.sql, brl.leafPages[0], 95, "REVERSO-DE-CHARGEBACK", {
      count: 0,
      cents: 0n,
    });
    const result = await reconcile(db.sql);
    const zero = row(result.rows, "2024-07-05", "BRL", "REVERSO-DE-CHARGEBACK");
    assert.deepEqual([zero.report_count, zero.clearing_count, zero.status], ["0", "0", "matched"]);
  });
});

Deno.test("options are validated before any query", () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ date: "2024-02-30" }, /--date must be a date YYYY-MM-DD, got "2024-02-30"/],
    [{ date: "2024-07-05", from: "2024-07-01" }, /either --date or --from\/--to/],
    [{ from: "2024-07-06", to: "2024-07-05" }, /--from 2024-07-06 is after --to 2024-07-05/],
    [{ currency: "R$" }, /--currency must be a three-letter code/],
    [{ tolerance: "-1" }, /--tolerance must be a non-negative decimal/],
    [{ tolerance: "1e3" }, /--tolerance must be a non-negative decimal/],
  ];
  for (const [options, message] of bad) {
    assert.throws(() => selectionOf(options), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, message);
      return true;
    });
  }
  assert.deepEqual(selectionOf({ from: "2024-07-01", currency: "brl", tolerance: "0.5" }), {
    from: "2024-07-01",
    to: null,
    currency: "BRL",
    tolerance: "0.5",
  });
});
