/**
 * A pool of permission-scoped parse workers. `run(job)` sends a job to the least busy
 * worker (waiting when every worker already has `depth` jobs queued) and resolves with its
 * result; job bytes are transferred, not copied. With a depth of 2 a worker always has its
 * next job at hand, so it never waits for the main thread between jobs.
 *
 * Each worker is created with explicit Deno permissions: read access to the strategy
 * folders only, and no network, environment, writes, subprocesses, FFI or system info
 * (needs `"unstable": ["worker-options"]`). A worker that crashes (an uncaught error, an
 * out-of-memory, a message that cannot be read) rejects its job with
 * {@link WorkerCrashedError} and is replaced by a fresh one; the caller decides whether to
 * retry the job.
 *
 * Techniques: per-worker table of pending jobs by ticket (echoed in each reply); a FIFO of
 * waiting callers, where an exclusive caller (a retry after a crash) waits for a worker
 * with nothing queued, so a crash is never blamed on a job that merely queued behind the
 * guilty one; lazy replacement; `close()` terminates everything and rejects waiting
 * callers.
 *
 * @example
 * ```ts
 * import { WorkerPool } from "./worker_pool.ts";
 * const pool = await WorkerPool.start({ size: 2, strategyDirs: [] });
 * // const result = await pool.run(job);
 * pool.close();
 * ```
 *
 * @module
 */

import { StrategyLoadError } from "../models/errors.ts";
import { BUILTIN_STRATEGIES_DIR } from "../strategies/loader.ts";
import { BUNDLE_URL, RUNNING_FROM_BUNDLE } from "../utils/runtime.ts";
import type {
  InitMessage,
  Job,
  JobResult,
  StrategyDescription,
  WorkerReply,
} from "./work_protocol.ts";

/** A worker died while running a job. */
export class WorkerCrashedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "WorkerCrashedError";
  }
}

/** A job failed as a whole inside the worker (not a crash). */
export class WorkerJobError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = "WorkerJobError";
  }
}

/** Options for {@link WorkerPool.start}. */
export interface WorkerPoolOptions {
  /** Number of workers. @default navigator.hardwareConcurrency */
  size?: number;
  /** Plugin strategy folders (file URLs) loaded after the built-in ones. @default [] */
  strategyDirs?: string[];
  /** Single plugin strategy modules (file URLs or specifiers), loaded last. @default [] */
  strategyModules?: string[];
  /** The worker module. @default `parse_worker.ts` beside this module */
  workerUrl?: URL;
  /** Folders the workers may read besides the strategy folders (e.g. the source tree). */
  extraReadDirs?: string[];
  /**
   * Jobs queued on each worker at once: with 2, a worker starts its next job as soon as it
   * answers, without waiting for the main thread to send one. @default 2
   */
  depth?: number;
}

interface Pending {
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent and not answered yet, by ticket, in the order they were sent. */
  pending: Map<number, Pending>;
  /** Held by an exclusive caller: nothing else is sent until it is released. */
  held: boolean;
  /** Still loading its strategies. */
  starting: boolean;
}

interface Waiter {
  exclusive: boolean;
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
}

/** Options for {@link WorkerPool.run}. */
export interface RunOptions {
  /**
   * Run the job alone on a worker, with no other job queued before or after it, so a crash
   * is this job's own (used when retrying a job after a crash). @default false
   */
  exclusive?: boolean;
}

const SOURCE_DIR = new URL("../", import.meta.url);
/** The worker module: `parse_worker.ts`, or, in a bundle, the bundle itself. */
const DEFAULT_WORKER = RUNNING_FROM_BUNDLE
  ? BUNDLE_URL
  : new URL("./parse_worker.ts", import.meta.url);

/** The pool. */
export class WorkerPool {
  readonly size: number;
  /** Jobs queued on each worker at once. */
  readonly depth: number;
  #slots: Slot[] = [];
  #waiting: Waiter[] = [];
  #tickets = 0;
  #closed = false;
  #init: InitMessage;
  #options: WorkerPoolOptions;
  /** How many workers were replaced after a crash. */
  crashes = 0;

  private constructor(options: WorkerPoolOptions) {
    this.size = Math.max(1, options.size ?? navigator.hardwareConcurrency ?? 2);
    this.depth = Math.max(1, options.depth ?? 2);
    this.#options = options;
    const plugins = options.strategyDirs ?? [];
    this.#init = {
      type: "init",
      strategyDirs: [BUILTIN_STRATEGIES_DIR.href, ...plugins],
      pluginDirs: plugins,
      strategyModules: options.strategyModules ?? [],
    };
  }

  /** Starts `size` workers and waits until each has loaded its strategies. */
  static async start(options: WorkerPoolOptions = {}): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    try {
      await Promise.all(Array.from({ length: pool.size }, () => pool.#spawn()));
    } catch (error) {
      pool.close();
      throw error;
    }
    return pool;
  }

  /** The permissions every worker gets. */
  get permissions(): Deno.PermissionOptionsObject {
    // In a bundle the built-in strategies and the source are compiled in: only plugin
    // folders and the bundle's own folder are read.
    const read = [
      ...this.#init.strategyDirs.filter((d) =>
        !RUNNING_FROM_BUNDLE || d !== BUILTIN_STRATEGIES_DIR.href
      )
        .map((d) => new URL(d)),
      ...this.#init.strategyModules.filter((m) => m.startsWith("file:")).map((m) =>
        new URL("./", m)
      ),
      ...(RUNNING_FROM_BUNDLE ? [] : [SOURCE_DIR]),
      new URL("./", this.#options.workerUrl ?? DEFAULT_WORKER),
      ...(this.#options.extraReadDirs ?? []).map((d) => new URL(d)),
    ];
    return { read, net: false, env: false, write: false, run: false, ffi: false, sys: false };
  }

  async #spawn(): Promise<Slot> {
    const worker = new Worker(this.#options.workerUrl ?? DEFAULT_WORKER, {
      type: "module",
      name: `finstream-parse-${this.#slots.length + 1}`,
      deno: { permissions: this.permissions },
    });
    const slot: Slot = { worker, pending: new Map(), held: false, starting: true };
    this.#slots.push(slot);
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === "ready") resolve();
        else if (reply.type === "init-failed") {
          reject(new StrategyLoadError(`worker could not load strategies: ${reply.error.message}`));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new WorkerCrashedError(`worker failed to start: ${event.message}`));
      };
      worker.postMessage(this.#init);
    });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.#onReply(slot, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#onCrash(slot, new WorkerCrashedError(`parse worker crashed: ${event.message}`));
    };
    worker.onmessageerror = () => {
      this.#onCrash(slot, new WorkerCrashedError("parse worker sent an unreadable message"));
    };
    slot.starting = false;
    this.#dispatch();
    return slot;
  }

  #onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type !== "result" && reply.type !== "failed") return;
    // A worker that does not echo tickets answers in order: the oldest job is its.
    const ticket = reply.ticket ?? slot.pending.keys().next().value;
    if (ticket === undefined) return;
    const pending = slot.pending.get(ticket);
    if (!pending) return;
    slot.pending.delete(ticket);
    if (reply.type === "result") pending.resolve(reply.result);
    else {
      pending.reject(new WorkerJobError(reply.error.message, reply.error.code));
    }
    this.#dispatch();
  }

  #onCrash(slot: Slot, error: WorkerCrashedError): void {
    slot.worker.terminate();
    this.#slots.splice(this.#slots.indexOf(slot), 1);
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
    if (this.#closed) return;
    this.crashes++;
    this.#spawn().catch((spawnError) => {
      if (this.#slots.length > 0) return;
      const failure = new WorkerCrashedError(
        `no parse worker left: ${(spawnError as Error).message}`,
        { cause: spawnError },
      );
      for (const waiter of this.#waiting.splice(0)) waiter.reject(failure);
    });
  }

  /** The least busy worker that can take a job now, or undefined. */
  #freeSlot(exclusive: boolean): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.#slots) {
      if (slot.starting || slot.held) continue;
      const load = slot.pending.size;
      if (exclusive ? load > 0 : load >= this.depth) continue;
      if (!best || load < best.pending.size) best = slot;
    }
    return best;
  }

  /** Hands free workers to waiting callers, in arrival order. */
  #dispatch(): void {
    while (this.#waiting.length > 0) {
      const waiter = this.#waiting[0];
      const slot = this.#freeSlot(waiter.exclusive);
      if (!slot) return;
      this.#waiting.shift();
      if (waiter.exclusive) slot.held = true;
      waiter.resolve(slot);
    }
  }

  #acquire(exclusive: boolean): Promise<Slot> {
    if (this.#closed) return Promise.reject(new WorkerCrashedError("worker pool is closed"));
    if (this.#waiting.length === 0) {
      const slot = this.#freeSlot(exclusive);
      if (slot) {
        if (exclusive) slot.held = true;
        return Promise.resolve(slot);
      }
    }
    return new Promise((resolve, reject) => this.#waiting.push({ exclusive, resolve, reject }));
  }

  #releaseHeld(slot: Slot): void {
    slot.held = false;
    this.#dispatch();
  }

  /** Runs a job on a worker; its buffer is transferred (unusable afterwards). */
  async run(job: Job, options: RunOptions = {}): Promise<JobResult> {
    const exclusive = options.exclusive ?? false;
    const slot = await this.#acquire(exclusive);
    try {
      return await new Promise<JobResult>((resolve, reject) => {
        const ticket = this.#tickets++;
        try {
          slot.worker.postMessage({ ...job, ticket }, [job.buffer]);
          slot.pending.set(ticket, { resolve, reject });
        } catch (error) {
          reject(error);
        }
      });
    } finally {
      if (exclusive) this.#releaseHeld(slot);
    }
  }

  /** The strategies the workers loaded (asked of one worker; they all load the same). */
  async describeStrategies(): Promise<StrategyDescription[]> {
    const slot = await this.#acquire(true);
    try {
      return await new Promise<StrategyDescription[]>((resolve, reject) => {
        const onMessage = (event: MessageEvent<WorkerReply>) => {
          if (event.data.type !== "described") return;
          slot.worker.removeEventListener("message", onMessage);
          resolve(event.data.strategies);
        };
        slot.worker.addEventListener("message", onMessage);
        try {
          slot.worker.postMessage({ type: "describe" });
        } catch (error) {
          slot.worker.removeEventListener("message", onMessage);
          reject(error);
        }
      });
    } finally {
      this.#releaseHeld(slot);
    }
  }

  /** Terminates every worker. */
  close(): void {
    this.#closed = true;
    const closed = new WorkerCrashedError("worker pool is closed");
    for (const slot of this.#slots) {
      slot.worker.terminate();
      for (const pending of slot.pending.values()) pending.reject(closed);
      slot.pending.clear();
    }
    for (const waiter of this.#waiting.splice(0)) waiter.reject(closed);
    this.#slots = [];
  }
}
