/**
 * Tests for configuration resolution (`config.ts`): flags beat environment variables,
 * which beat defaults; invalid values name both the flag and the variable; secrets are
 * masked when described. The environment is a `Map`, never the real one.
 *
 * @module
 */

import assert from "node:assert/strict";
import { ConfigError } from "../../src/models/errors.ts";
import {
  describeConfig,
  ENV_VARS,
  layeredEnv,
  readDotEnv,
  resolveConfig,
} from "../../src/utils/config.ts";

const CORES = Math.max(1, navigator.hardwareConcurrency ?? 2);

const env = (entries: Record<string, string> = {}) => new Map(Object.entries(entries));

Deno.test("resolveConfig uses the defaults when nothing is set", () => {
  const config = resolveConfig({}, env());
  assert.deepEqual(config, {
    databaseUrl: undefined,
    dbDir: ".finstream/db",
    dbSchema: "public",
    logDir: "logs",
    logLevel: "info",
    batchSize: 1000,
    workers: CORES,
    writeMode: "auto",
    plugins: [],
    strategies: [],
  });
});

Deno.test("resolveConfig: flags beat env beat defaults", async (t) => {
  const environment = env({
    DATABASE_URL: "postgres://env@localhost/env",
    FINSTREAM_DB_DIR: "env-db",
    FINSTREAM_DB_SCHEMA: "env_schema",
    FINSTREAM_LOG_DIR: "env-logs",
    FINSTREAM_LOG_LEVEL: "debug",
    FINSTREAM_BATCH_SIZE: "250",
    FINSTREAM_WORKERS: "3",
    FINSTREAM_WRITE_MODE: "insert",
    FINSTREAM_PLUGINS: "plugins/a, plugins/b",
    FINSTREAM_STRATEGIES: "npm:@acme/vss-777",
  });

  await t.step("environment over defaults", () => {
    assert.deepEqual(resolveConfig({}, environment), {
      databaseUrl: "postgres://env@localhost/env",
      dbDir: "env-db",
      dbSchema: "env_schema",
      logDir: "env-logs",
      logLevel: "debug",
      batchSize: 250,
      workers: 3,
      writeMode: "insert",
      plugins: ["plugins/a", "plugins/b"],
      strategies: ["npm:@acme/vss-777"],
    });
  });

  await t.step("flags over environment", () => {
    const config = resolveConfig(
      {
        databaseUrl: "postgresql://flag@db/flag",
        dbDir: "flag-db",
        dbSchema: "flag_schema",
        logDir: "flag-logs",
        logLevel: "error",
        batchSize: "7",
        workers: "0",
        writeMode: "copy",
        plugins: "flag/plugins",
        strategies: "./one.ts,./two.ts",
      },
      environment,
    );
    assert.deepEqual(config, {
      databaseUrl: "postgresql://flag@db/flag",
      dbDir: "flag-db",
      dbSchema: "flag_schema",
      logDir: "flag-logs",
      logLevel: "error",
      batchSize: 7,
      workers: 0,
      writeMode: "copy",
      plugins: ["flag/plugins"],
      strategies: ["./one.ts", "./two.ts"],
    });
  });

  await t.step("a flag that is undefined leaves the environment value", () => {
    const config = resolveConfig({ logLevel: undefined, batchSize: "9" }, environment);
    assert.equal(config.logLevel, "debug");
    assert.equal(config.batchSize, 9);
  });

  await t.step("an empty environment value counts as unset", () => {
    const config = resolveConfig({}, env({ FINSTREAM_LOG_LEVEL: "", FINSTREAM_BATCH_SIZE: "" }));
    assert.equal(config.logLevel, "info");
    assert.equal(config.batchSize, 1000);
  });

  await t.step("only the listed variable names are read", () => {
    const config = resolveConfig({}, env({ LOG_LEVEL: "debug", finstream_log_level: "debug" }));
    assert.equal(config.logLevel, "info");
  });
});

Deno.test("resolveConfig reads each setting from its documented variable", () => {
  assert.deepEqual(ENV_VARS, {
    databaseUrl: "DATABASE_URL",
    dbDir: "FINSTREAM_DB_DIR",
    dbSchema: "FINSTREAM_DB_SCHEMA",
    logDir: "FINSTREAM_LOG_DIR",
    logLevel: "FINSTREAM_LOG_LEVEL",
    batchSize: "FINSTREAM_BATCH_SIZE",
    workers: "FINSTREAM_WORKERS",
    writeMode: "FINSTREAM_WRITE_MODE",
    plugins: "FINSTREAM_PLUGINS",
    strategies: "FINSTREAM_STRATEGIES",
  });
});

Deno.test("resolveConfig: invalid values name the flag and the variable", async (t) => {
  const cases: {
    name: string;
    flags?: Record<string, string>;
    environment?: Record<string, string>;
    flag: string;
    variable: string;
    field: string;
  }[] = [
    {
      name: "log level from env",
      environment: { FINSTREAM_LOG_LEVEL: "verbose" },
      flag: "--log-level",
      variable: "FINSTREAM_LOG_LEVEL",
      field: "logLevel",
    },
    {
      name: "log level from flag",
      flags: { logLevel: "INFO" },
      flag: "--log-level",
      variable: "FINSTREAM_LOG_LEVEL",
      field: "logLevel",
    },
    {
      name: "batch size not a number",
      environment: { FINSTREAM_BATCH_SIZE: "many" },
      flag: "--batch-size",
      variable: "FINSTREAM_BATCH_SIZE",
      field: "batchSize",
    },
    {
      name: "batch size zero",
      flags: { batchSize: "0" },
      flag: "--batch-size",
      variable: "FINSTREAM_BATCH_SIZE",
      field: "batchSize",
    },
    {
      name: "batch size too large",
      flags: { batchSize: "50001" },
      flag: "--batch-size",
      variable: "FINSTREAM_BATCH_SIZE",
      field: "batchSize",
    },
    {
      name: "batch size fractional",
      flags: { batchSize: "2.5" },
      flag: "--batch-size",
      variable: "FINSTREAM_BATCH_SIZE",
      field: "batchSize",
    },
    {
      name: "write mode unknown",
      environment: { FINSTREAM_WRITE_MODE: "fast" },
      flag: "--write-mode",
      variable: "FINSTREAM_WRITE_MODE",
      field: "writeMode",
    },
    {
      name: "workers negative",
      flags: { workers: "-1" },
      flag: "--workers",
      variable: "FINSTREAM_WORKERS",
      field: "workers",
    },
    {
      name: "database url with another scheme",
      environment: { DATABASE_URL: "mysql://u@h/db" },
      flag: "--database-url",
      variable: "DATABASE_URL",
      field: "databaseUrl",
    },
    {
      name: "schema not a lower-case SQL name",
      flags: { dbSchema: "Public" },
      flag: "--schema",
      variable: "FINSTREAM_DB_SCHEMA",
      field: "dbSchema",
    },
    {
      name: "schema with a hyphen",
      environment: { FINSTREAM_DB_SCHEMA: "my-schema" },
      flag: "--schema",
      variable: "FINSTREAM_DB_SCHEMA",
      field: "dbSchema",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assert.throws(
        () => resolveConfig(c.flags ?? {}, env(c.environment)),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, `expected ConfigError, got ${error}`);
          assert.ok(error.message.includes(c.flag), error.message);
          assert.ok(error.message.includes(c.variable), error.message);
          assert.equal(error.location.field, c.field);
          assert.equal(error.step, "config");
          return true;
        },
      );
    });
  }
});

Deno.test("resolveConfig: boundary batch sizes are accepted", () => {
  assert.equal(resolveConfig({ batchSize: "1" }, env()).batchSize, 1);
  assert.equal(resolveConfig({ batchSize: "50000" }, env()).batchSize, 50_000);
});

Deno.test("describeConfig masks the database password", () => {
  const config = resolveConfig(
    {},
    env({ DATABASE_URL: "postgres://finstream:s3cret@db.example:5432/finstream" }),
  );
  const described = describeConfig(config);
  assert.ok(!JSON.stringify(described).includes("s3cret"));
  assert.ok(described.database.includes("finstream:***@db.example"), described.database);
  assert.equal(described.batchSize, "1000");
  assert.equal(described.logLevel, "info");
});

Deno.test("describeConfig names the embedded database when no URL is set", () => {
  const described = describeConfig(resolveConfig({}, env({ FINSTREAM_DB_DIR: "x/db" })));
  assert.ok(described.database.includes("x/db"), described.database);
  assert.ok(!described.database.includes("postgres://"));
});

Deno.test(".env values sit under the real environment and over the defaults", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-env-" });
  try {
    await Deno.writeTextFile(
      `${dir}/.env`,
      [
        "# comment",
        "",
        "export FINSTREAM_LOG_LEVEL=debug",
        'FINSTREAM_DB_DIR="quoted dir"',
        "FINSTREAM_BATCH_SIZE=42 # trailing comment",
      ].join("\n"),
    );
    const dotenv = await readDotEnv(`${dir}/.env`);
    assert.deepEqual(Object.fromEntries(dotenv), {
      FINSTREAM_LOG_LEVEL: "debug",
      FINSTREAM_DB_DIR: "quoted dir",
      FINSTREAM_BATCH_SIZE: "42",
    });
    const config = resolveConfig({}, layeredEnv(dotenv, env({ FINSTREAM_LOG_LEVEL: "error" })));
    assert.deepEqual([config.logLevel, config.dbDir, config.batchSize], [
      "error",
      "quoted dir",
      42,
    ]);
    assert.deepEqual(await readDotEnv(`${dir}/missing.env`), new Map());
    await Deno.writeTextFile(`${dir}/bad.env`, "FINE=1\nnot a setting\n");
    await assert.rejects(readDotEnv(`${dir}/bad.env`), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /bad\.env line 2: expected KEY=value/);
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test(".env.example documents every variable finstream reads", async () => {
  const example = await Deno.readTextFile(new URL("../../.env.example", import.meta.url));
  for (const variable of Object.values(ENV_VARS)) {
    assert.match(example, new RegExp(`^${variable}=`, "m"), variable);
  }
});
