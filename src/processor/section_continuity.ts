/**
 * Joins pages of one report instance: a page that starts with amount lines belongs to the
 * section where the previous page of the same report and reporting entity stopped.
 *
 * Pages are parsed independently (possibly in parallel, out of order); this step runs in
 * file order afterwards and fills each line's full `section` path and its
 * `transaction_class`, without re-reading anything.
 *
 * Techniques: a map from instance key (report id, reporting entity, settlement currency)
 * to the heading stack left open by the last page without an END marker; resolution is
 * the pure function `resolveSections` of the page's recorded cutoff.
 *
 * @example
 * ```ts
 * import { SectionContinuity } from "./section_continuity.ts";
 * const continuity = new SectionContinuity();
 * // for (const page of pagesInFileOrder) continuity.resolve(page);
 * ```
 *
 * @module
 */

import type { Heading, ParsedPage } from "../models/report.ts";
import { resolveSections, sectionPath } from "../strategies/section_stack.ts";
import { classifyAmountLine } from "./report_class.ts";

/** Headings start in printed column 2 or later (column 1 is the carriage-control column). */
export const MIN_HEADING_INDENT = 2;

/**
 * Sets `section` and `transaction_class` on the lines whose path cannot depend on the
 * previous page (the page closed every inherited heading before them), so this work can be
 * done where the page is parsed; `resolve` then completes only the other lines.
 */
export function resolveLocalSections(page: ParsedPage): ParsedPage {
  for (const line of page.amounts) {
    if (line.cutoff > MIN_HEADING_INDENT) continue;
    line.section = sectionPath(line.localSections);
    line.transaction_class = classifyAmountLine(line.localSections.map((h) => h.text), line.label);
    line.localSections = []; // resolved: no need to carry the stack any further
  }
  return page;
}

/** The key of a report instance. */
export function instanceKey(page: ParsedPage): string {
  const h = page.header;
  return [h.report_id, h.reporting_for_id ?? "", h.settlement_currency ?? ""].join("|");
}

/** Carries open sections from page to page, in file order. */
export class SectionContinuity {
  #open = new Map<string, Heading[]>();

  /** Sets `section` and `transaction_class` on every amount line of `page` (in place). */
  resolve(page: ParsedPage): ParsedPage {
    const key = instanceKey(page);
    const inherited = this.#open.get(key) ?? [];
    for (const line of page.amounts) {
      if (line.section !== undefined && line.cutoff <= MIN_HEADING_INDENT) continue;
      const path = resolveSections(inherited, { cutoff: line.cutoff, local: line.localSections });
      line.section = sectionPath(path);
      line.transaction_class = classifyAmountLine(path.map((h) => h.text), line.label);
    }
    const open = resolveSections(inherited, page.endSections);
    page.openSections = page.ended || page.noData ? [] : open;
    if (page.ended || page.noData) this.#open.delete(key);
    else this.#open.set(key, open);
    return page;
  }

  /** Starts an instance from a stored page's open sections (e.g. when replaying a page). */
  seed(page: ParsedPage, open: readonly Heading[]): void {
    this.#open.set(instanceKey(page), [...open]);
  }
}
