/**
 * The optimal lap of a session: the driven line's curvature from the
 * fastest laps, the vehicle (given, or estimated from the session's grip),
 * the solver, and the optimal lap's corners, all on the best lap's grid.
 *
 * @module
 */

import {
  analysisLaps,
  type ClockedLap,
  clockedLaps,
  type DistanceLap,
  type Lap,
  type OptimalProfile,
  type Vehicle,
} from "../../sdk/mod.ts";
import { drivenLineCurvature } from "./curvature.ts";
import { optimalCorners } from "./optimal_corners.ts";
import { solveClosedLap } from "./solver.ts";

/** The line is the median over at most this many of the fastest laps. */
const LINE_LAPS = 9;
/** Fewer analysis laps than this are topped up with the session's other complete laps. */
const MIN_LINE_LAPS = 3;

/** The reference lap (the best lap) and the laps whose line is measured. */
export interface LineLaps {
  /** The fastest analysis lap: its grid is the profile's. */
  reference: ClockedLap;
  /** The laps the line comes from, reference first. */
  lines: ClockedLap[];
}

/**
 * The fastest analysis laps (at most 9); with fewer than 3, topped up with
 * the fastest other complete laps (an out-lap traces the same circuit, and
 * a median of more laps is less noisy). Null without an analysis lap.
 */
export function lineLaps(laps: readonly Lap[], distanceLaps: readonly DistanceLap[]): LineLaps | null {
  const usable = (lap: ClockedLap) => lap.grid.points > 2;
  const byTime = (a: ClockedLap, b: ClockedLap) => a.clock.lapTimeS - b.clock.lapTimeS;
  const counted = clockedLaps(analysisLaps(laps), distanceLaps).filter(usable).sort(byTime);
  if (counted.length === 0) return null;
  const lines = counted.slice(0, LINE_LAPS);
  if (lines.length < MIN_LINE_LAPS) {
    const others = clockedLaps(
      laps.filter((lap) => lap.complete && !lines.some((l) => l.lap === lap)),
      distanceLaps,
    )
      .filter(usable)
      .sort(byTime);
    lines.push(...others.slice(0, MIN_LINE_LAPS - lines.length));
  }
  return { reference: counted[0], lines };
}

/**
 * The optimal lap for `vehicle` on the line of `lines`, on the grid of
 * `reference`; null when no line lap has heading or positions.
 */
export function optimalProfile(
  { reference, lines }: LineLaps,
  vehicle: Vehicle,
  vehicleSource: OptimalProfile["vehicleSource"],
): OptimalProfile | null {
  const curvature = drivenLineCurvature(lines, reference);
  if (!curvature) return null;
  const { stepM } = reference.grid;
  const lapLengthM = reference.clock.lengthM;
  const solved = solveClosedLap(curvature, stepM, lapLengthM, vehicle);
  const clock = { timeS: solved.timeS, stepM, lengthM: lapLengthM, lapTimeS: solved.lapTimeS };
  return {
    referenceLap: reference.lap.number,
    lineLaps: lines.map((line) => line.lap.number),
    vehicle,
    vehicleSource,
    stepM,
    lapLengthM,
    curvature,
    speedMps: solved.speedMps,
    timeS: solved.timeS,
    lapTimeS: solved.lapTimeS,
    bestLapTimeS: reference.clock.lapTimeS,
    corners: optimalCorners(solved.speedMps, clock, reference.clock),
  };
}
