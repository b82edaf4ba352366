/**
 * The SQL of the reconciliation, generated from the rule table (`rules.ts`): the views of
 * migration 2 and the parameterised query `reconcile` runs. One generator for both, so the
 * views analysts query and the rows the command prints are the same figures.
 *
 * Views (all read-only, PostgreSQL 15+ and PGlite):
 *
 * - `reconciliation_leaf_pages`: report pages of the leaf hierarchy level (the reporting entity
 *   is not the `ROLLUP TO` or `FUNDS XFER ENTITY` of another entity's page in the same file and
 *   processing date), with `currency` = the settlement currency;
 * - `reconciliation_report_side`: per `proc_date`, `currency`, `transaction_class`: `count` and
 *   `amount` from the enabled rules;
 * - `reconciliation_clearing_side`: the same from `transactions` (`source_date`, the alpha code
 *   of `dest_currency` through `currency_codes`, `transaction_type`; `count(*)`,
 *   `sum(dest_value)`), for the reconciled classes;
 * - `reconciliation_unclassified_clearing`: clearing transactions of any other type (`UNKNOWN`,
 *   `UNKNOWN-99`), which nothing on the report side can match;
 * - `reconciliation`: both sides side by side (full outer join), differences (report −
 *   clearing) and `status` at tolerance 0;
 * - `reconciliation_vss110_net`: VSS-110 NET SETTLEMENT AMOUNT of funds-transfer-entity pages;
 * - `reconciliation_headline`: per date and currency the {@link HEADLINE_FIGURES} on both sides,
 *   their differences and the VSS-110 net (informational).
 *
 * Techniques: plain string generation with every name checked against an identifier pattern
 * and every value written as an escaped literal; `full join … using (…)` so the key columns are
 * merged; NUMERIC all the way (sums of `numeric(20,2)` keep two decimals, `0.00` literals keep
 * the scale of empty sums).
 *
 * @example
 * ```ts
 * import { reconciliationViewsSql } from "./sql.ts";
 * reconciliationViewsSql().includes("create view reconciliation as"); // true
 * ```
 *
 * @module
 */

import {
  enabledRules,
  HEADLINE_FIGURES,
  type HeadlineFigure,
  reconciledClasses,
  RECONCILIATION_RULES,
  type ReconciliationRule,
} from "./rules.ts";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: "${name}"`);
  return name;
}

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `column in (…)` with the values wrapped four to a line, or `false` for no values. */
function inList(column: string, values: readonly string[], indent: string): string {
  if (values.length === 0) return "false";
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += 4) {
    lines.push(values.slice(i, i + 4).map(literal).join(", "));
  }
  return `${column} in (\n${indent}  ${lines.join(`,\n${indent}  `)}\n${indent})`;
}

function amountExpression(rule: ReconciliationRule): string {
  const value = `(a.columns ->> ${literal(identifier(rule.amountColumn))})::numeric(20, 2)`;
  switch (rule.sign) {
    case "absolute":
      return `abs(${value})`;
    case "as-printed":
      return value;
    case "negated":
      return `-${value}`;
  }
}

/**
 * The leaf pages: no page of another entity in the same file and date rolls up to them. A page
 * `o` names `o.rollup_to_id` and `o.funds_xfer_entity_id` as parents when they differ from its
 * own entity; a page is a leaf when its entity is nobody's parent. Written as an anti join on
 * equalities only (no `or`), so PostgreSQL hashes it instead of scanning the file per line.
 */
export function leafPagesSelect(): string {
  return `select r.id, r.file_id, r.report_id, r.proc_date,
  r.settlement_currency::text as currency, r.reporting_for_id
from reports as r
where not exists (
  select 1
  from (
    select file_id, proc_date, rollup_to_id as entity_id
    from reports
    where rollup_to_id is distinct from reporting_for_id
    union all
    select file_id, proc_date, funds_xfer_entity_id
    from reports
    where funds_xfer_entity_id is distinct from reporting_for_id
  ) as parent
  where parent.file_id = r.file_id
    and coalesce(parent.proc_date, '-infinity') = coalesce(r.proc_date, '-infinity')
    and parent.entity_id = r.reporting_for_id
)`;
}

/** Report side per date, currency and class, from the enabled rules. */
export function reportSideSelect(
  rules: readonly ReconciliationRule[] = RECONCILIATION_RULES,
): string {
  const parts = enabledRules(rules).map((rule) => {
    if (rule.level !== "leaf") throw new Error(`rule ${rule.name}: unsupported level`);
    if (rule.countColumn !== "count") throw new Error(`rule ${rule.name}: unsupported count`);
    return `  select p.proc_date, p.currency, a.transaction_class, a.count,
    ${amountExpression(rule)} as amount
  from amounts as a
  join reconciliation_leaf_pages as p on p.id = a.report_pk
  where p.report_id = ${literal(rule.reportId)}
    and not a.is_total
    and ${inList("a.transaction_class", rule.classes, "    ")}`;
  });
  const lines = parts.length > 0
    ? parts.join("\n  union all\n")
    : `  select null::date as proc_date,
    null::text as currency, null::text as transaction_class, null::numeric as count,
    null::numeric as amount
  where false`;
  return `select proc_date, currency, transaction_class,
  coalesce(sum(count), 0) as count,
  coalesce(sum(amount), 0.00) as amount
from (
${lines}
) as lines
group by proc_date, currency, transaction_class`;
}

function clearingSelect(classes: readonly string[], negate: boolean): string {
  return `select t.source_date as proc_date,
  coalesce(c.alpha_code, t.dest_currency::text) as currency,
  t.transaction_type as ${negate ? "transaction_type" : "transaction_class"},
  count(*)::numeric as count,
  coalesce(sum(t.dest_value), 0.00) as amount
from transactions as t
left join currency_codes as c on c.numeric_code = t.dest_currency
where ${negate ? "not " : ""}(${inList("t.transaction_type", classes, "")})
group by t.source_date, coalesce(c.alpha_code, t.dest_currency::text),
  t.transaction_type`;
}

/** Clearing side per date, currency and class, for the reconciled classes. */
export function clearingSideSelect(
  rules: readonly ReconciliationRule[] = RECONCILIATION_RULES,
): string {
  return clearingSelect(reconciledClasses(rules), false);
}

/** Clearing transactions of the types no rule reconciles. */
export function unclassifiedClearingSelect(
  rules: readonly ReconciliationRule[] = RECONCILIATION_RULES,
): string {
  return clearingSelect(reconciledClasses(rules), true);
}

/**
 * Both sides joined: `report` and `clearing` are relations with the side views' columns,
 * `tolerance` a SQL expression (`0` in the view, a parameter in `reconcile`). A side with no
 * row reads as zero; a report row of zero count and amount with nothing in clearing matches.
 */
export function reconciliationSelect(report: string, clearing: string, tolerance: string): string {
  return `select proc_date, currency, transaction_class,
  coalesce(r.count, 0) as report_count,
  coalesce(r.amount, 0.00) as report_amount,
  coalesce(c.count, 0) as clearing_count,
  coalesce(c.amount, 0.00) as clearing_amount,
  coalesce(r.count, 0) - coalesce(c.count, 0) as count_difference,
  coalesce(r.amount, 0.00) - coalesce(c.amount, 0.00) as amount_difference,
  case
    when c.transaction_class is null and (r.count <> 0 or r.amount <> 0) then 'only in reports'
    when r.transaction_class is null and (c.count <> 0 or c.amount <> 0) then 'only in clearing'
    when coalesce(r.count, 0) = coalesce(c.count, 0)
      and abs(coalesce(r.amount, 0.00) - coalesce(c.amount, 0.00)) <= ${tolerance}
      then 'matched'
    else 'mismatch'
  end as status
from ${report} as r
full join ${clearing} as c using (proc_date, currency, transaction_class)`;
}

/** VSS-110 NET SETTLEMENT AMOUNT of the funds-transfer entity, per date and currency. */
export function vss110NetSelect(): string {
  return `select r.proc_date, r.settlement_currency::text as currency,
  sum(a.total_amount) as net_settlement_amount
from reports as r
join amounts as a on a.report_pk = r.id
where r.report_id = 'VSS-110'
  and r.reporting_for_id = r.funds_xfer_entity_id
  and a.label = 'NET SETTLEMENT AMOUNT'
group by r.proc_date, r.settlement_currency`;
}

function figureSum(figure: HeadlineFigure, column: string): string {
  const cases = Object.entries(figure.terms)
    .map(([klass, sign]) => `when ${literal(klass)} then ${sign < 0 ? "-" : ""}${column}`)
    .join("\n      ");
  return `coalesce(sum(case transaction_class\n      ${cases}\n    end), 0.00)`;
}

/**
 * The headline figures from reconciliation rows (`rows`, with the `reconciliation` columns)
 * and VSS-110 nets (`vss110`, with the `reconciliation_vss110_net` columns): per date and
 * currency (`byDate`) or per currency.
 */
export function headlineSelect(
  rows: string,
  vss110: string,
  byDate: boolean,
  figures: readonly HeadlineFigure[] = HEADLINE_FIGURES,
): string {
  const keys = byDate ? "proc_date, currency" : "currency";
  const sums = figures.flatMap((f) => [
    `    ${figureSum(f, "report_amount")} as report_${identifier(f.name)}`,
    `    ${figureSum(f, "clearing_amount")} as clearing_${identifier(f.name)}`,
  ]);
  const outer = figures.flatMap((f) => [
    `  coalesce(f.report_${f.name}, 0.00) as report_${f.name}`,
    `  coalesce(f.clearing_${f.name}, 0.00) as clearing_${f.name}`,
    `  coalesce(f.report_${f.name}, 0.00) - coalesce(f.clearing_${f.name}, 0.00)\n` +
    `    as ${f.name}_difference`,
  ]);
  return `select ${keys},
${outer.join(",\n")},
  v.net_settlement_amount as vss110_net_settlement_amount
from (
  select ${keys},
${sums.join(",\n")}
  from ${rows}
  group by ${keys}
) as f
full join (
  select ${keys}, sum(net_settlement_amount) as net_settlement_amount
  from ${vss110}
  group by ${keys}
) as v using (${keys})`;
}

/** Every view, with its comment, as migration 2 creates them. */
export function reconciliationViewsSql(
  rules: readonly ReconciliationRule[] = RECONCILIATION_RULES,
): string {
  const views: [string, string, string][] = [
    [
      "reconciliation_leaf_pages",
      leafPagesSelect(),
      "Report pages of the leaf hierarchy level (see src/reconcile/rules.ts).",
    ],
    [
      "reconciliation_report_side",
      reportSideSelect(rules),
      "Report side of the reconciliation: count and amount per date, currency and class.",
    ],
    [
      "reconciliation_clearing_side",
      clearingSideSelect(rules),
      "Clearing side of the reconciliation: count(*), sum(dest_value) per date, currency, class.",
    ],
    [
      "reconciliation_unclassified_clearing",
      unclassifiedClearingSelect(rules),
      "Clearing transactions of types no reconciliation rule covers.",
    ],
    [
      "reconciliation",
      reconciliationSelect("reconciliation_report_side", "reconciliation_clearing_side", "0"),
      "Report against clearing per date, currency, class; report - clearing; tolerance 0.",
    ],
    [
      "reconciliation_vss110_net",
      vss110NetSelect(),
      "VSS-110 NET SETTLEMENT AMOUNT of funds-transfer-entity pages (informational).",
    ],
    [
      "reconciliation_headline",
      headlineSelect("reconciliation", "reconciliation_vss110_net", true),
      "Purchases, withdrawals and net settlement per date and currency, both sides.",
    ],
  ];
  return views
    .map(([name, select, comment]) =>
      `create view ${name} as\n${select};\ncomment on view ${name} is\n  ${literal(comment)};\n`
    )
    .join("\n");
}
