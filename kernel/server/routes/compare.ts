/**
 * `GET /api/sessions/{id}/compare/{other}`: the best laps of two sessions
 * on the same circuit side by side — lap-time difference, delta-T along
 * this session's best lap, speed traces, and corner by corner KPIs (matched
 * by corner label, which follows the circuit's official numbering).
 *
 * The delta-T matches points at the same fraction of each lap's distance
 * (the SDK's `lap_clock` rule, the one the delta plugin uses within a
 * session), so the trace ends at the lap-time difference even though the
 * two laps' measured lengths differ by a few metres.
 *
 * @module
 */

import {
  bestLap,
  type CornerKpi,
  CornerKpisKey,
  CornersKey,
  DistanceLapsKey,
  elapsedAtPoint,
  lapClock,
  LapsKey,
} from "../../../sdk/mod.ts";
import type { SessionRow } from "../../storage/schema.ts";
import { type Loaded, requireArtifact } from "../artifact_response.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { everyNth, strideFor } from "../json.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { sessionListJson } from "../session_json.ts";

/** The best lap of a session with its grid and clock. */
async function bestLapOf(ctx: ServerContext, userId: string, session: SessionRow) {
  const laps = await requireArtifact(ctx, userId, session, LapsKey);
  const grids = await requireArtifact(ctx, userId, session, DistanceLapsKey);
  const lap = bestLap(laps.value);
  const grid = lap && grids.value.find((g) => g.number === lap.number);
  if (!lap || !grid || grid.points < 2) {
    throw new ApiError(422, "no_best_lap", `Session ${session.id} has no complete lap to compare`);
  }
  return { lap, grid, clock: lapClock(lap, grid), fingerprints: [laps.fingerprint, grids.fingerprint] };
}

async function optional<T>(load: Promise<Loaded<T>>): Promise<Loaded<T> | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Corner KPIs of one lap by corner label. */
async function cornersByLabel(ctx: ServerContext, userId: string, session: SessionRow, lap: number) {
  const corners = await optional(requireArtifact(ctx, userId, session, CornersKey));
  const kpis = await optional(requireArtifact(ctx, userId, session, CornerKpisKey));
  const lapKpis = new Map<number, CornerKpi>(
    (kpis?.value.find((k) => k.lap === lap)?.corners ?? []).map((k) => [k.corner, k]),
  );
  return new Map(
    (corners?.value ?? []).map((c) => [c.label, { corner: c, kpi: lapKpis.get(c.number) ?? null }]),
  );
}

/** The comparison route. */
export function compareRoute(ctx: ServerContext): AnyApiRoute {
  return defineApiRoute({
    method: "GET",
    path: "/api/sessions/{id}/compare/{other}",
    summary: "Best lap against the best lap of another session on the same circuit",
    tag: "analysis",
    params: {
      id: { type: "string", description: "Session id (the reference)", required: true },
      other: { type: "string", description: "The session compared with it", required: true },
    },
    query: {
      max_points: { type: "integer", description: "Thin the traces to at most this many points", minimum: 2 },
    },
    responses: {
      200: "`{session, other, best_lap_delta_s, delta, speed, corners}`",
      400: "the sessions are on different circuits (or on an unknown one)",
      404: "no such session",
      409: "not analysed yet",
    },
    async handler({ params, query, userId }) {
      const [a, b] = await Promise.all([
        requireSession(ctx, userId, params.id),
        requireSession(ctx, userId, params.other),
      ]);
      if (!a.track_slug || a.track_slug !== b.track_slug) {
        throw new ApiError(
          400,
          "different_tracks",
          "Only sessions on the same known circuit can be compared",
          {
            tracks: [a.track_slug, b.track_slug],
          },
        );
      }
      const [ref, comp] = await Promise.all([bestLapOf(ctx, userId, a), bestLapOf(ctx, userId, b)]);
      const points = ref.clock.timeS.length;
      const deltaS = new Float64Array(points);
      const scale = (ref.clock.stepM / comp.clock.stepM) * (comp.clock.lengthM / ref.clock.lengthM);
      for (let i = 0; i < points; i++) deltaS[i] = elapsedAtPoint(comp.clock, i * scale) - ref.clock.timeS[i];
      deltaS[points - 1] = comp.clock.lapTimeS - ref.clock.lapTimeS;
      const stride = strideFor(points, query.max_points ?? 2000);
      const compStride = strideFor(comp.grid.points, query.max_points ?? 2000);
      const [cornersA, cornersB] = await Promise.all([
        cornersByLabel(ctx, userId, a, ref.lap.number),
        cornersByLabel(ctx, userId, b, comp.lap.number),
      ]);
      const corners = [...cornersA].filter(([label]) => cornersB.has(label)).map(([label, x]) => {
        const y = cornersB.get(label)!;
        return {
          label,
          corner: x.corner.number,
          other_corner: y.corner.number,
          kpi: x.kpi,
          other_kpi: y.kpi,
          min_speed_delta_mps: x.kpi && y.kpi ? y.kpi.minSpeedMps - x.kpi.minSpeedMps : null,
          time_in_corner_delta_s: x.kpi && y.kpi ? y.kpi.timeInCornerS - x.kpi.timeInCornerS : null,
        };
      });
      return {
        session: { ...sessionListJson(a), best_lap: ref.lap.number, best_lap_time_s: ref.lap.timeS },
        other: { ...sessionListJson(b), best_lap: comp.lap.number, best_lap_time_s: comp.lap.timeS },
        best_lap_delta_s: comp.clock.lapTimeS - ref.clock.lapTimeS,
        delta: { stepM: ref.grid.stepM * stride, deltaS: everyNth(deltaS, stride) },
        speed: {
          stepM: ref.grid.stepM * stride,
          speedMps: everyNth(ref.grid.channels.speedMps, stride),
          otherStepM: comp.grid.stepM * compStride,
          otherSpeedMps: everyNth(comp.grid.channels.speedMps, compStride),
        },
        corners,
      };
    },
  });
}
