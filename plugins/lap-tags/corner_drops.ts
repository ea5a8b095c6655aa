/**
 * Corners taken far slower than usual: a lap's minimum speed in a corner
 * compared with the median of the same corner over the analysis laps.
 *
 * The threshold adapts to the driver: it is 4 × the session's own
 * lap-to-lap spread of corner minimum speeds (a robust σ from the median
 * absolute deviation, pooled over every corner, as a fraction of the
 * corner's speed), and never below 8 %. On the synthetic sessions the normal
 * spread is 1.2 % × the `--consistency` factor, so the threshold is 8 % up
 * to a factor of 1.7 and grows beyond it, while a mistake costs 18 % of the
 * corner's minimum speed.
 *
 * @module
 */

import { type LapCornerKpis, median } from "../../sdk/mod.ts";

/** A corner of one lap taken far slower than usual. */
export interface CornerDrop {
  /** Corner number. */
  corner: number;
  /** The lap's minimum speed there, m/s. */
  minSpeedMps: number;
  /** The median minimum speed of the analysis laps there, m/s. */
  usualMps: number;
  /** 1 − minSpeed / usual. */
  dropFraction: number;
}

/** Corner drops of every lap, with the threshold used. */
export interface CornerDrops {
  /** Drops beyond this fraction of the usual minimum speed count. */
  thresholdFraction: number;
  /** Corners that had enough analysis laps to compare. */
  cornersCompared: number;
  /** Per lap number: its drops, in corner order (laps without KPIs are absent). */
  byLap: Map<number, CornerDrop[]>;
}

/** Smallest drop that counts, whatever the driver's spread: 8 % of the corner's usual minimum speed. */
export const MIN_DROP_FRACTION = 0.08;
/** A drop counts beyond this many robust σ of the session's own spread. */
const DROP_SIGMAS = 4;
/** A corner needs this many analysis laps for its median. */
const MIN_SAMPLES = 3;
/** Median absolute deviation to σ for normal data. */
const MAD_TO_SIGMA = 1.4826;

/** Finds the drops of every lap in `kpis`, comparing with the analysis laps; null when no corner can be compared. */
export function findCornerDrops(
  kpis: readonly LapCornerKpis[],
  analysisLapNumbers: ReadonlySet<number>,
): CornerDrops | null {
  const speedsByCorner = new Map<number, number[]>();
  for (const lap of kpis) {
    if (!analysisLapNumbers.has(lap.lap)) continue;
    for (const c of lap.corners) {
      if (!(c.minSpeedMps > 0)) continue;
      const list = speedsByCorner.get(c.corner) ?? [];
      list.push(c.minSpeedMps);
      speedsByCorner.set(c.corner, list);
    }
  }
  const usual = new Map<number, number>();
  const deviations: number[] = [];
  for (const [corner, speeds] of speedsByCorner) {
    if (speeds.length < MIN_SAMPLES) continue;
    const m = median(speeds);
    usual.set(corner, m);
    for (const v of speeds) deviations.push(Math.abs(v / m - 1));
  }
  if (usual.size === 0) return null;
  const sigma = MAD_TO_SIGMA * median(deviations);
  const thresholdFraction = Math.max(MIN_DROP_FRACTION, DROP_SIGMAS * sigma);
  const byLap = new Map<number, CornerDrop[]>();
  for (const lap of kpis) {
    const drops: CornerDrop[] = [];
    for (const c of lap.corners) {
      const usualMps = usual.get(c.corner);
      if (usualMps === undefined || !Number.isFinite(c.minSpeedMps)) continue;
      const dropFraction = 1 - c.minSpeedMps / usualMps;
      if (dropFraction > thresholdFraction) {
        drops.push({ corner: c.corner, minSpeedMps: c.minSpeedMps, usualMps, dropFraction });
      }
    }
    byLap.set(lap.lap, drops);
  }
  return { thresholdFraction, cornersCompared: usual.size, byLap };
}
