/**
 * Accelerations of a lap derived from GPS alone, so every logger gets a
 * g-g diagram and a grip estimate (the original needed the logger's
 * accelerometer channels and failed without them; raw accelerometer peaks
 * are also dominated by kerb strikes, which these are not):
 * - lateral = v²·κ, with κ the curvature of the lap's own driven line
 *   (see `curvature.ts`: smoothed over about 20 m);
 * - longitudinal = Δ(v²/2)/Δs over 10 m (as the SDK's `longitudinalG`),
 *   and over 40 m for the acceleration curve: acceleration under power
 *   changes slowly, and the longer baseline keeps GPS speed noise (about
 *   0.05 g at 50 m/s over 10 m) from inflating its upper percentiles.
 *
 * Values are taken every 2.8 m (every 4th grid point): they are averaged
 * over 10 m or more, so the points in between add nothing, and a 2-hour
 * session costs a quarter of the work.
 *
 * @module
 */

import { type DistanceLap, G } from "../../sdk/mod.ts";
import { closedLapCurvature, lapHeadingRad } from "./curvature.ts";

/** Accelerations are taken every this many grid points. */
export const G_STRIDE = 4;
/** Longitudinal acceleration is averaged over this distance, m. */
const LONGITUDINAL_WINDOW_M = 10;
/** The acceleration curve's longitudinal acceleration is averaged over this distance, m. */
const DRIVE_WINDOW_M = 40;

/** The accelerations of one lap every {@linkcode G_STRIDE} grid points. */
export interface LapAccelerations {
  /** Spacing of the values, m. */
  stepM: number;
  /** Lateral g, positive to the left. */
  latG: Float64Array;
  /** Longitudinal g, positive when accelerating (over 10 m). */
  longG: Float64Array;
  /** Longitudinal g over 40 m, for the acceleration curve. */
  driveG: Float64Array;
  /** Speed, m/s. */
  speedMps: Float64Array;
}

/**
 * Measures laps one after another. The arrays of a result are reused by
 * the next call (a 2-hour session would otherwise allocate megabytes per
 * run): read them before measuring the next lap.
 */
export interface LapGMeter {
  /** Accelerations of a complete lap whose line closes after `lengthM` m; null without heading or positions. */
  measure(grid: DistanceLap, lengthM: number): LapAccelerations | null;
}

/** A meter with its own scratch buffers. */
export function createLapGMeter(): LapGMeter {
  let heading = new Float64Array(0);
  let values = new Float64Array(0); // curvature/lateral, longitudinal, drive, speed: 4 blocks
  return {
    measure(grid, lengthM) {
      const n = grid.points;
      const count = Math.ceil(n / G_STRIDE);
      if (heading.length < n) heading = new Float64Array(n);
      if (values.length < 4 * count) values = new Float64Array(4 * count);
      const course = lapHeadingRad(grid, heading);
      if (!course) return null;
      const latG = closedLapCurvature(course, grid.stepM, lengthM, values.subarray(0, count), G_STRIDE);
      const longG = values.subarray(count, 2 * count);
      const driveG = values.subarray(2 * count, 3 * count);
      const speedMps = values.subarray(3 * count, 4 * count);
      const v = grid.channels.speedMps;
      const near = Math.max(1, Math.round(LONGITUDINAL_WINDOW_M / 2 / grid.stepM));
      const far = Math.max(1, Math.round(DRIVE_WINDOW_M / 2 / grid.stepM));
      for (let j = 0, i = 0; j < count; j++, i += G_STRIDE) {
        speedMps[j] = v[i];
        latG[j] *= (v[i] * v[i]) / G; // curvature → lateral g in place
        longG[j] = accelerationG(v, i, near, grid.stepM);
        driveG[j] = accelerationG(v, i, far, grid.stepM);
      }
      return { stepM: grid.stepM * G_STRIDE, latG, longG, driveG, speedMps };
    },
  };
}

/** Δ(v²/2)/Δs across ±`half` points around `i` (the window shrinks at the lap's ends), g. */
function accelerationG(v: Float64Array, i: number, half: number, stepM: number): number {
  const lo = Math.max(0, i - half), hi = Math.min(v.length - 1, i + half);
  return hi > lo ? (v[hi] * v[hi] - v[lo] * v[lo]) / (2 * (hi - lo) * stepM * G) : 0;
}
