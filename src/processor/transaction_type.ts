/**
 * Classification of a clearing transaction (`transaction_type`), per `docs/vss-reports.md`
 * §7.3.
 *
 * Technique: a rule table, an ordered array of `{ name, when, type }` where the first rule
 * whose `when` matches decides the type (a fixed value, or a function of the row). Rules read
 * the {@linkcode TransactionRow}'s text values, so integer fields are compared as digit
 * strings (`clearing_debit === "1"`).
 *
 * One deliberate fix against the original tool: rule 3 compared the string field
 * `operation_type` to the integer `1`, so it never fired. Here it compares with the string
 * `"1"`, so a record with `operation_type` `"1"` and an empty `operation_code` is classified
 * REVERSO-DE-SAQUE instead of falling through to UNKNOWN-99. Rule 5's `reason_code < "2000"`
 * is kept as the original's string comparison (`"00" < "2000"`, but also `"10000" < "2000"`).
 *
 * @example
 * ```ts
 * import { classifyTransaction } from "./transaction_type.ts";
 * classifyTransaction(row); // "COMPRA" for both seed records
 * ```
 *
 * @module
 */

import type { TransactionRow } from "../models/transaction.ts";

/** Every class a clearing transaction can get. */
export const TRANSACTION_TYPES = [
  "UNKNOWN",
  "REVERSO-DE-COMPRA",
  "REVERSO-DE-SAQUE",
  "SAQUE",
  "COMPRA",
  "UNKNOWN-99",
] as const;

/** A clearing transaction class. */
export type TransactionType = typeof TRANSACTION_TYPES[number];

/** The fields the rules read. */
export type ClassifiedFields = Pick<
  TransactionRow,
  | "slice_code"
  | "clearing_action_code"
  | "operation_code"
  | "clearing_cancel"
  | "clearing_interchange_fee_sign"
  | "operation_type"
  | "clearing_debit"
  | "reason_code"
>;

/** One classification rule. */
export interface TransactionTypeRule {
  /** Short description, e.g. for logs and tests. */
  readonly name: string;
  /** Whether the rule applies to the row. */
  readonly when: (row: ClassifiedFields) => boolean;
  /** The class, or a function choosing it (e.g. by `clearing_debit`). */
  readonly type: TransactionType | ((row: ClassifiedFields) => TransactionType);
}

/** The rules of §7.3, in order; the first match wins and the last one always matches. */
export const TRANSACTION_TYPE_RULES: readonly TransactionTypeRule[] = [
  {
    name: "1. empty slice_code",
    when: (r) => r.slice_code === "",
    type: "UNKNOWN",
  },
  {
    name: "2. purchase reversal: action code 11, no operation code, cancelled, fee sign D",
    when: (r) =>
      r.clearing_action_code === "11" && r.operation_code === "" && r.clearing_cancel === "1" &&
      r.clearing_interchange_fee_sign === "D",
    type: "REVERSO-DE-COMPRA",
  },
  {
    // The original compared operation_type (a string) to the integer 1 and never matched.
    name: '3. withdrawal reversal: operation_type "1", no operation code',
    when: (r) => r.operation_type === "1" && r.operation_code === "",
    type: "REVERSO-DE-SAQUE",
  },
  {
    name: '4. withdrawal: operation_type "0" or "1", operation code "02"',
    when: (r) =>
      (r.operation_type === "0" || r.operation_type === "1") && r.operation_code === "02",
    type: (r) => r.clearing_debit === "1" ? "SAQUE" : "REVERSO-DE-SAQUE",
  },
  {
    name: '5. purchase: operation code "01", reason_code < "2000" (string comparison)',
    when: (r) => r.operation_code === "01" && r.reason_code < "2000",
    type: (r) => r.clearing_debit === "1" ? "COMPRA" : "REVERSO-DE-COMPRA",
  },
  {
    name: "6. anything else",
    when: () => true,
    type: "UNKNOWN-99",
  },
];

/**
 * Returns the class of a clearing transaction: the type of the first rule of
 * {@linkcode TRANSACTION_TYPE_RULES} that matches.
 *
 * @param row A validated clearing row (only the fields the rules read are needed).
 * @returns The transaction type, e.g. `"COMPRA"`.
 *
 * @example
 * ```ts
 * import { classifyTransaction } from "./transaction_type.ts";
 * import { toTransactionRow } from "../models/transaction.ts";
 * const type = classifyTransaction(toTransactionRow(record, { record: 0 }));
 * ```
 */
export function classifyTransaction(row: ClassifiedFields): TransactionType {
  for (const rule of TRANSACTION_TYPE_RULES) {
    if (rule.when(row)) return typeof rule.type === "function" ? rule.type(row) : rule.type;
  }
  return "UNKNOWN-99";
}
