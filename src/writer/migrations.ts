/**
 * Versioned schema migrations, applied in order, each once, each in its own transaction.
 *
 * Techniques: a `schema_migrations` bookkeeping table; a transaction-scoped advisory lock
 * so two processes migrating at once wait for each other; idempotence (running again
 * applies nothing). Migrations are TypeScript modules exporting `version`, `name` and
 * `sql`, imported statically so they are part of any bundle.
 *
 * @example
 * ```ts
 * import { migrate } from "./migrations.ts";
 * // const applied = await migrate(db.sql); // [1] the first time, [] afterwards
 * ```
 *
 * @module
 */

import type { Sql } from "./database.ts";
import * as initialSchema from "./migrations/001_initial_schema.ts";
import * as reconciliation from "./migrations/002_reconciliation.ts";

/** One migration. */
export interface Migration {
  /** Version number: migrations apply in ascending order, each once. */
  version: number;
  /** Short name, e.g. `initial_schema`. */
  name: string;
  /** The SQL applied, in one transaction. */
  sql: string;
}

/** All migrations, in version order. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, reconciliation];

const LOCK_KEY = 74_704_747;

/** Applies the migrations not yet applied; returns the versions it applied. */
export async function migrate(
  sql: Sql,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`;
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
      const [row] =
        await tx`select 1 as present from schema_migrations where version = ${migration.version}`;
      if (row) return false;
      await tx.unsafe(migration.sql);
      await tx`insert into schema_migrations ${
        tx({ version: migration.version, name: migration.name })
      }`;
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
