/**
 * The session's reference lap for corner detection: the point-wise median
 * speed of the analysis laps (the 15 fastest of a long session) on the
 * distance grid, so a lap with traffic, a mistake or a GPS patch cannot move
 * it, and the point-wise median curvature of the 5 fastest. Without an
 * analysis lap, the fastest complete lap of any kind stands in. Both traces
 * are closed: point `points` is point 0 again.
 *
 * @module
 */

import { analysisLaps, type DistanceLap, movingAverage } from "../../sdk/mod.ts";
import { curvatureOf } from "./curvature.ts";
import { type GriddedLaps, lapWindow, periodicExtension } from "./lap_window.ts";

/**
 * The median speed is over at most this many of the fastest laps: a long
 * session adds time, not robustness.
 */
const SPEED_LAPS = 15;
/** Curvature is the median over at most this many of the fastest laps. */
const CURVATURE_LAPS = 5;
/** Neighbouring laps lend this much data to the curvature at the line, m. */
const CURVATURE_MARGIN_M = 30;
/** The channels curvature is measured on. */
const POSITION_CHANNELS = ["latDeg", "lonDeg"];
/** The median speed is averaged over this distance, m. */
const SPEED_SMOOTHING_M = 5;
/** A trace whose speed jumps more than this across the line does not join up there, m/s (2 km/h). */
const SEAM_JUMP_MPS = 2 / 3.6;

/** The reference lap of a session. */
export interface ReferenceTrace {
  /** Numbers of the laps the median speed comes from (at most 15, the fastest), fastest first. */
  lapNumbers: number[];
  /** Grid spacing, m. */
  stepM: number;
  /** Grid points of one lap. */
  points: number;
  /** Median speed, m/s, averaged over a few metres. */
  speedMps: Float64Array;
  /** Median signed curvature, 1/m (positive = left). */
  curvature: Float64Array;
  /**
   * Whether the trace joins up at the line. A single lap that ends slowing
   * into the pits does not: its end and its start are different laps' ways
   * through the same place.
   */
  closed: boolean;
  /** The fastest lap of the set, for its positions. */
  fastest: DistanceLap;
}

/**
 * The reference of a session: over the analysis laps, or the fastest
 * complete lap when there is none; null without a complete lap.
 */
export function referenceTrace(gridded: GriddedLaps): ReferenceTrace | null {
  const usable = gridded.laps.map((_, i) => i).filter((i) => gridded.grids[i].points > 2);
  const byTime = (a: number, b: number) => gridded.laps[a].timeS! - gridded.laps[b].timeS!;
  const included = new Set(analysisLaps(gridded.laps));
  let chosen = usable.filter((i) => included.has(gridded.laps[i])).sort(byTime);
  if (chosen.length === 0) {
    const complete = usable.filter((i) => gridded.laps[i].complete && gridded.laps[i].timeS !== null);
    chosen = complete.sort(byTime).slice(0, 1);
  }
  if (chosen.length === 0) return null;
  const grids = chosen.slice(0, SPEED_LAPS).map((i) => gridded.grids[i]);
  const stepM = grids[0].stepM;
  const points = Math.round(middle(grids.map((g) => g.points).sort((a, b) => a - b)));

  const medianSpeed = pointwiseMedian(grids.map((g) => g.channels.speedMps), points);
  const margin = Math.ceil(CURVATURE_MARGIN_M / stepM);
  const curvatures = chosen.slice(0, CURVATURE_LAPS).map((i) => {
    const window = lapWindow(gridded, i, margin, POSITION_CHANNELS);
    return curvatureOf(window.lap).subarray(window.offsetPoints, window.offsetPoints + window.lapPoints);
  });
  const smoothing = Math.max(1, Math.round(SPEED_SMOOTHING_M / stepM));
  return {
    lapNumbers: chosen.slice(0, SPEED_LAPS).map((i) => gridded.laps[i].number),
    stepM,
    points,
    speedMps: periodicMovingAverage(medianSpeed, smoothing),
    curvature: pointwiseMedian(curvatures, points),
    closed: Math.abs(medianSpeed[points - 1] - medianSpeed[0]) <= SEAM_JUMP_MPS,
    fastest: grids[0],
  };
}

/** Centred moving average of a closed trace over `windowPoints` points. */
export function periodicMovingAverage(values: Float64Array, windowPoints: number): Float64Array {
  const margin = Math.floor(windowPoints / 2) + 1;
  const averaged = movingAverage(periodicExtension(values, margin), windowPoints);
  return averaged.slice(margin, margin + values.length);
}

/** At each of `points` indices, the median of the traces long enough to have it. */
function pointwiseMedian(traces: Float64Array[], points: number): Float64Array {
  const out = new Float64Array(points);
  const values = new Float64Array(traces.length);
  for (let i = 0; i < points; i++) {
    let count = 0;
    for (const trace of traces) {
      const v = i < trace.length ? trace[i] : NaN;
      if (!Number.isFinite(v)) continue;
      // Insertion into the sorted prefix: a handful of laps, so this beats any selection algorithm.
      let k = count++;
      while (k > 0 && values[k - 1] > v) {
        values[k] = values[k - 1];
        k--;
      }
      values[k] = v;
    }
    // Past the end of every trace (a lap shorter than the median), hold the last value.
    out[i] = count === 0 ? out[i - 1] : middle(values.subarray(0, count));
  }
  return out;
}

/** The median of sorted values. */
function middle(sorted: ArrayLike<number>): number {
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}
