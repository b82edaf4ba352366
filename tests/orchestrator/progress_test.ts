/**
 * Tests for `src/orchestrator/progress.ts`: the progress line (bar, percentage, bytes,
 * counts, rate, ETA) and the reporter's two modes (a redrawn line on a terminal, plain
 * lines elsewhere).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  formatProgress,
  ProgressTracker,
  reportProgress,
} from "../../src/orchestrator/progress.ts";

Deno.test("the progress line shows bar, percentage, bytes, counts, rate and ETA", () => {
  const line = formatProgress({
    bytesTotal: 4 * 1_048_576,
    bytesRead: 1_048_576,
    pages: 10,
    records: 90,
    stored: 95,
    deadLettered: 5,
    elapsedMs: 2000,
  }, 8);
  assert.equal(
    line,
    "[##......]  25%  1.0 MB/4.0 MB  10 pages, 90 records, 95 stored, 5 dead  50/s  ETA 0:06",
  );
  const done = formatProgress({
    bytesTotal: 100,
    bytesRead: 100,
    pages: 1,
    records: 0,
    stored: 1,
    deadLettered: 0,
    elapsedMs: 0,
  }, 4);
  assert.match(done, /^\[####\] 100% .* 0\/s {2}ETA -$/);
});

Deno.test("the tracker snapshot carries the counters", () => {
  const tracker = new ProgressTracker(10);
  tracker.bytesRead = 4;
  tracker.records = 3;
  const snapshot = tracker.snapshot();
  assert.deepEqual(
    [snapshot.bytesTotal, snapshot.bytesRead, snapshot.records, snapshot.pages],
    [10, 4, 3, 0],
  );
  assert.ok(snapshot.elapsedMs >= 0);
});

Deno.test("on a terminal the line is redrawn; elsewhere whole lines are written", async () => {
  for (const isTerminal of [true, false]) {
    const written: string[] = [];
    const tracker = new ProgressTracker(100);
    const stop = reportProgress(tracker, { isTerminal, write: (t) => written.push(t) }, {
      intervalMs: 5,
      logEveryMs: 5,
    });
    await new Promise((r) => setTimeout(r, 30));
    stop();
    assert.ok(written.length >= 2, `writes: ${written.length}`);
    if (isTerminal) {
      assert.ok(written[0].startsWith("\r["), "carriage return then the bar");
      assert.equal(written[written.length - 1], "\r\x1b[K", "the line is cleared at the end");
    } else {
      assert.ok(written.every((w) => w.startsWith("progress: [") && w.endsWith("\n")));
    }
  }
});
