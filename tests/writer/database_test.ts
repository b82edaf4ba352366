/**
 * Tests for `src/writer/database.ts`: passwords never appear in descriptions or errors,
 * an unreachable server is a `DatabaseUnavailableError` that says what to do, schemas
 * are isolated, the embedded database keeps its data across reopenings, and COPY text is
 * loaded inside the caller's transaction on PGlite too.
 *
 * @module
 */

import assert from "node:assert/strict";
import { DatabaseUnavailableError } from "../../src/models/errors.ts";
import { openDatabase, redactUrl } from "../../src/writer/database.ts";
import { ENGINE, prepareTestDatabase, SERVER_URL } from "../helpers/database.ts";

Deno.test("redactUrl hides the password and keeps the rest", async (t) => {
  const cases: [string, string][] = [
    ["postgres://app:s3cret@db:5432/ledger", "postgres://app:***@db:5432/ledger"],
    ["postgres://app@db/ledger", "postgres://app@db/ledger"],
    ["postgresql://u:p%40ss@h/d?sslmode=require", "postgresql://u:***@h/d?sslmode=require"],
  ];
  for (const [url, expected] of cases) {
    await t.step(url, () => assert.equal(redactUrl(url), expected));
  }
});

Deno.test("an unreachable server is reported without its password", async () => {
  await assert.rejects(
    openDatabase({ url: "postgres://postgres:topsecret@127.0.0.1:1/none" }),
    (error: unknown) => {
      assert.ok(error instanceof DatabaseUnavailableError);
      assert.match(error.message, /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/);
      assert.match(error.message, /Is PostgreSQL running/);
      assert.equal(error.message.includes("topsecret"), false);
      return true;
    },
  );
});

Deno.test("an invalid schema name is refused before connecting", async () => {
  await assert.rejects(
    openDatabase({ url: "postgres://x@127.0.0.1:1/none", schema: "x; drop table y" }),
    DatabaseUnavailableError,
  );
});

Deno.test(`schemas keep tests apart and data survives reopening (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const db = await prepared.open();
    await db.sql`create table kept (v numeric(18, 2))`;
    await db.sql`insert into kept values ('12345678901234.56')`;
    const [path] = await db.sql`select current_schema() as s`;
    assert.match(path.s, /^t_[0-9a-f]{16}$/);
    await db.close();
    const again = await prepared.open();
    const [row] = await again.sql`select v::text from kept`;
    assert.equal(row.v, "12345678901234.56");
    await again.close();
  } finally {
    await prepared.cleanup();
  }
});

Deno.test({
  name: "the embedded database is reached through postgres.js and reports its folder",
  ignore: SERVER_URL !== undefined,
  fn: async () => {
    const prepared = await prepareTestDatabase();
    try {
      const db = await prepared.open();
      assert.equal(db.engine, "pglite");
      assert.match(db.description, /^embedded PGlite \(\/tmp\/finstream-test-/);
      const [row] = await db.sql`select version() as v`;
      assert.match(row.v, /^PostgreSQL/);
      await db.close();
    } finally {
      await prepared.cleanup();
    }
  },
});

Deno.test(`COPY text loads inside the caller's transaction, on either engine (${ENGINE})`, async () => {
  const prepared = await prepareTestDatabase();
  try {
    const db = await prepared.open();
    // A server streams COPY through its connection; PGlite takes it directly.
    assert.equal(typeof db.copyIn, db.engine === "pglite" ? "function" : "undefined");
    if (db.copyIn) {
      const copyIn = db.copyIn;
      await db.sql`create table loaded (n integer, v numeric(18, 2), t text)`;
      const text = new TextEncoder().encode("1\t12345678901234.56\ta\\tb\n2\t-0.01\t\\N\n");
      await assert.rejects(
        db.sql.begin(async (tx) => {
          assert.equal(await copyIn("copy loaded (n, v, t) from stdin", text), 2);
          const [inside] = await tx`select count(*)::int as n from loaded`;
          assert.equal(inside.n, 2);
          throw new Error("roll back");
        }),
        /roll back/,
      );
      const [afterRollback] = await db.sql`select count(*)::int as n from loaded`;
      assert.equal(afterRollback.n, 0, "rolled back with its transaction");
      await db.sql.begin(() => copyIn("copy loaded (n, v, t) from stdin", text));
      const rows = await db.sql`select n, v::text, t from loaded order by n`;
      assert.deepEqual(rows.map((r) => ({ ...r })), [
        { n: 1, v: "12345678901234.56", t: "a\tb" },
        { n: 2, v: "-0.01", t: null },
      ]);
      await assert.rejects(copyIn("copy loaded from '/etc/passwd'", text), TypeError);
      await assert.rejects(
        copyIn("copy loaded (n, v, t) from stdin", text),
        /inside a transaction/,
      );
    }
    await db.close();
  } finally {
    await prepared.cleanup();
  }
});

Deno.test({
  name: "a locked embedded folder is a clear error",
  ignore: SERVER_URL !== undefined,
  fn: async () => {
    const tmp = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-test-" });
    try {
      await Deno.writeTextFile(`${tmp}/not-a-folder`, "x");
      await assert.rejects(
        openDatabase({ dataDir: `${tmp}/not-a-folder/db` }),
        (error: unknown) => {
          assert.ok(error instanceof DatabaseUnavailableError);
          assert.match(error.message, /cannot open the embedded database in .*not-a-folder\/db/);
          return true;
        },
      );
    } finally {
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
