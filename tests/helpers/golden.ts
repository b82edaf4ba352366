/**
 * Test helper for the strategy golden tests: reads fixture pages, runs them through the
 * real page pipeline (`processPage` with a registry holding only the strategy under test,
 * then section continuity in file order, as ingest does), and projects each amount line
 * onto the fields a golden test compares.
 *
 * Expected rows are written by hand from the printed text; {@link row} only spreads the
 * hand-written named columns onto the typed columns through a mapping the test states
 * itself (the report's contract), so every field is still compared.
 *
 * @example
 * ```ts
 * import { parseFixture, row, rowsOf } from "./golden.ts";
 * import Vss130Strategy from "../../strategies/vss_130.ts";
 * const [page] = await parseFixture(new Vss130Strategy(), "vss130_example.txt");
 * rowsOf(page); // [{ line, section, label, is_total, columns, row_date, row_ref, count, … }]
 * ```
 *
 * @module
 */

import type { ParsedPage } from "../../src/models/report.ts";
import { processPage } from "../../src/processor/page_processor.ts";
import { SectionContinuity } from "../../src/processor/section_continuity.ts";
import { type PageSegment, readEp747Pages } from "../../src/reader/ep747_pages.ts";
import type { ParsingStrategy } from "../../src/strategies/parsing_strategy.ts";
import { StrategyRegistry } from "../../src/strategies/registry.ts";

/** The folder of the test fixtures. */
export const FIXTURES: URL = new URL("../fixtures/", import.meta.url);

/** The pages of a fixture file, as the reader splits them. */
export async function fixturePages(name: string): Promise<PageSegment[]> {
  const pages: PageSegment[] = [];
  using file = await Deno.open(new URL(name, FIXTURES));
  for await (const page of readEp747Pages(file.readable, { file: name })) pages.push(page);
  return pages;
}

/** The pages of a text, as the reader splits them. */
export async function textPages(text: string, file = "test.txt"): Promise<PageSegment[]> {
  const pages: PageSegment[] = [];
  const bytes = new TextEncoder().encode(text);
  for await (const page of readEp747Pages(ReadableStream.from([bytes]), { file })) {
    pages.push(page);
  }
  return pages;
}

/** The lines of a fixture file (index 0 = line 1). */
export function fixtureLines(name: string): string[] {
  return Deno.readTextFileSync(new URL(name, FIXTURES)).split("\n");
}

/**
 * Parses pages with `strategy` (or the generic fallback when `strategy` is null) through
 * `processPage`, then resolves sections across pages in order.
 */
export function parsePages(
  strategy: ParsingStrategy | null,
  segments: readonly PageSegment[],
): ParsedPage[] {
  const registry = new StrategyRegistry();
  if (strategy) registry.register(strategy);
  const continuity = new SectionContinuity();
  return segments.map((segment) => continuity.resolve(processPage(segment, registry)));
}

/** Reads and parses a fixture file. */
export async function parseFixture(
  strategy: ParsingStrategy | null,
  name: string,
): Promise<ParsedPage[]> {
  return parsePages(strategy, await fixturePages(name));
}

/** The fields of an amount line a golden test compares. */
export interface GoldenRow {
  line: number;
  section: string;
  label: string;
  is_total: boolean;
  columns: Record<string, string>;
  row_date: string | null;
  row_ref: string | null;
  count: string | null;
  credit_amount: string | null;
  debit_amount: string | null;
  total_amount: string | null;
}

/** The amount lines of a parsed page, projected for comparison. */
export function rowsOf(page: ParsedPage): GoldenRow[] {
  return page.amounts.map((a) => ({
    line: a.line,
    section: a.section ?? "(unresolved)",
    label: a.label,
    is_total: a.is_total,
    columns: a.columns,
    row_date: a.row_date,
    row_ref: a.row_ref ?? null,
    count: a.count,
    credit_amount: a.credit_amount,
    debit_amount: a.debit_amount,
    total_amount: a.total_amount,
  }));
}

/** Which named column a report's contract copies into each typed column. */
export type TypedColumns = Partial<
  Record<"count" | "credit_amount" | "debit_amount" | "total_amount", string>
>;

/** Optional parts of an expected row. */
export interface RowExtras {
  row_date?: string | null;
  row_ref?: string | null;
}

/**
 * An expected row: the hand-written named columns, and the typed columns the report's
 * contract (`typed`) fills from them.
 */
export function row(
  typed: TypedColumns,
  line: number,
  section: string,
  label: string,
  isTotal: boolean,
  columns: Record<string, string>,
  extras: RowExtras = {},
): GoldenRow {
  const typedValue = (field: keyof TypedColumns) => {
    const name = typed[field];
    return name !== undefined && name in columns ? columns[name] : null;
  };
  return {
    line,
    section,
    label,
    is_total: isTotal,
    columns,
    row_date: extras.row_date ?? null,
    row_ref: extras.row_ref ?? null,
    count: typedValue("count"),
    credit_amount: typedValue("credit_amount"),
    debit_amount: typedValue("debit_amount"),
    total_amount: typedValue("total_amount"),
  };
}

/**
 * Inserts `width` blanks at 1-based column `at` of lines `from`..`to` (1-based, inclusive)
 * that reach that column: a producer whose columns sit further right.
 */
export function shiftColumns(
  lines: readonly string[],
  from: number,
  to: number,
  at: number,
  width: number,
): string[] {
  return lines.map((line, i) =>
    i + 1 >= from && i + 1 <= to && line.length >= at
      ? line.slice(0, at - 1) + " ".repeat(width) + line.slice(at - 1)
      : line
  );
}
