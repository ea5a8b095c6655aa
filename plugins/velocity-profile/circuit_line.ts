/**
 * A circuit's stored reference line on the distance grid, for predictions
 * without a session: its curvature and, where the circuit's data has them,
 * its gradient and banking ({@linkcode RoadShape}).
 *
 * - Curvature: the line is projected to local metres; if its ends do not
 *   meet, the gap is spread evenly along the whole line (a few metres over
 *   a few kilometres bends nothing), so closing it adds no kink; then it is
 *   resampled every 0.7 m and its curvature taken like a driven lap's from
 *   positions (`curvature.ts`).
 * - Gradient, from `elevationM`: the elevation of each stored point placed
 *   at its distance along the closed line and interpolated to the grid,
 *   averaged over 30 m (a survey's or GPS's steps of a few centimetres are
 *   not slopes), then the rise across ±5 m; sin θ = rise / √(rise² + run²).
 * - Banking, from `banking`: each section's tan φ on the grid points inside
 *   it (sections are placed by fraction of the circuit's length, as its
 *   data measures them), 0 elsewhere.
 *
 * @module
 */

import {
  createLocalProjection,
  createPolyline,
  GRID_STEP_M,
  type Polyline,
  type Track,
} from "../../sdk/mod.ts";
import { closedLapCurvature, headingFromPositions, wrappedMovingAverage } from "./curvature.ts";
import type { RoadShape } from "./solver.ts";

/** Elevation is averaged over this distance before the gradient is taken, m. */
const ELEVATION_SMOOTHING_M = 30;
/** The gradient is the rise across ± this distance, m. */
const GRADE_HALF_RUN_M = 5;

/** A closed line on the distance grid. */
export interface CircuitLine {
  /** Signed curvature at every grid point, 1/m (positive = left). */
  curvature: Float64Array;
  /** Grid step, m. */
  stepM: number;
  /** Length of the closed line, m. */
  lengthM: number;
  /** Gradient and banking at every grid point, each null where the circuit's data has none. */
  road: Required<RoadShape>;
}

/** The curvature, gradient and banking of a circuit's reference line. */
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
    road: {
      sinGrade: track.elevationM ? gradeOnGrid(track.elevationM, line, points) : null,
      tanBank: track.banking?.length ? bankingOnGrid(track, line.lengthM, points) : null,
    },
  };
}

/** Sine of the gradient at each of `points` grid points of the closed `line` whose stored points have `elevationM`. */
function gradeOnGrid(elevationM: Float64Array, line: Polyline, points: number): Float64Array {
  const n = elevationM.length;
  const onGrid = new Float64Array(points);
  let j = 0; // segment from stored point j to j + 1 (the last one back to point 0)
  for (let i = 0; i < points; i++) {
    const s = i * GRID_STEP_M;
    while (j < n - 1 && line.stationM[j + 1] <= s) j++;
    const end = j < n - 1 ? line.stationM[j + 1] : line.lengthM;
    const share = end > line.stationM[j] ? (s - line.stationM[j]) / (end - line.stationM[j]) : 0;
    onGrid[i] = elevationM[j] + share * (elevationM[(j + 1) % n] - elevationM[j]);
  }
  const w = Math.max(1, Math.round(ELEVATION_SMOOTHING_M / GRID_STEP_M));
  const h = Math.max(1, Math.round(GRADE_HALF_RUN_M / GRID_STEP_M));
  const margin = Math.min(points, Math.ceil(w / 2) + h);
  const smooth = wrappedMovingAverage(onGrid, w, margin);
  const sinGrade = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const rise = smooth[margin + i + h] - smooth[margin + i - h], run = 2 * h * GRID_STEP_M;
    sinGrade[i] = rise / Math.hypot(rise, run);
  }
  return sinGrade;
}

/** tan φ at each grid point of a closed line `lengthM` long from the track's banked sections. */
function bankingOnGrid(track: Track, lengthM: number, points: number): Float64Array {
  const tanBank = new Float64Array(points);
  const scale = lengthM / track.lengthM; // the sections are metres along the circuit's own length
  for (const { fromM, toM, deg } of track.banking ?? []) {
    const t = Math.tan((deg * Math.PI) / 180);
    const last = Math.min(points - 1, Math.ceil((toM * scale) / GRID_STEP_M) - 1);
    for (let i = Math.ceil((fromM * scale) / GRID_STEP_M); i <= last; i++) tanBank[i] = t;
  }
  return tanBank;
}
