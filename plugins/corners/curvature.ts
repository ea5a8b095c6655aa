/**
 * Signed curvature of the driven line from GPS positions on the distance
 * grid (1/m, positive = turning left), robust against GPS noise: positions
 * are averaged over a few metres, then the curvature at each point is that
 * of the circle through the points a chord before and after it (exact for
 * an arc, and no differentiation of noisy samples).
 *
 * @module
 */

import { createLocalProjection, type DistanceLap, movingAverage } from "../../sdk/mod.ts";

/** Positions are averaged over this distance first, m. */
const POSITION_SMOOTHING_M = 6;
/** Half-chord of the three-point circle, m. */
const HALF_CHORD_M = 8;

/**
 * Curvature at every grid point of `lap`, 1/m (positive = left); 0 where
 * the chord reaches past the lap's ends or a position is missing.
 */
export function curvatureOf(lap: DistanceLap): Float64Array {
  const { latDeg, lonDeg } = lap.channels;
  const n = lap.points;
  const curvature = new Float64Array(n);
  if (!latDeg || !lonDeg) return curvature;
  let origin = 0;
  while (origin < n && !(Number.isFinite(latDeg[origin]) && Number.isFinite(lonDeg[origin]))) origin++;
  if (origin === n) return curvature;
  const projected = createLocalProjection(latDeg[origin], lonDeg[origin]).projectArrays(latDeg, lonDeg);
  const smoothPoints = Math.max(1, Math.round(POSITION_SMOOTHING_M / lap.stepM));
  const x = movingAverage(projected.x, smoothPoints);
  const y = movingAverage(projected.y, smoothPoints);
  const h = Math.max(1, Math.round(HALF_CHORD_M / lap.stepM));
  for (let i = h; i < n - h; i++) {
    const ax = x[i] - x[i - h], ay = y[i] - y[i - h];
    const bx = x[i + h] - x[i], by = y[i + h] - y[i];
    const cx = x[i + h] - x[i - h], cy = y[i + h] - y[i - h];
    const lengths = Math.sqrt((ax * ax + ay * ay) * (bx * bx + by * by) * (cx * cx + cy * cy));
    const k = lengths > 0 ? (2 * (ax * by - ay * bx)) / lengths : 0;
    curvature[i] = Number.isFinite(k) ? k : 0;
  }
  return curvature;
}
