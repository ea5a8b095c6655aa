/**
 * What the workbench can do: `GET /api/plugins` (every loaded plugin with
 * its source, health, formats, stages, artifacts and routes, plus plugins that failed to
 * load) and `GET /api/artifacts` (every artifact the pipeline produces).
 *
 * @module
 */

import type { Diagnostic } from "../../../sdk/mod.ts";
import type { ServerContext } from "../context.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";

/** Plugin listing routes; `routeProblems` are plugin routes that could not be mounted. */
export function pluginRoutes(ctx: ServerContext, routeProblems: readonly Diagnostic[]): AnyApiRoute[] {
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/plugins",
      summary: "Loaded plugins with source, health, formats, stages and routes, and loading problems",
      tag: "plugins",
      responses: { 200: "`{plugins, problems}`" },
      handler: () => ({
        plugins: ctx.registry.plugins().map((p) => ({
          id: p.id,
          version: p.version,
          sdk: p.sdk,
          description: p.description,
          source: ctx.plugins?.sources.get(p.id) ?? "built-in",
          isolated: ctx.plugins?.isolated(p.id) ?? false,
          health: ctx.plugins?.health(p.id) ?? { status: "healthy" },
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
        })),
        problems: [...ctx.loadProblems, ...routeProblems],
      }),
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
