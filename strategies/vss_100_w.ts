/**
 * VSS-100-W — WEEKLY SETTLEMENT REPORTING HIERARCHY LIST: which SREs roll up to which
 * entity, with their clearing entity, service and settlement currency. It carries no
 * money.
 *
 * Evidence (layout notes §5.16): the title and the `LAST CHANGE:` field (printed where
 * other reports print `PROC DATE:`, and stored as the page's `proc_date`).
 *
 * Columns: none. The page is stored with its header (report id, entity, `LAST CHANGE:`
 * date, report date, title) and raw text, `parsed` and without amount lines: the entity
 * ids and hierarchy levels of its rows are not amounts, and are never read as such.
 *
 * Techniques: a {@link ParsingStrategy} whose {@link ParsingStrategy.classifyLine} ignores
 * every body line (the shared parse still reads the END / NO DATA markers);
 * self-registration on import.
 *
 * @example
 * ```ts
 * import Vss100WStrategy from "./vss_100_w.ts";
 * new Vss100WStrategy().reportId; // "VSS-100-W"
 * ```
 *
 * @module
 */

import type { ReportHeader } from "../src/models/report.ts";
import { parsePageHeader } from "../src/strategies/page_header.ts";
import {
  type LineClass,
  type LineValues,
  ParsingStrategy,
} from "../src/strategies/parsing_strategy.ts";
import { registerStrategy } from "../src/strategies/registry.ts";

/** Parses VSS-100-W pages: header only, no amount lines. */
export default class Vss100WStrategy extends ParsingStrategy {
  readonly reportId = "VSS-100-W";
  override readonly title = "WEEKLY SETTLEMENT REPORTING HIERARCHY LIST";

  /** Standard header; `LAST CHANGE:` is read as the page's date. */
  parseHeader(lines: readonly string[]): ReportHeader {
    return parsePageHeader(lines);
  }

  /** The hierarchy rows carry no amounts: every body line is ignored. */
  override classifyLine(): LineClass {
    return { kind: "ignore" };
  }

  /** Never called: no line of this report is an amount line. */
  parseAmounts(): LineValues {
    throw new Error("VSS-100-W has no amount lines");
  }
}

registerStrategy(new Vss100WStrategy());
