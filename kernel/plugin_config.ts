/**
 * `plugins.json` in the data directory: extra plugin folders, and per plugin
 * whether it is enabled, where it loads in the order, and its settings.
 *
 * ```json
 * {
 *   "folders": ["../../my-plugins/trail-braking"],
 *   "plugins": {
 *     "trail-braking": { "enabled": true, "order": -10, "settings": { "lookBackM": 120 } },
 *     "coaching": { "enabled": false }
 *   }
 * }
 * ```
 *
 * Every field is optional and a missing file is an empty configuration.
 * Relative folders are resolved against the directory holding the file. A
 * file that is not valid JSON or has a field of the wrong shape is refused
 * as a whole with a {@linkcode PluginConfigError} naming the file and the
 * key; settings are checked later, against each plugin's own schema (see
 * `plugin_config_apply.ts`).
 *
 * @module
 */

import { dirname, join, resolve } from "node:path";

/** The file's name inside the data directory. */
export const PLUGIN_CONFIG_FILE = "plugins.json";

/** What the configuration says about one plugin. */
export interface PluginEntry {
  /** `false` keeps the plugin from loading (default true). */
  enabled?: boolean;
  /** Load position: ascending, ties keep the default order (default 0). */
  order?: number;
  /** Setting values, checked against the plugin's declared schema. */
  settings?: Record<string, unknown>;
}

/** A read `plugins.json`. */
export interface PluginConfig {
  /** Path of the file (whether or not it exists). */
  file: string;
  /** Extra plugin folders, absolute. */
  folders: string[];
  /** Per-plugin entries, by plugin id. */
  plugins: Record<string, PluginEntry>;
}

/** A configuration file that cannot be used; the message names the file and the key. */
export class PluginConfigError extends Error {
  /** Creates the error. */
  constructor(file: string, key: string, problem: string) {
    super(key ? `${file}: ${key} ${problem}` : `${file}: ${problem}`);
    this.name = "PluginConfigError";
  }
}

/** Path of `plugins.json` in `dataDir`. */
export function pluginConfigPath(dataDir: string): string {
  return join(dataDir, PLUGIN_CONFIG_FILE);
}

/** An empty configuration for `file` (every plugin enabled, no settings). */
export function emptyPluginConfig(file: string): PluginConfig {
  return { file, folders: [], plugins: {} };
}

/** Reads `plugins.json` from `dataDir`; a missing file is an empty configuration. Throws {@linkcode PluginConfigError}. */
export async function readPluginConfig(dataDir: string): Promise<PluginConfig> {
  const file = pluginConfigPath(dataDir);
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return emptyPluginConfig(file);
    throw new PluginConfigError(file, "", `cannot be read: ${(error as Error).message}`);
  }
  return parsePluginConfig(text, file);
}

/** Parses the text of `file`. Throws {@linkcode PluginConfigError} naming the first bad key. */
export function parsePluginConfig(text: string, file: string): PluginConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PluginConfigError(file, "", `is not valid JSON (${(error as Error).message})`);
  }
  const fail = (key: string, problem: string): never => {
    throw new PluginConfigError(file, key, problem);
  };
  if (!isObject(raw)) fail("", "must hold a JSON object");
  const root = raw as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (key !== "folders" && key !== "plugins") {
      fail(key, `is not a known key (expected "folders", "plugins")`);
    }
  }
  const folders = root.folders ?? [];
  if (!Array.isArray(folders)) fail("folders", "must be a list of folder paths");
  (folders as unknown[]).forEach((f, i) => {
    if (typeof f !== "string" || f.trim() === "") fail(`folders[${i}]`, "must be a folder path");
  });
  const plugins = root.plugins ?? {};
  if (!isObject(plugins)) fail("plugins", "must be an object keyed by plugin id");
  const entries: Record<string, PluginEntry> = {};
  for (const [id, entry] of Object.entries(plugins as Record<string, unknown>)) {
    const at = `plugins.${id}`;
    if (!isObject(entry)) fail(at, `must be an object like {"enabled": true}`);
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!["enabled", "order", "settings"].includes(key)) {
        fail(`${at}.${key}`, `is not a known key (expected "enabled", "order", "settings")`);
      }
    }
    if (e.enabled !== undefined && typeof e.enabled !== "boolean") {
      fail(`${at}.enabled`, `must be true or false, got ${JSON.stringify(e.enabled)}`);
    }
    if (e.order !== undefined && (typeof e.order !== "number" || !Number.isFinite(e.order))) {
      fail(`${at}.order`, `must be a number, got ${JSON.stringify(e.order)}`);
    }
    if (e.settings !== undefined && !isObject(e.settings)) fail(`${at}.settings`, "must be an object");
    entries[id] = e as PluginEntry;
  }
  const base = dirname(resolve(file));
  return { file, folders: (folders as string[]).map((f) => resolve(base, f)), plugins: entries };
}

/**
 * Sets `plugins.<id>.enabled` in `dataDir`'s `plugins.json` (creating the
 * file when needed) and keeps everything else in it as it was. The file is
 * replaced atomically. Returns the new configuration; throws
 * {@linkcode PluginConfigError} when the existing file is invalid.
 */
export async function setPluginEnabled(dataDir: string, id: string, enabled: boolean): Promise<PluginConfig> {
  const file = pluginConfigPath(dataDir);
  let raw: Record<string, unknown> = {};
  try {
    const text = await Deno.readTextFile(file);
    parsePluginConfig(text, file);
    raw = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const plugins = (raw.plugins ?? {}) as Record<string, PluginEntry>;
  const text = JSON.stringify(
    { ...raw, plugins: { ...plugins, [id]: { ...plugins[id], enabled } } },
    null,
    2,
  ) + "\n";
  await Deno.mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(temporary, text);
  await Deno.rename(temporary, file);
  return parsePluginConfig(text, file);
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
