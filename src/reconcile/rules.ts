/**
 * The reconciliation rule table: which report, which hierarchy level, which columns and which
 * classes stand for the report side of the reconciliation, and how its signs are read — data,
 * not code branches. The SQL views (`sql.ts`, migration 2) are generated from this table.
 *
 * The rule in force ({@link RECONCILIATION_RULES}, `enabled: true`):
 *
 * - **VSS-120, INTERCHANGE VALUE REPORT**, amount lines that are not totals and have a
 *   `transaction_class`, on **leaf-entity pages only** (layout notes §0.4, §2: every report is
 *   reprinted for the rollup and the funds-transfer entity, so taking more than one level counts
 *   the same money two or three times). Count = `amounts.count` (the COUNT column); amount = the
 *   CLEARING AMOUNT column (`amounts.columns->>'clearing_amount'`). CLEARING AMOUNT is printed
 *   `DB` (stored negative) for purchases, withdrawals and re-presentments and `CR` (stored
 *   positive) for reversals and chargebacks, while a clearing record's `dest_value` is a
 *   magnitude; so the report side is the **sum of the absolute values** per class.
 *
 * The other rules are documented but disabled, each with its reason: the layout notes' §8 (the
 * users' `scripts.sql`) also read VSS-600 and VSS-910, and used columns that are not the
 * transaction value.
 *
 * {@link HEADLINE_FIGURES} defines the headline totals per currency as signed sums of classes.
 * Net settlement (repasse líquido) = Σ(COMPRA, SAQUE) − Σ(REVERSO-DE-COMPRA, REVERSO-DE-SAQUE),
 * the same classes on both sides. This differs from §8 on purpose: §8's report-side formula
 * took a "purchase column" and a "withdrawal column" that the original parser had filled with
 * the wrong values (the count and the clearing amount, shifted by its left padding), added
 * chargebacks and a re-presentment reversal on one side only, and §8's clearing side subtracted
 * the other way round (reversals − purchases) on `clearing_value`. Here both sides use the same
 * classes and the same sign convention, so the two figures are comparable.
 *
 * @example
 * ```ts
 * import { enabledRules, reconciledClasses } from "./rules.ts";
 * enabledRules().map((r) => r.reportId); // ["VSS-120"]
 * reconciledClasses()[0]; // "COMPRA"
 * ```
 *
 * @module
 */

import { TRANSACTION_CLASSES, type TransactionClass } from "../processor/report_class.ts";

/**
 * How a rule's printed amounts are turned into the magnitude compared with the clearing side:
 * `absolute` = |value| per line (the sign is the direction the report prints, DB or CR);
 * `as-printed` = the stored value (DB negative, CR positive); `negated` = −value.
 */
export type SignHandling = "absolute" | "as-printed" | "negated";

/**
 * Which pages of a report a rule reads. `leaf`: pages whose reporting entity is not the
 * `ROLLUP TO` or `FUNDS XFER ENTITY` of any other page (another reporting entity) of the same
 * file and processing date. It is the only level the SQL supports: one level, never several.
 */
export type HierarchyLevel = "leaf";

/** One rule: where the report side of some classes comes from. */
export interface ReconciliationRule {
  /** Stable name. */
  readonly name: string;
  /** Whether the rule feeds the reconciliation (disabled rules are documentation). */
  readonly enabled: boolean;
  /** Full report id (`reports.report_id`). */
  readonly reportId: string;
  /** The only hierarchy level whose pages are read. */
  readonly level: HierarchyLevel;
  /** The count: always the typed `amounts.count` column (the report's COUNT column). */
  readonly countColumn: "count";
  /** The amount: a key of `amounts.columns` (exact decimal text, DB negative). */
  readonly amountColumn: string;
  /** The classes (`amounts.transaction_class`) the rule gives figures for. */
  readonly classes: readonly TransactionClass[];
  /** How the printed sign is handled. */
  readonly sign: SignHandling;
  /** Why the rule is what it is, or why it is disabled. */
  readonly reason: string;
}

/** Every rule, enabled or not. Exactly the enabled ones feed the views and `reconcile`. */
export const RECONCILIATION_RULES: readonly ReconciliationRule[] = [
  {
    name: "vss120-clearing-amount",
    enabled: true,
    reportId: "VSS-120",
    level: "leaf",
    countColumn: "count",
    amountColumn: "clearing_amount",
    classes: TRANSACTION_CLASSES,
    sign: "absolute",
    reason: "VSS-120 prints every cleared transaction of the day per type and cycle: COUNT is " +
      "the number of transactions and CLEARING AMOUNT their value (DB for purchases and " +
      "withdrawals, CR for reversals), which is what the clearing records' dest_value add up " +
      "to. Leaf pages only, because rollup and funds-transfer pages repeat the leaf figures.",
  },
  {
    name: "vss120-interchange-value-credits",
    enabled: false,
    reportId: "VSS-120",
    level: "leaf",
    countColumn: "count",
    amountColumn: "interchange_value_credits",
    classes: ["SAQUE"],
    sign: "absolute",
    reason: "§8's 'withdrawal column' for VSS-120 (the original's debit_value, by position " +
      "INTERCHANGE VALUE CREDITS). CREDITS is blank on withdrawal lines (they print under " +
      "DEBITS), and the original actually stored the clearing amount there by its left " +
      "padding; the enabled rule reads CLEARING AMOUNT by name instead.",
  },
  {
    name: "vss600-transaction-amount",
    enabled: false,
    reportId: "VSS-600",
    level: "leaf",
    countColumn: "count",
    amountColumn: "transaction_amount",
    classes: TRANSACTION_CLASSES,
    sign: "absolute",
    reason: "§8's purchase column for VSS-600. VSS-600 is the Brazil national credit " +
      "settlement with deferment: a day's file settles transactions cleared up to 27 days " +
      "earlier (its rows carry the original processing date), so its figures do not belong " +
      "to that day's clearing files; it also repeats transactions VSS-120 already reports, so " +
      "enabling it next to the VSS-120 rule would count them twice. Layout evidence: medium, " +
      "column headers reconstructed.",
  },
  {
    name: "vss600-settlement-amount",
    enabled: false,
    reportId: "VSS-600",
    level: "leaf",
    countColumn: "count",
    amountColumn: "settlement_amount",
    classes: ["SAQUE"],
    sign: "absolute",
    reason: "§8's withdrawal column for VSS-600. SETTLEMENT AMOUNT is the transaction amount " +
      "net of interchange fee and processing charge, so it can never equal Σ dest_value; and " +
      "VSS-600 is deferred settlement (see vss600-transaction-amount).",
  },
  {
    name: "vss910-transaction-amount",
    enabled: false,
    reportId: "VSS-910",
    level: "leaf",
    countColumn: "count",
    amountColumn: "transaction_amount",
    classes: TRANSACTION_CLASSES,
    sign: "absolute",
    reason: "§8's purchase column for VSS-910 (Brazil national debit, cash-disbursement " +
      "service). VSS-120 is printed per service, this one included (layout notes §9.11), so " +
      "enabling it next to the VSS-120 rule would count the same transactions twice. Layout " +
      "evidence: medium, column headers reconstructed.",
  },
  {
    name: "vss910-payment-amount",
    enabled: false,
    reportId: "VSS-910",
    level: "leaf",
    countColumn: "count",
    amountColumn: "payment_amount",
    classes: ["SAQUE"],
    sign: "absolute",
    reason: "§8's withdrawal column for VSS-910. PAYMENT AMOUNT is the transaction amount net " +
      "of the interchange fee, so it can never equal Σ dest_value.",
  },
];

/** A headline figure: a signed sum of class amounts, the same on both sides. */
export interface HeadlineFigure {
  /** Column stem in the views and results (`report_<name>`, `clearing_<name>`, …). */
  readonly name: string;
  /** Printed label. */
  readonly label: string;
  /** Class → +1 or −1. */
  readonly terms: Readonly<Partial<Record<TransactionClass, 1 | -1>>>;
}

/** The headline totals users ask for, per currency. */
export const HEADLINE_FIGURES: readonly HeadlineFigure[] = [
  { name: "purchases", label: "Purchases (COMPRA)", terms: { COMPRA: 1 } },
  { name: "withdrawals", label: "Withdrawals (SAQUE)", terms: { SAQUE: 1 } },
  {
    name: "net_settlement",
    label: "Net settlement (repasse líquido)",
    terms: { COMPRA: 1, SAQUE: 1, "REVERSO-DE-COMPRA": -1, "REVERSO-DE-SAQUE": -1 },
  },
];

/** The rules in force. */
export function enabledRules(
  rules: readonly ReconciliationRule[] = RECONCILIATION_RULES,
): ReconciliationRule[] {
  return rules.filter((r) => r.enabled);
}

/** The classes reconciled (those of the enabled rules), in {@link TRANSACTION_CLASSES} order. */
export function reconciledClasses(
  rules: readonly ReconciliationRule[] = RECONCILIATION_RULES,
): TransactionClass[] {
  const used = new Set(enabledRules(rules).flatMap((r) => r.classes));
  return TRANSACTION_CLASSES.filter((c) => used.has(c));
}
