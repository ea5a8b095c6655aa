/**
 * Plugin manifests: what a plugin is and what it contributes.
 *
 * @module
 */

import type { FormatDefinition } from "./format.ts";
import type { AnyStage } from "./stage.ts";

/** A plugin: identity plus its contributions. Every built-in plugin is one of these too. */
export interface PluginManifest {
  /** Unique id, kebab-case, e.g. `"laps"`. */
  readonly id: string;
  /** The plugin's own version (semver). */
  readonly version: string;
  /** SDK versions it works with, as a caret range, e.g. `"^1.0"`. */
  readonly sdk: string;
  /** One sentence for plugin lists. */
  readonly description: string;
  /** Logger formats it reads. */
  readonly formats?: readonly FormatDefinition[];
  /** Pipeline stages it runs. */
  readonly stages?: readonly AnyStage[];
}

/**
 * Declares a plugin. Returns its argument; exists for type inference.
 * A plugin folder's `mod.ts` default-exports the result.
 *
 * @example
 * ```ts
 * import { definePlugin } from "./plugin.ts";
 * export default definePlugin({
 *   id: "lap-count", version: "0.1.0", sdk: "^1.0",
 *   description: "Counts laps.", stages: [],
 * });
 * ```
 */
export function definePlugin(manifest: PluginManifest): PluginManifest {
  return manifest;
}
