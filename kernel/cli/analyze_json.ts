/**
 * The stable JSON contract of `deno task analyze FILE --json`.
 *
 * Fields are only ever added, never renamed or given a new meaning.
 *
 * @module
 */

import {
  bestLap,
  ConsistencyKey,
  type Corner,
  type CornerKpi,
  CornerKpisKey,
  CornersKey,
  type Diagnostic,
  GainsKey,
  GpsQualityKey,
  LapsKey,
  LapTagsKey,
  OptimalProfileKey,
  SessionKey,
  TrackKey,
} from "../../sdk/mod.ts";
import type { AnalysisResult } from "../run.ts";
import { toJsonText } from "../server/json.ts";

/** One lap in the JSON output. */
export interface LapJson {
  /** Lap number: lap n starts at the n-th crossing of the line. */
  number: number;
  /** Line-to-line time, s (null when the lap never reached the line). */
  time_s: number | null;
  /** Distance driven, m. */
  distance_m: number;
  /** Whether the lap counts for best-lap statistics. */
  included: boolean;
  /** `out`, `flying` or `in`. */
  kind: string;
  /** Start crossing, s from the first sample. */
  start_time_s: number;
  /** Whether the lap reached the line again. */
  complete: boolean;
  /** Why the lap does not count, or null. */
  excluded_reason: string | null;
  /** Automatic tags (`clean`, `mistake`, `traffic-suspect`, ...). */
  tags: string[];
}

/** One corner of the best lap in the JSON output (filled by the corners plugin). */
export interface CornerJson {
  /** Corner number. */
  number: number;
  /** Entry, apex and exit, m from the line. */
  entry_m: number;
  /** Apex, m. */
  apex_m: number;
  /** Exit, m. */
  exit_m: number;
  /** Minimum speed, km/h. */
  min_speed_kmh: number | null;
  /** Brake point, m. */
  brake_point_m: number | null;
  /** Throttle-commit point, m. */
  throttle_commit_m: number | null;
  /** Display label, e.g. `"T5"` or `"T2-4"` (official numbers) or `"C3"` (unknown circuit). */
  label: string;
  /** Official name(s), or null. */
  name: string | null;
  /** `left` or `right`. */
  direction: string;
  /** Where this lap's minimum speed is, m. */
  min_speed_m: number | null;
  /** Peak braking deceleration, g, or null when the lap does not brake there. */
  peak_brake_g: number | null;
  /** `early`, `on-time` or `late`. */
  apex_type: string | null;
  /** Time from entry to exit, s. */
  time_in_corner_s: number | null;
}

/** One lap's corner table (with `--lap N`). */
export interface LapCornersJson {
  /** The lap's number. */
  number: number;
  /** Its corners. */
  corners: CornerJson[];
}

/** The whole `analyze --json` document. */
export interface AnalyzeJson {
  /** File name. */
  file: string;
  /** Format id, or null when the file was not recognised. */
  format: string | null;
  /** Samples kept after cleaning. */
  rows: number;
  /** Matched circuit, or null. */
  track: { slug: string; name: string; length_m: number } | null;
  /** Every lap. */
  laps: LapJson[];
  /** Number of the fastest included lap, or null. */
  best_lap: number | null;
  /** Corners of the best lap. */
  corners: CornerJson[];
  /** Physics-optimal lap time, s, or null when not computed. */
  optimal_lap_time_s: number | null;
  /** The lap chosen with `--lap N` and its corner table, or null. */
  selected_lap: LapCornersJson | null;
  /** Sum of the best corner and straight segments, s, or null with fewer than 2 laps. */
  theoretical_best_s: number | null;
  /** Time on the table, s: tier 1 (consistency: mean − best per segment) and tier 2 (best lap − theoretical best). */
  gains_s: { consistency: number; composite: number } | null;
  /** Overall consistency score 0..100, or null. */
  consistency_score: number | null;
  /** GPS quality score 0..100, grade and the reasons it lost points (one sentence each), or null. */
  gps_quality: { score: number; grade: string; reasons: string[] } | null;
  /** Seconds per stage. */
  stage_seconds: Record<string, number>;
  /** Seconds for the whole analysis. */
  total_seconds: number;
  /** Every diagnostic. */
  diagnostics: DiagnosticJson[];
  /**
   * What plugins loaded from folders (not built in) produced: by plugin id,
   * then artifact id, the artifact's value as JSON (typed arrays as arrays).
   */
  plugin_artifacts: Record<string, Record<string, unknown>>;
}

/** A diagnostic in the JSON output. */
export interface DiagnosticJson {
  /** `error`, `warning` or `info`. */
  severity: string;
  /** Plugin that reported it. */
  plugin: string;
  /** Stage or format that reported it. */
  stage?: string;
  /** Machine-readable kind. */
  code?: string;
  /** What happened. */
  message: string;
  /** File, line (1-based) and column, when the problem has a place. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** Column number or name. */
  column?: number | string;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * Builds the JSON document from a run and the plugin-loading problems; `lap`
 * selects a lap's corner table; `pluginArtifacts` names the artifact ids of
 * folder plugins to include in `plugin_artifacts`, by plugin id.
 */
export function toAnalyzeJson(
  result: AnalysisResult,
  loadProblems: readonly Diagnostic[],
  lap: number | null = null,
  pluginArtifacts: ReadonlyMap<string, readonly string[]> = new Map(),
): AnalyzeJson {
  const { artifacts } = result;
  const session = artifacts.get(SessionKey);
  const match = artifacts.get(TrackKey);
  const laps = artifacts.get(LapsKey) ?? [];
  const best = bestLap(laps);
  const tags = new Map((artifacts.get(LapTagsKey) ?? []).map((t) => [t.lap, t.tags]));
  const gains = artifacts.get(GainsKey) ?? null;
  const consistency = artifacts.get(ConsistencyKey) ?? null;
  const gps = artifacts.get(GpsQualityKey);
  const optimal = artifacts.get(OptimalProfileKey) ?? null;
  const cornersOf = (number: number) => lapCorners(result, number);
  return {
    file: result.file,
    format: result.format,
    rows: session?.rows ?? 0,
    track: match
      ? { slug: match.track.slug, name: match.track.name, length_m: round(match.track.lengthM, 1) }
      : null,
    laps: laps.map((lap) => ({
      number: lap.number,
      time_s: lap.timeS === null ? null : round(lap.timeS, 4),
      distance_m: round(lap.distanceM, 1),
      included: lap.included,
      kind: lap.kind,
      start_time_s: round(lap.startTimeS, 4),
      complete: lap.complete,
      excluded_reason: lap.excludedReason,
      tags: tags.get(lap.number) ?? [],
    })),
    best_lap: best?.number ?? null,
    corners: best ? cornersOf(best.number) : [],
    optimal_lap_time_s: optimal ? round(optimal.lapTimeS, 4) : null,
    selected_lap: lap === null ? null : { number: lap, corners: cornersOf(lap) },
    theoretical_best_s: gains ? round(gains.theoreticalBestS, 4) : null,
    gains_s: gains
      ? { consistency: round(gains.consistencyS, 4), composite: round(gains.compositeS, 4) }
      : null,
    consistency_score: consistency ? round(consistency.score, 1) : null,
    gps_quality: gps ? { score: round(gps.score, 1), grade: gps.grade, reasons: gps.reasons } : null,
    stage_seconds: Object.fromEntries(Object.entries(result.stageSeconds).map(([k, v]) => [k, round(v, 4)])),
    total_seconds: round(result.totalSeconds, 4),
    diagnostics: [...loadProblems, ...result.diagnostics].map(toDiagnosticJson),
    plugin_artifacts: Object.fromEntries(
      [...pluginArtifacts].map(([plugin, ids]) => [
        plugin,
        Object.fromEntries(
          ids.flatMap((id) => {
            const value = artifacts.get({ id, description: "" });
            return value === undefined ? [] : [[id, JSON.parse(toJsonText(value))]];
          }),
        ),
      ]),
    ),
  };
}

/** The corner table of one lap: the session's corners with that lap's KPIs (null where it has none). */
function lapCorners(result: AnalysisResult, lap: number): CornerJson[] {
  const corners = result.artifacts.get(CornersKey) ?? [];
  const kpis = result.artifacts.get(CornerKpisKey)?.find((k) => k.lap === lap)?.corners ?? [];
  const byCorner = new Map(kpis.map((k) => [k.corner, k]));
  return corners.map((corner) => toCornerJson(corner, byCorner.get(corner.number)));
}

function toCornerJson(corner: Corner, kpi: CornerKpi | undefined): CornerJson {
  const orNull = (x: number | null | undefined, digits: number) =>
    x === null || x === undefined ? null : round(x, digits);
  return {
    number: corner.number,
    entry_m: round(corner.entryM, 1),
    apex_m: round(corner.apexM, 1),
    exit_m: round(corner.exitM, 1),
    min_speed_kmh: orNull(kpi && kpi.minSpeedMps * 3.6, 2),
    brake_point_m: orNull(kpi?.brakePointM, 1),
    throttle_commit_m: orNull(kpi?.throttleCommitM, 1),
    label: corner.label,
    name: corner.name,
    direction: corner.direction,
    min_speed_m: orNull(kpi?.minSpeedM, 1),
    peak_brake_g: orNull(kpi?.peakBrakeG, 3),
    apex_type: kpi?.apexType ?? null,
    time_in_corner_s: orNull(kpi?.timeInCornerS, 3),
  };
}

function toDiagnosticJson(d: Diagnostic): DiagnosticJson {
  const out: DiagnosticJson = { severity: d.severity, plugin: d.plugin, message: d.message };
  if (d.stage !== undefined) out.stage = d.stage;
  if (d.code !== undefined) out.code = d.code;
  if (d.file !== undefined) out.file = d.file;
  if (d.line !== undefined) out.line = d.line;
  if (d.column !== undefined) out.column = d.column;
  return out;
}
