/**
 * finstream: Visa EP747 settlement reports and clearing JSON files into a PostgreSQL
 * ledger, exactly (money as NUMERIC, never a float), with nothing lost (what cannot be
 * stored goes to `dead_letters` with its reason).
 *
 * This module only re-exports the public API: opening a database (a PostgreSQL server,
 * or embedded PGlite when no URL is given), migrating it, ingesting files, and the
 * building blocks for writing report strategies (`ParsingStrategy`,
 * `ColumnReportStrategy`, `registerStrategy`), and the reconciliation of report totals against
 * clearing transactions (`reconcile`, its rule table and renderers).
 *
 * @example
 * ```ts
 * import { ingest, migrate, openDatabase } from "./mod.ts";
 *
 * const db = await openDatabase(); // embedded PGlite in .finstream/db
 * await migrate(db.sql);
 * const summary = await ingest(["data/samples"], { db });
 * console.log(summary.totals.stored, "stored,", summary.totals.deadLettered, "dead-lettered");
 * await db.close();
 * ```
 *
 * @module
 */

export {
  type FileSummary,
  ingest,
  type IngestOptions,
  type RunSummary,
} from "./src/orchestrator/ingest.ts";
export { type ProgressSnapshot, ProgressTracker } from "./src/orchestrator/progress.ts";
export type { RetryOptions } from "./src/processor/retry.ts";
export {
  EXIT_DEAD_LETTERS,
  EXIT_ERROR,
  EXIT_OK,
  exitCodeFor,
  summaryJson,
  summaryText,
} from "./src/orchestrator/run_summary.ts";
export {
  type Database,
  type DatabaseOptions,
  DEFAULT_DATA_DIR,
  openDatabase,
  type Sql,
} from "./src/writer/database.ts";
export { migrate, type Migration, MIGRATIONS } from "./src/writer/migrations.ts";
export {
  type PageSegment,
  readEp747Pages,
  type ReadPagesOptions,
} from "./src/reader/ep747_pages.ts";
export {
  readJsonRecords,
  type ReadJsonRecordsOptions,
  type RecordSegment,
} from "./src/reader/json_records.ts";
export type { ByteSource } from "./src/reader/file_chunks.ts";
export { detectFileKind, type InputKind } from "./src/reader/file_kind.ts";
export {
  type AmountLineInput,
  type LineClass,
  type LineContext,
  type LineValues,
  type PageLayout,
  ParsingStrategy,
} from "./src/strategies/parsing_strategy.ts";
export { GenericStrategy, genericStrategyFor } from "./src/strategies/generic_strategy.ts";
export { ColumnReportStrategy } from "./src/strategies/column_report_strategy.ts";
export type { ColumnSpec } from "./src/strategies/column_layout.ts";
export type { ValueKind, ValueToken } from "./src/strategies/value_tokens.ts";
export { parsePageHeader } from "./src/strategies/page_header.ts";
export {
  defaultRegistry,
  type RegisteredStrategy,
  registerStrategy,
  StrategyRegistry,
  type StrategySource,
} from "./src/strategies/registry.ts";
export {
  loadStrategies,
  type LoadStrategiesOptions,
  reportIdFromFilename,
} from "./src/strategies/loader.ts";
export { processPage } from "./src/processor/page_processor.ts";
export { type ClassifiedTransaction, processRecord } from "./src/processor/record_processor.ts";
export {
  classifyAmountLine,
  REPORT_CLASS_RULES,
  TRANSACTION_CLASSES,
  type TransactionClass,
} from "./src/processor/report_class.ts";
export {
  type ClassifiedFields,
  classifyTransaction,
  TRANSACTION_TYPE_RULES,
  TRANSACTION_TYPES,
  type TransactionType,
  type TransactionTypeRule,
} from "./src/processor/transaction_type.ts";
export {
  type Config,
  type ConfigFlags,
  ENV_VARS,
  type EnvSource,
  type LogLevel,
  resolveConfig,
} from "./src/utils/config.ts";
export { parseAmount, parseCount } from "./src/utils/decimal.ts";
export { maskCardNumbersInText, maskPan } from "./src/utils/pan_mask.ts";
export type { AmountLine, Heading, ParsedPage, ReportHeader } from "./src/models/report.ts";
export {
  CLEARING_FIELDS,
  type ClearingField,
  type ClearingRecord,
  type FieldOutput,
  type TransactionRow,
} from "./src/models/transaction.ts";
export * from "./src/models/errors.ts";
export * from "./src/reconcile/mod.ts";
export {
  replayDeadLetters,
  type ReplayOptions,
  type ReplayResult,
} from "./src/orchestrator/replay.ts";
export { generate, type GenerateOptions, type GenerateResult } from "./src/generator/generate.ts";
export type { Scale } from "./src/generator/catalog.ts";
export type { Ep747Stats } from "./src/generator/ep747_writer.ts";
export type { ClassTotals, CurrencyTotals, SettlementFigures } from "./src/generator/summary.ts";
