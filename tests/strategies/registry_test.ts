/**
 * Tests for the strategy registry (`registry.ts`): lookup by full report id, id
 * validation, and precedence (a plugin overrides a built-in; a built-in never overrides
 * a plugin).
 *
 * @module
 */

import assert from "node:assert/strict";
import { StrategyLoadError } from "../../src/models/errors.ts";
import type { ColumnSpec } from "../../src/strategies/column_layout.ts";
import { ColumnReportStrategy } from "../../src/strategies/column_report_strategy.ts";
import { defaultRegistry, StrategyRegistry } from "../../src/strategies/registry.ts";
import Vss110Strategy from "../../strategies/vss_110.ts";

class FakeStrategy extends ColumnReportStrategy {
  readonly columns: readonly ColumnSpec[] = [];
  constructor(readonly reportId: string, readonly tag = "") {
    super();
  }
}

Deno.test("StrategyRegistry: register, get, has", () => {
  const registry = new StrategyRegistry();
  assert.equal(registry.get("VSS-110"), undefined);
  assert.equal(registry.has("VSS-110"), false);
  const strategy = new FakeStrategy("VSS-110");
  registry.register(strategy);
  assert.equal(registry.get("VSS-110"), strategy);
  assert.equal(registry.has("VSS-110"), true);
  assert.deepEqual(registry.list(), [
    { strategy, source: "built-in", module: undefined, overrides: undefined },
  ]);
});

Deno.test("StrategyRegistry: ids are exact (VSS-900-S is not VSS-900)", () => {
  const registry = new StrategyRegistry();
  const summary = new FakeStrategy("VSS-900-S");
  registry.register(summary);
  assert.equal(registry.get("VSS-900"), undefined);
  assert.equal(registry.get("VSS-900-S"), summary);
  assert.equal(registry.get("vss-900-s"), undefined);
});

Deno.test("StrategyRegistry: invalid report ids are refused", async (t) => {
  for (const id of ["", "VSS", "VSS-", "VSS110", "vss-110", "VSS-110-", "VSS--110", "VSS-11 0"]) {
    await t.step(JSON.stringify(id), () => {
      const registry = new StrategyRegistry();
      assert.throws(() => registry.register(new FakeStrategy(id)), StrategyLoadError);
      assert.equal(registry.list().length, 0);
    });
  }
  for (const id of ["VSS-110", "VSS-900-S", "VSS-100-W", "VSS-110-M"]) {
    await t.step(`accepts ${id}`, () => {
      const registry = new StrategyRegistry();
      registry.register(new FakeStrategy(id));
      assert.ok(registry.has(id));
    });
  }
});

Deno.test("StrategyRegistry: precedence between built-ins and plugins", async (t) => {
  await t.step("a plugin overrides a built-in", () => {
    const registry = new StrategyRegistry();
    const builtIn = new FakeStrategy("VSS-110", "built-in");
    const plugin = new FakeStrategy("VSS-110", "plugin");
    registry.register(builtIn, { module: "file:///app/strategies/vss_110.ts" });
    registry.register(plugin, { source: "plugin", module: "file:///plugins/vss_110.ts" });
    assert.equal(registry.get("VSS-110"), plugin);
    assert.deepEqual(registry.list(), [
      {
        strategy: plugin,
        source: "plugin",
        module: "file:///plugins/vss_110.ts",
        overrides: "file:///app/strategies/vss_110.ts",
      },
    ]);
  });
  await t.step("a built-in registered later does not override a plugin", () => {
    const registry = new StrategyRegistry();
    const builtIn = new FakeStrategy("VSS-110", "built-in");
    const plugin = new FakeStrategy("VSS-110", "plugin");
    registry.register(plugin, { source: "plugin" });
    registry.register(builtIn, { source: "built-in" });
    assert.equal(registry.get("VSS-110"), plugin);
    assert.equal(registry.list()[0].source, "plugin");
  });
  await t.step("a later plugin replaces an earlier plugin", () => {
    const registry = new StrategyRegistry();
    const first = new FakeStrategy("VSS-110", "first");
    const second = new FakeStrategy("VSS-110", "second");
    registry.register(first, { source: "plugin" });
    registry.register(second, { source: "plugin" });
    assert.equal(registry.get("VSS-110"), second);
  });
  await t.step("a later built-in replaces an earlier built-in", () => {
    const registry = new StrategyRegistry();
    const first = new FakeStrategy("VSS-110", "first");
    const second = new FakeStrategy("VSS-110", "second");
    registry.register(first);
    registry.register(second);
    assert.equal(registry.get("VSS-110"), second);
  });
  await t.step("other ids are untouched", () => {
    const registry = new StrategyRegistry();
    const a = new FakeStrategy("VSS-120");
    registry.register(a);
    registry.register(new FakeStrategy("VSS-110"), { source: "plugin" });
    assert.equal(registry.get("VSS-120"), a);
  });
});

Deno.test("StrategyRegistry.list is sorted by report id", () => {
  const registry = new StrategyRegistry();
  for (const id of ["VSS-900-S", "VSS-110", "VSS-610", "VSS-900", "VSS-120"]) {
    registry.register(new FakeStrategy(id));
  }
  assert.deepEqual(registry.list().map((e) => e.strategy.reportId), [
    "VSS-110",
    "VSS-120",
    "VSS-610",
    "VSS-900",
    "VSS-900-S",
  ]);
});

Deno.test("a built-in strategy module registers itself in the default registry on import", () => {
  const registered = defaultRegistry.get("VSS-110");
  assert.ok(registered instanceof Vss110Strategy);
});
