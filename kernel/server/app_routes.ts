/**
 * Mounts the workbench-wide routes plugins contribute (`appRoutes` in a
 * manifest, see `sdk/app.ts`) under `/api/plugins/{plugin}{path}` as core
 * API routes, so they are validated, documented in the OpenAPI document and
 * covered by the authorization route walk like every other route. Query and
 * path parameters are checked before the handler runs; a POST, PUT or PATCH
 * body is parsed as JSON, or, for an `upload` route, read as multipart with
 * the file in field `file`. A `RouteError` becomes its 4xx; anything else a
 * handler throws is a 500 naming the plugin, and the server lives on. A route
 * with a malformed path, an undeclared path parameter, a path under the
 * reserved `/sessions/` or a clash with another route is not mounted and is
 * reported as a loading problem.
 *
 * @module
 */

import type { Context } from "hono";
import type { AnyAppRoute, AppServices, Diagnostic, PluginManifest } from "../../sdk/mod.ts";
import { RouteError } from "../../sdk/mod.ts";
import { errorMessage } from "../parse.ts";
import type { ServerContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import { jsonResponse } from "./json.ts";
import { type AnyApiRoute, defineApiRoute, type ServerEnv } from "./route.ts";
import { snakeCaseKeys } from "./snake_case.ts";
import { cleanFileName, readUploadParts } from "./upload.ts";

const PATH = /^(\/([A-Za-z0-9_.-]+|\{[A-Za-z_]\w*\}))+$/;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** Form fields that carry the uploaded file (`file`; `files` as the core upload route uses). */
const FILE_FIELDS = ["file", "files"];

/** The app routes of every plugin, and the problems of routes that could not be mounted. */
export function appApiRoutes(
  ctx: ServerContext,
  services: (pluginId: string) => AppServices,
): { routes: AnyApiRoute[]; problems: Diagnostic[] } {
  const routes: AnyApiRoute[] = [];
  const problems: Diagnostic[] = [];
  for (const plugin of ctx.registry.plugins()) {
    const seen = new Set<string>();
    for (const route of plugin.appRoutes ?? []) {
      const problem = routeProblem(route, seen);
      if (problem) {
        problems.push({ severity: "error", plugin: plugin.id, message: `app route not mounted: ${problem}` });
        continue;
      }
      seen.add(`${route.method} ${route.path.replace(/\{\w+\}/g, "{}")}`);
      routes.push(toApiRoute(ctx, plugin, route, services(plugin.id)));
    }
  }
  return { routes, problems };
}

function routeProblem(route: AnyAppRoute, seen: Set<string>): string | null {
  const label = `${route?.method} ${route?.path}`;
  if (!METHODS.includes(route?.method)) return `${label}: unknown method`;
  if (typeof route.path !== "string" || !PATH.test(route.path)) {
    return `${label}: the path must start with / and use letters, digits, ".", "_", "-" and {parameters}`;
  }
  if (route.path === "/sessions" || route.path.startsWith("/sessions/")) {
    return `${label}: /sessions/ is reserved for the plugin's session routes`;
  }
  if (typeof route.handler !== "function") return `${label}: no handler`;
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
    if (!route.params?.[name]) return `${label}: path parameter {${name}} is not declared in params`;
  }
  if (seen.has(`${route.method} ${route.path.replace(/\{\w+\}/g, "{}")}`)) return `${label}: declared twice`;
  return null;
}

function responsesOf(route: AnyAppRoute): Record<number, string> {
  const responses: Record<number, string> = {
    [route.method === "POST" ? 201 : 200]: "the plugin's answer",
    204: "done, nothing to return",
    404: "not found (or the plugin's own 4xx)",
    422: "invalid parameters",
    500: "the plugin failed",
  };
  if (!route.public) responses[401] = "not signed in";
  if (route.upload) responses[413] = "the file is too large";
  return responses;
}

function toApiRoute(
  ctx: ServerContext,
  plugin: PluginManifest,
  route: AnyAppRoute,
  services: AppServices,
): AnyApiRoute {
  return defineApiRoute({
    method: route.method,
    path: `/api/plugins/${plugin.id}${route.path}`,
    summary: route.description,
    tag: `plugin ${plugin.id}`,
    public: route.public === true,
    params: route.params,
    query: route.query,
    ...(route.upload ? { body: "multipart" as const } : {}),
    responses: responsesOf(route),
    async handler({ params, query, user: caller, c }) {
      const user = caller && { id: caller.id, name: caller.name, email: caller.email };
      const file = route.upload ? await readUploadedFile(ctx, c.req.raw) : undefined;
      const body = !route.upload && ["POST", "PUT", "PATCH"].includes(route.method)
        ? await readOptionalJson(c)
        : undefined;
      try {
        const result = await route.handler({ user, params, query, body, file, services });
        if (result === undefined) return undefined;
        return jsonResponse(snakeCaseKeys(result), route.method === "POST" ? 201 : 200);
      } catch (error) {
        if (error instanceof RouteError || error instanceof ApiError) throw error;
        console.error(`plugin "${plugin.id}" app route ${route.method} ${route.path} failed:`, error);
        throw new ApiError(
          500,
          "plugin_route_failed",
          `Plugin "${plugin.id}" failed: ${errorMessage(error)}`,
        );
      }
    },
  });
}

/** The JSON body, or undefined when there is none; a 400 when it is not JSON. */
async function readOptionalJson(c: Context<ServerEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "malformed_json", "The request body is not valid JSON");
  }
}

/** The file of an upload route's multipart body; 400/413/415 when it is missing, malformed or too large. */
async function readUploadedFile(
  ctx: ServerContext,
  request: Request,
): Promise<{ name: string; bytes: Uint8Array }> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiError(415, "unsupported_media_type", "Send the file as multipart/form-data in field `file`");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  const limit = ctx.config.maxFileBytes;
  const tooLarge = () =>
    new ApiError(
      413,
      "file_too_large",
      `The file is larger than the limit of ${(limit / 1024 / 1024).toFixed(1)} MB`,
    );
  if (declared > limit + 64 * 1024) throw tooLarge();
  const part = (await readUploadParts(request)).find((p) =>
    FILE_FIELDS.includes(p.name) && p.filename !== null
  );
  if (!part) throw new ApiError(400, "no_file", "Add the file in a `file` field");
  if (part.data.length > limit) throw tooLarge();
  if (part.data.length === 0) throw new ApiError(422, "empty_file", `${part.filename} is empty (0 bytes)`);
  return { name: cleanFileName(part.filename!), bytes: part.data };
}
