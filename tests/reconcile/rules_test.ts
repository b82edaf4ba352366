/**
 * Tests of the reconciliation rule table (src/reconcile/rules.ts): exactly the documented rule
 * is in force, every rule names columns the report's strategy really stores, disabled rules
 * say why, and the headline figures use reconciled classes only.
 *
 * @module
 */

import assert from "node:assert/strict";
import Vss120Strategy from "../../strategies/vss_120.ts";
import Vss600Strategy from "../../strategies/vss_600.ts";
import Vss910Strategy from "../../strategies/vss_910.ts";
import { TRANSACTION_CLASSES } from "../../src/processor/report_class.ts";
import {
  enabledRules,
  HEADLINE_FIGURES,
  reconciledClasses,
  RECONCILIATION_RULES,
} from "../../src/reconcile/rules.ts";

const STRATEGIES = new Map(
  [new Vss120Strategy(), new Vss600Strategy(), new Vss910Strategy()].map((s) => [s.reportId, s]),
);

Deno.test("the rule in force is VSS-120 CLEARING AMOUNT, absolute, leaf pages, every class", () => {
  const enabled = enabledRules();
  assert.equal(enabled.length, 1);
  const [rule] = enabled;
  assert.deepEqual(
    [rule.reportId, rule.level, rule.countColumn, rule.amountColumn, rule.sign],
    ["VSS-120", "leaf", "count", "clearing_amount", "absolute"],
  );
  assert.deepEqual([...rule.classes], [...TRANSACTION_CLASSES]);
  assert.deepEqual(reconciledClasses(), [...TRANSACTION_CLASSES]);
});

Deno.test("every rule names a stored amount column of its report's strategy", () => {
  for (const rule of RECONCILIATION_RULES) {
    const strategy = STRATEGIES.get(rule.reportId);
    assert.ok(strategy, `${rule.name}: a strategy for ${rule.reportId}`);
    const column = strategy.columns.find((c) => c.name === rule.amountColumn);
    assert.equal(column?.kind, "amount", `${rule.name}: ${rule.amountColumn} is an amount`);
    const count = strategy.columns.find((c) => c.field === "count");
    assert.ok(count, `${rule.name}: ${rule.reportId} stores a count`);
  }
});

Deno.test("rule names are unique; disabled rules give their reason; §8's reports are documented", () => {
  const names = RECONCILIATION_RULES.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  for (const rule of RECONCILIATION_RULES) {
    assert.ok(rule.reason.length > 60, `${rule.name} explains itself`);
    assert.ok(rule.classes.length > 0, `${rule.name} has classes`);
  }
  const documented = new Set(RECONCILIATION_RULES.filter((r) => !r.enabled).map((r) => r.reportId));
  assert.deepEqual([...documented].sort(), ["VSS-120", "VSS-600", "VSS-910"]);
});

Deno.test("reconciledClasses follows the enabled rules", () => {
  const rules = RECONCILIATION_RULES.map((r) => ({
    ...r,
    enabled: r.name === "vss600-settlement-amount",
  }));
  assert.deepEqual(reconciledClasses(rules), ["SAQUE"]);
  assert.deepEqual(reconciledClasses(rules.map((r) => ({ ...r, enabled: false }))), []);
});

Deno.test("headline figures: purchases, withdrawals, net settlement over reconciled classes", () => {
  assert.deepEqual(HEADLINE_FIGURES.map((f) => f.name), [
    "purchases",
    "withdrawals",
    "net_settlement",
  ]);
  const classes = new Set<string>(reconciledClasses());
  for (const figure of HEADLINE_FIGURES) {
    for (const klass of Object.keys(figure.terms)) assert.ok(classes.has(klass), klass);
  }
  assert.deepEqual(HEADLINE_FIGURES[2].terms, {
    "COMPRA": 1,
    "SAQUE": 1,
    "REVERSO-DE-COMPRA": -1,
    "REVERSO-DE-SAQUE": -1,
  });
});
