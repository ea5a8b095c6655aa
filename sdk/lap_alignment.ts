/**
 * Lining laps up point by point. Each lap's distance grid comes from its own
 * integrated speed, so two laps disagree by a few metres about where a given
 * spot of the circuit is (0.1–0.3 % of a lap). Comparing them index by index
 * counts that misalignment as a difference (a weakness of the original's
 * lateral-scatter metric). Here every complete lap is stretched to a common
 * reference length first, so station `k` means the same place on every lap.
 *
 * @module
 */

import type { DistanceLap } from "./laps.ts";
import { median, selectInPlace } from "./stats.ts";

/** Stations every `stepM` along a reference lap length, shared by the laps compared. */
export interface CommonStations {
  /** Spacing, m. */
  stepM: number;
  /** Number of stations; station `k` is at `k * stepM`, all below `lengthM`. */
  count: number;
  /** Reference lap length, m: the median grid length of the laps it was made from. */
  lengthM: number;
}

/** A lap more than this fraction shorter or longer than the reference is compared metre for metre, not stretched. */
const STRETCH_TOLERANCE = 0.03;

/** Grid length of a lap, m (first to last grid point). */
export function gridLengthM(lap: DistanceLap): number {
  return (lap.points - 1) * lap.stepM;
}

/**
 * Stations every `stepM` metres over the median length of `laps`; `null`
 * when there is no lap or the laps have no length.
 */
export function commonStations(laps: readonly DistanceLap[], stepM: number): CommonStations | null {
  const lengthM = median(laps.map(gridLengthM));
  if (!(lengthM > stepM) || !(stepM > 0)) return null;
  return { stepM, count: Math.ceil(lengthM / stepM), lengthM };
}

/**
 * The factor that maps a common station to the lap's own metres: the lap's
 * length over the reference length for a complete lap (within 3 % of it),
 * 1 for a lap of another length (an unfinished lap is compared metre for metre).
 */
export function stretchFactor(lap: DistanceLap, stations: CommonStations): number {
  const ratio = gridLengthM(lap) / stations.lengthM;
  return Math.abs(ratio - 1) <= STRETCH_TOLERANCE ? ratio : 1;
}

/**
 * Values of one grid channel of `lap` at the common stations (linear
 * between grid points); `NaN` at stations beyond the lap's end.
 */
export function valuesAtStations(
  lap: DistanceLap,
  channel: Float64Array,
  stations: CommonStations,
  out: Float64Array = new Float64Array(stations.count),
): Float64Array {
  const scale = (stretchFactor(lap, stations) * stations.stepM) / lap.stepM;
  const last = lap.points - 1;
  for (let k = 0; k < stations.count; k++) {
    const x = k * scale;
    if (x > last + 1e-9) {
      out[k] = NaN;
      continue;
    }
    const i = Math.min(Math.floor(x), last - 1);
    const f = x - i;
    out[k] = i < 0 ? channel[0] : channel[i] + f * (channel[i + 1] - channel[i]);
  }
  return out;
}

/**
 * Point-wise median across columns of one length (`NaN` entries skipped;
 * `NaN` where a point has no finite value).
 */
export function pointwiseMedian(columns: readonly Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  const scratch = new Float64Array(columns.length);
  for (let k = 0; k < length; k++) {
    let n = 0;
    for (const column of columns) {
      const v = column[k];
      if (v === v) scratch[n++] = v; // skips NaN
    }
    if (n === 0) {
      out[k] = NaN;
      continue;
    }
    out[k] = medianOfFirst(scratch, n);
  }
  return out;
}

/** Median of `a[0..n)`, reordering them; O(n). */
function medianOfFirst(a: Float64Array, n: number): number {
  const part = n === a.length ? a : a.subarray(0, n);
  const upper = selectInPlace(part, n >> 1);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (part[i] > lower) lower = part[i];
  return 0.5 * (lower + upper);
}
