/**
 * The expected aggregates of a generated data set, written as `generate_summary.json` next
 * to the files so that tests, benchmarks and the reconciliation can compare against them.
 *
 * Per settlement currency (funds-transfer level = the sum of every leaf): per class the
 * number of clearing records, Σ dest_value and Σ clearing_commission; the VSS-110 figures
 * (interchange, reimbursement fees, Visa charges split into ISA and currency conversion fees,
 * net settlement); and per entity the same VSS-110 figures. Money is exact decimal text
 * (`"1234.56"`, commissions with 6 decimals); a net is credit − debit, so a debit (DB) net
 * is negative.
 *
 * Techniques: a pure function of the aggregates and hierarchy; plain JSON-ready objects.
 *
 * @example
 * ```ts
 * import { currencyTotals } from "./summary.ts";
 * // currencyTotals(agg, hierarchy.funds.index, 0).classes.COMPRA.count
 * ```
 *
 * @module
 */

import type { Aggregates } from "./aggregates.ts";
import { CLASSES, CURRENCIES } from "./catalog.ts";
import type { Entity, Hierarchy } from "./entities.ts";
import { decimal } from "./money.ts";
import { chargesByRegion } from "./reports/charges.ts";
import type { ReportContext } from "./reports/common.ts";
import { net, settlementOf } from "./settlement.ts";

/** One class of clearing records. */
export interface ClassTotals {
  /** Number of clearing records of the class. */
  count: number;
  /** Σ dest_value of those records, exact decimal text with 2 decimals. */
  dest_value: string;
  /** Σ clearing_commission of those records, exact decimal text with 6 decimals. */
  clearing_commission: string;
}

/** The VSS-110 figures of an entity in one currency. */
export interface SettlementFigures {
  /** Interchange transaction count (all classes). */
  count: number;
  /** Interchange value credit: Σ dest_value of REVERSO-DE-COMPRA and REVERSO-DE-SAQUE. */
  interchange_credit: string;
  /** Interchange value debit: Σ dest_value of COMPRA and SAQUE. */
  interchange_debit: string;
  /** Reimbursement fees credit: commissions of COMPRA and SAQUE, rounded to cents per leaf. */
  reimbursement_credit: string;
  /** Reimbursement fees debit: commissions of the reversals, rounded to cents per leaf. */
  reimbursement_debit: string;
  /** Visa charges credit (always `"0.00"`). */
  visa_charges_credit: string;
  /** Visa charges debit: international service assessment + currency conversion fees. */
  visa_charges_debit: string;
  /** Net settlement amount: total credit − total debit (negative for a DB net). */
  net_settlement: string;
}

/** Everything expected for one settlement currency. */
export interface CurrencyTotals extends SettlementFigures {
  /**
   * Totals per clearing class, keyed by class name (`COMPRA`, `SAQUE`, `REVERSO-DE-COMPRA`,
   * `REVERSO-DE-SAQUE`).
   */
  classes: Record<string, ClassTotals>;
  /** The international service assessment part of the Visa charges (`"0.00"` for BRL). */
  international_service_assessment: string;
  /** The currency conversion fee part of the Visa charges (`"0.00"` for BRL). */
  currency_conversion_fees: string;
}

/** The VSS-110 figures of an entity. */
export function settlementFigures(
  agg: Aggregates,
  entity: number,
  currency: number,
): SettlementFigures {
  const s = settlementOf(agg, entity, currency);
  return {
    count: Number(s.interchange.count),
    interchange_credit: decimal(s.interchange.credit),
    interchange_debit: decimal(s.interchange.debit),
    reimbursement_credit: decimal(s.reimbursement.credit),
    reimbursement_debit: decimal(s.reimbursement.debit),
    visa_charges_credit: decimal(s.charges.credit),
    visa_charges_debit: decimal(s.charges.debit),
    net_settlement: decimal(net(s.total)),
  };
}

/** The totals of one currency for an entity (the funds entity: the whole file). */
export function currencyTotals(
  ctx: ReportContext,
  entity: number,
  currency: number,
): CurrencyTotals {
  const classes: Record<string, ClassTotals> = {};
  CLASSES.forEach((name, k) => {
    const c = ctx.agg.classCell(entity, currency, k);
    classes[name] = {
      count: Number(c.count),
      dest_value: decimal(c.dest),
      clearing_commission: decimal(c.commission, 6),
    };
  });
  const charges = currency === 1 ? chargesByRegion(ctx, entity) : [];
  return {
    classes,
    ...settlementFigures(ctx.agg, entity, currency),
    international_service_assessment: decimal(charges.reduce((a, r) => a + r.isa, 0n)),
    currency_conversion_fees: decimal(charges.reduce((a, r) => a + r.ccf, 0n)),
  };
}

/** One entity of the summary. */
export interface EntitySummary {
  id: string;
  name: string;
  level: Entity["level"];
  rollup_to: string;
  settlement: Record<string, SettlementFigures>;
}

/** The per-entity part of the summary, in hierarchy order. */
export function entitySummaries(agg: Aggregates, h: Hierarchy): EntitySummary[] {
  return h.all.map((e) => ({
    id: e.id,
    name: e.name,
    level: e.level,
    rollup_to: h.all[e.parent].id,
    settlement: Object.fromEntries(
      CURRENCIES.map((c) => [c.code, settlementFigures(agg, e.index, c.index)]),
    ),
  }));
}
