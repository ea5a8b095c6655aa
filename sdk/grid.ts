/**
 * Signal helpers on the uniform distance grid: moving averages, values and
 * elapsed time at any distance, longitudinal acceleration from speed.
 *
 * @module
 */

import type { DistanceLap } from "./laps.ts";
import { createScratch } from "./scratch.ts";

/** Standard gravity, m/s². */
export const G = 9.80665;

/** The prefix sums of {@linkcode movingAverage}, kept between calls. */
const prefixScratch = createScratch();

/**
 * Centred moving average over `windowPoints` points (odd or even; the window
 * shrinks at the ends instead of padding with zeros). O(n). Written into
 * `out` when given (at least as long as `values`; the result is its first
 * `values.length` values).
 */
export function movingAverage(
  values: Float64Array,
  windowPoints: number,
  out: Float64Array = new Float64Array(values.length),
): Float64Array {
  const n = values.length;
  const averaged = out.subarray(0, n);
  const half = Math.max(0, Math.floor(windowPoints / 2));
  const prefix = prefixScratch(n + 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half), hi = Math.min(n, i + half + 1);
    averaged[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
  }
  return averaged;
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
 * The window's ends are read between grid points, so it spans `windowM`
 * exactly (not the nearest whole number of grid steps: 9.8 m for 10 m on
 * the 0.7 m grid); at the lap's ends it shrinks to the data there.
 * Works for every logger (no IMU needed). Written into `into` when given (at
 * least `lap.points` long; the result is its first `lap.points` values).
 */
export function longitudinalG(
  lap: DistanceLap,
  windowM = 10,
  into: Float64Array = new Float64Array(lap.points),
): Float64Array {
  const v = lap.channels.speedMps;
  const n = lap.points;
  const half = Math.max(1, windowM / 2 / lap.stepM);
  const whole = Math.floor(half), part = half - whole;
  const out = into.subarray(0, n);
  // Speed a fraction `f` of the way from grid point i to its neighbour i + d.
  const between = (i: number, d: number, f: number) => v[i] + f * (v[i + d] - v[i]);
  for (let i = 0; i < n; i++) {
    const ahead = i + whole < n - 1 ? between(i + whole, 1, part) : v[n - 1];
    const behind = i - whole > 0 ? between(i - whole, -1, part) : v[0];
    const spanPoints = Math.min(half, n - 1 - i) + Math.min(half, i);
    out[i] = spanPoints > 0 ? (ahead * ahead - behind * behind) / (2 * spanPoints * lap.stepM * G) : 0;
  }
  return out;
}
