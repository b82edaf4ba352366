/**
 * Tests for `src/orchestrator/task_limiter.ts`: never more than `limit` tasks run at once;
 * `start` waits for room; `drain` waits for all and throws the first failure; a failure
 * is never an unhandled rejection and `failed` turns true.
 *
 * @module
 */

import assert from "node:assert/strict";
import { TaskLimiter } from "../../src/orchestrator/task_limiter.ts";

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

Deno.test("at most `limit` tasks run at once, and all of them run", async () => {
  const limiter = new TaskLimiter(2);
  let running = 0;
  let peak = 0;
  const done: number[] = [];
  for (let i = 0; i < 7; i++) {
    await limiter.start(async () => {
      running++;
      peak = Math.max(peak, running);
      await tick(i % 3);
      running--;
      done.push(i);
    });
    assert.ok(running < 2, "start returns only when there is room");
  }
  await limiter.drain();
  assert.equal(peak, 2);
  assert.deepEqual(done.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6]);
});

Deno.test("drain throws the first failure; running tasks still finish", async () => {
  const limiter = new TaskLimiter(3);
  let finished = false;
  await limiter.start(async () => {
    await tick(5);
    finished = true;
  });
  await limiter.start(() => Promise.reject(new Error("first")));
  await limiter.start(async () => {
    await tick(1);
    throw new Error("second");
  });
  await tick(2);
  assert.equal(limiter.failed, true);
  await assert.rejects(limiter.drain(), /first/);
  assert.equal(finished, true);
});

Deno.test("a limit below 1 means one task at a time", async () => {
  const limiter = new TaskLimiter(0);
  assert.equal(limiter.limit, 1);
  let running = 0;
  for (let i = 0; i < 3; i++) {
    await limiter.start(async () => {
      running++;
      assert.equal(running, 1);
      await tick();
      running--;
    });
  }
  await limiter.drain();
});
