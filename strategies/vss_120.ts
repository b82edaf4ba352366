/**
 * VSS-120 — INTERCHANGE VALUE REPORT: per business mode, transaction type and cycle, the
 * currency table date, count, clearing amount (clearing currency) and interchange value
 * credits and debits (settlement currency).
 *
 * Evidence (layout notes §5.3): strong; a real row ends its values at 66, 87+sfx and 110.
 * Producers differ by a few columns, so values are placed by the page's own column
 * headers (`CURRENCY/TABLE/DATE` or `RATE/TABLE/ID`, `COUNT`, `CLEARING/AMOUNT`,
 * `INTERCHANGE/VALUE/CREDITS`, `INTERCHANGE/VALUE/DEBITS`), the right edges below being
 * the fallback.
 *
 * Columns: `table_date` (date ≈46, → `row_date`), `count` (66, → `count`),
 * `clearing_amount` (87 with `DB`/`CR`), `interchange_value_credits` (110, →
 * `credit_amount`), `interchange_value_debits` (131, → `debit_amount`). A rate table id
 * printed instead of the date (`A1277`, ending ≈51) goes to the line's `row_ref`, never
 * into the label.
 *
 * Techniques: declarative {@link ColumnReportStrategy}; {@link Vss120Strategy.rowRef}
 * recognises the table id as the last word of the label zone, set apart by two or more
 * blanks, holding letters and digits and ending within the tolerance of the table column's
 * anchor (so a label such as `ORIGINAL SALE        RVRSL` stays whole). Self-registration
 * on import.
 *
 * @example
 * ```ts
 * import Vss120Strategy from "./vss_120.ts";
 * new Vss120Strategy().rowRef("    ORIGINAL SALE                        A1277", { headerLines: [], anchors: [], file: "" });
 * // { start: 41, text: "A1277" }
 * ```
 *
 * @module
 */

import { ColumnReportStrategy } from "../src/strategies/column_report_strategy.ts";
import { ANCHOR_TOLERANCE, type ColumnSpec } from "../src/strategies/column_layout.ts";
import type { PageLayout } from "../src/strategies/parsing_strategy.ts";
import { registerStrategy } from "../src/strategies/registry.ts";
import { FIRST_VALUE_COLUMN } from "../src/strategies/value_tokens.ts";

/** A rate table id: letters and digits, at least one of each (`A1277`). */
const TABLE_ID = /^(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,10}$/;

/** Parses VSS-120 pages. */
export default class Vss120Strategy extends ColumnReportStrategy {
  readonly reportId = "VSS-120";
  override readonly title = "INTERCHANGE VALUE REPORT";
  readonly columns: readonly ColumnSpec[] = [
    { name: "table_date", kind: "date", rightEdge: 46, field: "row_date" },
    { name: "count", kind: "count", rightEdge: 66, field: "count" },
    { name: "clearing_amount", kind: "amount", rightEdge: 87 },
    { name: "interchange_value_credits", kind: "amount", rightEdge: 110, field: "credit_amount" },
    { name: "interchange_value_debits", kind: "amount", rightEdge: 131, field: "debit_amount" },
  ];

  /** The rate table id printed in the table column instead of a date, if any. */
  override rowRef(labelText: string, layout: PageLayout): { start: number; text: string } | null {
    const match = /(\S+)\s*$/.exec(labelText);
    if (!match || !TABLE_ID.test(match[1])) return null;
    const start = match.index;
    if (start + 1 < FIRST_VALUE_COLUMN || !/\S\s{2,}$/.test(labelText.slice(0, start))) {
      return null;
    }
    const end = start + match[1].length;
    const anchor = this.anchorsFor(layout)[0];
    return Math.abs(end - anchor) <= ANCHOR_TOLERANCE ? { start, text: match[1] } : null;
  }
}

registerStrategy(new Vss120Strategy());
