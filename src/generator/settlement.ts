/**
 * The settlement figures of one entity in one settlement currency, as VSS-110, VSS-115 and
 * VSS-300 print them, derived from the {@linkcode Aggregates}.
 *
 * The rules (the consistency contract of `generate.ts`): interchange value — count = number
 * of transactions, debit = Σ dest_value of COMPRA + SAQUE, credit = Σ dest_value of the
 * reversals; reimbursement fees — credit = the commissions of COMPRA + SAQUE, debit = those
 * of the reversals, rounded half up to cents per leaf; Visa charges — debit = international
 * service assessment + currency conversion fees of USD purchases, credit 0. A net is
 * credit − debit (CR positive, DB negative).
 *
 * Techniques: a small `Flow` value type (count, credit, debit) with pure helpers; figures are
 * read from the aggregate tables, never recomputed from transactions.
 *
 * @example
 * ```ts
 * import { settlementOf, net } from "./settlement.ts";
 * // const s = settlementOf(agg, entityIndex, 0);
 * // net(s.total); // the NET SETTLEMENT AMOUNT in cents, CR positive
 * ```
 *
 * @module
 */

import type { Aggregates } from "./aggregates.ts";
import { COMPRA, REVERSO_DE_COMPRA, REVERSO_DE_SAQUE, SAQUE } from "./catalog.ts";

/** Money in both directions; `count` is a transaction count where one applies. */
export interface Flow {
  count: bigint;
  credit: bigint;
  debit: bigint;
}

/** The empty flow. */
export const ZERO: Flow = Object.freeze({ count: 0n, credit: 0n, debit: 0n });

/** Credit − debit: positive prints `CR`, negative `DB`. */
export function net(f: Flow): bigint {
  return f.credit - f.debit;
}

/** Component-wise sum. */
export function addFlows(...flows: Flow[]): Flow {
  let count = 0n, credit = 0n, debit = 0n;
  for (const f of flows) {
    count += f.count;
    credit += f.credit;
    debit += f.debit;
  }
  return { count, credit, debit };
}

/** An entity's settlement in one currency (issuer business only; acquirer and other are 0). */
export interface Settlement {
  /** Transactions by type: debits (COMPRA, SAQUE) and credits (both reversal classes). */
  purchase: Flow;
  atm: Flow;
  reversals: Flow;
  interchange: Flow;
  reimbursement: Flow;
  charges: Flow;
  /** interchange + reimbursement + charges (its count is the interchange count). */
  total: Flow;
}

/** The settlement of `entity` in `currency` (0 BRL, 1 USD). */
export function settlementOf(agg: Aggregates, entity: number, currency: number): Settlement {
  const cell = (k: number) => agg.classCell(entity, currency, k);
  const compra = cell(COMPRA);
  const saque = cell(SAQUE);
  const rc = cell(REVERSO_DE_COMPRA);
  const rs = cell(REVERSO_DE_SAQUE);
  const purchase = { count: compra.count, credit: 0n, debit: compra.dest };
  const atm = { count: saque.count, credit: 0n, debit: saque.dest };
  const reversals = { count: rc.count + rs.count, credit: rc.dest + rs.dest, debit: 0n };
  const interchange = addFlows(purchase, atm, reversals);
  let feeCredit = 0n, feeDebit = 0n, charges = 0n;
  const { programs, regions } = agg.scale;
  const regionCount = currency === 0 ? 1 : regions;
  for (let p = 0; p <= programs; p++) {
    for (let r = 0; r < regionCount; r++) {
      const original = agg.feeCell(entity, currency, false, p, r);
      feeCredit += original.fee;
      charges += original.isa + original.ccf;
      feeDebit += agg.feeCell(entity, currency, true, p, r).fee;
    }
  }
  const reimbursement = { count: 0n, credit: feeCredit, debit: feeDebit };
  const chargeFlow = { count: 0n, credit: 0n, debit: charges };
  return {
    purchase,
    atm,
    reversals,
    interchange,
    reimbursement,
    charges: chargeFlow,
    total: addFlows(interchange, reimbursement, chargeFlow),
  };
}
