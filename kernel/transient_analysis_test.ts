import assert from "node:assert/strict";
import { loadPlugins } from "./loader.ts";
import { analyzeInMemory } from "./transient_analysis.ts";
import {
  artifact,
  DEFAULT_SETTINGS,
  definePlugin,
  defineSettings,
  defineStage,
  LapsKey,
  settingsOf,
} from "../sdk/mod.ts";
import { haveSessions, readSession } from "../sdk/testing/mod.ts";

const echoSettings = defineSettings({
  margin: { type: "number", description: "Any number", default: 1, minimum: 0, maximum: 100 },
});
const EchoKey = artifact<number>("setting-echo", "The plugin's margin setting");
const echoPlugin = definePlugin({
  id: "setting-echo",
  version: "0.1.0",
  sdk: "^1.0",
  description: "Writes its own setting as an artifact.",
  settings: echoSettings,
  stages: [defineStage({
    id: "echo",
    description: "Echoes the margin setting.",
    consumes: { laps: LapsKey },
    produces: { margin: EchoKey },
    run: (ctx) => ({ margin: settingsOf(ctx, echoSettings).margin }),
  })],
});

Deno.test({
  name: "an in-memory analysis runs with the settings it is given (plugins.json's on a server)",
  ignore: !haveSessions(),
  async fn() {
    const { registry } = await loadPlugins();
    using _registration = registry.register(echoPlugin);
    const bytes = await readSession("barber-1lap.csv");
    const configured = await analyzeInMemory(registry, "barber-1lap.csv", bytes, {
      ...DEFAULT_SETTINGS,
      plugins: { "setting-echo": { margin: 7 } },
    });
    assert.equal(await configured.artifacts.get(EchoKey), 7);
    const defaults = await analyzeInMemory(registry, "barber-1lap.csv", bytes, DEFAULT_SETTINGS);
    assert.equal(await defaults.artifacts.get(EchoKey), 1);
  },
});

Deno.test("an in-memory analysis of an unreadable file names the file", async () => {
  const { registry } = await loadPlugins();
  await assert.rejects(
    analyzeInMemory(registry, "notes.txt", new TextEncoder().encode("hello\n"), DEFAULT_SETTINGS),
    /notes\.txt/,
  );
});
