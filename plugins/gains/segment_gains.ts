/**
 * Gain tiers 1 and 2 per corner and straight: consistency (your average
 * against your own best in each segment) and composite (your best lap
 * against your best segments stitched together).
 *
 * Segment times are split times on each lap with every boundary matched at
 * the same fraction of the lap's distance (`sdk/lap_clock.ts`), so a lap's
 * segment times add up to its exact line-to-line time. The theoretical best
 * is Σ of the best segment times by construction, and because the best lap
 * is a candidate in every segment it can never be slower than the best lap.
 *
 * @module
 */

import {
  bestSplits,
  type ClockedLap,
  type Corner,
  type Gains,
  lapSegments,
  splitTimes,
} from "../../sdk/mod.ts";

/**
 * Gains over `laps` (at least one), with segments laid on the lap at
 * `bestIndex` (the best lap; its length is the reference length).
 */
export function segmentGains(
  laps: readonly ClockedLap[],
  bestIndex: number,
  corners: readonly Corner[],
): Gains {
  const best = laps[bestIndex];
  const referenceLengthM = best.clock.lengthM;
  const segments = lapSegments(corners, referenceLengthM);
  const boundariesM = Float64Array.from([0, ...segments.map((s) => s.endM)]);
  const timesPerLap = laps.map((lap) => splitTimes(lap.clock, boundariesM, referenceLengthM));
  const { bestS, owner, theoreticalS } = bestSplits(timesPerLap);

  let consistencyS = 0;
  const segmentGainsList = segments.map((segment, k) => {
    let sum = 0;
    for (const times of timesPerLap) sum += times[k];
    const meanS = sum / laps.length;
    const bestLapS = timesPerLap[bestIndex][k];
    consistencyS += meanS - bestS[k];
    return {
      segment,
      bestS: bestS[k],
      bestLap: laps[owner[k]].lap.number,
      meanS,
      bestLapS,
      consistencyS: meanS - bestS[k],
      compositeS: bestLapS - bestS[k],
    };
  });

  const bestLapTimeS = best.clock.lapTimeS;
  let lapTimeSum = 0;
  for (const lap of laps) lapTimeSum += lap.clock.lapTimeS;
  return {
    laps: laps.map((lap) => lap.lap.number),
    segments: segmentGainsList,
    bestLap: best.lap.number,
    bestLapTimeS,
    meanLapTimeS: lapTimeSum / laps.length,
    consistencyS,
    theoreticalBestS: theoreticalS,
    // Σ best ≤ Σ best-lap segments = best lap time, up to floating-point rounding.
    compositeS: Math.max(0, bestLapTimeS - theoreticalS),
  };
}
