/**
 * Incremental re-analysis: reuse every stored artifact whose inputs have not
 * changed, recompute the rest.
 *
 * Each stage gets a fingerprint: a hash of its plugin's id, version,
 * settings (from `plugins.json`) and analysis data (`analysisData`), its own
 * id, and the fingerprints of the artifacts it consumes. The parsed
 * session's fingerprint is the file's hash, the format plugin's print, the
 * SDK version (every format ends in the SDK's `buildSession`, which cleans
 * the rows) and the run settings other than the plugins' own. A change
 * anywhere upstream (a new file, a plugin or SDK upgrade, a plugin's
 * settings or data, other run settings) therefore changes the fingerprint
 * of every stage downstream of it and of nothing else. A stage whose outputs are all stored under its
 * current fingerprint is not run: the kernel's runner gets a stand-in that
 * returns the stored values, so ordering, progress events and
 * skipping work as in a full run.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { type RunSettings, SDK_VERSION, SessionKey } from "../../sdk/mod.ts";
import { planStages } from "../plan.ts";
import type { RegisteredFormat, RegisteredStage, Registry } from "../registry.ts";

/** A stage's identity for storage: who produced an artifact, under which fingerprint. */
export interface StageIdentity {
  /** Owning plugin id. */
  plugin: string;
  /** The plugin's version. */
  version: string;
  /** Stage id. */
  stage: string;
  /** Input fingerprint. */
  fingerprint: string;
}

/** A registry prepared for one incremental run. */
export interface IncrementalRun {
  /** Hand this to `analyze()`: stages that can be reused are replaced by stand-ins. */
  registry: Registry;
  /** Producer and fingerprint of every artifact the planned stages produce, by artifact id. */
  producers: Map<string, StageIdentity>;
  /** Ids of the stages that were reused (filled in as the run goes). */
  reused: Set<string>;
}

/** What the caller knows about stored artifacts. */
export interface StoredArtifacts {
  /** Fingerprint of each stored artifact, by artifact id. */
  fingerprints: ReadonlyMap<string, string>;
  /** Loads and decodes a stored artifact. */
  load(artifactId: string): Promise<unknown>;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The version of a registered plugin ("?" when it is not registered). */
function versionOf(registry: Registry, pluginId: string): string {
  return registry.plugins().find((p) => p.id === pluginId)?.version ?? "?";
}

/**
 * A plugin's identity for fingerprints: id, version, its settings as the run
 * passes them, and a hash of its analysis data (absent from the server-wide
 * settings, so the pipeline signature does not move when the data does).
 */
function pluginPrint(registry: Registry, pluginId: string, settings: RunSettings): string {
  const data = settings.pluginData?.[pluginId];
  const dataPrint = data === undefined ? "" : `#${sha256(JSON.stringify(data))}`;
  return `${pluginId}@${versionOf(registry, pluginId)}${
    JSON.stringify(settings.plugins?.[pluginId] ?? null)
  }${dataPrint}`;
}

/** Fingerprint of the parsed session: file hash, format plugin (and its settings), SDK version and the run settings. */
export function sessionFingerprint(
  registry: Registry,
  fileSha256: string,
  format: RegisteredFormat | null,
  settings: RunSettings,
): string {
  const reader = format ? `${pluginPrint(registry, format.plugin, settings)}/${format.format.id}` : "none";
  const run = JSON.stringify({ ...settings, plugins: undefined, pluginData: undefined });
  return sha256(`session|${fileSha256}|${reader}|sdk@${SDK_VERSION}|${run}`);
}

/**
 * Hash of the SDK version and the active plugins with their versions and
 * settings: a session analysed under another value is stale (re-analysed at
 * start, reusing what did not change).
 */
export function pipelineSignature(registry: Registry, settings: RunSettings): string {
  const plugins = registry.plugins().map((p) => pluginPrint(registry, p.id, settings)).sort().join(",");
  return sha256(`sdk@${SDK_VERSION}|${plugins}`);
}

/** Prepares an incremental run of `registry` with `settings` over a session with the given fingerprint. */
export function prepareIncrementalRun(
  registry: Registry,
  settings: RunSettings,
  sessionPrint: string,
  stored: StoredArtifacts,
): IncrementalRun {
  const artifactPrints = new Map<string, string>([[SessionKey.id, sessionPrint]]);
  const producers = new Map<string, StageIdentity>();
  const reused = new Set<string>();
  const standIns = new Map<string, RegisteredStage>();
  for (const registered of planStages(registry.stages(), [SessionKey.id]).order) {
    const { plugin, stage } = registered;
    const version = versionOf(registry, plugin);
    const inputs = Object.values(stage.consumes).map((k) => `${k.id}=${artifactPrints.get(k.id) ?? "?"}`)
      .sort();
    const fingerprint = sha256(
      `stage|${pluginPrint(registry, plugin, settings)}|${stage.id}|${inputs.join(",")}`,
    );
    const outputs = Object.entries(stage.produces);
    for (const [, key] of outputs) {
      artifactPrints.set(key.id, fingerprint);
      producers.set(key.id, { plugin, version, stage: stage.id, fingerprint });
    }
    const storedAll = outputs.length > 0 &&
      outputs.every(([, k]) => stored.fingerprints.get(k.id) === fingerprint);
    if (!storedAll) continue;
    standIns.set(stage.id, {
      plugin,
      stage: {
        ...stage,
        async run(ctx, inputs) {
          try {
            const values: Record<string, unknown> = {};
            for (const [name, key] of outputs) values[name] = await stored.load(key.id);
            reused.add(stage.id);
            return values;
          } catch {
            return await stage.run(ctx, inputs); // unreadable stored value: compute it again
          }
        },
      },
    });
  }
  return {
    registry: { ...registry, stages: () => registry.stages().map((s) => standIns.get(s.stage.id) ?? s) },
    producers,
    reused,
  };
}
