/**
 * Tests for `src/orchestrator/worker_pool.ts` (and the parse worker behind it): jobs run
 * in workers with their bytes transferred; workers have no network, environment or file
 * access beyond the strategy folders, so a misbehaving plugin's pages fail with a clear
 * error; a crashed worker is replaced; each worker keeps two jobs queued and answers each
 * caller with its own result; an exclusive run never shares a worker, so a crash is only
 * ever blamed on the job that caused it; a counts-only job sends back no page content.
 *
 * @module
 */

import assert from "node:assert/strict";
import { WorkerCrashedError, WorkerPool } from "../../src/orchestrator/worker_pool.ts";
import type { PageJob, PageJobResult } from "../../src/orchestrator/work_protocol.ts";
import { StrategyLoadError } from "../../src/models/errors.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const SEED = await Deno.readFile(new URL("seed_vss110_page.txt", FIXTURES));

function pageJob(bytes: Uint8Array, id = 0): PageJob {
  const copy = bytes.slice();
  return {
    type: "pages",
    id,
    file: "seed.txt",
    buffer: copy.buffer,
    pages: [{
      kind: "page",
      position: 1,
      lineStart: 1,
      lineEnd: 21,
      offset: 0,
      length: copy.length,
    }],
  };
}

function withPage(text: string, page: number, reportId: string): Uint8Array {
  return new TextEncoder().encode(
    text.replaceAll("VSS-110", reportId).replace(/PAGE:\s+1/, `PAGE:              ${page}`),
  );
}

Deno.test("a worker parses a transferred page exactly", async () => {
  const pool = await WorkerPool.start({ size: 2 });
  try {
    const job = pageJob(SEED);
    const result = await pool.run(job) as PageJobResult;
    assert.equal(job.buffer.byteLength, 0, "the buffer was transferred, not copied");
    assert.deepEqual(new Uint8Array(result.buffer), SEED, "and handed back with the result");
    const [outcome] = result.outcomes;
    assert.ok(outcome.ok);
    assert.equal(outcome.parsed, true);
    const issuer = outcome.page?.amounts.find((a) => a.label === "TOTAL ISSUER");
    assert.deepEqual(issuer?.columns, {
      count: "334544",
      credit_amount: "350719.10",
      debit_amount: "28432638.49",
      total_amount: "-28081919.39",
    });
  } finally {
    pool.close();
  }
});

Deno.test("workers get no network, environment or writes, and read only strategy code", async () => {
  const pool = await WorkerPool.start({ size: 1 });
  try {
    const p = pool.permissions;
    assert.deepEqual(
      [p.net, p.env, p.write, p.run, p.ffi, p.sys],
      [false, false, false, false, false, false],
    );
    const read = (p.read as URL[]).map((u) => u.pathname);
    assert.ok(read.some((r) => r.endsWith("/strategies/")));
    assert.ok(read.every((r) => !r.startsWith("/etc")));
  } finally {
    pool.close();
  }
});

Deno.test("a plugin that reads a file, opens a socket or reads the environment is denied", async () => {
  const plugins = new URL("plugins/forbidden/", FIXTURES).href;
  const pool = await WorkerPool.start({ size: 1, strategyDirs: [plugins] });
  try {
    const text = new TextDecoder().decode(SEED);
    const expectations: [number, RegExp][] = [
      [1, /Requires read access to "\/etc\/hostname"/],
      [2, /Requires net access to "127\.0\.0\.1:0"/],
      [3, /Requires env access to "HOME"/],
    ];
    for (const [page, denied] of expectations) {
      const result = await pool.run(pageJob(withPage(text, page, "VSS-666"))) as PageJobResult;
      const [outcome] = result.outcomes;
      assert.ok(!outcome.ok, `page ${page} must fail`);
      assert.match(outcome.error.message, denied);
      assert.match(outcome.error.message, /VSS-666:Vss666Strategy failed/, "names the strategy");
      assert.equal(outcome.error.step, "parse");
    }
  } finally {
    pool.close();
  }
});

Deno.test("a plugin folder that cannot be loaded stops the pool from starting", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream-plugin-" });
  try {
    await Deno.writeTextFile(`${dir}/vss_555.ts`, "export default 42;\n");
    await assert.rejects(
      WorkerPool.start({ size: 1, strategyDirs: [new URL(`file://${dir}/`).href] }),
      (e: unknown) => {
        assert.ok(e instanceof StrategyLoadError);
        assert.match(e.message, /vss_555\.ts registered no strategy for VSS-555/);
        return true;
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a crashed worker fails its job and is replaced", async () => {
  const pool = await WorkerPool.start({
    size: 1,
    workerUrl: new URL("workers/crashing_worker.ts", FIXTURES),
  });
  try {
    const crash = new TextEncoder().encode(new TextDecoder().decode(SEED) + "\nCRASH\n");
    await assert.rejects(pool.run(pageJob(crash)), WorkerCrashedError);
    assert.equal(pool.crashes, 1);
    const result = await pool.run(pageJob(SEED, 1)) as PageJobResult;
    assert.equal(result.id, 1);
    assert.ok(result.outcomes[0].ok, "the replacement worker runs the next job");
  } finally {
    pool.close();
  }
});

Deno.test("each worker keeps jobs queued and every caller gets its own result", async () => {
  const pool = await WorkerPool.start({ size: 1 });
  try {
    assert.equal(pool.depth, 2);
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, id) => pool.run(pageJob(SEED, id)) as Promise<PageJobResult>),
    );
    assert.deepEqual(results.map((r) => r.id), [0, 1, 2, 3, 4, 5, 6]);
    for (const result of results) assert.ok(result.outcomes[0].ok);
  } finally {
    pool.close();
  }
});

Deno.test("replies reach their own callers across a crash; an exclusive job runs alone", async () => {
  const pool = await WorkerPool.start({
    size: 1,
    workerUrl: new URL("workers/crashing_worker.ts", FIXTURES),
  });
  try {
    const crash = new TextEncoder().encode(new TextDecoder().decode(SEED) + "\nCRASH\n");
    const guilty = pool.run(pageJob(crash, 0));
    const behind = pool.run(pageJob(SEED, 1));
    // The fixture crashes a moment after taking the job, so the worker may still answer the
    // job queued behind it: that answer must reach its own caller, never the guilty one's.
    await assert.rejects(guilty, WorkerCrashedError);
    const fate = await behind.then(
      (r) => (r as PageJobResult).id,
      (e) => e instanceof WorkerCrashedError ? "crashed" : e,
    );
    assert.ok(fate === 1 || fate === "crashed", `unexpected ${fate}`);
    // Exclusive: the worker takes nothing else until this job is answered.
    const alone = pool.run(pageJob(SEED, 2), { exclusive: true });
    const after = pool.run(pageJob(SEED, 3));
    const [first, second] = await Promise.all([alone, after]) as PageJobResult[];
    assert.equal(first.id, 2);
    assert.ok(first.outcomes[0].ok);
    assert.equal(second.id, 3);
    // An exclusive retry of the crashing job crashes alone: the job after it is unharmed.
    const again = pool.run(pageJob(crash, 4), { exclusive: true });
    const next = pool.run(pageJob(SEED, 5));
    await assert.rejects(again, WorkerCrashedError);
    assert.equal((await next as PageJobResult).id, 5);
    assert.equal(pool.crashes, 2);
  } finally {
    pool.close();
  }
});

Deno.test("a counts-only job says whether each page parsed and sends no page content", async () => {
  const pool = await WorkerPool.start({ size: 1 });
  try {
    const result = await pool.run({ ...pageJob(SEED), countsOnly: true }) as PageJobResult;
    const [outcome] = result.outcomes;
    assert.ok(outcome.ok);
    assert.equal(outcome.parsed, true);
    assert.equal(outcome.page, undefined);
  } finally {
    pool.close();
  }
});
