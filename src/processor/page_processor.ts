/**
 * The per-page pipeline: parse (the report's strategy; for a report id without one, the
 * generic fallback, which reads the page by its own column headers, or header-only when
 * the page has none) → validate (the strategy's output against the report schema).
 * Section continuation and classification run afterwards, in file order
 * (`section_continuity.ts`).
 *
 * A pure function of the page segment and the registry: no database, no file system, so
 * it can run anywhere (a worker included). Failures are `PageParseError`s naming the file,
 * line and field.
 *
 * Techniques: strategy lookup by report id ("first match wins" on the full id), then the
 * generic strategy (`src/strategies/generic_strategy.ts`, strategy name `generic:<id>`), then a
 * header-only result so no page is ever dropped; zod validation of plugin output.
 *
 * @example
 * ```ts
 * import { processPage } from "./page_processor.ts";
 * import { loadStrategies } from "../strategies/loader.ts";
 * const registry = await loadStrategies();
 * // const parsed = processPage(segment, registry);
 * ```
 *
 * @module
 */

import { PageParseError } from "../models/errors.ts";
import { type ParsedPage, ParsedPageSchema } from "../models/report.ts";
import type { PageSegment } from "../reader/ep747_pages.ts";
import { genericStrategyFor } from "../strategies/generic_strategy.ts";
import { parsePageHeader } from "../strategies/page_header.ts";
import type { StrategyRegistry } from "../strategies/registry.ts";
import { NO_CUTOFF } from "../strategies/section_stack.ts";

/** The strategy name stored for pages no strategy handles. */
export const UNPARSED = "unparsed";

/** Header-only result for a report id without a strategy and without column headers. */
export function unparsedPage(segment: PageSegment): ParsedPage {
  const header = parsePageHeader(segment.lines);
  const text = segment.lines.join("\n");
  return {
    header,
    strategy: UNPARSED,
    parsed: false,
    noData: /\*{3}\s*NO DATA FOR THIS REPORT\s*\*{3}/.test(text),
    ended: /\*{3}\s*END OF\s+VSS-[0-9A-Z-]+\s+REPORT\s*\*{3}/.test(text),
    amounts: [],
    endSections: { cutoff: NO_CUTOFF, local: [] },
    warnings: [`no strategy for ${header.report_id}: stored with header and raw text only`],
  };
}

/** Parses and validates one page. */
export function processPage(segment: PageSegment, registry: StrategyRegistry): ParsedPage {
  const location = { file: segment.file, line: segment.lineStart, lineEnd: segment.lineEnd };
  const reportId = parsePageHeader(segment.lines.slice(0, 1)).report_id;
  if (!reportId) {
    throw new PageParseError("no report id on the REPORT ID: line", {
      ...location,
      field: "report_id",
    });
  }
  const strategy = registry.get(reportId) ?? genericStrategyFor(segment, reportId) ?? undefined;
  let page: ParsedPage;
  try {
    page = strategy ? strategy.parse(segment) : unparsedPage(segment);
  } catch (error) {
    if (error instanceof PageParseError) throw error;
    throw new PageParseError(
      `${strategy?.name ?? UNPARSED} failed: ${(error as Error).message}`,
      location,
      { cause: error },
    );
  }
  const checked = ParsedPageSchema.safeParse(page);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue.path.join(".");
    const amountIndex = issue.path[0] === "amounts" ? Number(issue.path[1]) : NaN;
    const line = Number.isInteger(amountIndex) ? page.amounts[amountIndex]?.line : undefined;
    throw new PageParseError(`invalid ${path}: ${issue.message}`, {
      ...location,
      ...(line ? { line, lineEnd: undefined } : {}),
      field: String(issue.path[issue.path.length - 1] ?? path),
    });
  }
  // The validated copy: only the fields of the schema, so a strategy cannot smuggle
  // anything else (functions, huge objects) through.
  return checked.data;
}
