/**
 * The parse-worker service: what a parse worker does with the messages it receives (see
 * `work_protocol.ts`). `serveParseJobs()` installs the message handler; the worker module
 * (`parse_worker.ts`, or the bundle itself when run as a worker) calls it.
 *
 * Techniques: strategies loaded once per worker on `init` (built-in by filename
 * convention or compiled in, plugin folders, single modules); jobs answered one at a time
 * with their results, COPY text and the pages' own bytes transferred back, not copied;
 * failures reported as data.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { isStrategyClass, loadStrategies } from "../strategies/loader.ts";
import { StrategyRegistry } from "../strategies/registry.ts";
import { StrategyLoadError } from "../models/errors.ts";
import { runJob } from "./job_runner.ts";
import {
  type DescribeMessage,
  type InitMessage,
  type Job,
  type JobResult,
  serializeError,
  type WorkerReply,
} from "./work_protocol.ts";

let registry: StrategyRegistry | null = null;

async function init(message: InitMessage): Promise<void> {
  const fresh = new StrategyRegistry();
  for (const dir of message.strategyDirs) {
    await loadStrategies({
      dir: new URL(dir),
      registry: fresh,
      source: message.pluginDirs.includes(dir) ? "plugin" : "built-in",
    });
  }
  for (const specifier of message.strategyModules) {
    let module: Record<string, unknown>;
    try {
      module = await import(specifier);
    } catch (error) {
      throw new StrategyLoadError(
        `cannot import strategy ${specifier}: ${(error as Error).message}`,
      );
    }
    const Strategy = module.default;
    if (!isStrategyClass(Strategy)) {
      throw new StrategyLoadError(
        `${specifier} must export default a ParsingStrategy subclass (e.g. ColumnReportStrategy)`,
      );
    }
    fresh.register(new Strategy(), {
      source: "plugin",
      module: specifier,
    });
  }
  registry = fresh;
}

/** What a result hands back without copying: COPY text, or the job's own bytes. */
function transferables(result: JobResult): Transferable[] {
  if (result.type === "records") return result.copy ? [result.copy] : [];
  return [result.buffer];
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Installs the worker's message handler. */
export function serveParseJobs(): void {
  self.onmessage = handle;
}

async function handle(event: MessageEvent<InitMessage | DescribeMessage | Job>): Promise<void> {
  const message = event.data;
  if (message.type === "describe") {
    reply({
      type: "described",
      strategies: (registry?.list() ?? []).map((e) => ({
        reportId: e.strategy.reportId,
        source: e.source,
        module: e.module,
        className: e.strategy.constructor.name,
        overrides: e.overrides,
      })),
    });
    return;
  }
  if (message.type === "init") {
    try {
      await init(message);
      reply({ type: "ready" });
    } catch (error) {
      reply({ type: "init-failed", error: serializeError(error, "parse") });
    }
    return;
  }
  try {
    if (!registry) throw new Error("worker used before init");
    const result = runJob(message, registry);
    reply(
      { type: "result", ticket: message.ticket, result },
      transferables(result),
    );
  } catch (error) {
    reply({
      type: "failed",
      ticket: message.ticket,
      id: message.id,
      error: serializeError(error, "parse"),
    });
  }
}
