/**
 * Isolation of third-party plugins: hostile fixture plugins (an endless
 * loop, a throw, unbounded allocation, reading /etc/passwd, opening a socket,
 * reading an environment variable) are loaded from folders next to the
 * built-in plugins, and one analysis of a shared sample session runs them
 * all. Each hostile stage must end in an error diagnostic naming its plugin
 * and stage, while every built-in artifact is still produced and equal to a
 * run without the fixtures; a well-behaved sandboxed stage must return its
 * typed array intact.
 *
 * @module
 */

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { CornersKey, LapsKey } from "../sdk/mod.ts";
import { haveSessions, readSession } from "../sdk/testing/mod.ts";
import { loadPlugins } from "../kernel/loader.ts";
import { analyze } from "../kernel/run.ts";
import { LapTimesKey } from "./fixtures/sandbox_good/mod.ts";

const SAMPLE = "barber-8laps.csv";
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}/`, import.meta.url));
const HOSTILE: Record<string, RegExp> = {
  "sandbox-loop": /time limit/,
  "sandbox-throw": /refusing \d+ laps/,
  "sandbox-alloc": /memory limit/,
  "sandbox-read": /read access/i,
  "sandbox-net": /net access/i,
  "sandbox-env": /env access/i,
};

Deno.test({
  name: "hostile sandboxed plugins are contained and reported; the rest of the session is complete",
  ignore: !haveSessions(),
  async fn() {
    const bytes = await readSession(SAMPLE);
    const plain = await loadPlugins();
    const reference = await analyze(plain.registry, { file: SAMPLE, bytes });
    const loaded = await loadPlugins({
      pluginDirs: ["sandbox_good", ...Object.keys(HOSTILE).map((id) => id.replace("-", "_"))].map(fixture),
      sandbox: { timeLimitMs: 5000, memoryLimitMb: 256 },
    });
    try {
      assert.deepEqual(loaded.problems, []);
      for (const id of ["sandbox-good", ...Object.keys(HOSTILE)]) {
        assert.equal(loaded.isolated(id), true, id);
        assert.equal(loaded.sources.get(id), "folder");
      }
      const result = await analyze(loaded.registry, { file: SAMPLE, bytes });

      for (const [plugin, reason] of Object.entries(HOSTILE)) {
        const errors = result.diagnostics.filter((d) => d.plugin === plugin && d.severity === "error");
        assert.equal(errors.length, 1, `${plugin}: ${JSON.stringify(result.diagnostics)}`);
        assert.equal(errors[0].stage, `${plugin}-probe`);
        assert.match(errors[0].message, reason, `${plugin}: ${errors[0].message}`);
      }
      for (const plugin of ["sandbox-loop", "sandbox-alloc"]) {
        assert.equal(loaded.health(plugin).status, "unhealthy", plugin);
      }
      assert.equal(loaded.health("sandbox-good").status, "healthy");
      assert.equal(loaded.health("laps").status, "healthy");

      const laps = result.artifacts.get(LapsKey)!;
      assert.deepEqual(laps, reference.artifacts.get(LapsKey));
      assert.deepEqual(result.artifacts.get(CornersKey), reference.artifacts.get(CornersKey));
      assert.deepEqual(
        result.artifacts.ids().filter((id) => !id.startsWith("sandbox")).sort(),
        reference.artifacts.ids().sort(),
      );
      const times = result.artifacts.get(LapTimesKey);
      assert.ok(times instanceof Float64Array);
      assert.deepEqual([...times], laps.map((l) => l.timeS ?? NaN));
      assert.ok(
        result.diagnostics.some((d) => d.plugin === "sandbox-good" && /timed in the worker/.test(d.message)),
      );
    } finally {
      loaded.close();
    }
  },
});
