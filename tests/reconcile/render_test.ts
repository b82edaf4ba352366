/**
 * Tests of the reconciliation renderers (table, CSV, JSON, HTML) on a hand-built result: the
 * shapes automation relies on, highlighted mismatches, escaping, and properties of the
 * decimal grouping and CSV quoting (fast-check).
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { groupDecimal, isZero } from "../../src/reconcile/format.ts";
import type { ReconciliationResult } from "../../src/reconcile/query.ts";
import { isReconcileFormat, renderReconciliation } from "../../src/reconcile/render.ts";
import { CSV_COLUMNS, csvField, renderCsv } from "../../src/reconcile/render_csv.ts";
import { escapeHtml, renderHtml } from "../../src/reconcile/render_html.ts";
import { renderTable } from "../../src/reconcile/render_table.ts";

const WEIRD = `<script>alert("x")</script>, 'quoted'`;

/** A result with one row of each kind in two currencies. */
const SAMPLE: ReconciliationResult = {
  filters: { from: "2024-07-05", to: "2024-07-05", currency: null },
  tolerance: "0.00",
  rows: [
    {
      proc_date: "2024-07-05",
      currency: "BRL",
      transaction_class: "COMPRA",
      report_count: "11900",
      report_amount: "1380500.00",
      clearing_count: "11900",
      clearing_amount: "1380500.07",
      count_difference: "0",
      amount_difference: "-0.07",
      status: "mismatch",
    },
    {
      proc_date: "2024-07-05",
      currency: "BRL",
      transaction_class: "SAQUE",
      report_count: "445",
      report_amount: "21767.90",
      clearing_count: "445",
      clearing_amount: "21767.90",
      count_difference: "0",
      amount_difference: "0.00",
      status: "matched",
    },
    {
      proc_date: "2024-07-05",
      currency: "USD",
      transaction_class: "COMPRA",
      report_count: "0",
      report_amount: "0.00",
      clearing_count: "1",
      clearing_amount: "4.97",
      count_difference: "-1",
      amount_difference: "-4.97",
      status: "only in clearing",
    },
  ],
  headline: [
    {
      currency: "BRL",
      report_purchases: "1380500.00",
      clearing_purchases: "1380500.07",
      purchases_difference: "-0.07",
      report_withdrawals: "21767.90",
      clearing_withdrawals: "21767.90",
      withdrawals_difference: "0.00",
      report_net_settlement: "1402267.90",
      clearing_net_settlement: "1402267.97",
      net_settlement_difference: "-0.07",
      vss110_net_settlement_amount: "-1376509.04",
    },
    {
      currency: "USD",
      report_purchases: "0.00",
      clearing_purchases: "4.97",
      purchases_difference: "-4.97",
      report_withdrawals: "0.00",
      clearing_withdrawals: "0.00",
      withdrawals_difference: "0.00",
      report_net_settlement: "0.00",
      clearing_net_settlement: "4.97",
      net_settlement_difference: "-4.97",
      vss110_net_settlement_amount: null,
    },
  ],
  unclassified_clearing: [
    {
      proc_date: "2024-07-05",
      currency: "BRL",
      transaction_type: WEIRD,
      count: "2",
      amount: "3.00",
    },
  ],
  summary: { rows: 3, matched: 1, mismatch: 1, only_in_reports: 0, only_in_clearing: 1 },
  all_matched: false,
};

const EMPTY: ReconciliationResult = {
  ...SAMPLE,
  filters: { from: null, to: null, currency: "EUR" },
  rows: [],
  headline: [],
  unclassified_clearing: [],
  summary: { rows: 0, matched: 0, mismatch: 0, only_in_reports: 0, only_in_clearing: 0 },
  all_matched: true,
};

Deno.test("table: aligned rows, flagged mismatches, headline, unclassified, summary", () => {
  const text = renderTable(SAMPLE);
  const lines = text.split("\n");
  assert.equal(lines[0], "Reconciliation, dates: 2024-07-05; currency: all; tolerance: 0.00");
  const compra = lines.find((l) => l.startsWith("2024-07-05  BRL       COMPRA"));
  assert.ok(compra);
  assert.match(
    compra,
    /11,900\s+1,380,500\.00\s+11,900\s+1,380,500\.07\s+0\s+-0\.07\s+\*\* mismatch$/,
  );
  assert.match(text, /USD\s+COMPRA\s+0\s+0\.00\s+1\s+4\.97\s+-1\s+-4\.97\s+\*\* only in clearing/);
  assert.match(text, /SAQUE .* matched$/m);
  assert.match(
    text,
    /BRL\s+Net settlement \(repasse líquido\)\s+1,402,267\.90\s+1,402,267\.97\s+-0\.07/,
  );
  assert.match(text, /BRL\s+VSS-110 net settlement amount .*-1,376,509\.04/);
  assert.match(text, /USD\s+VSS-110 net settlement amount .*\s-$/m);
  assert.ok(text.includes(WEIRD), "plain text is not escaped");
  assert.equal(
    lines.at(-1),
    "3 rows: 1 matched, 1 mismatch, 0 only in reports, 1 only in clearing: MISMATCH",
  );
  const empty = renderTable(EMPTY);
  assert.match(empty, /No report or clearing figures for this selection\./);
  assert.match(empty, /currency: EUR/);
  assert.match(empty, /0 rows: .*: all matched$/);
});

/** A minimal RFC 4180 parser, to read the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

Deno.test("csv: view column names, one CRLF line per row, exact decimals", () => {
  const text = renderCsv(SAMPLE);
  assert.ok(text.endsWith("\r\n"));
  assert.equal(text.split("\r\n").length, SAMPLE.rows.length + 2);
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, [...CSV_COLUMNS]);
  assert.deepEqual(rows, SAMPLE.rows.map((r) => CSV_COLUMNS.map((c) => r[c])));
  assert.equal(
    text.split("\r\n")[1],
    "2024-07-05,BRL,COMPRA,11900,1380500.00,11900,1380500.07,0,-0.07,mismatch",
  );
  assert.equal(renderCsv(EMPTY), `${CSV_COLUMNS.join(",")}\r\n`);
});

Deno.test("property: a CSV field reads back as itself", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "grapheme-ascii" }), { minLength: 1 }), (fields) => {
      const line = `${fields.map(csvField).join(",")}\r\n`;
      assert.deepEqual(parseCsv(line), [fields]);
    }),
  );
});

Deno.test("json: the whole result on one line", () => {
  const text = renderReconciliation(SAMPLE, "json");
  assert.equal(text.indexOf("\n"), text.length - 1);
  assert.deepEqual(JSON.parse(text), SAMPLE);
});

Deno.test("formats: table is the default order's first, unknown names are refused", () => {
  assert.ok(isReconcileFormat("table") && isReconcileFormat("html"));
  assert.equal(isReconcileFormat("xml"), false);
  assert.ok(renderReconciliation(SAMPLE, "table").endsWith("MISMATCH\n"));
});

Deno.test("html: self-contained, one table per currency, mismatches marked, text escaped", () => {
  const html = renderHtml(SAMPLE);
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(
    html,
    /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/,
  );
  assert.equal(/<script|<link|<img|https?:\/\//i.test(html), false, "no script, link or URL");
  assert.equal(html.match(/<table class="reconciliation"/g)?.length, 2);
  assert.equal(html.match(/<div class="headline"/g)?.length, 2);
  assert.equal(html.match(/<tr class="mismatch /g)?.length, 2);
  assert.match(html, /<tr class="mismatch status-mismatch" data-status="mismatch">/);
  assert.match(
    html,
    /<tr class="mismatch status-only-in-clearing" data-status="only in clearing">/,
  );
  assert.match(html, /<tr class="matched status-matched" data-status="matched">/);
  assert.ok(html.includes(escapeHtml(WEIRD)));
  assert.ok(html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, &#39;quoted&#39;"));
  assert.match(html, /<td class="num">1,380,500\.07<\/td>/);
  assert.match(html, /class="verdict bad">Mismatch: 3 rows/);
  const empty = renderHtml(EMPTY);
  assert.match(empty, /No report or clearing figures for this selection/);
  assert.match(empty, /class="verdict ok"/);
});

Deno.test("property: grouping keeps the decimal text", () => {
  const decimal = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.nat(99))
    .map(([negative, units, cents]) =>
      `${negative ? "-" : ""}${units}.${String(cents).padStart(2, "0")}`
    );
  fc.assert(
    fc.property(decimal, (text) => {
      const grouped = groupDecimal(text);
      assert.equal(grouped.replaceAll(",", ""), text);
      assert.match(grouped, /^-?\d{1,3}(,\d{3})*\.\d{2}$/);
    }),
  );
  assert.equal(groupDecimal("12388"), "12,388");
  assert.equal(groupDecimal("n/a"), "n/a");
  assert.ok(isZero("-0.00") && isZero("0") && !isZero("0.01") && !isZero(null));
});
