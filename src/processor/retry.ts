/**
 * Retry with exponential backoff and full jitter, for transient failures only.
 *
 * `retry(fn, options)` calls `fn` until it succeeds, the error is not retryable, or the
 * attempts run out; waits grow as `base × factor^n`, capped, and each is drawn uniformly
 * below that bound (full jitter, so many writers retrying at once spread out).
 * {@link isTransientDatabaseError} is the default predicate: connection lost or refused,
 * admin or crash shutdown, serialization failure, deadlock, too many connections — never a
 * data error, which would fail again the same way.
 *
 * Techniques: a pure policy function ({@link backoffDelay}) separated from the loop;
 * injectable `sleep` and `random` so tests run instantly and deterministically; an
 * `AbortSignal` stops waiting at once.
 *
 * @example
 * ```ts
 * import { retry } from "./retry.ts";
 * let calls = 0;
 * const value = await retry(async () => {
 *   if (++calls < 3) throw Object.assign(new Error("reset"), { code: "ECONNRESET" });
 *   return "ok";
 * }, { baseMs: 1 });
 * value; // "ok" after 3 calls
 * ```
 *
 * @module
 */

/** Options for {@link retry}. */
export interface RetryOptions {
  /** Total attempts, the first included. @default 5 */
  attempts?: number;
  /** First backoff bound in milliseconds. @default 200 */
  baseMs?: number;
  /** Growth factor of the bound. @default 2 */
  factor?: number;
  /** Largest bound in milliseconds. @default 10000 */
  maxMs?: number;
  /** Which errors are worth another attempt. @default isTransientDatabaseError */
  isRetryable?: (error: unknown) => boolean;
  /** Called before each wait. */
  onRetry?: (info: { error: unknown; attempt: number; delayMs: number }) => void;
  /** Stops retrying (and waiting) when aborted. */
  signal?: AbortSignal;
  /** Waits; replaced in tests. @default setTimeout-based */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform random in [0, 1); replaced in tests. @default Math.random */
  random?: () => number;
}

/** SQLSTATE codes and classes that a later attempt can get past. */
const TRANSIENT_SQLSTATES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "40001",
  "40P01",
  "53300",
  "53400",
]);

/** Network and postgres.js client error codes for a lost or refused connection. */
const TRANSIENT_CLIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** True for failures of the connection or the server's state, not of the data. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (TRANSIENT_SQLSTATES.has(code) || code.startsWith("08")) return true;
      if (TRANSIENT_CLIENT_CODES.has(code)) return true;
    }
    if (e instanceof Deno.errors.ConnectionRefused || e instanceof Deno.errors.ConnectionReset) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1): full jitter, capped. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, "baseMs" | "factor" | "maxMs" | "random"> = {},
): number {
  const bound = Math.min(
    options.maxMs ?? 10_000,
    (options.baseMs ?? 200) * (options.factor ?? 2) ** (attempt - 1),
  );
  return Math.floor((options.random ?? Math.random)() * bound);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Error thrown when every attempt failed; `cause` is the last error. */
export class RetriesExhaustedError extends Error {
  constructor(readonly attempts: number, cause: unknown) {
    super(`gave up after ${attempts} attempts: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
    this.name = "RetriesExhaustedError";
  }
}

/**
 * Calls `fn(attempt)` until it succeeds. A non-retryable error is thrown as is (after one
 * attempt); when retryable errors use up the attempts, a {@link RetriesExhaustedError}.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const isRetryable = options.isRetryable ?? isTransientDatabaseError;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1;; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (options.signal?.aborted) throw options.signal.reason;
      if (attempt >= attempts) throw new RetriesExhaustedError(attempt, error);
      const delayMs = backoffDelay(attempt, options);
      options.onRetry?.({ error, attempt, delayMs });
      await sleep(delayMs, options.signal);
    }
  }
}
