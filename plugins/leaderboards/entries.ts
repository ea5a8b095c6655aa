/**
 * A session's leaderboard entry: its best counted lap, and per corner its
 * best minimum speed and best corner time over the counted laps, each with
 * the lap and the moment it was driven (for ordering ties). Values are kept
 * at the resolution they are shown and compared at: times to the
 * millisecond, minimum speeds to 0.1 km/h.
 *
 * Minimum speed is the corner KPI the Deep Dive shows (lowest speed between
 * the corner's entry and exit); corner time is measured over the circuit's
 * own window (`corner_window.ts`).
 *
 * @module
 */

import {
  type AppSession,
  type ArtifactReader,
  CornerKpisKey,
  CornersKey,
  DistanceLapsKey,
  GpsQualityKey,
  LapsKey,
  LapTagsKey,
  sessionDrivenAt,
  TrackKey,
} from "../../sdk/mod.ts";
import { planCorners, windowOnLap, windowTimeS } from "./corner_window.ts";
import { eligibleLaps, type ExcludedLap } from "./eligibility.ts";

const MPS_TO_KMH = 3.6;

/** One result on a board: a value, the lap that set it and when that lap started. */
export interface Mark {
  /** Lap time or corner time in s, or minimum speed in km/h. */
  readonly value: number;
  /** Lap number in its session. */
  readonly lap: number;
  /** When the lap started, ms since the epoch. */
  readonly drivenAt: number;
}

/** A session's best at one corner. */
export interface CornerEntry {
  /** Key naming the corner the same way in every session on the circuit (`"T5"`, `"T2-4"`). */
  readonly key: string;
  /** Display label. */
  readonly label: string;
  /** Official name(s), or null. */
  readonly name: string | null;
  /** Highest minimum speed over the counted laps, km/h, or null. */
  readonly minSpeed: Mark | null;
  /** Shortest time through the corner's window, s, or null. */
  readonly cornerTime: Mark | null;
}

/** What the leaderboards keep of one session. */
export interface SessionEntry {
  /** Session id. */
  readonly sessionId: string;
  /** Owner's user id. */
  readonly userId: string;
  /** Circuit slug. */
  readonly trackSlug: string;
  /** Circuit name. */
  readonly trackName: string | null;
  /** Laps that count, in lap order. */
  readonly countedLaps: number[];
  /** Laps that do not, with the reason. */
  readonly excludedLaps: ExcludedLap[];
  /** Best counted lap, or null. */
  readonly lapTime: Mark | null;
  /** Per corner with official turns, in lap order. */
  readonly corners: CornerEntry[];
}

/** Rounds to `step` (0.001 for ms, 0.1 for 0.1 km/h), so equal shown values compare equal. */
function rounded(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** The better of two marks: `lower` or higher value wins; a tie goes to the earlier lap. */
export function betterMark(a: Mark | null, b: Mark | null, lower: boolean): Mark | null {
  if (a === null || b === null) return a ?? b;
  if (a.value !== b.value) return (a.value < b.value) === lower ? a : b;
  return a.drivenAt <= b.drivenAt ? a : b;
}

/** Builds a session's entry from its artifacts and the driver's own lap tags; null when it was not matched to a known circuit. */
export async function sessionEntry(
  session: AppSession,
  artifacts: ArtifactReader,
  userTags: ReadonlyMap<number, readonly string[]>,
): Promise<SessionEntry | null> {
  const [match, laps, tagging, gps, corners, kpis, distanceLaps] = await Promise.all([
    artifacts.get(TrackKey),
    artifacts.get(LapsKey),
    artifacts.get(LapTagsKey),
    artifacts.get(GpsQualityKey),
    artifacts.get(CornersKey),
    artifacts.get(CornerKpisKey),
    artifacts.get(DistanceLapsKey),
  ]);
  if (!match || session.trackSlug === null) return null;
  const { counted, excluded } = eligibleLaps(laps ?? [], tagging, gps, userTags);
  const startedAt = sessionDrivenAt(session);
  const mark = (lap: number, startTimeS: number, value: number, step: number): Mark => ({
    value: rounded(value, step),
    lap,
    drivenAt: Math.round(startedAt + startTimeS * 1000),
  });
  let lapTime: Mark | null = null;
  for (const lap of counted) {
    lapTime = betterMark(lapTime, mark(lap.number, lap.startTimeS, lap.timeS!, 0.001), true);
  }

  const plans = planCorners(match, corners ?? []);
  const kpisOf = new Map((kpis ?? []).map((k) => [k.lap, k.corners]));
  const gridOf = new Map((distanceLaps ?? []).map((d) => [d.number, d]));
  const cornerEntries = plans.plans.map((plan): CornerEntry => {
    const { corner, key } = plan;
    let minSpeed: Mark | null = null, cornerTime: Mark | null = null;
    for (const lap of counted) {
      const kpi = kpisOf.get(lap.number)?.find((k) => k.corner === corner.number);
      if (kpi && !kpi.unmeasured?.includes("min-speed")) {
        minSpeed = betterMark(
          minSpeed,
          mark(lap.number, lap.startTimeS, kpi.minSpeedMps * MPS_TO_KMH, 0.1),
          false,
        );
      }
      const grid = gridOf.get(lap.number);
      const window = grid && windowOnLap(plans, plan, grid);
      if (grid && window) {
        cornerTime = betterMark(
          cornerTime,
          mark(lap.number, lap.startTimeS, windowTimeS(grid, window), 0.001),
          true,
        );
      }
    }
    return { key, label: corner.label, name: corner.name, minSpeed, cornerTime };
  });
  return {
    sessionId: session.id,
    userId: session.userId,
    trackSlug: session.trackSlug,
    trackName: session.trackName ?? match.track.name,
    countedLaps: counted.map((lap) => lap.number),
    excludedLaps: excluded,
    lapTime,
    corners: cornerEntries,
  };
}
