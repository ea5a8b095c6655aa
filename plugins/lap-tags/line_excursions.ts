/**
 * Laps that left the usual line inside a corner: the cross-track offset
 * from the session's median line (`sdk/line_offsets.ts`), sustained for at
 * least 10 m between a corner's entry and exit.
 *
 * Only corners are searched: on a straight a driver may use any part of
 * the track (passing, being passed), but through a corner the line is
 * tight. The threshold adapts to how well the laps line up: 4 × the 90th
 * percentile of the analysis laps' offsets inside corners (up to 15 laps) (GPS noise plus
 * the driver's own variation), and never below 3 m (a car's width and a
 * half). Stretches inside a poor-GPS span are ignored.
 *
 * @module
 */

import {
  type Corner,
  type DistanceLap,
  evenlySpread,
  type GpsBadSpan,
  type Lap,
  lineOffsets,
  MAX_LINE_LAPS,
  quantile,
  stretchFactor,
} from "../../sdk/mod.ts";
import { duringPoorGps } from "./poor_gps.ts";

/** A corner where one lap ran far from the usual line. */
export interface LineExcursion {
  /** Corner number. */
  corner: number;
  /** Largest offset of the stretch, m; positive = left of the usual line. */
  peakOffsetM: number;
  /** Length of the stretch beyond the threshold, m. */
  lengthM: number;
}

/** Excursions of every checked lap, with the threshold used. */
export interface LineExcursions {
  /** Offsets beyond this count, m. */
  thresholdM: number;
  /** Per lap number: its excursions. */
  byLap: Map<number, LineExcursion[]>;
}

/** Smallest offset that counts, m. */
export const MIN_EXCURSION_M = 3;
/** An excursion counts beyond this many times the analysis laps' 90th-percentile offset. */
const SCATTER_FACTOR = 4;
/** An excursion must last this long, m. */
const MIN_EXCURSION_LENGTH_M = 10;
/** Spacing of the offsets, m (5 grid points: an excursion spans at least 3 stations). */
const STEP_M = 3.5;

/**
 * Finds the excursions of `checked` laps against the median line of the
 * `analysis` laps (both with their distance laps in the same order); null
 * with fewer than 3 analysis laps or no corner.
 */
export function findLineExcursions(
  checked: readonly { lap: Lap; grid: DistanceLap }[],
  analysis: readonly DistanceLap[],
  corners: readonly Corner[],
  badSpans: readonly GpsBadSpan[],
): LineExcursions | null {
  if (corners.length === 0) return null;
  const cornerAt = (m: number) => corners.findIndex((c) => m >= c.entryM && m <= c.exitM);
  const offsets = lineOffsets(checked.map((c) => c.grid), analysis, {
    stepM: STEP_M,
    where: (m) => cornerAt(m) >= 0,
  });
  if (!offsets) return null;
  const { count, stepM } = offsets.stations;
  const inCorner = new Int32Array(count);
  for (let k = 0; k < count; k++) inCorner[k] = cornerAt(k * stepM);
  // The scatter of (up to 15 of) the analysis laps through corners sets the threshold (NaN elsewhere is skipped).
  const sampled = new Set(evenlySpread(analysis, MAX_LINE_LAPS).map((d) => d.number));
  const analysed = offsets.offsetsM.filter((_, i) => sampled.has(checked[i].lap.number));
  const scatter = new Float64Array(analysed.length * count);
  analysed.forEach((lapOffsets, i) => {
    for (let k = 0; k < count; k++) scatter[i * count + k] = Math.abs(lapOffsets[k]);
  });
  const thresholdM = Math.max(MIN_EXCURSION_M, SCATTER_FACTOR * (quantile(scatter, 0.9) || 0));
  const minStations = Math.ceil(MIN_EXCURSION_LENGTH_M / stepM);
  const byLap = new Map<number, LineExcursion[]>();
  checked.forEach(({ lap, grid }, i) => {
    const lapOffsets = offsets.offsetsM[i];
    const found: LineExcursion[] = [];
    const stretch = stretchFactor(grid, offsets.stations);
    const lapM = (k: number) => k * stepM * stretch; // the lap's own metres at station k
    let k = 0;
    while (k < count) {
      const v = lapOffsets[k];
      if (inCorner[k] < 0 || !(Math.abs(v) > thresholdM)) {
        k++;
        continue;
      }
      const start = k;
      let peak = v;
      while (k < count && inCorner[k] === inCorner[start] && Math.abs(lapOffsets[k]) > thresholdM) {
        if (Math.abs(lapOffsets[k]) > Math.abs(peak)) peak = lapOffsets[k];
        k++;
      }
      if (k - start >= minStations && !duringPoorGps(lap, grid, lapM(start), lapM(k - 1), badSpans)) {
        const corner = corners[inCorner[start]].number;
        const previous = found.find((e) => e.corner === corner);
        if (!previous) found.push({ corner, peakOffsetM: peak, lengthM: (k - start) * stepM });
        else if (Math.abs(peak) > Math.abs(previous.peakOffsetM)) previous.peakOffsetM = peak;
      }
    }
    byLap.set(lap.number, found);
  });
  return { thresholdM, byLap };
}
