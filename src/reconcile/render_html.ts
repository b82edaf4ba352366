/**
 * The reconciliation as one self-contained HTML page for people: a verdict, then per currency
 * a headline box (purchases, withdrawals, net settlement on both sides, and the VSS-110 net
 * settlement amount, informational) and a table of its dates and classes in which every row
 * that is not `matched` carries the class `mismatch` (plus `status-mismatch`,
 * `status-only-in-reports` or `status-only-in-clearing`) and is highlighted; then the clearing
 * transactions no rule reconciles.
 *
 * Self-contained: inline CSS, no script, no image, no external resource; a Content Security
 * Policy (`default-src 'none'; style-src 'unsafe-inline'`) makes the browser refuse anything
 * else. Every text is HTML-escaped.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./render_html.ts";
 * escapeHtml('<a href="x">'); // "&lt;a href=&quot;x&quot;&gt;"
 * ```
 *
 * @module
 */

import denoJson from "../../deno.json" with { type: "json" };
import {
  describeDates,
  describeSelection,
  describeSummary,
  groupDecimal as g,
  isZero,
} from "./format.ts";
import type { ReconciliationResult, ReconciliationRow } from "./query.ts";
import { headlineCells } from "./render_table.ts";
import { enabledRules } from "./rules.ts";

/** Escapes `& < > " '`. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const e = escapeHtml;

const STYLE = `
:root { color-scheme: light; --bad: #b3261e; --bad-bg: #fde7e5; --ok: #1e6b34; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px;
  color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
.selection { color: #57606a; margin: 0 0 12px; }
.verdict { display: inline-block; padding: 6px 12px; border-radius: 6px; font-weight: 600; }
.verdict.ok { color: var(--ok); background: #e6f4ea; }
.verdict.bad { color: var(--bad); background: var(--bad-bg); }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; }
th { background: #f6f8fa; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
tr.mismatch td { background: var(--bad-bg); }
tr.mismatch td.status { color: var(--bad); font-weight: 700; }
tr.matched td.status { color: var(--ok); }
.headline { border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; margin: 8px 0;
  background: #fbfcfd; display: inline-block; }
.headline table { margin: 4px 0; }
.headline td.diff.nonzero { color: var(--bad); font-weight: 700; }
.headline tr.info td { color: #57606a; font-style: italic; }
footer { color: #57606a; margin-top: 24px; font-size: 12px; }
`;

function statusClass(row: ReconciliationRow): string {
  const status = `status-${row.status.replaceAll(" ", "-")}`;
  return row.status === "matched" ? `matched ${status}` : `mismatch ${status}`;
}

function num(text: string, extra = ""): string {
  return `<td class="num${extra}">${e(g(text))}</td>`;
}

function rowsTable(currency: string, rows: readonly ReconciliationRow[]): string {
  if (rows.length === 0) return "<p>No report or clearing rows for this currency.</p>";
  const body = rows.map((r) =>
    `<tr class="${statusClass(r)}" data-status="${e(r.status)}">` +
    `<td>${e(r.proc_date)}</td><td>${e(r.transaction_class)}</td>` +
    num(r.report_count) + num(r.report_amount) + num(r.clearing_count) +
    num(r.clearing_amount) + num(r.count_difference) + num(r.amount_difference) +
    `<td class="status">${e(r.status)}</td></tr>`
  );
  return `<table class="reconciliation" data-currency="${e(currency)}">
<caption>${e(currency)}: reports against clearing per date and class</caption>
<thead><tr><th>date</th><th>class</th><th>report count</th><th>report amount</th>` +
    `<th>clearing count</th><th>clearing amount</th><th>count diff</th><th>amount diff</th>` +
    `<th>status</th></tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}

function headlineBox(result: ReconciliationResult, currency: string): string {
  const headline = result.headline.find((h) => h.currency === currency);
  if (!headline) return "";
  const cells = headlineCells(headline);
  const rows = cells.map((c, i) => {
    const info = i === cells.length - 1;
    const diff = info ? "" : ` diff${isZero(c[4].replaceAll(",", "")) ? "" : " nonzero"}`;
    return `<tr${info ? ' class="info"' : ""}><td>${e(c[1])}</td><td class="num">${
      e(c[2])
    }</td><td class="num">${e(c[3])}</td><td class="num${diff}">${e(c[4])}</td></tr>`;
  });
  return `<div class="headline" data-currency="${e(currency)}">
<table><caption>${e(currency)} headline, ${e(describeDates(result.filters))}</caption>
<thead><tr><th>figure</th><th>reports</th><th>clearing</th><th>difference</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</div>`;
}

function unclassifiedSection(result: ReconciliationResult): string {
  if (result.unclassified_clearing.length === 0) return "";
  const rows = result.unclassified_clearing.map((u) =>
    `<tr><td>${e(u.proc_date)}</td><td>${e(u.currency)}</td><td>${e(u.transaction_type)}</td>` +
    num(u.count) + num(u.amount) + "</tr>"
  );
  return `<section class="unclassified">
<h2>Clearing transactions no rule reconciles</h2>
<p>Not part of the status: their type has no counterpart in the reports.</p>
<table><thead><tr><th>date</th><th>currency</th><th>type</th><th>count</th><th>amount</th></tr>` +
    `</thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
}

/** The enabled rules in words: `VSS-120 count and clearing_amount (absolute), leaf pages`. */
function ruleSummary(): string {
  return enabledRules()
    .map((r) =>
      `${r.reportId} ${r.countColumn} and ${r.amountColumn} (${r.sign}), ${r.level} pages`
    )
    .join("; ");
}

/** The page. */
export function renderHtml(result: ReconciliationResult): string {
  const currencies = [
    ...new Set([...result.rows.map((r) => r.currency), ...result.headline.map((h) => h.currency)]),
  ].sort();
  const verdict = result.all_matched
    ? `<p class="verdict ok">All matched: ${e(describeSummary(result))}</p>`
    : `<p class="verdict bad">Mismatch: ${e(describeSummary(result))}</p>`;
  const sections = currencies.map((c) =>
    `<section class="currency" id="currency-${e(c)}">
<h2>${e(c)}</h2>
${headlineBox(result, c)}
${rowsTable(c, result.rows.filter((r) => r.currency === c))}
</section>`
  );
  const empty = currencies.length === 0
    ? "<p>No report or clearing figures for this selection.</p>"
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>finstream reconciliation, ${e(describeDates(result.filters))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Reconciliation: reports against clearing</h1>
<p class="selection">${e(describeSelection(result))}</p>
${verdict}
</header>
<main>
${empty}${sections.join("\n")}
${unclassifiedSection(result)}
</main>
<footer>finstream ${e(denoJson.version)}. Report side: ${e(ruleSummary())}; clearing ` +
    `side: count and sum of dest_value. Differences are reports minus clearing.</footer>
</body>
</html>
`;
}
