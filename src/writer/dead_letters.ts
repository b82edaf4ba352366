/**
 * Reading the dead letter queue: list items (newest first, filterable), show one whole,
 * and mark the outcome of a replay.
 *
 * Techniques: small parameterised queries with postgres.js; dynamic filters composed as
 * SQL fragments; every row returned with its file path so an operator can find the input.
 *
 * @example
 * ```ts
 * import { listDeadLetters } from "./dead_letters.ts";
 * // const items = await listDeadLetters(db.sql, { limit: 20, pending: true });
 * ```
 *
 * @module
 */

import type { Sql } from "postgres";

/** One `dead_letters` row. */
export interface DeadLetterRow {
  id: number;
  file_id: number | null;
  file_path: string;
  location: string;
  position: number | null;
  line_start: number | null;
  line_end: number | null;
  record_index: number | null;
  stage: string;
  error_code: string;
  error: string;
  field: string | null;
  raw: string;
  attempts: number;
  created_at: string;
  updated_at: string;
  replayed_at: string | null;
}

/** Filters for {@link listDeadLetters}. */
export interface DeadLetterFilter {
  /** Only items not replayed yet. @default false */
  pending?: boolean;
  /** Only this stage (`parse`, `validate`, …). */
  stage?: string;
  /** Only files whose path contains this text. */
  file?: string;
  /** At most this many. @default 50 */
  limit?: number;
}

const COLUMNS = `id::int as id, file_id::int as file_id, file_path, location, position,
  line_start, line_end, record_index, stage, error_code, error, field, raw, attempts,
  created_at::text as created_at, updated_at::text as updated_at, replayed_at::text as replayed_at`;

/** Dead letters, newest first. */
export async function listDeadLetters(
  sql: Sql,
  filter: DeadLetterFilter = {},
): Promise<DeadLetterRow[]> {
  const rows = await sql.unsafe(
    `select ${COLUMNS} from dead_letters
     where ($1::boolean is not true or replayed_at is null)
       and ($2::text is null or stage = $2)
       and ($3::text is null or strpos(file_path, $3) > 0)
     order by id desc limit $4`,
    [filter.pending ?? false, filter.stage ?? null, filter.file ?? null, filter.limit ?? 50],
  );
  return rows as unknown as DeadLetterRow[];
}

/** Dead letters by id (missing ids are absent from the result). */
export async function getDeadLetters(sql: Sql, ids: readonly number[]): Promise<DeadLetterRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql.unsafe(
    `select ${COLUMNS} from dead_letters where id = any($1::bigint[]) order by id`,
    [ids as number[]],
  );
  return rows as unknown as DeadLetterRow[];
}

/** Ids of every dead letter not replayed yet. */
export async function pendingDeadLetterIds(sql: Sql): Promise<number[]> {
  const rows =
    await sql`select id::int as id from dead_letters where replayed_at is null order by id`;
  return rows.map((r) => r.id as number);
}

/** Marks an item replayed (stored at last). */
export async function markReplayed(sql: Sql, id: number): Promise<void> {
  await sql`update dead_letters set replayed_at = now(), updated_at = now() where id = ${id}`;
}

/** Records a failed replay: one more attempt, the new reason. */
export async function markReplayFailed(sql: Sql, id: number, error: string): Promise<void> {
  await sql`
    update dead_letters set attempts = attempts + 1, error = ${error}, updated_at = now()
    where id = ${id}`;
}
