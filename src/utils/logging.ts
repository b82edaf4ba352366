/**
 * Logging set-up: structured JSON Lines to `<logDir>/finstream.log` (info and up) and
 * `<logDir>/finstream.error.log` (errors only), plus readable console output for
 * warnings and errors.
 *
 * Techniques: LogTape sinks composed with level filters (`withFilter`); contextual
 * properties (run id, file, page or record, step) attached with `logger.with(...)` by
 * the callers; card numbers are masked in every logged string property before it is
 * written; `dispose()` flushes the files at the end of a run.
 *
 * @example
 * ```ts
 * import { configureLogging, getLog } from "./logging.ts";
 * await configureLogging({ dir: "logs", level: "info" });
 * getLog("ingest").with({ runId: "r1" }).info("started {file}", { file: "a.txt" });
 * ```
 *
 * @module
 */

import {
  configure,
  dispose,
  getConsoleSink,
  getLogger,
  jsonLinesFormatter,
  type Logger,
  type LogLevel,
  type LogRecord,
  type Sink,
  withFilter,
} from "@logtape/logtape";
import { getFileSink } from "@logtape/file";
import { maskCardNumbersInText } from "./pan_mask.ts";

/** Options for {@link configureLogging}. */
export interface LoggingOptions {
  /** Folder of the log files. @default "logs" */
  dir?: string;
  /** Lowest level written to the info log. @default "info" */
  level?: LogLevel;
  /** Also print warnings and errors to the console. @default true */
  console?: boolean;
}

/** Gives `wrapper` the disposal hooks of `inner`, so `dispose()` still flushes the file. */
function keepDisposal(wrapper: Sink, inner: Sink): Sink {
  const disposable = inner as Sink & Partial<AsyncDisposable & Disposable>;
  const asyncDispose = disposable[Symbol.asyncDispose];
  const syncDispose = disposable[Symbol.dispose];
  const hooks: Partial<AsyncDisposable & Disposable> = {};
  if (asyncDispose) hooks[Symbol.asyncDispose] = () => asyncDispose.call(inner);
  if (syncDispose) hooks[Symbol.dispose] = () => syncDispose.call(inner);
  return Object.assign(wrapper, hooks);
}

/** Masks card numbers in the message and string properties before `sink` sees them. */
function maskProperties(sink: Sink): Sink {
  return keepDisposal((record: LogRecord) => {
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record.properties)) {
      properties[key] = typeof value === "string" ? maskCardNumbersInText(value) : value;
    }
    const message = record.message.map((part) =>
      typeof part === "string" ? maskCardNumbersInText(part) : part
    );
    sink({ ...record, message, properties });
  }, sink);
}

/** Configures the log sinks; call once per process, then {@link closeLogging}. */
export async function configureLogging(options: LoggingOptions = {}): Promise<void> {
  const dir = options.dir ?? "logs";
  await Deno.mkdir(dir, { recursive: true });
  const sinks: Record<string, Sink> = {
    infoFile: maskProperties(
      getFileSink(`${dir}/finstream.log`, { formatter: jsonLinesFormatter, lazy: true }),
    ),
    errorFile: (() => {
      const file = maskProperties(
        getFileSink(`${dir}/finstream.error.log`, { formatter: jsonLinesFormatter, lazy: true }),
      );
      return keepDisposal(withFilter(file, "error"), file);
    })(),
  };
  if (options.console ?? true) {
    sinks.console = withFilter(getConsoleSink(), "warning");
  }
  await configure({
    reset: true,
    sinks,
    loggers: [
      { category: ["finstream"], sinks: Object.keys(sinks), lowestLevel: options.level ?? "info" },
      { category: ["logtape", "meta"], sinks: [], lowestLevel: "warning" },
    ],
  });
}

/** Flushes and closes the log files. */
export async function closeLogging(): Promise<void> {
  await dispose();
}

/** The logger of a finstream component, e.g. `getLog("ingest")`. */
export function getLog(component: string): Logger {
  return getLogger(["finstream", component]);
}
