/**
 * VSS-100-W — WEEKLY SETTLEMENT REPORTING HIERARCHY LIST (layout notes §5.16): one row per
 * entity and settlement service, mapping the SRE to its rollup, funds-transfer entity,
 * clearing entity and currency. Printed once, for the funds-transfer entity; it carries no
 * money and shows `LAST CHANGE:` instead of `PROC DATE:`.
 *
 * Techniques: the column layout of `scripts/make_samples.ts`; ids right where the header
 * words are; the body is a generator over the hierarchy.
 *
 * @example
 * ```ts
 * import { vss100w } from "./vss_100w.ts";
 * vss100w.reportId; // "VSS-100-W"
 * ```
 *
 * @module
 */

import { addDays, ddmonyy } from "../calendar.ts";
import { CURRENCIES } from "../catalog.ts";
import { Line } from "../fixed_width.ts";
import { type BodyLine, endMarker, row } from "../ep747_writer.ts";
import type { ReportContext, ReportDefinition } from "./common.ts";

const COLUMNS = [
  new Line()
    .put(2, "SRE")
    .put(14, "SRE")
    .put(40, "HIERARCHY")
    .put(52, "ROLLUP TO")
    .put(65, "FUNDS XFER")
    .put(78, "CLEARING")
    .put(89, "SETTLEMENT")
    .put(123, "SETTLMNT"),
  new Line()
    .put(2, "ID")
    .put(14, "NAME")
    .put(42, "LEVEL")
    .put(52, "ENTITY")
    .put(65, "ENTITY")
    .put(78, "ENTITY")
    .put(89, "SERVICE")
    .put(123, "CURRENCY"),
].map(String);

function* body(ctx: ReportContext): Generator<BodyLine> {
  const h = ctx.hierarchy;
  const level = { funds: 1, rollup: 2, leaf: 3 } as const;
  for (const entity of [h.funds, ...h.rollups, ...h.leaves]) {
    for (const currency of CURRENCIES) {
      const line = new Line().put(2, entity.id).put(14, entity.name).right(
        46,
        String(level[entity.level]),
      );
      if (entity.level !== "funds") line.put(52, h.all[entity.parent].id);
      const clearing = String(400_000 + entity.index * 2 + currency.index).slice(-6);
      line.put(65, h.funds.id).put(78, clearing).put(89, currency.service).put(126, currency.code);
      yield row(line);
    }
  }
}

/** VSS-100-W. */
export const vss100w: ReportDefinition = {
  reportId: "VSS-100-W",
  title: "WEEKLY SETTLEMENT REPORTING HIERARCHY LIST",
  layout: { gap: 1, columns: COLUMNS, end: endMarker("VSS-100-W", 51) },
  currencies: [],
  levels: "funds",
  header: (ctx) => ({
    rollup: null,
    currency: null,
    dateLabel: "LAST CHANGE:",
    date: ddmonyy(addDays(ctx.proc, -((ctx.proc.getUTCDay() + 2) % 7) - 7)),
    service: CURRENCIES[0].service,
  }),
  body: (ctx) => body(ctx),
};
