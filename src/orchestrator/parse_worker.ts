/**
 * The parse worker's entry module: started by the worker pool with scoped Deno
 * permissions (read access to the strategy folders and the source tree only; no network,
 * environment, writes or subprocesses), so a strategy can neither reach the database nor
 * touch the file system. The work itself is in `worker_service.ts`.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { serveParseJobs } from "./worker_service.ts";

serveParseJobs();
