/**
 * Assembles the Hono app: middleware (request ids, gzip, upload size limit,
 * the caller: the local user, or the signed-in user of the session cookie),
 * the core routes and sign-in routes, the plugins' routes, the OpenAPI
 * document generated from all of them, and JSON errors for everything that
 * goes wrong.
 *
 * @module
 */

import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import type { Diagnostic } from "../../sdk/mod.ts";
import { createCallerIdentifier } from "../auth/caller.ts";
import type { ServerContext } from "./context.ts";
import { errorBody, errorResponse } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { pluginApiRoutes } from "./plugin_routes.ts";
import { appApiRoutes } from "./app_routes.ts";
import { createAppServices } from "./app_services.ts";
import { type AnyApiRoute, defineApiRoute, mountRoute, type ServerEnv } from "./route.ts";
import { accountRoutes } from "./routes/account.ts";
import { analysisRoutes } from "./routes/analysis.ts";
import { authRoutes } from "./routes/auth.ts";
import { coachingRoutes } from "./routes/coaching.ts";
import { compareRoute } from "./routes/compare.ts";
import { equipmentRoutes } from "./routes/equipment.ts";
import { eventsRoute } from "./routes/events.ts";
import { healthRoutes } from "./routes/health.ts";
import { lapTagRoutes } from "./routes/lap_tags.ts";
import { pluginRoutes } from "./routes/plugins.ts";
import { sessionRoutes } from "./routes/sessions.ts";
import { trackRoutes } from "./routes/tracks.ts";
import { uploadRoute } from "./routes/upload.ts";

/** The assembled app, its routes, and plugin routes that could not be mounted. */
export interface WorkbenchApp {
  /** The Hono app (`app.fetch` serves requests). */
  app: Hono<ServerEnv>;
  /** Every mounted route. */
  routes: AnyApiRoute[];
  /** Plugin routes refused, as diagnostics. */
  problems: Diagnostic[];
}

/** Builds the app for one server process. */
export function createApp(ctx: ServerContext): WorkbenchApp {
  const app = new Hono<ServerEnv>();
  app.use(requestId());
  const identify = createCallerIdentifier(ctx.storage, ctx.config.auth);
  app.use(async (c, next) => {
    c.set("caller", await identify(c.req.raw));
    await next();
  });
  app.use(compress());
  // Every API request, core or plugin, public or not: a body is read whole, so it is bounded before that.
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: ctx.config.maxRequestBytes,
      onError: (c) =>
        c.json(
          errorBody(
            "request_too_large",
            `The request is larger than ${
              (ctx.config.maxRequestBytes / 1024 / 1024).toFixed(1)
            } MB; send fewer or smaller files per request`,
          ),
          413,
        ),
    }),
  );
  const plugins = pluginApiRoutes(ctx);
  const appPlugins = appApiRoutes(ctx, (pluginId) => createAppServices(ctx, pluginId));
  const problems = [...plugins.problems, ...appPlugins.problems];
  const routes: AnyApiRoute[] = [
    ...healthRoutes(ctx),
    ...authRoutes(ctx),
    uploadRoute(ctx),
    ...sessionRoutes(ctx),
    eventsRoute(ctx),
    ...analysisRoutes(ctx),
    ...lapTagRoutes(ctx),
    compareRoute(ctx),
    ...trackRoutes(ctx),
    ...equipmentRoutes(ctx),
    ...accountRoutes(ctx),
    ...coachingRoutes(ctx),
    ...pluginRoutes(ctx, problems),
    ...plugins.routes,
    ...appPlugins.routes,
  ];
  routes.push(defineApiRoute({
    method: "GET",
    path: "/api/openapi.json",
    summary: "This API as an OpenAPI 3.1 document",
    tag: "meta",
    public: true,
    responses: { 200: "OpenAPI document" },
    handler: () => openApiDocument(routes),
  }));
  for (const route of routes) mountRoute(app, route);
  // The web UI answers page paths no API route claimed (so `/health` and every `/api/…` stay the API's).
  app.notFound(async (c) =>
    await ctx.ui?.(c.req.raw) ??
      c.json(errorBody("route_not_found", `No route for ${c.req.method} ${c.req.path}`), 404)
  );
  app.onError(errorResponse);
  return { app, routes, problems };
}
