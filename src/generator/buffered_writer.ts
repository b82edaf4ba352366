/**
 * A buffered text writer over a `Deno.FsFile`: many small `write(text)` calls become few
 * large file writes, so generating gigabytes costs constant memory and few system calls.
 *
 * Techniques: one preallocated byte buffer filled with `TextEncoder.encodeInto` (no
 * intermediate arrays); flushed with a write-all loop when full; counts the bytes written.
 * The generator writes ASCII only, so UTF-8 encoding equals latin1 here.
 *
 * @example
 * ```ts
 * import { BufferedWriter } from "./buffered_writer.ts";
 * const out = await BufferedWriter.create("/tmp/out.txt");
 * await out.write("hello\n");
 * await out.close();
 * out.bytes; // 6
 * ```
 *
 * @module
 */

/** Default buffer size: 1 MiB. */
export const DEFAULT_BUFFER_BYTES = 1 << 20;

/** Buffered text output to one file. */
export class BufferedWriter {
  readonly #file: Deno.FsFile;
  readonly #buffer: Uint8Array;
  readonly #encoder = new TextEncoder();
  #used = 0;
  #bytes = 0;

  private constructor(file: Deno.FsFile, size: number) {
    this.#file = file;
    this.#buffer = new Uint8Array(size);
  }

  /** Creates (or truncates) `path` for writing. */
  static async create(path: string, size = DEFAULT_BUFFER_BYTES): Promise<BufferedWriter> {
    const file = await Deno.open(path, { write: true, create: true, truncate: true });
    return new BufferedWriter(file, size);
  }

  /** Bytes written so far (buffered ones included). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Appends `text`; flushes when the buffer is full. */
  async write(text: string): Promise<void> {
    let rest = text;
    while (rest.length > 0) {
      const { read, written } = this.#encoder.encodeInto(rest, this.#buffer.subarray(this.#used));
      this.#used += written;
      this.#bytes += written;
      rest = rest.slice(read);
      if (rest.length > 0 || this.#used === this.#buffer.length) await this.flush();
    }
  }

  /** Writes the buffered bytes to the file. */
  async flush(): Promise<void> {
    let offset = 0;
    while (offset < this.#used) {
      offset += await this.#file.write(this.#buffer.subarray(offset, this.#used));
    }
    this.#used = 0;
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.#file.close();
    }
  }
}
