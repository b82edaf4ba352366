/**
 * Tests for `src/processor/retry.ts`: transient errors are retried with growing, capped,
 * jittered waits; data errors are not retried; exhaustion and aborts end the loop.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  backoffDelay,
  isTransientDatabaseError,
  RetriesExhaustedError,
  retry,
} from "../../src/processor/retry.ts";

const withCode = (code: string) => Object.assign(new Error(code), { code });

Deno.test("transient and data errors are told apart", async (t) => {
  const cases: [string, unknown, boolean][] = [
    ["connection refused", withCode("ECONNREFUSED"), true],
    ["postgres.js connection closed", withCode("CONNECTION_CLOSED"), true],
    ["admin shutdown", withCode("57P01"), true],
    ["serialization failure", withCode("40001"), true],
    ["deadlock", withCode("40P01"), true],
    ["too many connections", withCode("53300"), true],
    ["connection exception class 08", withCode("08006"), true],
    ["wrapped in a cause", new Error("write failed", { cause: withCode("ECONNRESET") }), true],
    ["numeric overflow", withCode("22003"), false],
    ["unique violation", withCode("23505"), false],
    ["syntax error", withCode("42601"), false],
    ["plain error", new Error("boom"), false],
  ];
  for (const [name, error, expected] of cases) {
    await t.step(name, () => assert.equal(isTransientDatabaseError(error), expected));
  }
});

Deno.test("backoff grows by the factor, is capped, and is jittered below the bound", () => {
  const top = () => 0.999999;
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { baseMs: 100, maxMs: 1000, random: top })),
    [99, 199, 399, 799, 999, 999],
  );
  assert.equal(backoffDelay(3, { baseMs: 100, random: () => 0 }), 0);
  assert.equal(backoffDelay(2, { baseMs: 100, random: () => 0.5 }), 100);
});

Deno.test("a transient failure is retried until it succeeds", async () => {
  const waits: number[] = [];
  const retries: number[] = [];
  let calls = 0;
  const result = await retry((attempt) => {
    calls++;
    if (attempt < 3) return Promise.reject(withCode("ECONNRESET"));
    return Promise.resolve("stored");
  }, {
    baseMs: 10,
    random: () => 0.5,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    onRetry: ({ attempt }) => retries.push(attempt),
  });
  assert.equal(result, "stored");
  assert.equal(calls, 3);
  assert.deepEqual(waits, [5, 10]);
  assert.deepEqual(retries, [1, 2]);
});

Deno.test("a data error is thrown at once, without retrying", async () => {
  let calls = 0;
  await assert.rejects(
    retry(() => {
      calls++;
      return Promise.reject(withCode("22003"));
    }, { sleep: () => Promise.resolve() }),
    (e: { code?: string }) => e.code === "22003",
  );
  assert.equal(calls, 1);
});

Deno.test("retries run out with RetriesExhaustedError carrying the last error", async () => {
  let calls = 0;
  await assert.rejects(
    retry(() => {
      calls++;
      return Promise.reject(withCode("57P01"));
    }, { attempts: 4, sleep: () => Promise.resolve() }),
    (e: unknown) => {
      assert.ok(e instanceof RetriesExhaustedError);
      assert.equal(e.attempts, 4);
      assert.equal((e.cause as { code: string }).code, "57P01");
      return true;
    },
  );
  assert.equal(calls, 4);
});

Deno.test("an abort stops the wait, and no attempt follows it", async () => {
  const controller = new AbortController();
  let calls = 0;
  const started = performance.now();
  const pending = retry(() => {
    calls++;
    return Promise.reject(withCode("ECONNREFUSED"));
  }, {
    baseMs: 60_000,
    random: () => 0.9,
    signal: controller.signal,
    onRetry: () => setTimeout(() => controller.abort(new Error("shutting down")), 5),
  });
  await assert.rejects(pending, /shutting down/);
  assert.equal(calls, 1);
  assert.ok(performance.now() - started < 10_000, "did not wait the backoff out");
});
