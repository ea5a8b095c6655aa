/**
 * Curvature of a circuit's stored reference line, for predictions without
 * a session. The line is projected to local metres; if its ends do not
 * meet, the gap is spread evenly along the whole line (a few metres over a
 * few kilometres bends nothing), so closing it adds no kink; then it is
 * resampled every 0.7 m and its curvature taken like a driven lap's from
 * positions (`curvature.ts`).
 *
 * @module
 */

import { createLocalProjection, createPolyline, GRID_STEP_M, type Track } from "../../sdk/mod.ts";
import { closedLapCurvature, headingFromPositions } from "./curvature.ts";

/** A closed line on the distance grid. */
export interface CircuitLine {
  /** Signed curvature at every grid point, 1/m (positive = left). */
  curvature: Float64Array;
  /** Grid step, m. */
  stepM: number;
  /** Length of the closed line, m. */
  lengthM: number;
}

/** The curvature of a circuit's reference line. */
export function circuitLine(track: Track): CircuitLine {
  const n = track.latDeg.length;
  const { x, y } = createLocalProjection(track.latDeg[0], track.lonDeg[0]).projectArrays(
    track.latDeg,
    track.lonDeg,
  );
  const open = createPolyline(x, y);
  const gapX = x[0] - x[n - 1], gapY = y[0] - y[n - 1];
  for (let i = 0; i < n; i++) {
    const share = open.stationM[i] / (open.lengthM + Math.hypot(gapX, gapY));
    x[i] += share * gapX;
    y[i] += share * gapY;
  }
  const line = createPolyline(x, y, { closed: true });
  const points = Math.ceil(line.lengthM / GRID_STEP_M - 1e-9); // the last point less than a step before the end
  const xs = new Float64Array(points), ys = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const p = line.pointAt(i * GRID_STEP_M);
    xs[i] = p.x;
    ys[i] = p.y;
  }
  const heading = headingFromPositions(xs, ys, GRID_STEP_M);
  return {
    curvature: closedLapCurvature(heading, GRID_STEP_M, line.lengthM),
    stepM: GRID_STEP_M,
    lengthM: line.lengthM,
  };
}
