/**
 * A bounded async channel: the queue between producers (file readers), the worker pool
 * and the writers. `send` waits while the channel is full, so a fast producer is held back
 * by a slow consumer and memory stays flat whatever the file size (backpressure).
 *
 * Techniques: a ring of buffered values plus two FIFO queues of waiting promises (blocked
 * senders, blocked receivers); `close()` lets consumers drain what is buffered and then
 * end; `cancel(reason)` drops everything and makes every pending and later call reject
 * with {@link ChannelClosedError}; async iteration (`for await`) receives until closed.
 * An optional `AbortSignal` cancels the channel.
 *
 * @example
 * ```ts
 * import { AsyncChannel } from "./async_channel.ts";
 * const channel = new AsyncChannel<number>(2);
 * (async () => {
 *   for (let i = 0; i < 5; i++) await channel.send(i); // waits while 2 are buffered
 *   channel.close();
 * })();
 * for await (const n of channel) console.log(n); // 0 1 2 3 4
 * ```
 *
 * @module
 */

/** Thrown by `send` on a closed or cancelled channel, and by `receive` on a cancelled one. */
export class ChannelClosedError extends Error {
  constructor(message = "channel is closed", options?: ErrorOptions) {
    super(message, options);
    this.name = "ChannelClosedError";
  }
}

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

/** What `receive` returns: a value, or `done` once the channel is closed and drained. */
export type Received<T> = { done: false; value: T } | { done: true; value?: undefined };

/** A bounded multi-producer, multi-consumer channel. */
export class AsyncChannel<T> implements AsyncIterable<T> {
  readonly capacity: number;
  #buffer: T[] = [];
  #senders: (Waiter<void> & { value: T })[] = [];
  #receivers: Waiter<Received<T>>[] = [];
  #closed = false;
  #cancelled: unknown = undefined;
  #isCancelled = false;

  /**
   * @param capacity how many values may wait in the channel (at least 1).
   * @param signal cancels the channel when aborted.
   */
  constructor(capacity: number, signal?: AbortSignal) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`channel capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    if (signal) {
      if (signal.aborted) this.cancel(signal.reason);
      else signal.addEventListener("abort", () => this.cancel(signal.reason), { once: true });
    }
  }

  /** Values waiting to be received. */
  get size(): number {
    return this.#buffer.length;
  }

  /** True once `close` or `cancel` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Sends a value, waiting while the channel is full. */
  send(value: T): Promise<void> {
    if (this.#isCancelled) return Promise.reject(this.#cancelError());
    if (this.#closed) return Promise.reject(new ChannelClosedError("send on a closed channel"));
    const receiver = this.#receivers.shift();
    if (receiver) {
      receiver.resolve({ done: false, value });
      return Promise.resolve();
    }
    if (this.#buffer.length < this.capacity) {
      this.#buffer.push(value);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.#senders.push({ resolve, reject, value }));
  }

  /** Receives the next value, waiting while the channel is empty. */
  receive(): Promise<Received<T>> {
    if (this.#isCancelled) return Promise.reject(this.#cancelError());
    if (this.#buffer.length > 0) {
      const value = this.#buffer.shift() as T;
      const sender = this.#senders.shift();
      if (sender) {
        this.#buffer.push(sender.value);
        sender.resolve();
      }
      return Promise.resolve({ done: false, value });
    }
    const sender = this.#senders.shift();
    if (sender) {
      sender.resolve();
      return Promise.resolve({ done: false, value: sender.value });
    }
    if (this.#closed) return Promise.resolve({ done: true });
    return new Promise((resolve, reject) => this.#receivers.push({ resolve, reject }));
  }

  /** No more values: receivers drain the buffer, then see `done`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const receiver of this.#receivers.splice(0)) receiver.resolve({ done: true });
  }

  /** Stops everything now: buffered values are dropped, waiting calls reject. */
  cancel(reason?: unknown): void {
    if (this.#isCancelled) return;
    this.#isCancelled = true;
    this.#closed = true;
    this.#cancelled = reason;
    this.#buffer = [];
    const error = this.#cancelError();
    for (const sender of this.#senders.splice(0)) sender.reject(error);
    for (const receiver of this.#receivers.splice(0)) receiver.reject(error);
  }

  #cancelError(): ChannelClosedError {
    const reason = this.#cancelled;
    const text = reason instanceof Error
      ? reason.message
      : reason === undefined
      ? ""
      : String(reason);
    return new ChannelClosedError(`channel cancelled${text ? `: ${text}` : ""}`, { cause: reason });
  }

  /** Receives until the channel is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (true) {
      const next = await this.receive();
      if (next.done) return;
      yield next.value;
    }
  }
}
