/**
 * Tests for `src/writer/migrations.ts`: the schema is created once, re-running applies
 * nothing, and the contract tables and key columns exist with the right types.
 *
 * @module
 */

import assert from "node:assert/strict";
import { migrate, MIGRATIONS } from "../../src/writer/migrations.ts";
import { ENGINE, withTestDatabase } from "../helpers/database.ts";

Deno.test(`migrate applies every migration once (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    assert.deepEqual(await migrate(db.sql), MIGRATIONS.map((m) => m.version));
    assert.deepEqual(await migrate(db.sql), []);
    const [row] = await db.sql`select count(*)::int as n from schema_migrations`;
    assert.deepEqual(row.n, MIGRATIONS.length);
  }, { migrate: false });
});

Deno.test(`schema has the contract tables and exact column types (${ENGINE})`, async () => {
  await withTestDatabase(async ({ db }) => {
    const rows = await db.sql`
      select table_name, column_name, data_type, numeric_precision, numeric_scale
      from information_schema.columns
      where table_schema = current_schema()`;
    const column = (table: string, name: string) =>
      rows.find((r) => r.table_name === table && r.column_name === name);
    for (const table of ["ingest_files", "reports", "amounts", "transactions", "dead_letters"]) {
      assert.deepEqual(rows.some((r) => r.table_name === table), true, `table ${table}`);
    }
    const numeric = (table: string, name: string, precision: number, scale: number) => {
      const c = column(table, name);
      assert.deepEqual(
        [c?.data_type, c?.numeric_precision, c?.numeric_scale],
        ["numeric", precision, scale],
        `${table}.${name}`,
      );
    };
    numeric("amounts", "total_amount", 20, 2);
    numeric("amounts", "count", 20, 0);
    numeric("transactions", "purchase_value", 18, 2);
    numeric("transactions", "issuer_exchange_rate", 18, 6);
    numeric("transactions", "clearing_commission", 18, 6);
    assert.deepEqual(column("reports", "proc_date")?.data_type, "date");
    assert.deepEqual(column("transactions", "local_date")?.data_type, "date");
    assert.deepEqual(column("amounts", "columns")?.data_type, "jsonb");
  });
});
