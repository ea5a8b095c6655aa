/**
 * Line scatter: how far the analysis laps stray from their common (median)
 * line, measured perpendicular to it.
 *
 * Better than the original: the original compared laps index by index on
 * grids that were truncated to the shortest lap, so every metre of
 * along-track misalignment counted as lateral error. Here laps are lined up
 * on common stations and the offset is the nearest point of the median line
 * (`sdk/line_offsets.ts`), i.e. the cross-track distance only.
 *
 * @module
 */

import { type DistanceLap, evenlySpread, lineOffsets, quantile } from "../../sdk/mod.ts";

/** Stations of the scatter measure are this far apart, m (5 grid points). */
const SCATTER_STEP_M = 3.5;
/** Laps measured, spread evenly over the session: 20 laps × 1,700 stations is plenty for a 90th percentile. */
const MAX_SCATTER_LAPS = 20;

/**
 * 90th percentile of |cross-track offset| of `laps` (at most 20, spread
 * evenly) from their median line, m; null with fewer than 3 laps.
 */
export function lineScatterP90M(laps: readonly DistanceLap[]): number | null {
  const measured = evenlySpread(laps, MAX_SCATTER_LAPS);
  const offsets = lineOffsets(measured, measured, { stepM: SCATTER_STEP_M });
  if (!offsets) return null;
  const all = new Float64Array(offsets.offsetsM.length * offsets.stations.count);
  let n = 0;
  for (const lap of offsets.offsetsM) for (const v of lap) all[n++] = Math.abs(v);
  const p90 = quantile(all, 0.9);
  return Number.isFinite(p90) ? p90 : null;
}
