/**
 * Builders of synthetic laps for the lap-tags tests: laps around a circle
 * (positions), with a speed profile of choice.
 *
 * @module
 */

import {
  createLocalProjection,
  type DistanceLap,
  GRID_STEP_M,
  type Lap,
  type LapCornerKpis,
} from "../../sdk/mod.ts";

const projection = createLocalProjection(33.53, -86.62);

/** Radius of the test circle, m; one lap is 2π × 200 ≈ 1,257 m. */
export const RADIUS_M = 200;

/** A flying lap record, `timeS` long, starting at `startTimeS`. */
export function flyingLap(number: number, timeS: number, startTimeS = number * 100): Lap {
  return {
    number,
    kind: "flying",
    startTimeS,
    endTimeS: startTimeS + timeS,
    timeS,
    distanceM: 2 * Math.PI * RADIUS_M,
    complete: true,
    included: true,
    excludedReason: null,
    startRow: 0,
    endRow: 0,
  };
}

/**
 * One anticlockwise lap of the circle on the 0.7 m grid: speed from
 * `speedAt(m)`, position `offsetAt(m)` metres outside the circle (default 0).
 */
export function circleGrid(
  number: number,
  speedAt: (m: number) => number,
  offsetAt: (m: number) => number = () => 0,
): DistanceLap {
  const lengthM = 2 * Math.PI * RADIUS_M;
  const points = Math.floor(lengthM / GRID_STEP_M) + 1;
  const latDeg = new Float64Array(points), lonDeg = new Float64Array(points);
  const speedMps = new Float64Array(points), timeS = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const m = i * GRID_STEP_M;
    const a = m / RADIUS_M - Math.PI / 2;
    const r = RADIUS_M + offsetAt(m);
    const p = projection.unproject(r * Math.cos(a), r * Math.sin(a));
    latDeg[i] = p.latDeg;
    lonDeg[i] = p.lonDeg;
    speedMps[i] = speedAt(m);
    if (i > 0) timeS[i] = timeS[i - 1] + (2 * GRID_STEP_M) / (speedMps[i] + speedMps[i - 1]);
  }
  return { number, points, stepM: GRID_STEP_M, channels: { timeS, speedMps, latDeg, lonDeg } };
}

/** KPIs of one lap: minimum speeds (km/h) by corner, with optional brake points (m). */
export function lapKpis(
  lap: number,
  minSpeedsKmh: number[],
  brakePointsM: (number | null)[] = [],
): LapCornerKpis {
  return {
    lap,
    corners: minSpeedsKmh.map((kmh, i) => ({
      corner: i + 1,
      minSpeedMps: kmh / 3.6,
      minSpeedM: 0,
      brakePointM: brakePointsM[i] ?? null,
      peakBrakeG: null,
      throttleCommitM: null,
      apexType: "on-time" as const,
      timeInCornerS: 5,
    })),
  };
}
