/**
 * Applying `plugins.json`: disabled plugins are left out, the order follows
 * `order` with ties in the default order, settings are checked against the
 * plugin's schema (defaults filled; a bad value refuses the plugin naming
 * file and key), unknown ids are warned about, and a disabled producer makes
 * its dependants' diagnostics name it. Also who counts as an admin.
 *
 * @module
 */

import assert from "node:assert/strict";
import { definePlugin, defineSettings, type PluginManifest } from "../sdk/mod.ts";
import { loadPlugins } from "./loader.ts";
import { parsePluginConfig } from "./plugin_config.ts";
import { isPluginAdmin } from "./plugin_config_admin.ts";
import { arrangePlugins } from "./plugin_config_apply.ts";
import { neededBy } from "./plugin_config_listing.ts";

const FILE = "/data/plugins.json";
const config = (plugins: unknown) => parsePluginConfig(JSON.stringify({ plugins }), FILE);
const plugin = (id: string, settings?: PluginManifest["settings"]) =>
  definePlugin({ id, version: "1.0.0", sdk: "^1.0", description: id, settings });
const schema = defineSettings({
  windowM: { type: "number", description: "m", default: 10, minimum: 1 },
  mode: { type: "string", description: "how", default: "fast", enum: ["fast", "exact"] },
});

Deno.test("disabled plugins are left out; order sorts, ties keep the default order", () => {
  const arranged = arrangePlugins(
    [plugin("a"), plugin("b"), plugin("c"), plugin("d")],
    config({ b: { enabled: false }, d: { order: -1 }, a: { order: 5 } }),
  );
  assert.deepEqual(arranged.active, [3, 2, 0]);
  assert.deepEqual(arranged.disabled, [1]);
  assert.deepEqual(arranged.problems, []);
});

Deno.test("settings are checked against the schema, defaults filled in", () => {
  const ok = arrangePlugins([plugin("m", schema)], config({ m: { settings: { windowM: 20 } } }));
  assert.deepEqual(ok.settings, { m: { windowM: 20, mode: "fast" } });
  const bad = arrangePlugins(
    [plugin("m", schema), plugin("other")],
    config({ m: { settings: { windowM: 0, mode: "slow", extra: 1 } } }),
  );
  assert.deepEqual(bad.active, [1]);
  assert.deepEqual(bad.problems.map((p) => p.message), [
    "plugin not loaded: /data/plugins.json: plugins.m.settings.windowM must be at least 1, got 0",
    `plugin not loaded: /data/plugins.json: plugins.m.settings.mode must be one of fast, exact, got "slow"`,
    "plugin not loaded: /data/plugins.json: plugins.m.settings.extra is not a setting of this plugin (it has: windowM, mode)",
  ]);
});

Deno.test("an entry for a plugin that is not installed is a warning", () => {
  const arranged = arrangePlugins([plugin("a")], config({ typo: { enabled: false } }));
  assert.deepEqual(arranged.active, [0]);
  assert.equal(arranged.problems[0].severity, "warning");
  assert.match(arranged.problems[0].message, /plugins\.typo names a plugin that is not installed/);
});

Deno.test("disabling a built-in producer: dependants are named, nothing crashes", async () => {
  const loaded = await loadPlugins({ config: config({ laps: { enabled: false } }) });
  try {
    assert.deepEqual(loaded.disabled.map((d) => d.manifest.id), ["laps"]);
    assert.ok(!loaded.registry.plugins().some((p) => p.id === "laps"));
    const named = loaded.problems.filter((p) => p.message.includes(`plugin "laps") is disabled in ${FILE}`));
    assert.ok(named.length > 0, JSON.stringify(loaded.problems));
    assert.ok(named.every((p) => p.severity === "warning"));
  } finally {
    loaded.close();
  }
});

Deno.test("needed_by lists the stages that stop when a plugin goes", async () => {
  const loaded = await loadPlugins();
  try {
    const stages = loaded.registry.stages();
    const afterLaps = neededBy("laps", stages).map((s) => s.stage);
    assert.ok(afterLaps.includes("resample") && afterLaps.includes("detect-corners"), afterLaps.join());
    assert.deepEqual(neededBy("view-dashboard", stages), []);
  } finally {
    loaded.close();
  }
});

Deno.test("admins: the local user; with sign-in, WORKBENCH_ADMINS e-mails only", () => {
  const admins = new Set(["boss@example.com"]);
  assert.equal(isPluginAdmin({ id: "local", email: null }, admins), true);
  assert.equal(isPluginAdmin({ id: "u1", email: "Boss@Example.com" }, admins), true);
  assert.equal(isPluginAdmin({ id: "u2", email: "driver@example.com" }, admins), false);
  assert.equal(isPluginAdmin({ id: "u3", email: null }, admins), false);
  assert.equal(isPluginAdmin(null, admins), false);
});
