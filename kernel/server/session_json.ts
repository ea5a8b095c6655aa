/**
 * The JSON shape of a session in the API: the original's session summary
 * fields (snake_case), computed from the stored analysis summary, which is
 * the `analyze --json` document of the CLI.
 *
 * @module
 */

import type { AnalyzeJson, LapJson } from "../cli/analyze_json.ts";
import type { JobProgress } from "../jobs/progress.ts";
import type { JobRow, SessionRow } from "../storage/schema.ts";
import { ApiError } from "./errors.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The stored analysis summary of a session, or null before the first analysis. */
export function summaryOf(row: SessionRow): AnalyzeJson | null {
  return row.summary_json ? JSON.parse(row.summary_json) as AnalyzeJson : null;
}

/** The stored analysis summary of a session, or a 409 before the first analysis. */
export function requireSummary(row: SessionRow): AnalyzeJson {
  const summary = summaryOf(row);
  if (!summary) {
    throw new ApiError(409, "analysis_not_ready", `Session ${row.id} has not been analysed yet`, {
      status: row.status,
    });
  }
  return summary;
}

/** Laps that count for statistics: complete, included, timed. */
function countedLaps(laps: readonly LapJson[]): LapJson[] {
  return laps.filter((l) => l.included && l.complete && l.time_s !== null);
}

const mean = (xs: number[]) => (xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length, 4));

/** A session as listed (no laps). */
export function sessionListJson(row: SessionRow) {
  const summary = summaryOf(row);
  const counted = summary ? countedLaps(summary.laps) : [];
  const times = counted.map((l) => l.time_s!).sort((a, b) => a - b);
  return {
    session_id: row.id,
    file_name: row.file_name,
    size_bytes: row.size_bytes,
    sha256: row.file_sha256,
    format: row.format,
    status: row.status,
    error: row.error,
    track_slug: row.track_slug,
    track_name: row.track_name,
    track_length_m: summary?.track?.length_m ?? null,
    session_date: iso(row.driven_at ?? row.created_at),
    created_at: iso(row.created_at),
    analysed_at: iso(row.analysed_at),
    n_laps: summary ? summary.laps.length : null,
    n_clean_laps: summary ? counted.length : null,
    best_lap: summary?.best_lap ?? null,
    best_lap_time_s: times[0] ?? null,
    top3_avg_time_s: mean(times.slice(0, 3)),
    avg_lap_time_s: mean(times),
    theoretical_best_s: summary?.theoretical_best_s ?? null,
    optimal_lap_time_s: summary?.optimal_lap_time_s ?? null,
    consistency_score: summary?.consistency_score ?? null,
    gps_quality_score: summary?.gps_quality?.score ?? null,
    gps_quality_grade: summary?.gps_quality?.grade ?? null,
    equipment_profile_id: row.equipment_profile_id,
  };
}

/** A lap with the user's own tags next to the automatic ones. */
export function lapJson(lap: LapJson, userTags: readonly string[]) {
  return { ...lap, user_tags: [...userTags] };
}

/** The state of a session's latest job. */
export function jobJson(job: JobRow | undefined) {
  if (!job) return null;
  return {
    status: job.status,
    attempts: job.attempts,
    error: job.error,
    queued_at: iso(job.created_at),
    finished_at: iso(job.finished_at),
    progress: job.progress_json ? JSON.parse(job.progress_json) as JobProgress : null,
  };
}

/** One session in full: the list fields, its laps (when analysed), its job and stored artifacts. */
export function sessionDetailJson(
  row: SessionRow,
  job: JobRow | undefined,
  userTags: ReadonlyMap<number, string[]>,
  artifacts: string[],
) {
  const summary = summaryOf(row);
  return {
    ...sessionListJson(row),
    laps: summary ? summary.laps.map((l) => lapJson(l, userTags.get(l.number) ?? [])) : [],
    diagnostics_count: summary ? summary.diagnostics.length : 0,
    stage_seconds: summary?.stage_seconds ?? {},
    job: jobJson(job),
    artifacts,
  };
}
