/**
 * The stable JSON contract of `deno task analyze FILE --json`.
 *
 * Fields are only ever added, never renamed or given a new meaning.
 *
 * @module
 */

import { type Diagnostic, LapsKey, SessionKey, TrackKey } from "../../sdk/mod.ts";
import type { AnalysisResult } from "../run.ts";

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
  /** Seconds per stage. */
  stage_seconds: Record<string, number>;
  /** Seconds for the whole analysis. */
  total_seconds: number;
  /** Every diagnostic. */
  diagnostics: DiagnosticJson[];
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

/** The fastest included complete lap's number, or null. */
export function bestLapNumber(result: AnalysisResult): number | null {
  const laps = result.artifacts.get(LapsKey) ?? [];
  let best: number | null = null, bestTime = Infinity;
  for (const lap of laps) {
    if (lap.included && lap.timeS !== null && lap.timeS < bestTime) {
      best = lap.number;
      bestTime = lap.timeS;
    }
  }
  return best;
}

/** Builds the JSON document from a run and the plugin-loading problems. */
export function toAnalyzeJson(result: AnalysisResult, loadProblems: readonly Diagnostic[]): AnalyzeJson {
  const session = result.artifacts.get(SessionKey);
  const match = result.artifacts.get(TrackKey);
  const laps = result.artifacts.get(LapsKey) ?? [];
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
    })),
    best_lap: bestLapNumber(result),
    corners: [],
    optimal_lap_time_s: null,
    stage_seconds: Object.fromEntries(Object.entries(result.stageSeconds).map(([k, v]) => [k, round(v, 4)])),
    total_seconds: round(result.totalSeconds, 4),
    diagnostics: [...loadProblems, ...result.diagnostics].map(toDiagnosticJson),
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
