/**
 * Test helper: opens a page in a real headless Chromium (Debian's `/usr/bin/chromium`) and
 * reports what a person's browser would show — console errors, uncaught exceptions, browser
 * log errors, every network request, the value of a DOM expression, and a screenshot.
 *
 * Techniques: Chromium started with `--remote-debugging-port=0` (it prints the DevTools
 * WebSocket address on stderr), a minimal Chrome DevTools Protocol client over the standard
 * `WebSocket` (flat sessions: `Target.attachToTarget` with `flatten`), `Runtime`/`Log`/
 * `Network` events collected from before navigation; a private profile folder; the browser
 * closed through `Browser.close` and killed if it lingers, so no process outlives the test.
 *
 * @module
 */

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** The apt line that installs it. */
export const CHROMIUM_INSTALL = "apt-get update && apt-get install -y chromium";

/**
 * True when {@link CHROMIUM} runs (`--version`): only run permission is needed, not read
 * permission on `/usr/bin`.
 */
export function chromiumInstalled(): boolean {
  try {
    const { success } = new Deno.Command(CHROMIUM, {
      args: ["--version"],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return success;
  } catch {
    return false;
  }
}

/** What loading a page produced. */
export interface PageReport {
  /** `console.error` calls and browser log entries of level error. */
  consoleErrors: string[];
  /** Uncaught exceptions. */
  exceptions: string[];
  /** URL of every request the page made (the page itself included). */
  requests: string[];
  /** Requests that failed. */
  failedRequests: string[];
  /** The value of the expression evaluated after the load event. */
  value: unknown;
  /** PNG screenshot of the viewport. */
  screenshot: Uint8Array;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Reads stderr until the DevTools address is printed; keeps draining afterwards. */
async function devToolsAddress(
  stderr: ReadableStream<Uint8Array>,
  log: string[],
): Promise<{ url: string; drained: Promise<void> }> {
  const reader = stderr.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`chromium exited before DevTools started:\n${buffer}`);
    buffer += value;
    const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
    if (match) {
      log.push(buffer);
      const drained = (async () => {
        while (true) {
          const next = await reader.read();
          if (next.done) return;
          log.push(next.value);
        }
      })();
      return { url: match[1], drained };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Loads `url` in headless Chromium, waits for the load event, evaluates `expression` in the
 * page (its value must be JSON-serialisable) and takes a screenshot. `profileDir` must be an
 * empty scratch folder.
 */
export async function loadInChromium(
  url: string,
  expression: string,
  profileDir: string,
): Promise<PageReport> {
  const child = new Deno.Command(CHROMIUM, {
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--no-first-run",
      "--no-default-browser-check",
      "--window-size=1280,900",
      `--user-data-dir=${profileDir}`,
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      "about:blank",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const browserLog: string[] = [];
  let socket: WebSocket | undefined;
  let drained: Promise<void> = Promise.resolve();
  try {
    const address = await withTimeout(
      devToolsAddress(child.stderr, browserLog),
      60_000,
      "chromium DevTools address",
    );
    drained = address.drained;
    const ws = new WebSocket(address.url);
    socket = ws;
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        ws.onopen = () => resolve();
        ws.onerror = () => reject(new Error(`cannot connect to ${address.url}`));
      }),
      30_000,
      "DevTools WebSocket",
    );

    let nextId = 0;
    const pending = new Map<number, { resolve(r: CdpMessage): void; reject(e: Error): void }>();
    const listeners: ((m: CdpMessage) => void)[] = [];
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as CdpMessage;
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message);
      } else {
        for (const listener of listeners) listener(message);
      }
    };
    ws.onclose = () => {
      for (const waiter of pending.values()) waiter.reject(new Error("DevTools connection closed"));
      pending.clear();
    };
    const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) => {
      const id = ++nextId;
      const reply = new Promise<CdpMessage>((resolve, reject) => {
        pending.set(id, { resolve, reject });
      });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return withTimeout(reply, 30_000, method).then((m) => m.result ?? {});
    };

    const report: PageReport = {
      consoleErrors: [],
      exceptions: [],
      requests: [],
      failedRequests: [],
      value: undefined,
      screenshot: new Uint8Array(),
    };
    let loaded!: () => void;
    const loadFired = new Promise<void>((resolve) => (loaded = resolve));
    listeners.push((m) => {
      const p = m.params ?? {};
      switch (m.method) {
        case "Runtime.consoleAPICalled":
          if (p.type === "error" || p.type === "assert") {
            const args = (p.args as { value?: unknown; description?: string }[]) ?? [];
            report.consoleErrors.push(args.map((a) => a.description ?? a.value).join(" "));
          }
          break;
        case "Runtime.exceptionThrown":
          report.exceptions.push(JSON.stringify(p.exceptionDetails));
          break;
        case "Log.entryAdded": {
          const entry = p.entry as { level: string; text: string; url?: string };
          if (entry.level === "error") {
            report.consoleErrors.push(`${entry.text} ${entry.url ?? ""}`);
          }
          break;
        }
        case "Network.requestWillBeSent":
          report.requests.push((p.request as { url: string }).url);
          break;
        case "Network.loadingFailed":
          report.failedRequests.push(`${p.requestId}: ${p.errorText}`);
          break;
        case "Page.loadEventFired":
          loaded();
          break;
      }
    });

    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    const session = sessionId as string;
    for (const domain of ["Runtime", "Log", "Page", "Network"]) {
      await send(`${domain}.enable`, {}, session);
    }
    const navigation = await send("Page.navigate", { url }, session);
    if (navigation.errorText) throw new Error(`navigation failed: ${navigation.errorText}`);
    await withTimeout(loadFired, 30_000, `load event of ${url}`);
    // Let late console messages and requests arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const evaluated = await send(
      "Runtime.evaluate",
      { expression, returnByValue: true },
      session,
    );
    if (evaluated.exceptionDetails) {
      throw new Error(`expression failed: ${JSON.stringify(evaluated.exceptionDetails)}`);
    }
    report.value = (evaluated.result as { value?: unknown }).value;
    const shot = await send("Page.captureScreenshot", { format: "png" }, session);
    report.screenshot = Uint8Array.from(atob(shot.data as string), (c) => c.charCodeAt(0));
    await send("Browser.close").catch(() => {});
    return report;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nchromium stderr:\n${browserLog.join("")}`, {
      cause: error,
    });
  } finally {
    socket?.close();
    const exited = await withTimeout(child.status, 15_000, "chromium exit").catch(() => null);
    if (exited === null) {
      child.kill("SIGKILL");
      await child.status;
    }
    await drained.catch(() => {});
  }
}
