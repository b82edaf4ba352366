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
import { runJob } from "./job_runner.ts";
import { type InitMessage, type Job, serializeError, type WorkerReply } from "./work_protocol.ts";

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
  registry = fresh;
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<InitMessage | Job>) => {
  const message = event.data;
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
