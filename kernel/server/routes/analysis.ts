/**
 * Analysis endpoints. Every registered artifact is served generically at
 * `/api/sessions/{id}/artifacts/{artifactId}`; the named endpoints follow the
 * original workbench's API (laps, one lap's channels, corners, delta, gains,
 * consistency, sectors, GPS quality). Artifact values keep the SDK's field
 * names (typed arrays become JSON arrays); envelopes are snake_case.
 *
 * @module
 */

import {
  type ArtifactKey,
  ConsistencyKey,
  type CornerKpi,
  CornerKpisKey,
  CornersKey,
  DeltaKey,
  type DistanceLap,
  DistanceLapsKey,
  GainsKey,
  GpsQualityKey,
  GRID_STEP_M,
  longitudinalG,
  SectorsKey,
} from "../../../sdk/mod.ts";
import { listArtifacts } from "../../storage/artifacts.ts";
import { readLapTags } from "../../storage/lap_tags.ts";
import { cachedJson, requireArtifact } from "../artifact_response.ts";
import { composeLapDelta } from "../delta_pair.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { everyNth, strideFor, thinArrays } from "../json.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import { lapJson, requireSummary, summaryOf } from "../session_json.ts";
import { LAP_PATH, SESSION_ID } from "./sessions.ts";

const MAX_POINTS = {
  type: "integer",
  description: "Thin long arrays to at most this many points (every n-th point, the last kept)",
  minimum: 2,
  maximum: 1_000_000,
} as const;

/** Channels computed on request from the distance-domain lap. */
const DERIVED_CHANNELS: Record<string, (lap: DistanceLap) => Float64Array> = {
  longG: (lap) => longitudinalG(lap),
};

/** Analysis routes. */
export function analysisRoutes(ctx: ServerContext): AnyApiRoute[] {
  const db = ctx.storage.db;
  const artifactRoute = (path: string, key: ArtifactKey<unknown>, summary: string) =>
    defineApiRoute({
      method: "GET",
      path: `/api/sessions/{id}/${path}`,
      summary,
      tag: "analysis",
      params: SESSION_ID,
      responses: {
        200: `the \`${key.id}\` artifact`,
        404: "no such session, or no such artifact",
        409: "not analysed yet",
      },
      async handler({ params, userId, c }) {
        const session = await requireSession(ctx, userId, params.id);
        const { value, fingerprint } = await requireArtifact(ctx, userId, session, key);
        return cachedJson(c, [fingerprint], () => value);
      },
    });

  return [
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/artifacts",
      summary: "The session's stored artifacts: id, producing plugin and version, size",
      tag: "analysis",
      params: SESSION_ID,
      responses: { 200: "list of artifacts", 404: "no such session" },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const rows = await listArtifacts(db, session.id);
        return rows.map((r) => ({
          id: r.artifact_id,
          plugin: r.plugin_id,
          plugin_version: r.plugin_version,
          stage: r.stage_id,
          size_bytes: r.size_bytes,
          created_at: new Date(r.created_at).toISOString(),
        }));
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/artifacts/{artifact}",
      summary:
        "Any artifact by id, as JSON (typed arrays as arrays); `session` is parsed from the original file",
      tag: "analysis",
      params: { ...SESSION_ID, artifact: { type: "string", description: "Artifact id", required: true } },
      query: { max_points: MAX_POINTS },
      responses: { 200: "the artifact's value", 404: "no such session or artifact", 409: "not analysed yet" },
      async handler({ params, query, userId, c }) {
        const session = await requireSession(ctx, userId, params.id);
        const key = { id: params.artifact, description: "" };
        const { value, fingerprint } = await requireArtifact(ctx, userId, session, key);
        return cachedJson(c, [fingerprint], () => thinArrays(value, query.max_points));
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/laps",
      summary: "Every lap: number, kind, time, distance, whether it counts, automatic and user tags",
      tag: "analysis",
      params: SESSION_ID,
      responses: { 200: "laps in order", 404: "no such session", 409: "not analysed yet" },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const summary = requireSummary(session);
        const tags = await readLapTags(db, session.id);
        return summary.laps.map((l) => lapJson(l, tags.get(l.number) ?? []));
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/laps/{lap}/data",
      summary: "One lap's channels on the distance grid (columnar), optionally thinned",
      tag: "analysis",
      params: LAP_PATH,
      query: {
        channels: {
          type: "string",
          description: "Comma-separated channel names (default: all); `longG` is derived",
        },
        max_points: MAX_POINTS,
      },
      responses: {
        200: "`{lap, stepM, points, channels}`",
        404: "no such session or lap",
        409: "not analysed yet",
      },
      async handler({ params, query, userId, c }) {
        const session = await requireSession(ctx, userId, params.id);
        const { value: laps, fingerprint } = await requireArtifact(ctx, userId, session, DistanceLapsKey);
        const lap = laps.find((l) => l.number === params.lap);
        if (!lap) {
          throw new ApiError(
            404,
            "lap_not_found",
            `Session ${session.id} has no lap ${params.lap} on the distance grid`,
            {
              laps: laps.map((l) => l.number),
            },
          );
        }
        const available = [...Object.keys(lap.channels), ...Object.keys(DERIVED_CHANNELS)];
        const names = query.channels?.split(",").map((s) => s.trim()).filter(Boolean) ??
          Object.keys(lap.channels);
        const unknown = names.filter((n) => !available.includes(n));
        if (unknown.length > 0) {
          throw new ApiError(422, "invalid_request", `Unknown channel(s): ${unknown.join(", ")}`, {
            available,
          });
        }
        return cachedJson(c, [fingerprint], () => {
          const stride = strideFor(lap.points, query.max_points);
          const channels = Object.fromEntries(
            names.map((n) => [n, everyNth(lap.channels[n] ?? DERIVED_CHANNELS[n](lap), stride)]),
          );
          return {
            lap: lap.number,
            stepM: lap.stepM * stride,
            points: stride === 1 ? lap.points : Math.ceil((lap.points - 1) / stride) + 1,
            lastPointM: (lap.points - 1) * lap.stepM,
            channels,
          };
        });
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/corners",
      summary: "Corners with one lap's KPIs (the best lap unless `lap` is given)",
      tag: "analysis",
      params: SESSION_ID,
      query: { lap: { type: "integer", description: "Lap number (default: the best lap)", minimum: 0 } },
      responses: {
        200: "`{lap, best_lap, corners: [{...corner, kpi}]}`",
        404: "no such session, lap or artifact",
      },
      async handler({ params, query, userId, c }) {
        const session = await requireSession(ctx, userId, params.id);
        const corners = await requireArtifact(ctx, userId, session, CornersKey);
        const kpis = await requireArtifact(ctx, userId, session, CornerKpisKey);
        const best = summaryOf(session)?.best_lap ?? null;
        const lap = query.lap ?? best;
        const lapKpis = kpis.value.find((k) => k.lap === lap);
        if (query.lap !== undefined && !lapKpis) {
          throw new ApiError(
            404,
            "lap_not_found",
            `Session ${session.id} has no corner data for lap ${query.lap}`,
            {
              laps: kpis.value.map((k) => k.lap),
            },
          );
        }
        const byCorner = new Map<number, CornerKpi>((lapKpis?.corners ?? []).map((k) => [k.corner, k]));
        return cachedJson(c, [corners.fingerprint, kpis.fingerprint, String(best)], () => ({
          lap,
          best_lap: best,
          corners: corners.value.map((corner) => ({ ...corner, kpi: byCorner.get(corner.number) ?? null })),
        }));
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/corners/all-laps",
      summary: "Corners and every lap's corner KPIs",
      tag: "analysis",
      params: SESSION_ID,
      responses: { 200: "`{corners, laps: [{lap, corners: [kpi]}]}`", 404: "no such session or artifact" },
      async handler({ params, userId, c }) {
        const session = await requireSession(ctx, userId, params.id);
        const corners = await requireArtifact(ctx, userId, session, CornersKey);
        const kpis = await requireArtifact(ctx, userId, session, CornerKpisKey);
        return cachedJson(
          c,
          [corners.fingerprint, kpis.fingerprint],
          () => ({ corners: corners.value, laps: kpis.value }),
        );
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/delta",
      summary:
        "Delta-T of lap `comp` against `ref` (a lap number or `theoretical`) along the reference's grid",
      tag: "analysis",
      params: SESSION_ID,
      query: {
        comp: { type: "integer", description: "Compared lap", required: true, minimum: 0 },
        ref: {
          type: "string",
          description: "Reference: a lap number or `theoretical` (default: the best lap)",
        },
        max_points: MAX_POINTS,
      },
      responses: {
        200: "`{lap, reference, totalS, corners, deltaS, stepM}`",
        404: "no such session, or no delta for that pair",
        422: "invalid query",
      },
      async handler({ params, query, userId, c }) {
        const session = await requireSession(ctx, userId, params.id);
        if (query.ref !== undefined && query.ref !== "theoretical" && !/^\d+$/.test(query.ref)) {
          throw new ApiError(422, "invalid_request", "query.ref must be a lap number or `theoretical`", {
            issues: [{ path: "query.ref", message: "must be a lap number or theoretical" }],
          });
        }
        const { value: deltas, fingerprint } = await requireArtifact(ctx, userId, session, DeltaKey);
        const delta = deltas.find((d) =>
          d.lap === query.comp && (query.ref === undefined || String(d.reference) === query.ref)
        ) ?? (query.ref !== undefined && query.ref !== "theoretical"
          ? composeLapDelta(deltas, Number(query.ref), query.comp)
          : null);
        if (!delta) {
          throw new ApiError(
            404,
            "delta_not_available",
            `No delta of lap ${query.comp} against ${
              query.ref ?? "the best lap"
            }; the analysis stores each lap against the best lap, and the best lap against the theoretical best`,
            { available: deltas.map((d) => ({ comp: d.lap, ref: d.reference })) },
          );
        }
        return cachedJson(c, [fingerprint], () => {
          const stride = strideFor(delta.deltaS.length, query.max_points);
          return { ...delta, deltaS: everyNth(delta.deltaS, stride), stepM: GRID_STEP_M * stride };
        });
      },
    }),
    artifactRoute(
      "gains",
      GainsKey,
      "Time on the table per segment: consistency and composite gains, theoretical best",
    ),
    artifactRoute("consistency", ConsistencyKey, "Lap-time and per-corner consistency with 0..100 scores"),
    artifactRoute(
      "sectors",
      SectorsKey,
      "Equal-distance mini-sectors: per-lap times, best per sector and its lap",
    ),
    artifactRoute(
      "gps-quality",
      GpsQualityKey,
      "GPS quality 0..100, grade A-F, the metrics and poor stretches",
    ),
  ];
}
