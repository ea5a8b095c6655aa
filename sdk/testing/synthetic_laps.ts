/**
 * Small synthetic laps for unit tests of cross-lap stages: complete laps
 * driven at piecewise-constant speeds (so every elapsed time is known
 * exactly), and corners to go with them.
 *
 * @module
 */

import {
  type ClockedLap,
  clockedLaps,
  type Corner,
  type DistanceLap,
  GRID_STEP_M,
  type Lap,
} from "../mod.ts";

/** One stretch of a synthetic lap: driven at `speedMps` up to `untilFraction` of the lap. */
export type Zone = readonly [untilFraction: number, speedMps: number];

/** Elapsed time at `m` metres into a lap of `lengthM` driven through `zones`, s (exact). */
export function zoneTimeS(lengthM: number, zones: readonly Zone[], m: number): number {
  let t = 0, fromM = 0;
  for (const [untilFraction, speedMps] of zones) {
    const toM = Math.min(m, untilFraction * lengthM);
    if (toM > fromM) t += (toM - fromM) / speedMps;
    fromM = untilFraction * lengthM;
    if (fromM >= m) break;
  }
  return t;
}

/**
 * A complete, counted flying lap of `lengthM` through `zones` (the last zone
 * must reach fraction 1), on the 0.7 m grid with `timeS` and `speedMps`.
 *
 * @example
 * ```ts
 * import { syntheticLap } from "./synthetic_laps.ts";
 * // 700 m: 40 m/s, 20 m/s through 30..50 % of the lap, 40 m/s again: 21 s.
 * const { lap, grid } = syntheticLap(1, 700, [[0.3, 40], [0.5, 20], [1, 40]]);
 * console.assert(lap.timeS === 21 && grid.points === 1001);
 * ```
 */
export function syntheticLap(
  number: number,
  lengthM: number,
  zones: readonly Zone[],
): { lap: Lap; grid: DistanceLap } {
  const points = Math.floor(lengthM / GRID_STEP_M + 1e-9) + 1;
  const timeS = new Float64Array(points);
  const speedMps = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const m = Math.min(i * GRID_STEP_M, lengthM);
    timeS[i] = zoneTimeS(lengthM, zones, m);
    speedMps[i] = zones.find(([until]) => m <= until * lengthM + 1e-9)![1];
  }
  const lapTimeS = zoneTimeS(lengthM, zones, lengthM);
  const lap: Lap = {
    number,
    kind: "flying",
    startTimeS: 0,
    endTimeS: lapTimeS,
    timeS: lapTimeS,
    distanceM: lengthM,
    complete: true,
    included: true,
    excludedReason: null,
    startRow: 0,
    endRow: points,
  };
  return { lap, grid: { number, points, stepM: GRID_STEP_M, channels: { timeS, speedMps } } };
}

/** Synthetic laps with their clocks, in the same order. */
export function clockedSyntheticLaps(laps: readonly { lap: Lap; grid: DistanceLap }[]): ClockedLap[] {
  return clockedLaps(laps.map((l) => l.lap), laps.map((l) => l.grid));
}

/** A left-hand braking corner `T{number}` from `entryM` to `exitM` with its apex at `apexM`. */
export function syntheticCorner(number: number, entryM: number, apexM: number, exitM: number): Corner {
  return {
    number,
    label: `T${number}`,
    name: null,
    officialNumbers: [],
    direction: "left",
    entryM,
    apexM,
    exitM,
    geometricApexM: apexM,
    peakCurvature: 0.01,
    braking: true,
  };
}
