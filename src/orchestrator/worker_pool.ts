/**
 * A pool of permission-scoped parse workers. `run(job)` sends a job to an idle worker
 * (waiting for one when all are busy) and resolves with its result; job bytes are
 * transferred, not copied.
 *
 * Each worker is created with explicit Deno permissions: read access to the strategy
 * folders only, and no network, environment, writes, subprocesses, FFI or system info
 * (needs `"unstable": ["worker-options"]`). A worker that crashes (an uncaught error, an
 * out-of-memory, a message that cannot be read) rejects its job with
 * {@link WorkerCrashedError} and is replaced by a fresh one; the caller decides whether to
 * retry the job.
 *
 * Techniques: a free list of ready workers plus a FIFO of waiting callers; lazy
 * replacement; `close()` terminates everything and rejects waiting callers.
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
}

interface Slot {
  worker: Worker;
  busy: boolean;
  pending?: { resolve: (r: JobResult) => void; reject: (e: unknown) => void };
}

const SOURCE_DIR = new URL("../", import.meta.url);
const decoder = new TextDecoder();
/** The worker module: `parse_worker.ts`, or, in a bundle, the bundle itself. */
const DEFAULT_WORKER = RUNNING_FROM_BUNDLE
  ? BUNDLE_URL
  : new URL("./parse_worker.ts", import.meta.url);

/** The pool. */
export class WorkerPool {
  readonly size: number;
  #slots: Slot[] = [];
  #idle: Slot[] = [];
  #waiting: { resolve: (slot: Slot) => void; reject: (error: unknown) => void }[] = [];
  #closed = false;
  #init: InitMessage;
  #options: WorkerPoolOptions;
  /** How many workers were replaced after a crash. */
  crashes = 0;

  private constructor(options: WorkerPoolOptions) {
    this.size = Math.max(1, options.size ?? navigator.hardwareConcurrency ?? 2);
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
    const slot: Slot = { worker, busy: true };
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
    this.#release(slot);
    return slot;
  }

  #onReply(slot: Slot, reply: WorkerReply): void {
    const pending = slot.pending;
    slot.pending = undefined;
    if (!pending) return;
    if (reply.type === "result") pending.resolve(reply.result);
    else if (reply.type === "encoded-result") {
      pending.resolve(JSON.parse(decoder.decode(reply.buffer)) as JobResult);
    } else if (reply.type === "failed") {
      pending.reject(new WorkerJobError(reply.error.message, reply.error.code));
    }
    this.#release(slot);
  }

  #onCrash(slot: Slot, error: WorkerCrashedError): void {
    slot.worker.terminate();
    this.#slots.splice(this.#slots.indexOf(slot), 1);
    const idleAt = this.#idle.indexOf(slot);
    if (idleAt !== -1) this.#idle.splice(idleAt, 1);
    slot.pending?.reject(error);
    slot.pending = undefined;
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

  #release(slot: Slot): void {
    slot.busy = false;
    const waiter = this.#waiting.shift();
    if (waiter) {
      slot.busy = true;
      waiter.resolve(slot);
    } else this.#idle.push(slot);
  }

  #acquire(): Promise<Slot> {
    if (this.#closed) return Promise.reject(new WorkerCrashedError("worker pool is closed"));
    const slot = this.#idle.shift();
    if (slot) {
      slot.busy = true;
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Runs a job on the next free worker; its buffer is transferred (unusable afterwards). */
  async run(job: Job): Promise<JobResult> {
    const slot = await this.#acquire();
    return await new Promise<JobResult>((resolve, reject) => {
      slot.pending = { resolve, reject };
      try {
        slot.worker.postMessage(job, [job.buffer]);
      } catch (error) {
        slot.pending = undefined;
        this.#release(slot);
        reject(error);
      }
    });
  }

  /** The strategies the workers loaded (asked of one worker; they all load the same). */
  async describeStrategies(): Promise<StrategyDescription[]> {
    const slot = await this.#acquire();
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
      this.#release(slot);
    }
  }

  /** Terminates every worker. */
  close(): void {
    this.#closed = true;
    for (const slot of this.#slots) {
      slot.worker.terminate();
      slot.pending?.reject(new WorkerCrashedError("worker pool is closed"));
    }
    const closed = new WorkerCrashedError("worker pool is closed");
    for (const waiter of this.#waiting.splice(0)) waiter.reject(closed);
    this.#slots = [];
    this.#idle = [];
  }
}
