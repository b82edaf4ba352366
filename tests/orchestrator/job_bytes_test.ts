/**
 * Tests for `job_bytes.ts`: a job cut by the producers from a real file is rebuilt from the
 * file byte for byte (EP747 pages and clearing records, with the preamble and several jobs
 * per file), and a job that cannot be rebuilt fails with an `InputFileError`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { readJobBytes } from "../../src/orchestrator/job_bytes.ts";
import { clearingJobs, ep747Jobs } from "../../src/orchestrator/job_producers.ts";
import type { Job } from "../../src/orchestrator/work_protocol.ts";
import { InputFileError } from "../../src/models/errors.ts";
import { readFileChunks } from "../../src/reader/file_chunks.ts";

const EP747 = new URL("../../data/samples/EP747_20240705_demo.txt", import.meta.url).pathname;
const CLEARING =
  new URL("../../data/samples/VISA_TRANSACTIONAL_CLEARING_20240705_01.json", import.meta.url)
    .pathname;

async function jobsOf(path: string, kind: "ep747" | "clearing"): Promise<Job[]> {
  using file = await Deno.open(path);
  const source = readFileChunks(file, { chunkBytes: 4096 });
  const producer = kind === "ep747"
    ? ep747Jobs(source, path, { items: 3 })
    : clearingJobs(source, path, "copy", { items: 7 });
  const jobs: Job[] = [];
  for await (const job of producer) jobs.push(job);
  return jobs;
}

for (const [kind, path] of [["ep747", EP747], ["clearing", CLEARING]] as const) {
  Deno.test(`readJobBytes rebuilds every ${kind} job of a file byte for byte`, async () => {
    const jobs = await jobsOf(path, kind);
    assert.ok(jobs.length > 3, `${jobs.length} jobs`);
    for (const job of jobs) {
      const again = await readJobBytes(path, job);
      assert.deepEqual(new Uint8Array(again), new Uint8Array(job.buffer), `job ${job.id}`);
    }
  });
}

Deno.test("readJobBytes: a file that became shorter is an InputFileError", async () => {
  const copy = await Deno.makeTempFile({ suffix: ".txt" });
  try {
    await Deno.copyFile(EP747, copy);
    const jobs = await jobsOf(copy, "ep747");
    const last = jobs[jobs.length - 1];
    const size = (await Deno.stat(copy)).size;
    await Deno.truncate(copy, size - 10);
    await assert.rejects(() => readJobBytes(copy, last), InputFileError);
    // The jobs before the cut are still read.
    assert.deepEqual(
      new Uint8Array(await readJobBytes(copy, jobs[0])),
      new Uint8Array(jobs[0].buffer),
    );
  } finally {
    await Deno.remove(copy);
  }
});

Deno.test("readJobBytes: a job not cut from a file is an InputFileError", async () => {
  const bytes = new TextEncoder().encode('{"a":1}');
  const job: Job = {
    type: "records",
    id: 0,
    file: "replayed",
    buffer: bytes.buffer,
    offsets: [0, bytes.length],
    indexes: [0],
    lines: [1],
    format: "values",
  };
  await assert.rejects(() => readJobBytes(CLEARING, job), InputFileError);
});
