/**
 * The strategy package template (`examples/strategy-package/`) works as a finstream plugin:
 * its `strategies/` folder, given as a plugin folder to the public `ingest`, is loaded by
 * the permission-scoped parse workers (its `vss_777.ts` imports finstream through
 * `@finstream/finstream/strategy`, which the workspace resolves to this checkout's
 * `src/strategies/mod.ts`), and the template's example page is stored with the values the
 * template's own golden test expects.
 *
 * @module
 */

import assert from "node:assert/strict";
import { ingest } from "../../mod.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";

const PACKAGE = new URL("../../examples/strategy-package/", import.meta.url);
const PLUGIN_DIR = new URL("strategies/", PACKAGE);
const EXAMPLE_PAGE = new URL("tests/fixtures/vss_777_example.txt", PACKAGE);

Deno.test(`the strategy package template loads as a plugin folder (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const summary = await ingest([EXAMPLE_PAGE.pathname], {
      db,
      workers: 1,
      pluginDirs: [PLUGIN_DIR.pathname],
    });
    assert.deepEqual(
      {
        pages: summary.totals.pages,
        stored: summary.totals.stored,
        unparsed: summary.totals.unparsed,
        deadLettered: summary.totals.deadLettered,
      },
      { pages: 1, stored: 1, unparsed: 0, deadLettered: 0 },
    );

    const [page] = await db.sql`
      select report_id, parsed, strategy, reporting_for_id, proc_date::text, settlement_currency,
        ended
      from reports`;
    assert.deepEqual({ ...page }, {
      report_id: "VSS-777",
      parsed: true,
      strategy: "VSS-777:Vss777Strategy",
      reporting_for_id: "1000123456",
      proc_date: "2024-07-05",
      settlement_currency: "BRL",
      ended: true,
    });

    const rows = await db.sql`
      select line_no, section, label, is_total, row_date::text, count::text,
        credit_amount::text, debit_amount::text, total_amount::text, columns
      from amounts order by line_no`;
    assert.deepEqual(rows.map((r) => ({ ...r })), [
      {
        line_no: 15,
        section: "ISSUER TRANSACTIONS - PURCHASE",
        label: "ORIGINAL SALE",
        is_total: false,
        row_date: "2024-07-04",
        count: "1200",
        credit_amount: "0.00",
        debit_amount: "96400.00",
        total_amount: "-96400.00",
        columns: {
          count: "1200",
          credit_amount: "0.00",
          debit_amount: "96400.00",
          exchange_rate: "5.809100",
          markup_rate: "1.30",
          total_amount: "-96400.00",
        },
      },
      {
        line_no: 16,
        section: "ISSUER TRANSACTIONS - PURCHASE",
        label: "REVERSAL",
        is_total: false,
        row_date: "2024-07-04",
        count: "3",
        credit_amount: "150.00",
        debit_amount: "0.00",
        total_amount: "150.00",
        columns: {
          count: "3",
          credit_amount: "150.00",
          debit_amount: "0.00",
          exchange_rate: "5.809100",
          markup_rate: "1.30",
          total_amount: "150.00",
        },
      },
      {
        line_no: 17,
        section: "ISSUER TRANSACTIONS - PURCHASE",
        label: "TOTAL PURCHASE",
        is_total: true,
        row_date: null,
        count: "1203",
        credit_amount: "150.00",
        debit_amount: "96400.00",
        total_amount: "-96250.00",
        columns: {
          count: "1203",
          credit_amount: "150.00",
          debit_amount: "96400.00",
          total_amount: "-96250.00",
        },
      },
      {
        line_no: 22,
        section: "ACQUIRER TRANSACTIONS - PURCHASE",
        label: "ORIGINAL SALE",
        is_total: false,
        row_date: "2024-07-04",
        count: "25",
        credit_amount: "1875.40",
        debit_amount: "0.00",
        total_amount: "1875.40",
        columns: {
          count: "25",
          credit_amount: "1875.40",
          debit_amount: "0.00",
          exchange_rate: "5.811250",
          markup_rate: "0.95",
          total_amount: "1875.40",
        },
      },
      {
        line_no: 23,
        section: "ACQUIRER TRANSACTIONS - PURCHASE",
        label: "TOTAL PURCHASE",
        is_total: true,
        row_date: null,
        count: "25",
        credit_amount: "1875.40",
        debit_amount: "0.00",
        total_amount: "1875.40",
        columns: {
          count: "25",
          credit_amount: "1875.40",
          debit_amount: "0.00",
          total_amount: "1875.40",
        },
      },
      {
        line_no: 25,
        section: "ACQUIRER TRANSACTIONS",
        label: "TOTAL MARKUP",
        is_total: true,
        row_date: null,
        count: "1228",
        credit_amount: "2025.40",
        debit_amount: "96400.00",
        total_amount: "-94374.60",
        columns: {
          count: "1228",
          credit_amount: "2025.40",
          debit_amount: "96400.00",
          total_amount: "-94374.60",
        },
      },
    ]);
  });
});
