/**
 * Applies `plugins.json` to the plugins found: which load, in what order,
 * with which settings, and what a disabled plugin means for the others.
 *
 * Any plugin may be disabled, built-ins included: the pipeline never
 * crashes for it. Stages that need an artifact only a disabled plugin
 * produces do not run, and a warning names the disabled producer and the
 * file that disabled it. Disabling every logger format leaves nothing that
 * can read a file; that is reported per file, as for an unknown format.
 *
 * @module
 */

import type { Diagnostic, PluginManifest } from "../sdk/mod.ts";
import { resolveSettings } from "../sdk/mod.ts";
import type { StagePlan } from "./plan.ts";
import type { PluginConfig } from "./plugin_config.ts";

/** The outcome: indices into the manifests given, and what the configuration decided. */
export interface ArrangedPlugins {
  /** Plugins to register, in load order. */
  active: number[];
  /** Plugins the configuration disables. */
  disabled: number[];
  /** Checked settings (defaults filled in) of every active plugin that declares a schema, by plugin id. */
  settings: Record<string, Record<string, unknown>>;
  /** Plugins refused for bad settings, entries for plugins that are not installed. */
  problems: Diagnostic[];
}

/**
 * Decides which of `manifests` (in their default order: built-ins as listed
 * in `plugins/builtin.json`, then folders as configured) load and how.
 * Plugins load in ascending `order` (default 0); ties keep the default
 * order. A plugin whose configured settings do not fit its schema is
 * refused with one error per bad key, naming the file and the key.
 */
export function arrangePlugins(manifests: readonly PluginManifest[], config: PluginConfig): ArrangedPlugins {
  const problems: Diagnostic[] = [];
  const settings: Record<string, Record<string, unknown>> = {};
  const active: number[] = [];
  const disabled: number[] = [];
  manifests.forEach((manifest, index) => {
    const entry = config.plugins[manifest.id] ?? {};
    if (entry.enabled === false) return disabled.push(index);
    const schema = manifest.settings ?? {};
    const { values, problems: bad } = resolveSettings(schema, entry.settings);
    if (bad.length > 0) {
      for (const { key, message } of bad) {
        problems.push({
          severity: "error",
          plugin: manifest.id,
          message: `plugin not loaded: ${config.file}: plugins.${manifest.id}.settings${
            key ? `.${key}` : ""
          } ${message}`,
        });
      }
      return;
    }
    if (Object.keys(schema).length > 0) settings[manifest.id] = values;
    active.push(index);
  });
  const orderOf = (i: number) => config.plugins[manifests[i].id]?.order ?? 0;
  active.sort((a, b) => orderOf(a) - orderOf(b) || a - b);
  const known = new Set(manifests.map((m) => m.id));
  for (const id of Object.keys(config.plugins)) {
    if (!known.has(id)) {
      problems.push({
        severity: "warning",
        plugin: id,
        message:
          `${config.file}: plugins.${id} names a plugin that is not installed (a typo, or a folder missing?)`,
      });
    }
  }
  return { active, disabled, settings, problems };
}

/**
 * Planning problems restated for plugins switched off on purpose: a stage
 * that consumes an artifact only a disabled plugin produces gets a warning
 * naming that plugin and the file, instead of a "no producer" error.
 */
export function explainDisabledProducers(
  plan: Pick<StagePlan, "problems" | "blockedBy">,
  disabled: readonly PluginManifest[],
  file: string,
): Diagnostic[] {
  const producerOf = new Map<string, string>();
  for (const p of disabled) {
    for (const s of p.stages ?? []) for (const key of Object.values(s.produces)) producerOf.set(key.id, p.id);
  }
  return plan.problems.map((d) => {
    const artifact = plan.blockedBy.get(d);
    const producer = artifact === undefined ? undefined : producerOf.get(artifact);
    if (producer === undefined) return d;
    return {
      ...d,
      severity: "warning",
      message:
        `does not run: needs "${artifact}", whose producer (plugin "${producer}") is disabled in ${file}`,
    };
  });
}
