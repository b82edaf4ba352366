/**
 * The HTML reconciliation page in a real headless Chromium (Debian's `chromium` package): built
 * from a database with a mismatch, it loads without console errors, exceptions or any request
 * but the page itself, and the rendered DOM shows one table per currency with the mismatch
 * rows highlighted and untrusted text as text.
 *
 * Skipped, with a message, when `/usr/bin/chromium` is not installed (CI installs it with
 * `apt-get update && apt-get install -y chromium`).
 *
 * @module
 */

import assert from "node:assert/strict";
import { reconcile } from "../../src/reconcile/query.ts";
import { renderHtml } from "../../src/reconcile/render_html.ts";
import {
  CHROMIUM,
  CHROMIUM_INSTALL,
  chromiumInstalled,
  loadInChromium,
} from "../helpers/chromium.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";
import { insertTransaction, seedDay } from "../helpers/reconciliation_data.ts";

const installed = chromiumInstalled();
if (!installed) {
  console.warn(`SKIPPED browser test: ${CHROMIUM} is not installed (${CHROMIUM_INSTALL})`);
}

const INJECTED = `<img src="x" onerror="console.error('injected')">`;

/** What the test reads from the rendered page. */
const DOM_PROBE = `(() => {
  const text = (el) => el.textContent.trim();
  const rows = [...document.querySelectorAll("table.reconciliation tbody tr")];
  return {
    title: document.title,
    verdict: text(document.querySelector(".verdict")),
    tables: [...document.querySelectorAll("table.reconciliation")].map((t) => t.dataset.currency),
    mismatch: [...document.querySelectorAll("tr.mismatch")].map((tr) => ({
      currency: tr.closest("table").dataset.currency,
      cells: [...tr.cells].map(text),
      background: getComputedStyle(tr.cells[0]).backgroundColor,
    })),
    matchedBackground: rows.filter((tr) => tr.classList.contains("matched"))
      .map((tr) => getComputedStyle(tr.cells[0]).backgroundColor),
    images: document.images.length,
    unclassified: [...document.querySelectorAll(".unclassified tbody td:nth-child(3)")].map(text),
    headlineDiffs: [...document.querySelectorAll(".headline td.diff.nonzero")].map(text),
  };
})()`;

Deno.test({
  name: `the HTML page loads in headless Chromium and shows the mismatches (${ENGINE})` +
    (installed ? "" : ` [skipped: ${CHROMIUM} not installed]`),
  ignore: !installed,
  async fn() {
    await withTestDatabase(async ({ db, tmp }) => {
      const brl = await seedDay(db.sql, {
        date: "2024-07-05",
        currency: "BRL",
        leaves: 2,
        vss110Net: "-1376509.04",
        classes: {
          "COMPRA": { count: 4, cents: 1_380_500_00n },
          "SAQUE": { count: 2, cents: 21_767_90n },
          "REVERSO-DE-SAQUE": { count: 1, cents: 150_00n },
        },
      });
      await seedDay(db.sql, {
        date: "2024-07-05",
        currency: "USD",
        classes: { "COMPRA": { count: 2, cents: 9_94n } },
      });
      await db.sql`update transactions set dest_value = dest_value + 0.07
        where id = ${brl.transactions["COMPRA"][0]}`;
      await db.sql`delete from transactions where id = ${brl.transactions["SAQUE"][0]}`;
      await insertTransaction(db.sql, {
        fileId: brl.clearingFileId,
        recordIndex: 800,
        date: "2024-07-05",
        destCurrency: 986,
        type: INJECTED,
        destValue: "1.00",
      });
      const result = await reconcile(db.sql, { date: "2024-07-05" });
      const path = `${tmp}/reconciliation.html`;
      await Deno.writeTextFile(path, renderHtml(result));
      await Deno.mkdir(`${tmp}/profile`);

      const page = await loadInChromium(`file://${path}`, DOM_PROBE, `${tmp}/profile`);
      await Deno.writeFile(`${tmp}/reconciliation.png`, page.screenshot);

      assert.deepEqual(page.consoleErrors, [], "no console errors");
      assert.deepEqual(page.exceptions, [], "no exceptions");
      assert.deepEqual(page.failedRequests, [], "no failed requests");
      assert.deepEqual(page.requests, [`file://${path}`], "nothing but the page is loaded");
      assert.deepEqual(
        [...page.screenshot.slice(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        "a PNG screenshot",
      );

      const dom = page.value as {
        title: string;
        verdict: string;
        tables: string[];
        mismatch: { currency: string; cells: string[]; background: string }[];
        matchedBackground: string[];
        images: number;
        unclassified: string[];
        headlineDiffs: string[];
      };
      assert.equal(dom.title, "finstream reconciliation, 2024-07-05");
      assert.equal(
        dom.verdict,
        "Mismatch: 4 rows: 2 matched, 2 mismatch, 0 only in reports, 0 only in clearing",
      );
      assert.deepEqual(dom.tables, ["BRL", "USD"]);
      assert.deepEqual(dom.mismatch.map((m) => [m.currency, m.cells]), [
        ["BRL", [
          "2024-07-05",
          "COMPRA",
          "4",
          "1,380,500.00",
          "4",
          "1,380,500.07",
          "0",
          "-0.07",
          "mismatch",
        ]],
        ["BRL", [
          "2024-07-05",
          "SAQUE",
          "2",
          "21,767.90",
          "1",
          "10,883.95",
          "1",
          "10,883.95",
          "mismatch",
        ]],
      ]);
      const highlighted = new Set(dom.mismatch.map((m) => m.background));
      assert.equal(highlighted.size, 1, "mismatch rows share one highlight");
      for (const background of dom.matchedBackground) {
        assert.ok(!highlighted.has(background), `matched rows are not highlighted`);
      }
      assert.equal(dom.images, 0, "the injected <img> is text, not an element");
      assert.deepEqual(dom.unclassified, [INJECTED]);
      assert.deepEqual(dom.headlineDiffs, ["-0.07", "10,883.95", "10,883.88"]);
    });
  },
});
