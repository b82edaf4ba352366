/**
 * Where finstream's code is running from: the source tree, or a single bundled JS file
 * (`deno task bundle`), and whether this is the main thread or a worker.
 *
 * Techniques: a module compares its own `import.meta.url` with its known place in the
 * source tree (inside a bundle every module shares the bundle's URL); the worker global
 * scope exists only in workers.
 *
 * @example
 * ```ts
 * import { RUNNING_FROM_BUNDLE } from "./runtime.ts";
 * RUNNING_FROM_BUNDLE; // false when run from the repository
 * ```
 *
 * @module
 */

/** True when this code is part of a bundle, not the source tree. */
export const RUNNING_FROM_BUNDLE: boolean = !import.meta.url.endsWith("/src/utils/runtime.ts");

/** True inside a Web Worker. */
export function inWorkerScope(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== "undefined";
}

/** The URL of the running bundle (meaningful only when {@link RUNNING_FROM_BUNDLE}). */
export const BUNDLE_URL: URL = new URL(import.meta.url);
