/**
 * One session in a few numbers, read from its stored artifacts: what
 * workbench-wide plugins (achievements, a year summary, an instructor's
 * view of a student) need without each re-deriving laps, distance, the best
 * lap, clean laps and per-corner minimum speeds their own way.
 *
 * @module
 */

import { ConsistencyKey, CornerKpisKey, CornersKey, LapsKey, LapTagsKey } from "./keys.ts";
import { analysisLaps, bestLap } from "./lap_sets.ts";
import type { ArtifactReader } from "./route.ts";

/** Minimum speeds of one corner over a session's clean laps. */
export interface CornerSummary {
  /** Corner number in the session. */
  readonly corner: number;
  /** Display label (`"T5"`, `"C3"`), stable across sessions on a known circuit. */
  readonly label: string;
  /** Clean laps on which the corner's minimum speed was measured. */
  readonly cleanLaps: number;
  /** Highest minimum speed over those laps, km/h, or null without one. */
  readonly bestMinSpeedKmh: number | null;
  /** Highest − lowest minimum speed over those laps, km/h, or null with fewer than 2. */
  readonly minSpeedSpreadKmh: number | null;
}

/** A session summarised (every field is JSON-able, so plugins can store it). */
export interface SessionSummary {
  /** Laps that reached the line again. */
  readonly completeLaps: number;
  /** Laps counted for statistics (complete flying laps not excluded). */
  readonly timedLaps: number;
  /** Distance driven over every lap, out- and in-lap included, m. */
  readonly distanceM: number;
  /** Time spent on those laps, s. */
  readonly drivingTimeS: number;
  /** Best lap time, s, or null without a timed lap. */
  readonly bestLapS: number | null;
  /** Best lap's number, or null. */
  readonly bestLapNumber: number | null;
  /** Overall consistency score 0..100, or null when not computed. */
  readonly consistencyScore: number | null;
  /** True when the consistency score rests on too few laps to mean much. */
  readonly consistencyProvisional: boolean;
  /** Timed laps tagged `clean` and nothing else. */
  readonly cleanLaps: readonly number[];
  /** Laps tagged `mistake` or `off-track`. */
  readonly mistakeLaps: readonly number[];
  /** Per corner, over the clean laps. */
  readonly corners: readonly CornerSummary[];
}

const MPS_TO_KMH = 3.6;

/** Summarises a session from its artifacts; a session without laps gives zeros and nulls. */
export async function summarizeSession(artifacts: ArtifactReader): Promise<SessionSummary> {
  const [laps, tagging, consistency, corners, kpis] = await Promise.all([
    artifacts.get(LapsKey),
    artifacts.get(LapTagsKey),
    artifacts.get(ConsistencyKey),
    artifacts.get(CornersKey),
    artifacts.get(CornerKpisKey),
  ]);
  const allLaps = laps ?? [];
  const timed = analysisLaps(allLaps);
  const best = bestLap(allLaps);
  const timedNumbers = new Set(timed.map((lap) => lap.number));
  const mistakeLaps: number[] = [];
  const clean = new Set<number>();
  for (const { lap, tags } of tagging ?? []) {
    if (tags.includes("mistake") || tags.includes("off-track")) mistakeLaps.push(lap);
    else if (tags.length === 1 && tags[0] === "clean" && timedNumbers.has(lap)) clean.add(lap);
  }
  return {
    completeLaps: allLaps.filter((lap) => lap.complete).length,
    timedLaps: timed.length,
    distanceM: allLaps.reduce((sum, lap) => sum + lap.distanceM, 0),
    drivingTimeS: allLaps.reduce((sum, lap) => sum + (lap.endTimeS - lap.startTimeS), 0),
    bestLapS: best?.timeS ?? null,
    bestLapNumber: best?.number ?? null,
    consistencyScore: consistency?.score ?? null,
    consistencyProvisional: consistency?.provisional ?? true,
    cleanLaps: [...clean],
    mistakeLaps,
    corners: (corners ?? []).map((corner) => {
      const speeds: number[] = [];
      for (const lap of kpis ?? []) {
        if (!clean.has(lap.lap)) continue;
        const kpi = lap.corners.find((c) => c.corner === corner.number);
        if (kpi && !kpi.unmeasured?.includes("min-speed")) speeds.push(kpi.minSpeedMps * MPS_TO_KMH);
      }
      const highest = speeds.length > 0 ? Math.max(...speeds) : null;
      return {
        corner: corner.number,
        label: corner.label,
        cleanLaps: speeds.length,
        bestMinSpeedKmh: highest,
        minSpeedSpreadKmh: speeds.length >= 2 ? highest! - Math.min(...speeds) : null,
      };
    }),
  };
}
