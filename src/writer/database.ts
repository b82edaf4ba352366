/**
 * Opens the database finstream writes to: a PostgreSQL server through postgres.js when a
 * URL is given, otherwise an embedded PGlite database kept in a folder — reached through
 * the same postgres.js client over a loopback socket, so there is one writer, one schema
 * and one set of tests for both.
 *
 * Techniques: `@electric-sql/pglite-socket` serves PGlite on an ephemeral 127.0.0.1 port;
 * postgres.js with `max: 1` for it (PGlite is single-connection); COPY input handed to
 * PGlite directly (`/dev/blob`), since its socket does not stream COPY; an optional schema
 * selected through `search_path`; a first `select 1` so an unreachable server is reported
 * at once, with a message that says what to do and never shows a password.
 *
 * @example
 * ```ts
 * import { openDatabase } from "./database.ts";
 * const db = await openDatabase({ dataDir: ".finstream/db" });
 * await db.sql`select 1`;
 * await db.close();
 * ```
 *
 * @module
 */

import postgres, { type Sql as PostgresSql } from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { DatabaseUnavailableError } from "../models/errors.ts";

/** The postgres.js client type (`Sql` of the `postgres` package): a tagged template for SQL. */
export type Sql = PostgresSql;

/** How to reach the database. */
export interface DatabaseOptions {
  /** A `postgres://` URL. Without it, the embedded PGlite database is used. */
  url?: string;
  /** Folder of the embedded database. @default ".finstream/db" */
  dataDir?: string;
  /** Schema to use (created if missing). @default "public" */
  schema?: string;
  /**
   * Connections in the pool (server mode only). The default is what `ingest` writes at once:
   * two files, each with up to four pages in flight. @default 8
   */
  maxConnections?: number;
}

/** An open database. */
export interface Database {
  /** The postgres.js client. */
  sql: Sql;
  /** Which engine is behind it. */
  engine: "postgres" | "pglite";
  /** A printable description, without secrets. */
  description: string;
  /**
   * Loads COPY text with a `copy … from stdin` statement in the session's current
   * transaction, for an engine whose connection cannot stream COPY (PGlite: through its own
   * `/dev/blob` input); returns the rows loaded. Absent: COPY streams through `sql`.
   */
  copyIn?: (statement: string, bytes: Uint8Array) => Promise<number>;
  /** Closes the client (and the embedded server, if any). */
  close(): Promise<void>;
}

/** The default folder of the embedded database. */
export const DEFAULT_DATA_DIR = ".finstream/db";

/** Replaces the password of a connection URL with `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

function noticeSink() {}

/** Opens the database described by `options` and checks that it answers. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const schema = options.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) {
    throw new DatabaseUnavailableError(`invalid schema name "${schema}" (use a-z, 0-9, _)`);
  }
  const connection: Record<string, string> = schema === "public" ? {} : { search_path: schema };
  const db = options.url
    ? openServer(options.url, options.maxConnections ?? 8, connection)
    : await openEmbedded(options.dataDir ?? DEFAULT_DATA_DIR, connection);
  try {
    if (schema !== "public") {
      await db.sql.unsafe(`create schema if not exists "${schema}"`);
      // PGlite is one backend session for every socket connection and ignores startup
      // parameters, so the schema is selected once for the session.
      if (db.engine === "pglite") await db.sql.unsafe(`set search_path to "${schema}"`);
    }
    await db.sql`select 1`;
  } catch (error) {
    await db.close().catch(() => {});
    throw new DatabaseUnavailableError(
      `cannot use database ${db.description}: ${(error as Error).message}. ` +
        (options.url
          ? "Is PostgreSQL running and is DATABASE_URL (or --database-url) right?"
          : "Is the folder writable and not used by another finstream process?"),
      { cause: error },
    );
  }
  return db;
}

function openServer(url: string, max: number, connection: Record<string, string>): Database {
  const sql = postgres(url, { max, onnotice: noticeSink, connection, connect_timeout: 10 });
  return {
    sql,
    engine: "postgres",
    description: redactUrl(url),
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openEmbedded(
  dataDir: string,
  connection: Record<string, string>,
): Promise<Database> {
  let pglite: PGlite;
  try {
    await Deno.mkdir(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot open the embedded database in ${dataDir}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  const sql = postgres({
    host: "127.0.0.1",
    port,
    user: "postgres",
    database: "postgres",
    max: 1,
    onnotice: noticeSink,
    connection,
  });
  return {
    sql,
    engine: "pglite",
    description: `embedded PGlite (${dataDir})`,
    // PGlite is a single session: a statement run on it directly, while the socket client
    // waits inside a transaction, runs in that transaction.
    copyIn: async (statement, bytes) => {
      const fromBlob = statement.replace(/\bfrom\s+stdin\s*$/i, "from '/dev/blob'");
      if (fromBlob === statement) throw new TypeError(`not a COPY … FROM STDIN: ${statement}`);
      // Outside a transaction it would commit on its own, apart from the batch it belongs to.
      if (!pglite.isInTransaction()) throw new TypeError("copyIn must run inside a transaction");
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const result = await pglite.query(fromBlob, [], { blob });
      return result.affectedRows ?? 0;
    },
    close: async () => {
      await sql.end({ timeout: 5 });
      await server.stop();
      await pglite.close();
    },
  };
}
