/**
 * Tests for the strategy loader (`loader.ts`): file-name convention, loading the built-in
 * folder into a fresh registry, bad strategy files (wrong id, no default export, not a
 * strategy, broken module), and plugin precedence. Plugin folders are temporary folders
 * under /tmp, removed afterwards.
 *
 * @module
 */

import assert from "node:assert/strict";
import { StrategyLoadError } from "../../src/models/errors.ts";
import { loadStrategies, reportIdFromFilename } from "../../src/strategies/loader.ts";
import { StrategyRegistry } from "../../src/strategies/registry.ts";

const COLUMN_STRATEGY = new URL(
  "../../src/strategies/column_report_strategy.ts",
  import.meta.url,
).href;

/** A strategy module's source whose default export handles `reportId`. */
const strategyModule = (reportId: string, className = "PluginStrategy") => `
import { ColumnReportStrategy } from ${JSON.stringify(COLUMN_STRATEGY)};
export default class ${className} extends ColumnReportStrategy {
  readonly reportId = ${JSON.stringify(reportId)};
  readonly columns = [];
}
`;

/** Makes a temporary strategy folder holding `files`, runs `fn`, removes the folder. */
async function withStrategyDir(
  files: Record<string, string>,
  fn: (dir: URL, path: string) => Promise<void>,
): Promise<void> {
  const path = await Deno.makeTempDir({ dir: "/tmp" });
  try {
    for (const [name, source] of Object.entries(files)) {
      await Deno.writeTextFile(`${path}/${name}`, source);
    }
    await fn(new URL(`file://${path}/`), path);
  } finally {
    await Deno.remove(path, { recursive: true });
  }
}

Deno.test("reportIdFromFilename", async (t) => {
  const cases: [string, string | null][] = [
    ["vss_110.ts", "VSS-110"],
    ["vss_610.ts", "VSS-610"],
    ["vss_900_s.ts", "VSS-900-S"],
    ["vss_100_w.js", "VSS-100-W"],
    ["vss_110_m.ts", "VSS-110-M"],
    ["vss_110_test.ts", null],
    ["vss_110_test.js", null],
    ["VSS_110.ts", null],
    ["vss-110.ts", null],
    ["vss_110.tsx", null],
    ["vss_110.d.ts", null],
    ["vss_.ts", null],
    ["vss__110.ts", null],
    ["helper.ts", null],
    ["README.md", null],
    ["vss_110.ts.bak", null],
  ];
  for (const [name, expected] of cases) {
    await t.step(name, () => assert.equal(reportIdFromFilename(name), expected));
  }
});

Deno.test("loadStrategies fills a fresh registry from the built-in folder", async () => {
  const registry = new StrategyRegistry();
  const returned = await loadStrategies({ registry });
  assert.equal(returned, registry);
  assert.ok(registry.has("VSS-110"));
  assert.ok(registry.has("VSS-610"));
  assert.equal(registry.get("VSS-110")?.reportId, "VSS-110");
  assert.equal(registry.get("VSS-610")?.reportId, "VSS-610");
  for (const entry of registry.list()) {
    assert.equal(entry.source, "built-in");
    const expectedFile = entry.strategy.reportId.toLowerCase().replaceAll("-", "_") + ".ts";
    assert.ok(entry.module?.endsWith(`/strategies/${expectedFile}`), entry.module);
  }
});

Deno.test("loadStrategies: bad strategy files are StrategyLoadErrors", async (t) => {
  await t.step("a module whose strategy handles another id", async () => {
    await withStrategyDir({ "vss_123.ts": strategyModule("VSS-999") }, async (dir, path) => {
      await assert.rejects(
        () => loadStrategies({ dir, registry: new StrategyRegistry(), source: "plugin" }),
        (error: unknown) => {
          assert.ok(error instanceof StrategyLoadError);
          assert.ok(error.message.includes("VSS-123"), error.message);
          assert.ok(error.message.includes("VSS-999"), error.message);
          assert.equal(error.location.file, `${path}/vss_123.ts`);
          return true;
        },
      );
    });
  });

  await t.step("a module without a default export", async () => {
    await withStrategyDir(
      { "vss_124.ts": "export const notAStrategy = 1;\n" },
      async (dir, path) => {
        await assert.rejects(
          () => loadStrategies({ dir, registry: new StrategyRegistry() }),
          (error: unknown) => {
            assert.ok(error instanceof StrategyLoadError);
            assert.ok(error.message.includes("VSS-124"), error.message);
            assert.equal(error.location.file, `${path}/vss_124.ts`);
            return true;
          },
        );
      },
    );
  });

  await t.step("a default export that is not a ParsingStrategy", async () => {
    const source = "export default class NotAStrategy { reportId = 'VSS-125'; }\n";
    await withStrategyDir({ "vss_125.ts": source }, async (dir) => {
      await assert.rejects(
        () => loadStrategies({ dir, registry: new StrategyRegistry() }),
        StrategyLoadError,
      );
    });
  });

  await t.step("a module that fails to import", async () => {
    await withStrategyDir({ "vss_126.ts": "throw new Error('boom at import');\n" }, async (dir) => {
      await assert.rejects(
        () => loadStrategies({ dir, registry: new StrategyRegistry() }),
        (error: unknown) => {
          assert.ok(error instanceof StrategyLoadError);
          assert.ok(error.message.includes("boom at import"), error.message);
          return true;
        },
      );
    });
  });

  await t.step("a folder that does not exist", async () => {
    await assert.rejects(
      () =>
        loadStrategies({
          dir: new URL("file:///tmp/finstream-no-such-strategies-folder/"),
          registry: new StrategyRegistry(),
        }),
      StrategyLoadError,
    );
  });
});

Deno.test("loadStrategies ignores files that do not follow the naming convention", async () => {
  await withStrategyDir(
    {
      "vss_127.ts": strategyModule("VSS-127"),
      "vss_127_test.ts": "throw new Error('test files must not be imported');\n",
      "helper.ts": "throw new Error('helpers must not be imported');\n",
      "README.md": "# plugins\n",
    },
    async (dir) => {
      const registry = await loadStrategies({ dir, registry: new StrategyRegistry() });
      assert.deepEqual(registry.list().map((e) => e.strategy.reportId), ["VSS-127"]);
    },
  );
});

Deno.test("loadStrategies: plugins and built-ins", async (t) => {
  const plugin = { "vss_110.ts": strategyModule("VSS-110", "PluginVss110") };

  await t.step("a plugin loaded after the built-ins overrides VSS-110", async () => {
    await withStrategyDir(plugin, async (dir) => {
      const registry = new StrategyRegistry();
      await loadStrategies({ registry });
      await loadStrategies({ dir, registry, source: "plugin" });
      assert.equal(registry.get("VSS-110")?.constructor.name, "PluginVss110");
      const entry = registry.list().find((e) => e.strategy.reportId === "VSS-110");
      assert.equal(entry?.source, "plugin");
      assert.equal(entry?.module, new URL("vss_110.ts", dir).href);
      assert.equal(registry.get("VSS-610")?.constructor.name, "Vss610Strategy");
    });
  });

  await t.step("built-ins loaded after a plugin do not override it", async () => {
    await withStrategyDir(plugin, async (dir) => {
      const registry = new StrategyRegistry();
      await loadStrategies({ dir, registry, source: "plugin" });
      await loadStrategies({ registry });
      assert.equal(registry.get("VSS-110")?.constructor.name, "PluginVss110");
      assert.equal(registry.get("VSS-610")?.constructor.name, "Vss610Strategy");
    });
  });
});
