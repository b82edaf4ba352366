/**
 * Runs async tasks with at most `limit` in flight: the writers use it to store several
 * independent batches or pages of a file at once, on separate connections.
 *
 * `start(task)` starts a task at once and resolves when there is room for another; `drain()`
 * waits for every task and throws the first failure. After a failure, `failed` is true, so
 * the caller can stop starting new work; the tasks already running still finish.
 *
 * Techniques: a set of in-flight promises and `Promise.race`; failures recorded, never
 * left as unhandled rejections.
 *
 * @example
 * ```ts
 * import { TaskLimiter } from "./task_limiter.ts";
 * const limiter = new TaskLimiter(2);
 * for (const n of [1, 2, 3]) await limiter.start(() => Promise.resolve(n));
 * await limiter.drain();
 * ```
 *
 * @module
 */

/** See the module documentation. */
export class TaskLimiter {
  readonly limit: number;
  #running = new Set<Promise<void>>();
  #failure: { error: unknown } | null = null;

  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  /** True once a task has failed. */
  get failed(): boolean {
    return this.#failure !== null;
  }

  /** Starts `task` now; resolves when fewer than `limit` tasks are running. */
  async start(task: () => Promise<unknown>): Promise<void> {
    const running: Promise<void> = task()
      .then(() => {}, (error) => {
        this.#failure ??= { error };
      })
      .finally(() => this.#running.delete(running));
    this.#running.add(running);
    while (this.#running.size >= this.limit) await Promise.race(this.#running);
  }

  /** Waits for every task; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#running);
    if (this.#failure) throw this.#failure.error;
  }
}
