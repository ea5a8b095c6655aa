/**
 * Signal helpers on the uniform distance grid: moving averages, values and
 * elapsed time at any distance, longitudinal acceleration from speed.
 *
 * @module
 */

import type { DistanceLap } from "./laps.ts";

/** Standard gravity, m/s². */
export const G = 9.80665;

/**
 * Centred moving average over `windowPoints` points (odd or even; the window
 * shrinks at the ends instead of padding with zeros). O(n).
 */
export function movingAverage(values: Float64Array, windowPoints: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const half = Math.max(0, Math.floor(windowPoints / 2));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half), hi = Math.min(n, i + half + 1);
    out[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
  }
  return out;
}

/** Linear interpolation of a grid channel at distance `m` (clamped to the lap). */
export function valueAt(lap: DistanceLap, channel: Float64Array, m: number): number {
  const x = m / lap.stepM;
  if (x <= 0) return channel[0];
  const last = lap.points - 1;
  if (x >= last) return channel[last];
  const i = Math.floor(x), f = x - i;
  return channel[i] + f * (channel[i + 1] - channel[i]);
}

/** Elapsed lap time at distance `m`, s (clamped to the lap). */
export function timeAt(lap: DistanceLap, m: number): number {
  return valueAt(lap, lap.channels.timeS, m);
}

/**
 * Longitudinal acceleration in g at each grid point, averaged over
 * `windowM` metres, from speed alone: the mean of a = v·dv/ds over a window
 * is exactly Δ(v²/2)/Δs across it, so no differentiation noise is added.
 * Works for every logger (no IMU needed).
 */
export function longitudinalG(lap: DistanceLap, windowM = 10): Float64Array {
  const v = lap.channels.speedMps;
  const n = lap.points;
  const half = Math.max(1, Math.round(windowM / 2 / lap.stepM));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half), hi = Math.min(n - 1, i + half);
    out[i] = hi > lo ? (v[hi] * v[hi] - v[lo] * v[lo]) / (2 * (hi - lo) * lap.stepM * G) : 0;
  }
  return out;
}
