/**
 * Tests for `src/utils/logging.ts`: JSON Lines files (info log and error-only log),
 * contextual properties, card numbers masked, files flushed by `closeLogging`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { closeLogging, configureLogging, getLog } from "../../src/utils/logging.ts";

Deno.test("logs go to JSON Lines files, errors apart, card numbers masked", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-log-" });
  try {
    await configureLogging({ dir, level: "info", console: false });
    const log = getLog("test").with({ runId: "run-1", file: "a.json" });
    log.debug("not written at info level");
    log.info("stored {count} records", { count: 3 });
    log.error("record {record} has pan {pan}", { record: 7, pan: "4111111111111111" });
    await closeLogging();
    const read = async (name: string) =>
      (await Deno.readTextFile(`${dir}/${name}`)).trim().split("\n").map((l) => JSON.parse(l));
    const info = await read("finstream.log");
    const errors = await read("finstream.error.log");
    assert.deepEqual(info.map((r) => r.level), ["INFO", "ERROR"]);
    assert.deepEqual(errors.map((r) => r.level), ["ERROR"]);
    assert.equal(info[0].properties.runId, "run-1");
    assert.equal(info[0].properties.file, "a.json");
    assert.equal(info[0].logger, "finstream.test");
    assert.equal(errors[0].properties.pan, "411111******1111");
    const raw = await Deno.readTextFile(`${dir}/finstream.log`);
    assert.equal(raw.includes("4111111111111111"), false);
  } finally {
    await closeLogging();
    await Deno.remove(dir, { recursive: true });
  }
});
