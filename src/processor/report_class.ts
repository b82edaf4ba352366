/**
 * Classification of report amount lines (`amounts.transaction_class`): COMPRA, SAQUE,
 * reversals, chargebacks and re-presentments, from the line's section path and label.
 *
 * Rules are data: {@link REPORT_CLASS_RULES} maps a normalised key to a class (layout
 * notes §7.1). The key is the path's transaction-type heading plus the label — the deepest
 * heading naming a type (`PURCHASE`, `ATM CASH`, `MERCHANDISE CREDIT`), else the second
 * heading as in the original tool, or the whole path for a one-level path; blanks are
 * collapsed and `RVRSL` reads as `REVERSAL`.
 *
 * @example
 * ```ts
 * import { classifyAmountLine } from "./report_class.ts";
 * classifyAmountLine(["ISSUER TRANSACTIONS", "PURCHASE"], "ORIGINAL SALE"); // "COMPRA"
 * classifyAmountLine(["INTERCHANGE VALUE"], "TOTAL ISSUER"); // null
 * ```
 *
 * @module
 */

/** Transaction classes, as the users' reconciliation names them. */
export const TRANSACTION_CLASSES = [
  "COMPRA",
  "SAQUE",
  "REAPRESENTACAO",
  "REVERSO-DE-REAPRESENTACAO",
  "CHARGEBACK-DE-COMPRA",
  "REVERSO-DE-CHARGEBACK",
  "REVERSO-DE-COMPRA",
  "REVERSO-DE-SAQUE",
] as const;

/** One of {@link TRANSACTION_CLASSES}. */
export type TransactionClass = typeof TRANSACTION_CLASSES[number];

/** Key → class; the key is `<transaction type> <label>`, normalised. */
export const REPORT_CLASS_RULES: ReadonlyMap<string, TransactionClass> = new Map([
  ["PURCHASE ORIGINAL SALE", "COMPRA"],
  ["MERCHANDISE CREDIT ORIGINAL SALE", "COMPRA"],
  ["ATM CASH ORIGINAL WITHDRAWAL", "SAQUE"],
  ["PURCHASE DISPUTE RESP FIN", "REAPRESENTACAO"],
  ["PURCHASE DISPUTE RESP FIN REVERSAL", "REVERSO-DE-REAPRESENTACAO"],
  ["PURCHASE DISPUTE FIN", "CHARGEBACK-DE-COMPRA"],
  ["PURCHASE DISPUTE FIN REVERSAL", "REVERSO-DE-CHARGEBACK"],
  ["PURCHASE ORIGINAL SALE REVERSAL", "REVERSO-DE-COMPRA"],
  ["ATM CASH REVERSAL", "REVERSO-DE-SAQUE"],
]);

/** Collapses blanks and maps the `RVRSL` abbreviation to `REVERSAL`. */
export function normalizeKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").replace(/\bRVRSL\b/g, "REVERSAL");
}

/** The transaction-type headings the rules name (the first word group of each key). */
export const TRANSACTION_TYPE_HEADINGS: readonly string[] = [
  "MERCHANDISE CREDIT",
  "PURCHASE",
  "ATM CASH",
];

/**
 * The rule key for a line: its transaction-type heading + label. The type heading is the
 * deepest heading of the path that names a transaction type (so deferment or network
 * levels above or below it, as in VSS-600/910, do not hide it); without one, the second
 * heading (the original tool's rule), or the whole path for a one-level path.
 */
export function classKey(path: readonly string[], label: string): string {
  const normalized = path.map(normalizeKey);
  let context: string | undefined;
  for (let i = normalized.length - 1; i >= 0 && context === undefined; i--) {
    if (TRANSACTION_TYPE_HEADINGS.includes(normalized[i])) context = normalized[i];
  }
  context ??= path.length >= 2 ? path[1] : path.join(" ");
  return normalizeKey(`${context} ${label}`);
}

/** The class of an amount line, or null when no rule applies. */
export function classifyAmountLine(
  path: readonly string[],
  label: string,
): TransactionClass | null {
  return REPORT_CLASS_RULES.get(classKey(path, label)) ?? null;
}
