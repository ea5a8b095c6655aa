/**
 * Finds plugin folders and registers what they export. Built-in plugins are
 * listed in `plugins/builtin.json`; extra folders come from configuration
 * (`WORKBENCH_PLUGINS`, a list separated by the platform's path delimiter,
 * or the `pluginDirs` option). Both go through {@linkcode importPlugin}, the
 * single seam where isolation of untrusted code will be added.
 *
 * @module
 */

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic, PluginManifest } from "../sdk/mod.ts";
import { errorMessage } from "./parse.ts";
import { planStages } from "./plan.ts";
import { createRegistry, type Registry } from "./registry.ts";
import { SessionKey } from "../sdk/mod.ts";

/** Where the built-in plugins live. */
const PLUGINS_ROOT = new URL("../plugins/", import.meta.url);

/** What to load. */
export interface LoadOptions {
  /** Load the built-in plugins (default true). */
  builtin?: boolean;
  /** Extra plugin folders (each with a `mod.ts` default-exporting a manifest). */
  pluginDirs?: readonly string[];
}

/** A registry with its plugins loaded, and the problems found while loading. */
export interface LoadedPlugins {
  /** The registry. */
  registry: Registry;
  /** Plugins refused, stages that can never run (missing producers, cycles). */
  problems: Diagnostic[];
  /** Folder of each loaded plugin, by plugin id (browser modules of its views are relative to it). */
  folders: Map<string, URL>;
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
  const urls = options.builtin === false ? [] : await builtinPluginUrls();
  for (const dir of options.pluginDirs ?? []) urls.push(pathToFileURL(resolve(dir, "mod.ts")));
  for (const url of urls) {
    try {
      const manifest = await importPlugin(url);
      registry.register(manifest);
      folders.set(manifest.id, new URL("./", url));
    } catch (error) {
      problems.push({
        severity: "error",
        plugin: pluginNameOf(url),
        message: `plugin not loaded (${url.pathname}): ${errorMessage(error)}`,
      });
    }
  }
  problems.push(...planStages(registry.stages(), [SessionKey.id]).problems);
  return { registry, problems, folders };
}

function pluginNameOf(url: URL): string {
  const parts = url.pathname.split("/");
  return parts[parts.length - 2] ?? url.pathname;
}
