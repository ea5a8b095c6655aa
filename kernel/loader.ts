/**
 * Finds plugin folders and registers what they export. Built-in plugins are
 * listed in `plugins/builtin.json`; extra folders come from configuration
 * (`WORKBENCH_PLUGINS`, a list separated by the platform's path delimiter,
 * or the `pluginDirs` option). Built-in plugins (and folders inside
 * `plugins/`) are imported in-process by {@linkcode importPlugin}; any other
 * folder runs in a sandboxed process of its own (`sandbox/host.ts`). A
 * folder plugin contributing routes, app routes, analysis hooks or services
 * cannot run in the sandbox yet: it is imported in-process and a warning
 * says it is not isolated.
 *
 * `plugins.json` (the `config` option, see `plugin_config.ts`) adds folders,
 * disables plugins, sets the load order and the plugins' settings
 * (`plugin_config_apply.ts`).
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic, PluginManifest } from "../sdk/mod.ts";
import { errorMessage } from "./parse.ts";
import { planStages } from "./plan.ts";
import { createRegistry, type Registry } from "./registry.ts";
import { SessionKey } from "../sdk/mod.ts";
import { inProcessOnlyKinds } from "./sandbox/protocol.ts";
import { emptyPluginConfig, type PluginConfig } from "./plugin_config.ts";
import { arrangePlugins, explainDisabledProducers } from "./plugin_config_apply.ts";
import {
  DEFAULT_SANDBOX_LIMITS,
  loadSandboxed,
  type PluginHealth,
  type SandboxedPlugin,
  type SandboxLimits,
} from "./sandbox/host.ts";

/** Where the built-in plugins live. */
const PLUGINS_ROOT = new URL("../plugins/", import.meta.url);

/** What to load. */
export interface LoadOptions {
  /** Load the built-in plugins (default true). */
  builtin?: boolean;
  /** Extra plugin folders (each with a `mod.ts` default-exporting a manifest). */
  pluginDirs?: readonly string[];
  /**
   * Limits for plugins run in sandboxed processes, or `false` to import every plugin
   * in-process (default: {@linkcode DEFAULT_SANDBOX_LIMITS}, or `false` when
   * the environment sets `WORKBENCH_SANDBOX=0`).
   */
  sandbox?: SandboxLimits | false;
  /** `plugins.json`: extra folders, enabled set, order, settings (default: none, everything enabled). */
  config?: PluginConfig;
}

/** A plugin the configuration disabled: not registered, listed so it can be enabled again. */
export interface DisabledPlugin {
  /** Its manifest (its stages never run). */
  manifest: PluginManifest;
  /** Where it came from. */
  source: PluginSource;
  /** Its folder. */
  folder: URL;
}

/** Where a plugin came from: the built-in list or a configured folder. */
export type PluginSource = "built-in" | "folder";

/** A registry with its plugins loaded, and the problems found while loading. */
export interface LoadedPlugins {
  /** The registry. */
  registry: Registry;
  /** Plugins refused, stages that can never run (missing producers, cycles). */
  problems: Diagnostic[];
  /** Folder of each loaded plugin, by plugin id (browser modules of its views are relative to it). */
  folders: Map<string, URL>;
  /** Where each loaded plugin came from, by plugin id. */
  sources: Map<string, PluginSource>;
  /** Health of a plugin: always healthy in-process; a sandboxed one turns unhealthy after a crash or overrun. */
  health(plugin: string): PluginHealth;
  /** Whether the plugin's stages and formats run in a sandboxed process. */
  isolated(plugin: string): boolean;
  /** Plugins found but disabled by the configuration, in default order. */
  disabled: DisabledPlugin[];
  /** Checked settings of the active plugins that declare some, by plugin id: pass as `RunSettings.plugins`. */
  settings: Record<string, Record<string, unknown>>;
  /** The configuration applied. */
  config: PluginConfig;
  /** Kills the sandboxed plugin processes. */
  close(): void;
}

/** Extra plugin folders named in the environment (`WORKBENCH_PLUGINS`). */
export function configuredPluginDirs(): string[] {
  const raw = Deno.env.get("WORKBENCH_PLUGINS") ?? "";
  const delimiter = Deno.build.os === "windows" ? ";" : ":";
  return raw.split(delimiter).map((d) => d.trim()).filter((d) => d.length > 0);
}

/** The URLs of the built-in plugin modules, from `plugins/builtin.json`. */
export async function builtinPluginUrls(): Promise<URL[]> {
  const list: string[] = JSON.parse(await Deno.readTextFile(new URL("builtin.json", PLUGINS_ROOT)));
  return list.map((name) => new URL(`${name}/mod.ts`, PLUGINS_ROOT));
}

/**
 * Imports one plugin module and returns its manifest (the default export).
 * Throws with a one-line reason when the module cannot be imported or
 * exports no manifest.
 */
export async function importPlugin(moduleUrl: URL): Promise<PluginManifest> {
  const mod = await import(moduleUrl.href);
  const manifest = mod.default as PluginManifest | undefined;
  if (!manifest || typeof manifest !== "object" || typeof manifest.id !== "string") {
    throw new Error("mod.ts has no default export made with definePlugin()");
  }
  return manifest;
}

/** Creates a registry and loads built-in and configured plugins into it. Never throws for a bad plugin. */
export async function loadPlugins(options: LoadOptions = {}): Promise<LoadedPlugins> {
  const registry = createRegistry();
  const problems: Diagnostic[] = [];
  const folders = new Map<string, URL>();
  const sources = new Map<string, PluginSource>();
  const sandboxes = new Map<string, SandboxedPlugin>();
  const sandboxOff = options.sandbox === false ||
    (options.sandbox === undefined && Deno.env.get("WORKBENCH_SANDBOX") === "0");
  const limits = sandboxOff ? null : options.sandbox || DEFAULT_SANDBOX_LIMITS;
  const config = options.config ?? emptyPluginConfig("plugins.json");
  const entries: { url: URL; source: PluginSource }[] = [];
  if (options.builtin !== false) {
    for (const url of await builtinPluginUrls()) entries.push({ url, source: "built-in" });
  }
  const named = [
    ...(options.pluginDirs ?? []).map((dir) => ({ dir, from: "WORKBENCH_PLUGINS / --plugins" })),
    ...config.folders.map((dir) => ({ dir, from: config.file })),
  ];
  for (const { dir, from } of named) {
    const url = pathToFileURL(resolve(dir, "mod.ts"));
    const missing = missingFolderProblem(url, from, config.file);
    if (missing) problems.push(missing);
    else entries.push({ url, source: url.href.startsWith(PLUGINS_ROOT.href) ? "built-in" : "folder" });
  }
  const found: {
    manifest: PluginManifest;
    url: URL;
    source: PluginSource;
    sandboxed: SandboxedPlugin | null;
  }[] = [];
  for (const { url, source } of entries) {
    let sandboxed: SandboxedPlugin | null = null;
    try {
      let manifest: PluginManifest;
      if (source === "folder" && limits) {
        sandboxed = await loadSandboxed(url, limits);
        if (sandboxed.inProcessOnly.length > 0) {
          sandboxed.close();
          sandboxed = null;
          manifest = await importPlugin(url);
          problems.push({
            severity: "warning",
            plugin: manifest.id,
            message: `runs in-process, not isolated: its ${
              inProcessOnlyKinds(manifest).join(", ")
            } cannot run in the sandbox yet`,
          });
        } else {
          manifest = sandboxed.manifest;
        }
      } else {
        manifest = await importPlugin(url);
      }
      found.push({ manifest, url, source, sandboxed });
    } catch (error) {
      sandboxed?.close();
      problems.push(notLoaded(url, error));
    }
  }
  const arranged = arrangePlugins(found.map((f) => f.manifest), config);
  problems.push(...arranged.problems);
  for (const i of arranged.active) {
    const { manifest, url, source, sandboxed } = found[i];
    try {
      registry.register(manifest);
      folders.set(manifest.id, new URL("./", url));
      sources.set(manifest.id, source);
      if (sandboxed) sandboxes.set(manifest.id, sandboxed);
    } catch (error) {
      sandboxed?.close();
      problems.push(notLoaded(url, error));
    }
  }
  const registered = new Set(arranged.active);
  found.forEach((f, i) => registered.has(i) || f.sandboxed?.close()); // disabled, or refused for bad settings
  const disabled = arranged.disabled.map((i) => ({
    manifest: found[i].manifest,
    source: found[i].source,
    folder: new URL("./", found[i].url),
  }));
  problems.push(
    ...explainDisabledProducers(
      planStages(registry.stages(), [SessionKey.id]),
      disabled.map((d) => d.manifest),
      config.file,
    ),
  );
  return {
    disabled,
    settings: arranged.settings,
    config,
    registry,
    problems,
    folders,
    sources,
    health: (plugin) => sandboxes.get(plugin)?.health() ?? { status: "healthy" },
    isolated: (plugin) => sandboxes.has(plugin),
    close: () => {
      for (const s of sandboxes.values()) s.close();
    },
  };
}

/**
 * The problem of a configured folder without a `mod.ts`, saying where the
 * path led (a relative folder in `plugins.json` is relative to the file's
 * own folder, not to where the workbench was started), or null.
 */
function missingFolderProblem(url: URL, from: string, configFile: string): Diagnostic | null {
  try {
    if (Deno.statSync(url).isFile) return null;
  } catch {
    // not there
  }
  const where = fileURLToPath(new URL("./", url));
  const hint = from === configFile
    ? `; relative folders in it are relative to ${dirname(resolve(configFile))}`
    : "";
  return {
    severity: "error",
    plugin: pluginNameOf(url),
    message: `plugin not loaded: no mod.ts in ${where} (named in ${from}${hint})`,
  };
}

/** The problem of a plugin module that could not be loaded or registered. */
function notLoaded(url: URL, error: unknown): Diagnostic {
  return {
    severity: "error",
    plugin: pluginNameOf(url),
    message: `plugin not loaded (${url.pathname}): ${errorMessage(error)}`,
  };
}

function pluginNameOf(url: URL): string {
  const parts = url.pathname.split("/");
  return parts[parts.length - 2] ?? url.pathname;
}
