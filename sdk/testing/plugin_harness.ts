/**
 * The author's harness: run a plugin (or a single stage) through the real
 * pipeline on a shared sample session, together with the built-in plugins,
 * and get back its artifacts and diagnostics to assert on. It uses the
 * kernel the workbench uses (`kernel/run.ts`), in-process, so a plugin
 * behaves here as it does in `deno task analyze`.
 *
 * @example
 * ```ts ignore
 * import assert from "node:assert/strict";
 * import { runPluginOnSample } from "../../sdk/testing/mod.ts";
 * import plugin, { LapCountKey } from "./mod.ts";
 *
 * Deno.test("counts the laps of the Barber sample", async () => {
 *   const run = await runPluginOnSample(plugin, "barber-8laps.csv");
 *   assert.equal(run.get(LapCountKey), (await run.truth()).laps.filter((l) => l.complete).length);
 *   assert.deepEqual(run.errors(), []);
 * });
 * ```
 *
 * @module
 */

import {
  type AnyStage,
  type ArtifactKey,
  DEFAULT_SETTINGS,
  definePlugin,
  type Diagnostic,
  type PluginManifest,
  resolveSettings,
  type RunSettings,
} from "../mod.ts";
import { builtinPluginUrls, importPlugin } from "../../kernel/loader.ts";
import { createRegistry } from "../../kernel/registry.ts";
import { analyze } from "../../kernel/run.ts";
import { readSession, readTruth, sessionUrl } from "./samples.ts";
import type { Truth } from "./truth.ts";

/** How to run. */
export interface HarnessOptions {
  /** The plugin's settings (as in `plugins.json`), checked against its schema; defaults fill the rest. */
  settings?: Record<string, unknown>;
  /** Run settings besides the plugin's (track, GPS filter, vehicle). */
  run?: Partial<Omit<RunSettings, "plugins">>;
  /** Load the built-in plugins too (default true: a metric needs laps, corners...). */
  builtins?: boolean;
}

/** What a run produced. */
export interface HarnessRun {
  /** Id of the format that read the file, or null. */
  format: string | null;
  /** An artifact's value (any plugin's), or undefined when nothing produced it. */
  get<T>(key: ArtifactKey<T>): T | undefined;
  /** Every diagnostic of the run, plugin loading included. */
  diagnostics: Diagnostic[];
  /** The diagnostics reported by or about the plugin under test. */
  own(): Diagnostic[];
  /** Its `error` diagnostics (a stage that threw, a stage that could not run). */
  errors(): Diagnostic[];
  /** Seconds per stage id. */
  stageSeconds: Record<string, number>;
  /** The sample's truth file (`FILE.truth.json`). */
  truth(): Promise<Truth>;
}

/** Loaded once per test process. */
let builtins: Promise<PluginManifest[]> | null = null;

/**
 * Runs `plugin` with the built-in plugins on `sample`: a sample session's
 * file name (e.g. `"barber-8laps.csv"`, see `listSessions()`) or a path to
 * any logger file. Throws when the plugin is refused (bad manifest, clash,
 * settings that do not fit its schema); a stage that throws is a diagnostic,
 * as in the workbench.
 */
export async function runPluginOnSample(
  plugin: PluginManifest,
  sample: string | URL,
  options: HarnessOptions = {},
): Promise<HarnessRun> {
  const registry = createRegistry();
  const diagnostics: Diagnostic[] = [];
  if (options.builtins !== false) {
    builtins ??= builtinPluginUrls().then((urls) => Promise.all(urls.map(importPlugin)));
    for (const p of await builtins) if (p.id !== plugin.id) registry.register(p);
  }
  registry.register(plugin);
  const { values, problems } = resolveSettings(plugin.settings ?? {}, options.settings);
  if (problems.length > 0) {
    throw new Error(
      `plugin "${plugin.id}": ${problems.map((p) => `settings.${p.key} ${p.message}`).join("; ")}`,
    );
  }
  const url = sessionUrl(sample);
  const result = await analyze(registry, {
    file: url.pathname.split("/").pop()!,
    bytes: await readSession(url),
    settings: { ...DEFAULT_SETTINGS, ...options.run, plugins: { [plugin.id]: values } },
  });
  diagnostics.push(...result.diagnostics);
  const own = () => diagnostics.filter((d) => d.plugin === plugin.id);
  return {
    format: result.format,
    get: (key) => result.artifacts.get(key),
    diagnostics,
    own,
    errors: () => own().filter((d) => d.severity === "error"),
    stageSeconds: result.stageSeconds,
    truth: () => readTruth(url),
  };
}

/** Runs one stage (wrapped in a plugin named `test-<stage id>`) with the built-in plugins on `sample`. */
export function runStageOnSample(
  stage: AnyStage,
  sample: string | URL,
  options: HarnessOptions = {},
): Promise<HarnessRun> {
  const plugin = definePlugin({
    id: `test-${stage.id}`,
    version: "0.0.0",
    sdk: "^1.0",
    description: `Runs the stage ${stage.id} alone.`,
    stages: [stage],
  });
  return runPluginOnSample(plugin, sample, options);
}
