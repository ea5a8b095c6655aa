/**
 * Test helper: laps driven along a known speed profile (stretches of
 * constant acceleration) and path, on the distance grid, so every KPI has
 * an exact expected value.
 *
 * @module
 */

import { createLocalProjection, type DistanceLap, G, GRID_STEP_M, type Lap } from "../../sdk/mod.ts";
import type { GriddedLaps } from "./lap_window.ts";

/** Constant longitudinal acceleration `g` (in g) up to `untilM` metres of the session. */
export type Stretch = readonly [untilM: number, g: number];

/** Integration step of the exact clock, m. */
const FINE_M = 0.05;

/** Speed (m/s) at any session distance, starting at `startMps` through `stretches` (the last one runs on). */
export function speedProfile(startMps: number, stretches: readonly Stretch[]): (m: number) => number {
  return (m) => {
    let fromM = 0, v2 = startMps * startMps;
    for (const [untilM, g] of stretches) {
      const toM = Math.min(m, untilM);
      v2 = Math.max(0, v2 + 2 * g * G * (toM - fromM));
      if (m <= untilM) break;
      fromM = untilM;
    }
    return Math.sqrt(v2);
  };
}

/** Laps of a known profile, and the exact session time at any session distance. */
export interface DrivenLaps {
  /** The laps and their grids. */
  gridded: GriddedLaps;
  /** Session time at `m` metres of the session, s. */
  timeAtM: (m: number) => number;
}

/** Projection of the local metres `pathAt` returns (and of any test circuit to go with them). */
export const TEST_PROJECTION = createLocalProjection(33.5, -86.6);

/**
 * `count` consecutive complete laps of `lapM` metres driven at `speedAt`
 * (session distance), with times from integrating the speed, and positions
 * from `pathAt` (local metres east and north at a lap distance) if given.
 */
export function drivenLaps(
  speedAt: (m: number) => number,
  lapM: number,
  count: number,
  pathAt?: (lapM: number) => [number, number],
): DrivenLaps {
  const fine = Math.ceil((lapM * count) / FINE_M) + 1;
  const clock = new Float64Array(fine);
  for (let k = 1; k < fine; k++) {
    clock[k] = clock[k - 1] + (2 * FINE_M) / (speedAt((k - 1) * FINE_M) + speedAt(k * FINE_M));
  }
  const timeAtM = (m: number) => {
    const x = m / FINE_M, k = Math.min(Math.floor(x), fine - 2);
    return clock[k] + (x - k) * (clock[k + 1] - clock[k]);
  };
  const points = Math.floor(lapM / GRID_STEP_M + 1e-9) + 1;
  const laps: Lap[] = [], grids: DistanceLap[] = [];
  for (let n = 0; n < count; n++) {
    const startM = n * lapM, startTimeS = timeAtM(startM), endTimeS = timeAtM(startM + lapM);
    const speedMps = Float64Array.from({ length: points }, (_, i) => speedAt(startM + i * GRID_STEP_M));
    const timeS = Float64Array.from(
      { length: points },
      (_, i) => timeAtM(startM + i * GRID_STEP_M) - startTimeS,
    );
    laps.push({
      number: n + 1,
      kind: "flying",
      startTimeS,
      endTimeS,
      timeS: endTimeS - startTimeS,
      distanceM: lapM,
      complete: true,
      included: true,
      excludedReason: null,
      startRow: 0,
      endRow: 0,
    });
    const channels: DistanceLap["channels"] = { timeS, speedMps };
    if (pathAt) {
      const positions = Array.from(
        { length: points },
        (_, i) => TEST_PROJECTION.unproject(...pathAt(i * GRID_STEP_M)),
      );
      channels.latDeg = Float64Array.from(positions, (p) => p.latDeg);
      channels.lonDeg = Float64Array.from(positions, (p) => p.lonDeg);
    }
    grids.push({ number: n + 1, points, stepM: GRID_STEP_M, channels });
  }
  return { gridded: { laps, grids }, timeAtM };
}
