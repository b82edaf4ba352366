/**
 * Visa charges of USD purchases by merchant region, shared by VSS-140, VSS-210 and VSS-215:
 * the international service assessment (ISA, every region) and the currency conversion fee
 * (regions whose merchant currency is not USD), computed per leaf fee cell in
 * `aggregates.ts` and summed over fee programs here.
 *
 * Techniques: one reader over the fee cells, so the three reports and VSS-110's VISA
 * CHARGES row can only agree.
 *
 * @example
 * ```ts
 * import { chargesByRegion } from "./charges.ts";
 * // chargesByRegion(ctx, entity.index).filter((r) => r.count > 0n)
 * ```
 *
 * @module
 */

import { REGIONS } from "../catalog.ts";
import type { ReportContext } from "./common.ts";

/** Purchases and charges of one merchant region (USD). */
export interface RegionCharges {
  label: string;
  count: bigint;
  /** Σ dest_value, cents (unsigned). */
  dest: bigint;
  isa: bigint;
  ccf: bigint;
}

/** The USD purchase charges of an entity, one entry per region in use. */
export function chargesByRegion(ctx: ReportContext, entity: number): RegionCharges[] {
  const { programs, regions } = ctx.scale;
  return REGIONS.slice(0, regions).map((region, r) => {
    const out: RegionCharges = { label: region.label, count: 0n, dest: 0n, isa: 0n, ccf: 0n };
    for (let p = 0; p < programs; p++) {
      const c = ctx.agg.feeCell(entity, 1, false, p, r);
      out.count += c.count;
      out.dest += c.dest;
      out.isa += c.isa;
      out.ccf += c.ccf;
    }
    return out;
  });
}
