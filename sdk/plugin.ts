/**
 * Plugin manifests: what a plugin is and what it contributes.
 *
 * @module
 */

import type { AnalysisHook, AnyAppRoute, JsonValue, PluginStore, SessionDeletedHook } from "./app.ts";
import type { CoachService } from "./coaching.ts";
import type { FormatDefinition } from "./format.ts";
import type { SettingsSchema } from "./plugin_settings.ts";
import type { AnyRoute } from "./route.ts";
import type { AnyStage } from "./stage.ts";
import type { ViewContribution } from "./views.ts";

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
  /** Views, panels and charts it puts on screen (see `views.ts`). */
  readonly views?: readonly ViewContribution[];
  /** HTTP routes, mounted by the server under `/api/plugins/{id}/sessions/{session id}` (see `route.ts`). */
  readonly routes?: readonly AnyRoute[];
  /**
   * Workbench-wide routes (sharing, leaderboards, …), mounted by the server
   * under `/api/plugins/{id}` (see `app.ts`).
   */
  readonly appRoutes?: readonly AnyAppRoute[];
  /** Called after every finished analysis, with the plugin's store (see `app.ts`). */
  readonly onAnalysis?: AnalysisHook;
  /**
   * Collections of its store whose records name no session and no other
   * user, only their owner (e.g. the circuits a driver added). An account
   * import restores the driver's records of these collections, owned by the
   * importing driver; a key already taken on the receiving workbench keeps
   * the record there. Other records are exported but not imported.
   */
  readonly portableRecords?: readonly string[];
  /** Called after a session is deleted, to delete the plugin's records about it (see `app.ts`). */
  readonly onSessionDeleted?: SessionDeletedHook;
  /**
   * Data from the plugin's own store that its stages need (e.g. the circuits
   * drivers added). The server reads it before every analysis and hands it to
   * the plugin's stages as `ctx.settings.pluginData[id]`. It is part of those
   * stages' fingerprints, so a change re-runs them the next time a session is
   * analysed. Runs in the workbench process; the command line passes none.
   */
  readonly analysisData?: (store: PluginStore) => Promise<JsonValue>;
  /** Services the server runs itself (background work, streaming), by kind. */
  readonly services?: PluginServices;
  /**
   * Settings it accepts (see `plugin_settings.ts`): values come from
   * `DATA_DIR/plugins.json`, are checked against this schema when the plugin
   * loads, and reach stages as `ctx.settings.plugins[id]` (read them with `settingsOf`).
   */
  readonly settings?: SettingsSchema;
}

/** The services a plugin can provide; the server uses the first plugin providing each. */
export interface PluginServices {
  /** A coach: reports after each analysis and a chat (see `coaching.ts`). */
  readonly coach?: CoachService;
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
