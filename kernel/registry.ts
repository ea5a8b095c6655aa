/**
 * The plugin registry: which plugins, formats and stages are active.
 *
 * `register()` validates a manifest and rejects duplicates at once; whether
 * every consumed artifact has a producer and the stages form no cycle is
 * decided by {@linkcode planStages} over the whole set (see `plan.ts`), which
 * the loader runs as soon as all plugins are registered.
 *
 * @module
 */

import type { AnyStage, FormatDefinition, PluginManifest } from "../sdk/mod.ts";
import { SDK_VERSION } from "../sdk/mod.ts";
import { satisfiesCaret } from "./semver.ts";

/** A stage together with the plugin that contributed it. */
export interface RegisteredStage {
  /** Owning plugin id. */
  plugin: string;
  /** The stage. */
  stage: AnyStage;
}

/** A format together with the plugin that contributed it. */
export interface RegisteredFormat {
  /** Owning plugin id. */
  plugin: string;
  /** The format. */
  format: FormatDefinition;
}

/** Undoes a registration. */
export interface Disposable {
  /** Removes what was registered; calling it twice is harmless. */
  dispose(): void;
  /** Same as `dispose`, for `using`. */
  [Symbol.dispose](): void;
}

/** Thrown by `register()` when a manifest is invalid or clashes with one already registered. */
export class RegistrationError extends Error {
  /** Id of the plugin that was refused. */
  readonly plugin: string;
  /** Creates the error. */
  constructor(plugin: string, message: string) {
    super(`plugin "${plugin}": ${message}`);
    this.name = "RegistrationError";
    this.plugin = plugin;
  }
}

/** The set of active plugins. */
export interface Registry {
  /** Adds a plugin; throws {@linkcode RegistrationError} (and adds nothing) when it is invalid or clashes. */
  register(plugin: PluginManifest): Disposable;
  /** Active plugins in registration order. */
  plugins(): readonly PluginManifest[];
  /** Active formats in registration order. */
  formats(): readonly RegisteredFormat[];
  /** Active stages in registration order. */
  stages(): readonly RegisteredStage[];
}

const ID = /^[a-z][a-z0-9-]*$/;

/** Creates an empty registry. */
export function createRegistry(): Registry {
  const plugins: PluginManifest[] = [];
  return {
    register(plugin) {
      validateManifest(plugin, plugins);
      plugins.push(plugin);
      let active = true;
      const dispose = () => {
        if (!active) return;
        active = false;
        plugins.splice(plugins.indexOf(plugin), 1);
      };
      return { dispose, [Symbol.dispose]: dispose };
    },
    plugins: () => [...plugins],
    formats: () => plugins.flatMap((p) => (p.formats ?? []).map((format) => ({ plugin: p.id, format }))),
    stages: () => plugins.flatMap((p) => (p.stages ?? []).map((stage) => ({ plugin: p.id, stage }))),
  };
}

function validateManifest(plugin: PluginManifest, existing: readonly PluginManifest[]): void {
  const id = typeof plugin?.id === "string" ? plugin.id : "?";
  const fail = (message: string): never => {
    throw new RegistrationError(id, message);
  };
  if (!ID.test(id)) fail("id must be kebab-case (lower-case letters, digits, dashes)");
  if (typeof plugin.version !== "string" || !/^\d+\.\d+\.\d+/.test(plugin.version)) {
    fail(`version "${plugin.version}" is not semver`);
  }
  if (typeof plugin.sdk !== "string" || !satisfiesCaret(SDK_VERSION, plugin.sdk)) {
    fail(`needs SDK ${plugin.sdk}, this workbench has ${SDK_VERSION}`);
  }
  if (existing.some((p) => p.id === id)) fail("a plugin with this id is already registered");
  const stageIds = new Set(existing.flatMap((p) => (p.stages ?? []).map((s) => s.id)));
  const produced = new Map<string, string>();
  for (const p of existing) {
    for (const s of p.stages ?? []) for (const k of Object.values(s.produces)) produced.set(k.id, s.id);
  }
  for (const s of plugin.stages ?? []) {
    if (!ID.test(s.id ?? "")) fail(`stage id "${s.id}" must be kebab-case`);
    if (stageIds.has(s.id)) fail(`stage "${s.id}" is already registered`);
    stageIds.add(s.id);
    if (typeof s.run !== "function") fail(`stage "${s.id}" has no run()`);
    for (const key of Object.values(s.produces ?? {})) {
      const other = produced.get(key.id);
      if (other) fail(`stage "${s.id}" produces "${key.id}", already produced by stage "${other}"`);
      produced.set(key.id, s.id);
    }
  }
  const formatIds = new Set(existing.flatMap((p) => (p.formats ?? []).map((f) => f.id)));
  for (const f of plugin.formats ?? []) {
    if (formatIds.has(f.id)) fail(`format "${f.id}" is already registered`);
    formatIds.add(f.id);
    if (typeof f.sniff !== "function" || typeof f.parse !== "function") {
      fail(`format "${f.id}" needs sniff() and parse()`);
    }
  }
}
