/**
 * What the workbench can do: `GET /api/plugins` (every plugin found, running
 * or disabled, with its source, health, whether it is enabled, and what it
 * contributes, plus plugins that failed to load), `PATCH /api/plugins/{id}`
 * (an admin enables or disables a plugin in `plugins.json`; it takes effect
 * at the next start) and `GET /api/artifacts` (every artifact the pipeline
 * produces).
 *
 * @module
 */

import type { Diagnostic } from "../../../sdk/mod.ts";
import { errorMessage } from "../../parse.ts";
import {
  emptyPluginConfig,
  type PluginConfig,
  pluginConfigPath,
  readPluginConfig,
  setPluginEnabled,
} from "../../plugin_config.ts";
import { isPluginAdmin } from "../../plugin_config_admin.ts";
import { listPlugins } from "../../plugin_config_listing.ts";
import type { ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";

/** Plugin listing routes; `routeProblems` are plugin routes that could not be mounted. */
export function pluginRoutes(ctx: ServerContext, routeProblems: readonly Diagnostic[]): AnyApiRoute[] {
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/plugins",
      summary:
        "Every plugin found (running or disabled): version, source, health, enabled, contributions; loading problems",
      tag: "plugins",
      responses: { 200: "`{plugins, problems, can_manage, config_file, config_error}`" },
      handler: async ({ user }) => {
        const { config, error } = await currentConfig(ctx);
        return {
          plugins: listPlugins(loadedOf(ctx), config),
          problems: [...ctx.loadProblems, ...routeProblems],
          can_manage: isPluginAdmin(user),
          config_file: config.file,
          config_error: error,
        };
      },
    }),
    defineApiRoute({
      method: "PATCH",
      path: "/api/plugins/{id}",
      summary:
        "Enables or disables a plugin in plugins.json (admins only); takes effect when the workbench restarts",
      tag: "plugins",
      params: { id: { type: "string", description: "Plugin id", required: true } },
      body: {
        type: "object",
        properties: {
          enabled: { type: "boolean", description: "Whether the plugin loads at the next start" },
        },
        required: ["enabled"],
        additionalProperties: false,
      },
      responses: {
        200: "the plugin as listed, with `message`",
        403: "the caller is not an admin",
        404: "no such plugin",
        409: "plugins.json is invalid",
      },
      handler: async ({ params, body, user }) => {
        if (!isPluginAdmin(user)) {
          throw new ApiError(
            403,
            "not_admin",
            "Only an admin can enable or disable plugins (WORKBENCH_ADMINS lists them when sign-in is on)",
          );
        }
        const loaded = loadedOf(ctx);
        const known = [...loaded.registry.plugins(), ...loaded.disabled.map((d) => d.manifest)];
        if (!known.some((p) => p.id === params.id)) {
          throw new ApiError(404, "plugin_not_found", `No plugin "${params.id}" is installed`);
        }
        const { enabled } = body as { enabled: boolean };
        let config;
        try {
          config = await setPluginEnabled(ctx.config.dataDir, params.id, enabled);
        } catch (error) {
          throw new ApiError(409, "invalid_plugin_config", errorMessage(error));
        }
        const listing = listPlugins(loaded, config).find((p) => p.id === params.id)!;
        return {
          ...listing,
          message: listing.restart_required
            ? `Saved to ${config.file}; the plugin is ${
              enabled ? "enabled" : "disabled"
            } when the workbench restarts.`
            : `Saved to ${config.file}; no change until then: the plugin is already ${
              enabled ? "running" : "off"
            }.`,
        };
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/artifacts",
      summary:
        "Every artifact the pipeline produces, with its producer (served at /api/sessions/{id}/artifacts/{artifact})",
      tag: "plugins",
      responses: { 200: "list of artifact keys" },
      handler: () =>
        ctx.registry.stages().flatMap(({ plugin, stage }) =>
          Object.values(stage.produces).map((key) => ({
            id: key.id,
            description: key.description,
            plugin,
            stage: stage.id,
          }))
        ),
    }),
  ];
}

/** The loaded plugins, or (for a context built without them) every registered plugin as built-in. */
function loadedOf(ctx: ServerContext): Parameters<typeof listPlugins>[0] {
  const p = ctx.plugins;
  return {
    registry: ctx.registry,
    sources: p?.sources ?? new Map(),
    folders: p?.folders ?? new Map(),
    health: p?.health ?? (() => ({ status: "healthy" })),
    isolated: p?.isolated ?? (() => false),
    disabled: p?.disabled ?? [],
    settings: p?.settings ?? {},
  };
}

/** `plugins.json` as it is on disk now, or (when it became invalid) the empty configuration and the error. */
async function currentConfig(ctx: ServerContext): Promise<{ config: PluginConfig; error: string | null }> {
  try {
    return { config: await readPluginConfig(ctx.config.dataDir), error: null };
  } catch (error) {
    return { config: emptyPluginConfig(pluginConfigPath(ctx.config.dataDir)), error: errorMessage(error) };
  }
}
