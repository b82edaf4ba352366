/**
 * Writes the ledger: file bookkeeping (`ingest_files`), one transaction per EP747 page
 * (its `reports` row and all its `amounts`), one per batch of clearing records
 * (`transactions` plus the batch's dead letters), and `dead_letters`.
 *
 * Techniques: postgres.js tagged multi-row inserts (`sql(rows, columns)`), chunked under
 * PostgreSQL's 65,535-parameter limit; `COPY … FROM STDIN` into a session-temporary
 * staging table followed by one `insert … select … on conflict do nothing`, for bulk
 * clearing rows at COPY speed while staying idempotent; `on conflict do nothing` on natural keys (file and
 * page position, file and record index) so an interrupted run can be re-run and stores
 * each page and record exactly once; a section is atomic (`sql.begin`). Values arrive as
 * exact text and PostgreSQL casts them to NUMERIC and DATE.
 *
 * @example
 * ```ts
 * import { LedgerWriter } from "./ledger_writer.ts";
 * // const writer = new LedgerWriter(db.sql);
 * // const file = await writer.beginFile({ path, kind: "ep747", size, sha256 });
 * ```
 *
 * @module
 */

import type { Sql, TransactionSql } from "postgres";
import { TRANSACTION_COLUMNS } from "./copy_format.ts";
import type { ParsedPage } from "../models/report.ts";
import type { PageSegment } from "../reader/ep747_pages.ts";

/** The kinds of input file. */
export type FileKind = "ep747" | "clearing";

/** An input file about to be ingested. */
export interface FileInfo {
  path: string;
  kind: FileKind;
  size: number;
  sha256: string;
}

/** What the database already knows of a file. */
export interface FileRecord {
  id: number;
  /** `new`: first time; `resume`: an earlier run did not finish; `done`: already stored. */
  state: "new" | "resume" | "done";
  finishedAt: string | null;
}

/** One item for `dead_letters`. */
export interface DeadLetter {
  fileId: number | null;
  filePath: string;
  /** Human-readable place: `lines 12-40` or `record 17`. */
  location: string;
  lineStart?: number;
  lineEnd?: number;
  recordIndex?: number;
  /** Page position in the file, for pages (so a replay stores the page in its place). */
  position?: number;
  stage: "read" | "split" | "parse" | "validate" | "classify" | "write";
  errorCode: string;
  error: string;
  field?: string;
  /** The raw content, with card numbers already masked. */
  raw: string;
}

/** A clearing record ready to store: its fields plus the bookkeeping columns. */
export type TransactionInsert = Record<string, unknown> & {
  record_index: number;
  transaction_type: string;
};

/** What the database holds for a file. */
export interface StoredCounts {
  /** Rows in `reports` (pages stored, parsed or not). */
  pages: number;
  /** Rows in `transactions`. */
  records: number;
  /** Stored pages that no strategy parsed. */
  unparsed: number;
  /** Rows in `dead_letters` not replayed yet. */
  deadLettered: number;
}

const MAX_PARAMETERS = 65_000;

const AMOUNT_COLUMNS = [
  "report_pk",
  "line_no",
  "section",
  "label",
  "is_total",
  "row_date",
  "row_ref",
  "count",
  "credit_amount",
  "debit_amount",
  "total_amount",
  "columns",
  "transaction_class",
  "raw_line",
] as const;

function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}

function deadLetterRow(item: DeadLetter) {
  return {
    file_id: item.fileId,
    file_path: item.filePath,
    location: item.location,
    position: item.position ?? null,
    line_start: item.lineStart ?? null,
    line_end: item.lineEnd ?? null,
    record_index: item.recordIndex ?? null,
    stage: item.stage,
    error_code: item.errorCode,
    error: item.error,
    field: item.field ?? null,
    raw: item.raw,
  };
}

/** Loads COPY text into the current transaction some other way than through the client. */
export type CopyIn = (statement: string, bytes: Uint8Array) => Promise<number>;

/** Options for {@link LedgerWriter}. */
export interface LedgerWriterOptions {
  /** How COPY text is loaded when the connection cannot stream it (PGlite). */
  copyIn?: CopyIn;
}

/** Streams `bytes` into a `COPY … FROM STDIN` statement; returns the rows it loaded. */
async function streamCopy(tx: TransactionSql, statement: string, bytes: Uint8Array) {
  const query = tx.unsafe(statement);
  const stream = await query.writable();
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
    stream.end(bytes);
  });
  const result = await query;
  return result.count;
}

/** Writes pages, records and dead letters, each section in its own transaction. */
export class LedgerWriter {
  readonly #copyIn?: CopyIn;

  constructor(readonly sql: Sql, options: LedgerWriterOptions = {}) {
    this.#copyIn = options.copyIn;
  }

  #copyInto(tx: TransactionSql, statement: string, bytes: Uint8Array): Promise<number> {
    return this.#copyIn ? this.#copyIn(statement, bytes) : streamCopy(tx, statement, bytes);
  }

  /** Registers a file, or finds it again by its sha256. */
  async beginFile(file: FileInfo): Promise<FileRecord> {
    const sql = this.sql;
    const [inserted] = await sql`
      insert into ingest_files ${
      sql({
        path: file.path,
        kind: file.kind,
        size_bytes: file.size,
        sha256: file.sha256,
        status: "running",
      })
    }
      on conflict (sha256) do nothing
      returning id`;
    if (inserted) return { id: Number(inserted.id), state: "new", finishedAt: null };
    const [existing] = await sql`
      select id, status, finished_at::text as finished_at from ingest_files where sha256 = ${file.sha256}`;
    const done = existing.status === "completed" || existing.status === "completed_with_errors";
    if (!done) {
      await sql`update ingest_files set status = 'running', path = ${file.path} where id = ${existing.id}`;
    }
    return {
      id: Number(existing.id),
      state: done ? "done" : "resume",
      finishedAt: existing.finished_at,
    };
  }

  /**
   * Stores one page and its amount lines atomically. Returns false when the page was
   * already stored (a re-run after an interruption).
   *
   * One statement, so one round trip and one message: the report row is inserted in a
   * data-modifying `with` and its amount lines from a JSON array (`jsonb_to_recordset`, in
   * order; money as JSON strings, read by `numeric`'s own input, so exact). A statement is
   * its own transaction: all of the page is stored or none of it.
   */
  async writePage(fileId: number, segment: PageSegment, page: ParsedPage, raw: string) {
    const sql = this.sql;
    const h = page.header;
    const amounts = page.amounts.map((a) => ({
      line_no: a.line,
      section: a.section ?? "",
      label: a.label,
      is_total: a.is_total,
      row_date: a.row_date,
      row_ref: a.row_ref ?? null,
      count: a.count,
      credit_amount: a.credit_amount,
      debit_amount: a.debit_amount,
      total_amount: a.total_amount,
      columns: a.columns,
      transaction_class: a.transaction_class ?? null,
      raw_line: a.raw,
    }));
    const [stored] = await sql`
      with report as (
        insert into reports ${
      sql({
        file_id: fileId,
        position: segment.position,
        line_start: segment.lineStart,
        line_end: segment.lineEnd,
        report_id: h.report_id,
        parsed: page.parsed,
        strategy: page.strategy,
        reporting_for: h.reporting_for,
        reporting_for_id: h.reporting_for_id,
        page: h.page,
        proc_date: h.proc_date,
        rollup_to: h.rollup_to,
        rollup_to_id: h.rollup_to_id,
        report_date: h.report_date,
        funds_xfer_entity: h.funds_xfer_entity,
        funds_xfer_entity_id: h.funds_xfer_entity_id,
        settlement_currency: h.settlement_currency,
        clearing_currency: h.clearing_currency,
        summary: sql.json(h.summary),
        no_data: page.noData,
        ended: page.ended,
        warnings: sql.json(page.warnings),
        open_sections: sql.json(page.openSections ?? []),
        raw,
      })
    }
        on conflict (file_id, position) do nothing
        returning id
      ), lines as (
        insert into amounts (${sql(AMOUNT_COLUMNS)})
        select report.id, a.line_no, a.section, a.label, a.is_total, a.row_date, a.row_ref,
          a.count, a.credit_amount, a.debit_amount, a.total_amount, a.columns,
          a.transaction_class, a.raw_line
        from report,
          rows from (jsonb_to_recordset(${sql.json(amounts)}::jsonb) as (
            line_no integer, section text, label text, is_total boolean, row_date date,
            row_ref text, count numeric, credit_amount numeric, debit_amount numeric,
            total_amount numeric, columns jsonb, transaction_class text, raw_line text
          )) with ordinality as a
        order by a.ordinality
      )
      select (select id from report) as id`;
    return stored.id !== null;
  }

  /**
   * Stores a batch of clearing records and the batch's invalid records atomically.
   * Returns how many records were new (already-stored ones are skipped).
   */
  async writeTransactions(
    fileId: number,
    rows: readonly TransactionInsert[],
    deadLetters: readonly DeadLetter[] = [],
  ): Promise<number> {
    return await this.sql.begin(async (tx) => {
      let stored = 0;
      if (rows.length > 0) {
        const columns = Object.keys(rows[0]).concat("file_id");
        const values: Record<string, unknown>[] = rows.map((row) => ({
          ...row,
          extra: row.extra == null ? null : tx.json(row.extra as Record<string, string>),
          file_id: fileId,
        }));
        for (const chunk of chunks(values, columns.length)) {
          const result = await tx`
            insert into transactions ${tx(chunk as Record<string, never>[], ...columns)}
            on conflict (file_id, record_index) do nothing`;
          stored += result.count;
        }
      }
      await this.#insertDeadLetters(tx, deadLetters);
      return stored;
    });
  }

  /**
   * Stores clearing rows given as COPY text (columns `TRANSACTION_COLUMNS`) and the batch's
   * dead letters atomically; returns how many records were new. `direct` copies straight
   * into `transactions` (for a file seen for the first time: no row can conflict); otherwise
   * the rows go through a session-temporary staging table and `on conflict do nothing`, so a
   * resumed file never stores a record twice.
   */
  async copyTransactions(
    fileId: number,
    copyText: Uint8Array,
    deadLetters: readonly DeadLetter[] = [],
    options: { direct?: boolean } = {},
  ): Promise<number> {
    const columns = TRANSACTION_COLUMNS.join(", ");
    return await this.sql.begin(async (tx) => {
      let stored = 0;
      if (copyText.length > 0) {
        if (options.direct) {
          await tx`select set_config('finstream.file_id', ${String(fileId)}, true)`;
          stored = await this.#copyInto(tx, `copy transactions (${columns}) from stdin`, copyText);
        } else {
          await tx.unsafe(
            `create temp table if not exists transactions_stage on commit delete rows as
             select ${columns} from transactions with no data`,
          );
          await this.#copyInto(tx, `copy transactions_stage (${columns}) from stdin`, copyText);
          const result = await tx.unsafe(
            `insert into transactions (file_id, ${columns})
             select $1, ${columns} from transactions_stage
             on conflict (file_id, record_index) do nothing`,
            [fileId],
          );
          stored = result.count;
        }
      }
      await this.#insertDeadLetters(tx, deadLetters);
      return stored;
    });
  }

  /** Stores dead letters (a repeated location counts one more attempt instead). */
  async writeDeadLetters(items: readonly DeadLetter[]): Promise<void> {
    if (items.length === 0) return;
    await this.sql.begin((tx) => this.#insertDeadLetters(tx, items));
  }

  async #insertDeadLetters(tx: TransactionSql, items: readonly DeadLetter[]) {
    for (const chunk of chunks(items.map(deadLetterRow), 12)) {
      await tx`
        insert into dead_letters ${tx(chunk)}
        on conflict (file_id, location) do update set
          attempts = dead_letters.attempts + 1,
          error = excluded.error,
          error_code = excluded.error_code,
          stage = excluded.stage,
          updated_at = now()`;
    }
  }

  /** Counts what is stored for a file: report pages, transactions, dead letters. */
  async countFile(fileId: number): Promise<StoredCounts> {
    const [row] = await this.sql`
      select
        (select count(*) from reports where file_id = ${fileId})::int as pages,
        (select count(*) from reports where file_id = ${fileId} and not parsed)::int as unparsed,
        (select count(*) from transactions where file_id = ${fileId})::int as records,
        (select count(*) from dead_letters
          where file_id = ${fileId} and replayed_at is null)::int as dead_lettered`;
    return {
      pages: row.pages,
      records: row.records,
      unparsed: row.unparsed,
      deadLettered: row.dead_lettered,
    };
  }

  /**
   * Marks a file finished: `read` is what the run read of it (pages or records); the
   * stored counts come from the database, so they are right after a resumed run too.
   */
  async finishFile(
    fileId: number,
    status: "completed" | "completed_with_errors" | "failed",
    read: { pages: number; records: number },
  ): Promise<StoredCounts> {
    const counts = await this.countFile(fileId);
    await this.sql`
      update ingest_files set
        status = ${status},
        finished_at = now(),
        pages = ${read.pages},
        records = ${read.records},
        stored = ${counts.pages + counts.records},
        unparsed = ${counts.unparsed},
        dead_lettered = ${counts.deadLettered}
      where id = ${fileId}`;
    return counts;
  }

  /**
   * Recounts a finished file after its dead letters were replayed; it becomes `completed`
   * once none is left.
   */
  async refreshFile(fileId: number): Promise<StoredCounts> {
    const counts = await this.countFile(fileId);
    await this.sql`
      update ingest_files set
        stored = ${counts.pages + counts.records},
        unparsed = ${counts.unparsed},
        dead_lettered = ${counts.deadLettered},
        status = case when ${counts.deadLettered}::int = 0 then 'completed'
                      else 'completed_with_errors' end
      where id = ${fileId} and status <> 'running'`;
    return counts;
  }
}
