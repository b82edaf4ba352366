/**
 * VSS-300 — SRE FINANCIAL RECAP REPORT (layout notes §5.10): printed for each rollup (a
 * `RECAP FOR:` block per leaf, then `TOTAL FOR:` the rollup) and for the funds-transfer
 * entity (a block per rollup, then `TOTAL FOR:` itself). The header has no ROLLUP TO or FUNDS
 * XFER ENTITY lines and one blank after `SETTLEMENT CURRENCY:`.
 *
 * Columns (RE): count 40, interchange value 63 (`DB`/`CR`), reimbursement fees 83
 * (`DB`/`CR`), Visa charges 103 (unsigned debit), net settlement 127 (`DB`/`CR`). The NET
 * SETTLEMENT AMOUNT of a block equals the entity's VSS-110 NET SETTLEMENT AMOUNT.
 *
 * Techniques: the same `settlementOf` figures as VSS-110; the `TOTAL FOR` row of an entity
 * is its own (summed) settlement, equal to the sum of its blocks.
 *
 * @example
 * ```ts
 * import { vss300 } from "./vss_300.ts";
 * vss300.levels; // "groups"
 * ```
 *
 * @module
 */

import { blank, type BodyLine, endMarker, heading, row } from "../ep747_writer.ts";
import { Line, padLines } from "../fixed_width.ts";
import { childrenOf, type Entity } from "../entities.ts";
import { type Flow, net, type Settlement, settlementOf, ZERO } from "../settlement.ts";
import type { ReportContext, ReportDefinition } from "./common.ts";

/** Column headers, as in the layout notes' example page. */
export const COLUMNS_300: readonly string[] = padLines([
  "                                  TOTAL              TOTAL              TOTAL            TOTAL                NET",
  "                              INTERCHANGE         INTERCHANGE      REIMBURSEMENT            VISA         SETTLEMENT",
  "                                  COUNT              VALUE               FEES             CHARGES         AMOUNT",
]);

function recap(
  label: string,
  s: { interchange: Flow; reimbursement: Flow; charges: Flow; total: Flow },
) {
  const charges = s.charges.debit - s.charges.credit;
  if (charges < 0n) throw new Error("VSS-300: Visa charges print unsigned; expected a debit");
  return row(
    new Line()
      .put(2, label)
      .count(40, s.interchange.count)
      .signed(63, net(s.interchange))
      .signed(83, net(s.reimbursement))
      .amount(103, charges)
      .signed(127, net(s.total)),
  );
}

const NONE = { interchange: ZERO, reimbursement: ZERO, charges: ZERO, total: ZERO };

function* body(ctx: ReportContext, entity: Entity, currency: number): Generator<BodyLine> {
  for (const child of childrenOf(ctx.hierarchy, entity)) {
    const s: Settlement = settlementOf(ctx.agg, child.index, currency);
    yield heading(2, `RECAP FOR: ${child.id} ${child.name}`);
    yield recap("ACQUIRER", NONE);
    yield recap("ISSUER", s);
    yield recap("OTHER", NONE);
    yield recap("NET SETTLEMENT AMOUNT", s);
    yield blank;
  }
  yield heading(2, `TOTAL FOR: ${entity.id} ${entity.name}`);
  yield recap("NET SETTLEMENT AMOUNT", settlementOf(ctx.agg, entity.index, currency));
}

/** VSS-300. */
export const vss300: ReportDefinition = {
  reportId: "VSS-300",
  title: "SRE FINANCIAL RECAP REPORT",
  layout: { gap: 1, columns: COLUMNS_300, end: endMarker("VSS-300", 52) },
  currencies: [0, 1],
  levels: "groups",
  header: () => ({ rollup: null, funds: null, currencyGap: 1 }),
  body,
};
