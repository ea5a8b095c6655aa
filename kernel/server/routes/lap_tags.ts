/**
 * The user's own lap tags: `GET` and `PUT /api/sessions/{id}/laps/{lap}/tags`
 * (the body is a JSON array of strings, as in the original). Automatic tags
 * come from the `lap-tags` artifact and are returned beside them. A change
 * runs the plugins' analysis hooks for the session again (they may read the
 * driver's tags, e.g. to leave a lap the driver tagged `traffic` off the
 * leaderboards).
 *
 * @module
 */

import { runAnalysisHooks } from "../../jobs/analysis_hooks.ts";
import { readLapTags, writeLapTags } from "../../storage/lap_tags.ts";
import { createAppServices } from "../app_services.ts";
import type { SessionRow } from "../../storage/schema.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { requireSummary } from "../session_json.ts";
import { LAP_PATH } from "./sessions.ts";

function requireLap(session: SessionRow, lap: number) {
  const summary = requireSummary(session);
  const found = summary.laps.find((l) => l.number === lap);
  if (!found) {
    throw new ApiError(404, "lap_not_found", `Session ${session.id} has no lap ${lap}`, {
      laps: summary.laps.map((l) => l.number),
    });
  }
  return found;
}

/** Lap tag routes. */
export function lapTagRoutes(ctx: ServerContext): AnyApiRoute[] {
  const db = ctx.storage.db;
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/laps/{lap}/tags",
      summary: "The user's tags of a lap, and its automatic tags",
      tag: "laps",
      params: LAP_PATH,
      responses: { 200: "`{lap, tags, auto_tags}`", 404: "no such session or lap", 409: "not analysed yet" },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const lap = requireLap(session, params.lap);
        const tags = (await readLapTags(db, session.id)).get(params.lap) ?? [];
        return { lap: params.lap, tags, auto_tags: lap.tags };
      },
    }),
    defineApiRoute({
      method: "PUT",
      path: "/api/sessions/{id}/laps/{lap}/tags",
      summary: "Replaces the user's tags of a lap (JSON array of strings; [] clears them)",
      tag: "laps",
      params: LAP_PATH,
      body: {
        type: "array",
        description: 'Tags, e.g. ["traffic", "cold-tires"]',
        maxItems: 20,
        uniqueItems: true,
        items: { type: "string", minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9][A-Za-z0-9 _-]*$" },
      },
      responses: { 200: "`{lap, tags, auto_tags}`", 404: "no such session or lap", 422: "invalid tags" },
      async handler({ params, body, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const lap = requireLap(session, params.lap);
        const tags = body as string[];
        await writeLapTags(db, session.id, params.lap, tags);
        // Plugins that read the driver's tags (the leaderboards) see the change before the response.
        if (session.status === "ready") {
          await runAnalysisHooks(ctx.registry, (pluginId) => createAppServices(ctx, pluginId), session.id);
        }
        return { lap: params.lap, tags, auto_tags: lap.tags };
      },
    }),
  ];
}
