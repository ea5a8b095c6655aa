/**
 * The plugin list of `GET /api/plugins` and the Plugins page: every plugin
 * found (running or disabled) with its version, where it came from, its
 * health, whether it is enabled (as `plugins.json` says now) and running
 * (as loaded at start), and what it contributes.
 *
 * @module
 */

import type { PluginManifest } from "../sdk/mod.ts";
import type { LoadedPlugins, PluginSource } from "./loader.ts";
import { planStages } from "./plan.ts";
import type { PluginConfig } from "./plugin_config.ts";
import type { RegisteredStage } from "./registry.ts";
import type { PluginHealth } from "./sandbox/host.ts";
import { SessionKey } from "../sdk/mod.ts";
import { fileURLToPath } from "node:url";

/** One plugin as listed. */
export interface PluginListing {
  /** Plugin id. */
  id: string;
  /** Its version. */
  version: string;
  /** SDK range it declares. */
  sdk: string;
  /** One sentence. */
  description: string;
  /** `built-in` (listed in `plugins/builtin.json`) or `folder` (configured). */
  source: PluginSource;
  /** Its folder on the server's disk. */
  folder: string | null;
  /** Whether `plugins.json` enables it now (takes effect at the next start). */
  enabled: boolean;
  /** Whether it is running in this process (loaded and enabled at start). */
  active: boolean;
  /** `enabled` differs from `active`: a restart applies the change. */
  restart_required: boolean;
  /** Its `order` in `plugins.json` (0 when not set). */
  order: number;
  /** Whether its stages and formats run in a sandboxed process. */
  isolated: boolean;
  /** Healthy, or unhealthy with the reason (a crash, a time-out). */
  health: PluginHealth;
  /** Number of views, panels and charts (kept for older clients; see `contributions.views`). */
  views: number;
  /** Logger formats. */
  formats: { id: string; name: string; extensions: readonly string[] }[];
  /** Pipeline stages with the artifact ids they consume and produce. */
  stages: { id: string; description: string; consumes: string[]; produces: string[] }[];
  /** Per-session HTTP routes. */
  routes: { method: string; path: string; description: string }[];
  /** What it contributes beyond stages, formats and routes. */
  contributions: {
    /** Views, panels and charts. */
    views: { kind: string; id: string; title: string; in: readonly string[] }[];
    /** Workbench-wide routes. */
    app_routes: { method: string; path: string; description: string }[];
    /** Its settings schema (empty when it declares none). */
    settings: PluginManifest["settings"];
  };
  /** Its settings as the running analysis uses them (defaults filled in), or the configured ones when not running. */
  settings: Record<string, unknown>;
  /** Stages of other plugins that stop running when this one is disabled. */
  needed_by: { plugin: string; stage: string }[];
}

/** Lists the loaded and the disabled plugins against the configuration as it is now. */
export function listPlugins(
  loaded: Pick<
    LoadedPlugins,
    "registry" | "sources" | "folders" | "health" | "isolated" | "disabled" | "settings"
  >,
  config: PluginConfig,
): PluginListing[] {
  const active = loaded.registry.plugins();
  const stages = loaded.registry.stages();
  const running = active.map((manifest) => ({
    manifest,
    source: loaded.sources.get(manifest.id) ?? "built-in",
    folder: loaded.folders.get(manifest.id),
    active: true,
  }));
  const off = loaded.disabled.map((d) => ({ ...d, active: false }));
  return [...running, ...off].map(({ manifest: p, source, folder, active }) => {
    const enabled = config.plugins[p.id]?.enabled ?? true;
    return {
      id: p.id,
      version: p.version,
      sdk: p.sdk,
      description: p.description,
      source,
      folder: folder ? fileURLToPath(folder) : null,
      enabled,
      active,
      restart_required: enabled !== active,
      order: config.plugins[p.id]?.order ?? 0,
      isolated: active && loaded.isolated(p.id),
      health: active ? loaded.health(p.id) : { status: "healthy" },
      views: (p.views ?? []).length,
      formats: (p.formats ?? []).map((f) => ({ id: f.id, name: f.name, extensions: f.extensions })),
      stages: (p.stages ?? []).map((s) => ({
        id: s.id,
        description: s.description,
        consumes: Object.values(s.consumes).map((k) => k.id),
        produces: Object.values(s.produces).map((k) => k.id),
      })),
      routes: (p.routes ?? []).map((r) => ({
        method: r.method,
        path: `/api/plugins/${p.id}/sessions/{session_id}${r.path}`,
        description: r.description,
      })),
      contributions: {
        views: (p.views ?? []).map((v) => ({ kind: v.kind, id: v.id, title: v.title, in: v.in ?? [] })),
        app_routes: (p.appRoutes ?? []).map((r) => ({
          method: r.method,
          path: `/api/plugins/${p.id}${r.path}`,
          description: r.description,
        })),
        settings: p.settings ?? {},
      },
      settings: loaded.settings[p.id] ?? config.plugins[p.id]?.settings ?? {},
      needed_by: active ? neededBy(p.id, stages) : [],
    };
  });
}

/** Stages of other plugins that cannot run once `plugin`'s stages are gone. */
export function neededBy(
  plugin: string,
  stages: readonly RegisteredStage[],
): { plugin: string; stage: string }[] {
  const without = stages.filter((s) => s.plugin !== plugin);
  const before = planStages(stages, [SessionKey.id]).disabled;
  const after = planStages(without, [SessionKey.id]).disabled;
  return without
    .filter((s) => after.has(s.stage.id) && !before.has(s.stage.id))
    .map((s) => ({ plugin: s.plugin, stage: s.stage.id }));
}
