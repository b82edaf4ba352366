/**
 * The parse worker: runs report strategies and clearing-record validation off the main
 * thread. The worker pool starts it with scoped Deno permissions (read access to the
 * strategy folders and the source tree only; no network, environment, writes or
 * subprocesses), so a strategy can neither reach the database nor touch the file system.
 *
 * Protocol (see `work_protocol.ts`): an `init` message loads the strategies (built-in and
 * plugin folders, by filename convention); each job then arrives with its bytes in one
 * transferred `ArrayBuffer` and is answered with one result (`job_runner.ts` does the
 * work); COPY text goes back as a transferred buffer too.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { loadStrategies } from "../strategies/loader.ts";
import { StrategyRegistry } from "../strategies/registry.ts";
import { ParsingStrategy } from "../strategies/parsing_strategy.ts";
import { StrategyLoadError } from "../models/errors.ts";
import { runJob } from "./job_runner.ts";
import {
  type DescribeMessage,
  type InitMessage,
  type Job,
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
    if (typeof Strategy !== "function" || !(Strategy.prototype instanceof ParsingStrategy)) {
      throw new StrategyLoadError(
        `${specifier} must export default a ParsingStrategy subclass (e.g. ColumnReportStrategy)`,
      );
    }
    fresh.register(new (Strategy as new () => ParsingStrategy)(), {
      source: "plugin",
      module: specifier,
    });
  }
  registry = fresh;
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<InitMessage | DescribeMessage | Job>) => {
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
      { type: "result", result },
      result.type === "records" && result.copy ? [result.copy] : [],
    );
  } catch (error) {
    reply({ type: "failed", id: message.id, error: serializeError(error, "parse") });
  }
};
