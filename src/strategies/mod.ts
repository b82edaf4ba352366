/**
 * The strategy-authoring API of finstream, published as `@finstream/finstream/strategy`:
 * everything a report strategy plugin needs ({@link ParsingStrategy},
 * {@link ColumnReportStrategy}, {@link ColumnSpec}, {@link registerStrategy}, the page
 * header reader, the value tokens and the error to throw), and nothing else.
 *
 * Plugins import finstream through this entry point, not through the package root: a
 * plugin runs inside a parse worker whose read permission covers the plugin folder and
 * finstream's `src/` folder only. This module lives in `src/` and loads no database
 * driver or other npm package, so the worker can import it; the package root (`mod.ts`)
 * cannot be read there. It also resolves to the very modules the worker itself runs, so a
 * plugin's class really extends the worker's `ParsingStrategy`.
 *
 * @example
 * ```ts
 * import { type ColumnSpec, ColumnReportStrategy, StrategyRegistry } from "./mod.ts";
 *
 * class Vss999Strategy extends ColumnReportStrategy {
 *   readonly reportId = "VSS-999";
 *   readonly columns: readonly ColumnSpec[] = [
 *     { name: "count", kind: "count", rightEdge: 51, field: "count" },
 *     { name: "total_amount", kind: "amount", rightEdge: 77, field: "total_amount" },
 *   ];
 * }
 *
 * const registry = new StrategyRegistry();
 * registry.register(new Vss999Strategy(), { source: "plugin" });
 * console.log(registry.has("VSS-999")); // true
 * ```
 *
 * @module
 */

export {
  type AmountLineInput,
  COLUMN_HEADER_WORDS,
  type LineClass,
  type LineContext,
  type LineValues,
  type PageLayout,
  ParsingStrategy,
} from "./parsing_strategy.ts";
export { ColumnReportStrategy } from "./column_report_strategy.ts";
export { ANCHOR_TOLERANCE, type ColumnSpec } from "./column_layout.ts";
export {
  findValueTokens,
  FIRST_VALUE_COLUMN,
  tokenDecimal,
  type ValueKind,
  type ValueToken,
} from "./value_tokens.ts";
export { parsePageHeader } from "./page_header.ts";
export {
  defaultRegistry,
  type RegisteredStrategy,
  registerStrategy,
  StrategyRegistry,
  type StrategySource,
} from "./registry.ts";
export {
  type ErrorLocation,
  FinstreamError,
  PageParseError,
  type PipelineStep,
} from "../models/errors.ts";
export type { AmountLine, Heading, ParsedPage, ReportHeader } from "../models/report.ts";
export type { PageSegment } from "../reader/ep747_pages.ts";
