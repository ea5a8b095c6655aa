/**
 * The user's own lap tags: `GET` and `PUT /api/sessions/{id}/laps/{lap}/tags`
 * (the body is a JSON array of strings, as in the original). Automatic tags
 * come from the `lap-tags` artifact and are returned beside them.
 *
 * The driver's tags are an input of the analysis (a lap tagged `traffic`,
 * `off-line`, `experimental` or `cold-tires` is left out of it: see the
 * SDK's `lap_sets.ts`), so a change queues the session's analysis again
 * (`reanalysis.ts`): the answer says `analysis: "queued"`. The re-run
 * reuses nothing downstream of the laps but costs well under a second, and
 * the coaching report is rewritten only if what it is written from changed.
 * Saving the same tags again changes nothing (`analysis: "unchanged"`).
 *
 * @module
 */

import { readLapTags, writeLapTags } from "../../storage/lap_tags.ts";
import type { SessionRow } from "../../storage/schema.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { reanalyse } from "../reanalysis.ts";
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
      responses: {
        200: '`{lap, tags, auto_tags, analysis}`: `analysis` is `"queued"` or `"unchanged"`',
        404: "no such session or lap",
        422: "invalid tags",
      },
      async handler({ params, body, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const lap = requireLap(session, params.lap);
        const tags = body as string[];
        const before = (await readLapTags(db, session.id)).get(params.lap) ?? [];
        const changed = JSON.stringify(before) !== JSON.stringify(tags);
        if (changed) {
          await reanalyse(ctx, [session.id], (trx) => writeLapTags(trx, session.id, params.lap, tags));
        }
        return { lap: params.lap, tags, auto_tags: lap.tags, analysis: changed ? "queued" : "unchanged" };
      },
    }),
  ];
}
