/**
 * Mounts the routes plugins contribute through the SDK (`routes` in a
 * manifest) under `/api/plugins/{plugin}/sessions/{session_id}{path}`. The
 * session is checked to be the caller's before the handler runs; the
 * handler reads artifacts through the SDK's `ArtifactReader`; a
 * `RouteError` becomes its 4xx, anything else a 500 naming the plugin. A
 * route with a malformed path, an undeclared path parameter or a clash with
 * another route is not mounted and is reported as a loading problem.
 *
 * @module
 */

import { type AnyRoute, type Diagnostic, type PluginManifest, RouteError } from "../../sdk/mod.ts";
import { errorMessage } from "../parse.ts";
import { requireSession, type ServerContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import { jsonResponse } from "./json.ts";
import { type AnyApiRoute, defineApiRoute } from "./route.ts";

const PATH = /^(\/([A-Za-z0-9_.-]+|\{[A-Za-z_]\w*\}))+$/;

/** The API routes of every plugin, and the problems of routes that could not be mounted. */
export function pluginApiRoutes(ctx: ServerContext): { routes: AnyApiRoute[]; problems: Diagnostic[] } {
  const routes: AnyApiRoute[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const plugin of ctx.registry.plugins()) {
    for (const route of plugin.routes ?? []) {
      const problem = routeProblem(route, plugin.id, seen);
      if (problem) {
        problems.push({ severity: "error", plugin: plugin.id, message: `route not mounted: ${problem}` });
        continue;
      }
      seen.add(`${route.method} ${route.path}@${plugin.id}`);
      routes.push(toApiRoute(ctx, plugin, route));
    }
  }
  return { routes, problems };
}

function routeProblem(route: AnyRoute, pluginId: string, seen: Set<string>): string | null {
  const label = `${route?.method} ${route?.path}`;
  if (!["GET", "POST", "PUT", "DELETE"].includes(route?.method)) return `${label}: unknown method`;
  if (typeof route.path !== "string" || !PATH.test(route.path)) {
    return `${label}: the path must start with / and use letters, digits, ".", "_", "-" and {parameters}`;
  }
  if (typeof route.handler !== "function") return `${label}: no handler`;
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
    if (!route.params?.[name]) return `${label}: path parameter {${name}} is not declared in params`;
    if (name === "session_id") return `${label}: {session_id} is reserved`;
  }
  if (seen.has(`${route.method} ${route.path}@${pluginId}`)) return `${label}: declared twice`;
  return null;
}

function toApiRoute(ctx: ServerContext, plugin: PluginManifest, route: AnyRoute): AnyApiRoute {
  return defineApiRoute({
    method: route.method,
    path: `/api/plugins/${plugin.id}/sessions/{session_id}${route.path}`,
    summary: route.description,
    tag: `plugin ${plugin.id}`,
    params: { session_id: { type: "string", description: "Session id", required: true }, ...route.params },
    query: route.query,
    responses: {
      200: "the plugin's answer",
      404: "no such session (or the plugin's own 4xx)",
      422: "invalid parameters",
      500: "the plugin failed",
    },
    async handler({ params, query, userId, c }) {
      const { session_id: sessionId, ...own } = params as Record<string, unknown>;
      const session = await requireSession(ctx, userId, sessionId as string);
      let body: unknown = undefined;
      if ((route.method === "POST" || route.method === "PUT") && c.req.header("content-length") !== "0") {
        try {
          body = await c.req.json();
        } catch {
          throw new ApiError(400, "malformed_json", "The request body is not valid JSON");
        }
      }
      try {
        const result = await route.handler({
          sessionId: session.id,
          params: own as never,
          query: query as never,
          body,
          artifacts: ctx.artifacts.reader(userId, session.id),
        });
        return jsonResponse(result ?? null);
      } catch (error) {
        if (error instanceof RouteError || error instanceof ApiError) throw error;
        console.error(`plugin "${plugin.id}" route ${route.method} ${route.path} failed:`, error);
        throw new ApiError(
          500,
          "plugin_route_failed",
          `Plugin "${plugin.id}" failed: ${errorMessage(error)}`,
        );
      }
    },
  });
}
