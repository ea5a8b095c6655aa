/**
 * Circuits and progress across sessions: `GET /api/tracks` (circuits the
 * caller has sessions on) and `GET /api/trends/{track}` (the caller's
 * sessions there, oldest first, with lap-time, consistency and per-corner
 * trends). Only the caller's own sessions are ever included.
 *
 * @module
 */

import { CornerKpisKey, CornersKey, mean, sampleStd } from "../../../sdk/mod.ts";
import type { SessionRow } from "../../storage/schema.ts";
import { listSessions } from "../../storage/sessions.ts";
import { listTracks } from "../../storage/tracks.ts";
import type { ServerContext } from "../context.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { sessionListJson, summaryOf } from "../session_json.ts";

/** Sessions per track considered by trends, at most. */
const MAX_TREND_SESSIONS = 500;

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Per corner label, this session's minimum speeds and brake points over its counted laps. */
async function cornerStats(ctx: ServerContext, userId: string, session: SessionRow) {
  const artifacts = ctx.artifacts.reader(userId, session.id);
  const corners = await artifacts.get(CornersKey);
  const kpis = await artifacts.get(CornerKpisKey);
  const summary = summaryOf(session);
  if (!corners || !kpis || !summary) return [];
  const counted = new Set(summary.laps.filter((l) => l.included && l.complete).map((l) => l.number));
  const lapKpis = kpis.filter((k) => counted.has(k.lap));
  return corners.map((corner) => {
    const own = lapKpis.flatMap((l) => l.corners.filter((k) => k.corner === corner.number));
    const minSpeeds = own.map((k) => k.minSpeedMps);
    const brakes = own.flatMap((k) => (k.brakePointM === null ? [] : [k.brakePointM]));
    const best = lapKpis.find((l) => l.lap === summary.best_lap)?.corners.find((k) =>
      k.corner === corner.number
    );
    return {
      label: corner.label,
      laps: own.length,
      best_lap_min_speed_mps: best?.minSpeedMps ?? null,
      mean_min_speed_mps: finiteOrNull(mean(minSpeeds)),
      min_speed_std_mps: finiteOrNull(sampleStd(minSpeeds)),
      mean_brake_point_m: finiteOrNull(mean(brakes)),
    };
  });
}

/** Track routes. */
export function trackRoutes(ctx: ServerContext): AnyApiRoute[] {
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/tracks",
      summary: "Circuits the caller has analysed sessions on, with session counts",
      tag: "tracks",
      responses: { 200: "list of circuits" },
      handler: ({ userId }) => listTracks(ctx.storage.db, userId),
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/trends/{track}",
      summary:
        "The caller's sessions on a circuit, oldest first, with lap-time, consistency and corner trends",
      tag: "tracks",
      params: { track: { type: "string", description: "Circuit slug", required: true } },
      query: {
        include_low_quality: {
          type: "boolean",
          description: "Include sessions whose GPS grade is F (excluded by default)",
        },
      },
      responses: {
        200: "`{track, sessions, corners}`; fewer than 2 sessions is not an error",
        422: "invalid query",
      },
      async handler({ params, query, userId }) {
        const { items } = await listSessions(ctx.storage.db, userId, {
          trackSlug: params.track,
          status: "ready",
          limit: MAX_TREND_SESSIONS,
          offset: 0,
          oldestFirst: true,
        });
        const rows = items
          .map((row) => ({ row, json: sessionListJson(row) }))
          .filter(({ json }) => query.include_low_quality || json.gps_quality_grade !== "F")
          .sort((x, y) => (x.json.session_date ?? "").localeCompare(y.json.session_date ?? ""));
        const corners = new Map<string, unknown[]>();
        for (const { row } of rows) {
          for (const stat of await cornerStats(ctx, userId, row)) {
            const list = corners.get(stat.label) ?? [];
            corners.set(stat.label, list);
            list.push({ session_id: row.id, ...stat });
          }
        }
        return {
          track: params.track,
          track_name: rows[0]?.row.track_name ?? null,
          sessions: rows.map(({ json }) => ({
            session_id: json.session_id,
            session_date: json.session_date,
            n_laps: json.n_laps,
            best_lap_time_s: json.best_lap_time_s,
            top3_avg_time_s: json.top3_avg_time_s,
            avg_lap_time_s: json.avg_lap_time_s,
            theoretical_best_s: json.theoretical_best_s,
            consistency_score: json.consistency_score,
            gps_quality_grade: json.gps_quality_grade,
          })),
          corners: [...corners].map(([label, sessions]) => ({ label, sessions })),
        };
      },
    }),
  ];
}
