/**
 * Replays dead letters: runs each item's stored raw content through the current
 * strategies and validation again (e.g. after a new strategy plugin is installed or a
 * parser fixed) and stores what now passes, in its original place (same file, page
 * position or record index), so nothing is ever duplicated. A replayed item is marked
 * (`replayed_at`); one that fails again gets one more attempt and its new reason.
 *
 * Techniques: the same jobs and runners as `ingest` (pages and records go through the
 * permission-scoped workers, or in-process with a given registry); a replayed page
 * continues the sections left open by the stored page before it (`reports.open_sections`);
 * the writer's natural-key conflicts make a second replay a no-op.
 *
 * @example
 * ```ts
 * import { replayDeadLetters } from "./replay.ts";
 * // const results = await replayDeadLetters({ db, all: true });
 * ```
 *
 * @module
 */

import type { Heading } from "../models/report.ts";
import { SectionContinuity } from "../processor/section_continuity.ts";
import type { StrategyRegistry } from "../strategies/registry.ts";
import { encodeWindows1252 } from "../utils/windows1252.ts";
import { getLog } from "../utils/logging.ts";
import { pluginDirUrl, strategyModuleSpecifier } from "../utils/plugin_paths.ts";
import {
  type DeadLetterRow,
  getDeadLetters,
  markReplayed,
  markReplayFailed,
  pendingDeadLetterIds,
} from "../writer/dead_letters.ts";
import type { Database } from "../writer/database.ts";
import { LedgerWriter, type TransactionInsert } from "../writer/ledger_writer.ts";
import { TRANSACTION_COLUMNS } from "../writer/copy_format.ts";
import { pageRawText, restoreLineText, runJob } from "./job_runner.ts";
import type { Job, JobResult, PageJob, RecordJob } from "./work_protocol.ts";
import { WorkerPool } from "./worker_pool.ts";

/** Options for {@link replayDeadLetters}. */
export interface ReplayOptions {
  /** The database holding the dead letters (migrated). */
  db: Database;
  /** Items to replay. */
  ids?: number[];
  /** Replay every item not replayed yet. */
  all?: boolean;
  /** Strategies, in-process; without it the built-in (and plugin) strategies run in workers. */
  registry?: StrategyRegistry;
  /** Plugin strategy folders (paths or file URLs) for the workers. */
  pluginDirs?: string[];
  /** Single strategy modules (paths, file URLs or specifiers) for the workers. */
  strategyModules?: string[];
}

/** What happened to one item. */
export interface ReplayResult {
  /** The dead letter's id. */
  id: number;
  /** What happened to it. */
  outcome:
    | "stored"
    | "already-stored"
    | "failed"
    | "not-replayable"
    | "already-replayed"
    | "not-found";
  /** Why it failed or was not replayable. */
  message?: string;
}

const encoder = new TextEncoder();

/** Replays dead letters; see the module documentation. */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult[]> {
  const { sql } = options.db;
  const log = getLog("replay");
  const ids = options.all ? await pendingDeadLetterIds(sql) : options.ids ?? [];
  const items = await getDeadLetters(sql, ids);
  const found = new Set(items.map((i) => i.id));
  const results: ReplayResult[] = ids.filter((id) => !found.has(id)).map((id) => ({
    id,
    outcome: "not-found",
  }));
  if (items.length === 0) return results;
  const registry = options.registry;
  const pool = registry ? null : await WorkerPool.start({
    size: 1,
    strategyDirs: (options.pluginDirs ?? []).map(pluginDirUrl),
    strategyModules: (options.strategyModules ?? []).map(strategyModuleSpecifier),
  });
  const run = (job: Job): Promise<JobResult> =>
    pool ? pool.run(job) : Promise.resolve(runJob(job, registry!));
  const writer = new LedgerWriter(sql);
  const touchedFiles = new Set<number>();
  try {
    for (const item of items) {
      const result = await replayOne(item, run, writer, options.db);
      results.push(result);
      if (item.file_id !== null) touchedFiles.add(item.file_id);
      log.info("dead letter {id}: {outcome}", { ...result, file: item.file_path });
    }
    for (const fileId of touchedFiles) await writer.refreshFile(fileId);
  } finally {
    pool?.close();
  }
  return results.sort((a, b) => a.id - b.id);
}

async function replayOne(
  item: DeadLetterRow,
  run: (job: Job) => Promise<JobResult>,
  writer: LedgerWriter,
  db: Database,
): Promise<ReplayResult> {
  if (item.replayed_at) return { id: item.id, outcome: "already-replayed" };
  if (item.file_id === null) {
    return { id: item.id, outcome: "not-replayable", message: "its file is not recorded" };
  }
  if (item.position !== null && item.line_start !== null && item.line_end !== null) {
    return await replayPage(item, run, writer, db);
  }
  if (item.record_index !== null) return await replayRecord(item, run, writer, db);
  return {
    id: item.id,
    outcome: "not-replayable",
    message: `a ${item.stage} failure of the file, not a page or record`,
  };
}

async function replayPage(
  item: DeadLetterRow,
  run: (job: Job) => Promise<JobResult>,
  writer: LedgerWriter,
  db: Database,
): Promise<ReplayResult> {
  const bytes = encodeWindows1252(item.raw.endsWith("\n") ? item.raw : item.raw + "\n");
  const job: PageJob = {
    type: "pages",
    id: 0,
    file: item.file_path,
    buffer: bytes.buffer as ArrayBuffer,
    pages: [{
      kind: "page",
      position: item.position!,
      lineStart: item.line_start!,
      lineEnd: item.line_end!,
      offset: 0,
      length: bytes.length,
    }],
  };
  // Read before the run: a worker takes the job's buffer.
  const raw = pageRawText(bytes, { ...job.pages[0] }, item.file_path);
  const result = await run(job);
  const outcome = result.type === "pages" ? result.outcomes[0] : undefined;
  if (!outcome || !outcome.ok) {
    const message = outcome && !outcome.ok ? outcome.error.message : "no result";
    await markReplayFailed(db.sql, item.id, message);
    return { id: item.id, outcome: "failed", message };
  }
  const continuity = new SectionContinuity();
  const [previous] = await db.sql`
    select open_sections from reports
    where file_id = ${item.file_id} and position < ${item.position}
      and report_id = ${outcome.page!.header.report_id}
      and reporting_for_id is not distinct from ${outcome.page!.header.reporting_for_id}
      and not ended
    order by position desc limit 1`;
  if (previous) continuity.seed(outcome.page!, previous.open_sections as Heading[]);
  const page = continuity.resolve(outcome.page!);
  const segment = {
    kind: "page" as const,
    file: item.file_path,
    position: item.position!,
    lineStart: item.line_start!,
    lineEnd: item.line_end!,
    lines: [],
  };
  restoreLineText(page, raw, item.line_start!);
  const stored = await writer.writePage(item.file_id!, segment, page, raw);
  await markReplayed(db.sql, item.id);
  return { id: item.id, outcome: stored ? "stored" : "already-stored" };
}

async function replayRecord(
  item: DeadLetterRow,
  run: (job: Job) => Promise<JobResult>,
  writer: LedgerWriter,
  db: Database,
): Promise<ReplayResult> {
  const bytes = encoder.encode(item.raw);
  const job: RecordJob = {
    type: "records",
    id: 0,
    file: item.file_path,
    buffer: bytes.buffer as ArrayBuffer,
    offsets: [0, bytes.length],
    indexes: [item.record_index!],
    lines: [item.line_start ?? 0],
    format: "values",
  };
  const result = await run(job);
  if (result.type !== "records" || result.rejected.length > 0 || !result.values?.length) {
    const message = result.type === "records" && result.rejected[0]
      ? result.rejected[0].error.message
      : "no result";
    await markReplayFailed(db.sql, item.id, message);
    return { id: item.id, outcome: "failed", message };
  }
  const row: Record<string, unknown> = {};
  TRANSACTION_COLUMNS.forEach((column, i) => {
    const value = result.values![0][i];
    row[column] = column === "extra" && value !== null ? JSON.parse(value) : value;
  });
  row.record_index = item.record_index;
  const stored = await writer.writeTransactions(item.file_id!, [row as TransactionInsert]);
  await markReplayed(db.sql, item.id);
  return { id: item.id, outcome: stored > 0 ? "stored" : "already-stored" };
}
