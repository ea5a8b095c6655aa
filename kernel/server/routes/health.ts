/**
 * Liveness and readiness: `/health` and `/api/health` answer as long as the
 * process serves requests; `/api/ready` also checks the database, so a load
 * balancer sends traffic only to processes that can use it.
 *
 * @module
 */

import { sql } from "kysely";
import { SDK_VERSION } from "../../../sdk/mod.ts";
import type { ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";

/** Health routes. */
export function healthRoutes(ctx: ServerContext): AnyApiRoute[] {
  const alive = () => ({ status: "ok" });
  return [
    defineApiRoute({
      method: "GET",
      path: "/health",
      summary: "Liveness (the original's path)",
      tag: "health",
      public: true,
      responses: { 200: '`{status: "ok"}`' },
      handler: alive,
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/health",
      summary: "Liveness",
      tag: "health",
      public: true,
      responses: { 200: '`{status: "ok"}`' },
      handler: alive,
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/ready",
      summary: "Readiness: the database answers and its schema is current",
      tag: "health",
      public: true,
      responses: { 200: '`{status: "ready", database, plugins, sdk}`', 503: "the database does not answer" },
      async handler() {
        try {
          await sql`select 1`.execute(ctx.storage.db);
        } catch (error) {
          throw new ApiError(
            503,
            "database_unavailable",
            `The database does not answer: ${(error as Error).message}`,
          );
        }
        return {
          status: "ready",
          database: ctx.storage.dialect,
          plugins: ctx.registry.plugins().length,
          sdk: SDK_VERSION,
        };
      },
    }),
  ];
}
