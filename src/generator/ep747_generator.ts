/**
 * Writes the whole EP747 file from the aggregates: every report type in
 * {@linkcode REPORTS} order, per settlement currency, per entity (each leaf, then each
 * rollup, then the funds-transfer entity; layout notes §2), through {@linkcode Ep747Writer}.
 *
 * Report order: VSS-100-W, 110, 115, 120, 130, 135, 140, 210, 215, 230, 300, 600, 610, 900,
 * 900-S, 910, 930. BRL pages print `BRAZIL CIP NNSS SERVICE` (VSS-910/930: `BRAZIL CASH DISB
 * NATL NET SERVICE`), USD pages `INTERNATIONAL SETTLEMENT SERVICE`.
 *
 * Techniques: a table of report definitions (one small module per report type under
 * `reports/`) walked in order; bodies are generated lazily and paginated as they are
 * written, so memory holds one page plus the aggregates.
 *
 * @example
 * ```ts
 * import { writeEp747 } from "./ep747_generator.ts";
 * // const stats = await writeEp747(out, ctx, { rng, eol: "\n" });
 * ```
 *
 * @module
 */

import { CURRENCIES } from "./catalog.ts";
import type { BufferedWriter } from "./buffered_writer.ts";
import { type Ep747Stats, Ep747Writer, type HeaderSpec } from "./ep747_writer.ts";
import type { Prng } from "./prng.ts";
import { entitiesFor, type ReportContext, type ReportDefinition } from "./reports/common.ts";
import { vss100w } from "./reports/vss_100w.ts";
import { vss110 } from "./reports/vss_110.ts";
import { vss115 } from "./reports/vss_115.ts";
import { vss120 } from "./reports/vss_120.ts";
import { vss130, vss930 } from "./reports/vss_130.ts";
import { vss135 } from "./reports/vss_135.ts";
import { vss140, vss230 } from "./reports/vss_140.ts";
import { vss210, vss215 } from "./reports/vss_210.ts";
import { vss300 } from "./reports/vss_300.ts";
import { vss600 } from "./reports/vss_600.ts";
import { vss610 } from "./reports/vss_610.ts";
import { vss900, vss900s } from "./reports/vss_900.ts";
import { vss910 } from "./reports/vss_910.ts";

/** Every report type, in file order. */
export const REPORTS: readonly ReportDefinition[] = [
  vss100w,
  vss110,
  vss115,
  vss120,
  vss130,
  vss135,
  vss140,
  vss210,
  vss215,
  vss230,
  vss300,
  vss600,
  vss610,
  vss900,
  vss900s,
  vss910,
  vss930,
];

/** Options of {@linkcode writeEp747}. */
export interface WriteEp747Options {
  /** Chooses page-start forms. */
  rng: Prng;
  /** Line terminator. @default "\n" */
  eol?: string;
}

/** Writes every report instance to `out`; returns what was written. */
export async function writeEp747(
  out: BufferedWriter,
  ctx: ReportContext,
  options: WriteEp747Options,
): Promise<Ep747Stats> {
  const writer = new Ep747Writer(out, {
    procDate: ctx.procText,
    rng: options.rng,
    eol: options.eol,
  });
  const h = ctx.hierarchy;
  for (const def of REPORTS) {
    const currencies = def.currencies.length > 0 ? def.currencies : [0];
    for (const currency of currencies) {
      for (const entity of entitiesFor(h, def.levels)) {
        const header: HeaderSpec = {
          reportId: def.reportId,
          entity,
          rollup: h.all[entity.parent],
          funds: h.funds,
          service: CURRENCIES[currency].service,
          title: def.title,
          currency: CURRENCIES[currency].code,
          ...def.header?.(ctx, entity, currency),
        };
        const layout = def.lead
          ? { ...def.layout, lead: def.lead(ctx, entity, currency) }
          : def.layout;
        await writer.instance(header, layout, def.body(ctx, entity, currency));
      }
    }
  }
  return writer.stats;
}
