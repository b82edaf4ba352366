/**
 * What every report builder shares: the context it reads (aggregates, hierarchy, dates), the
 * shape of a report definition, and small row helpers.
 *
 * A {@linkcode ReportDefinition} is data plus one function: its id, title, page layout, the
 * currencies and hierarchy levels it is printed for, and `body(ctx, entity, currency)`, which
 * returns the body lines (a lazy iterable) or `null` for a NO DATA page.
 *
 * Techniques: builders are pure functions of the aggregates (no randomness, no I/O), so a
 * rollup's report is the same function applied to its summed cells; bodies are generators,
 * so a long report is produced line by line as pages are written.
 *
 * @example
 * ```ts
 * import type { ReportDefinition } from "./common.ts";
 * const def: ReportDefinition = {
 *   reportId: "VSS-230", title: "VISA CHARGES RECONCILIATION REPORT",
 *   layout: { gap: 2, columns: [], end: "" }, currencies: [0, 1], levels: "all",
 *   body: () => null,
 * };
 * ```
 *
 * @module
 */

import type { Aggregates } from "../aggregates.ts";
import type { Scale } from "../catalog.ts";
import type { Entity, Hierarchy } from "../entities.ts";
import type { BodyLine, HeaderSpec, ReportLayout } from "../ep747_writer.ts";

/** What report builders read. */
export interface ReportContext {
  agg: Aggregates;
  hierarchy: Hierarchy;
  scale: Scale;
  /** The processing date. */
  proc: Date;
  /** The processing date as printed, `05JUL24`. */
  procText: string;
}

/** Which entities a report is printed for, in print order. */
export type Levels = "all" | "groups" | "funds";

/** One report type. */
export interface ReportDefinition {
  reportId: string;
  title: string;
  layout: ReportLayout;
  /** Settlement currency indexes it is printed for (`[]`: no currency, VSS-100-W). */
  currencies: readonly number[];
  /** `all`: every leaf, then rollups, then the funds entity; `groups`: rollups and funds. */
  levels: Levels;
  /** Header adjustments (service, no ROLLUP TO / FUNDS lines, currency gap …). */
  header?: (ctx: ReportContext, entity: Entity, currency: number) => Partial<HeaderSpec>;
  /** First-page lines printed before the column headers (VSS-900 block lines). */
  lead?: (ctx: ReportContext, entity: Entity, currency: number) => string[];
  /** Body lines, or `null` for a NO DATA page. */
  body(ctx: ReportContext, entity: Entity, currency: number): Iterable<BodyLine> | null;
}

/** The entities a report of `levels` is printed for, in order. */
export function entitiesFor(h: Hierarchy, levels: Levels): Entity[] {
  if (levels === "all") return h.all;
  if (levels === "groups") return [...h.rollups, h.funds];
  return [h.funds];
}
