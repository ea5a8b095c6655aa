/**
 * Lateral acceleration from the GPS path: v² × curvature, with the heading
 * taken over a few metres either side so GPS noise does not dominate.
 *
 * @module
 */

import { createLocalProjection, type DistanceLap, G } from "../../sdk/mod.ts";

/** Half-width of the heading and curvature windows, m. */
const HALF_WINDOW_M = 5;

/** |lateral acceleration| at every grid point of `lap`, g. Zero where the path is too short to tell. */
export function lateralG(lap: DistanceLap): Float64Array {
  const n = lap.points;
  const out = new Float64Array(n);
  const { latDeg, lonDeg, speedMps: v } = lap.channels;
  if (!latDeg || !lonDeg || n < 3) return out;
  const { x, y } = createLocalProjection(latDeg[0], lonDeg[0]).projectArrays(latDeg, lonDeg);
  const h = Math.max(1, Math.round(HALF_WINDOW_M / lap.stepM));
  const heading = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - h), hi = Math.min(n - 1, i + h);
    heading[i] = Math.atan2(y[hi] - y[lo], x[hi] - x[lo]);
  }
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - h), hi = Math.min(n - 1, i + h);
    if (hi === lo) continue;
    let turn = heading[hi] - heading[lo];
    if (turn > Math.PI) turn -= 2 * Math.PI;
    else if (turn < -Math.PI) turn += 2 * Math.PI;
    const curvature = turn / ((hi - lo) * lap.stepM);
    out[i] = Math.abs(v[i] * v[i] * curvature) / G;
  }
  return out;
}
