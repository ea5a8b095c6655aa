/**
 * Measures consistency: lap-time spread over the analysis laps and, per
 * corner, the spread of minimum speed, brake point and throttle commit over
 * the same laps.
 *
 * Better than the original (ENGINE.md §8): one lap set (`analysisLaps`,
 * the set every stage uses, so no in- or out-laps), only the corners that
 * exist (the original looped over 1..max corner number), sample counts
 * reported per corner, and fewer than 2 samples is "not measured", never a
 * perfect 100.
 *
 * @module
 */

import {
  analysisLaps,
  type Consistency,
  type CornerConsistency,
  type Lap,
  type LapCornerKpis,
  mean,
  sampleStd,
} from "../../sdk/mod.ts";
import {
  BRAKE_HALF_M,
  halfScore,
  LAP_HALF_PCT,
  MIN_SPEED_HALF_PCT,
  roundScore,
  THROTTLE_HALF_M,
  unbiasedStd,
  weightedScore,
} from "./scores.ts";

/** Fewer analysis laps than this and the scores are provisional. */
export const MIN_CONFIDENT_LAPS = 3;

/** Consistency of the analysis laps, or null with fewer than 2 of them. */
export function measureConsistency(laps: readonly Lap[], kpis: readonly LapCornerKpis[]): Consistency | null {
  const analysed = analysisLaps(laps);
  if (analysed.length < 2) return null;
  const times = analysed.map((l) => l.timeS!);
  const meanLapTimeS = mean(times);
  const lapTimeStdS = sampleStd(times);
  const lapScore = halfScore((100 * unbiasedStd(lapTimeStdS, times.length)) / meanLapTimeS, LAP_HALF_PCT);
  const numbers = new Set(analysed.map((l) => l.number));
  const corners = cornerSpreads(kpis.filter((k) => numbers.has(k.lap)));
  const cornerMean = corners.length > 0 ? mean(corners.map((c) => c.score)) : null;
  const score = cornerMean === null ? lapScore : 0.5 * lapScore + 0.5 * cornerMean;
  return {
    laps: analysed.map((l) => l.number),
    meanLapTimeS,
    lapTimeStdS,
    lapTimeSpreadS: Math.max(...times) - Math.min(...times),
    lapScore: roundScore(lapScore),
    corners,
    score: roundScore(score),
    provisional: analysed.length < MIN_CONFIDENT_LAPS,
  };
}

/** Spread of every corner with at least 2 samples, in corner order. */
function cornerSpreads(kpis: readonly LapCornerKpis[]): CornerConsistency[] {
  const byCorner = new Map<number, { speeds: number[]; brakes: number[]; throttles: number[] }>();
  for (const lap of kpis) {
    for (const c of lap.corners) {
      if (!Number.isFinite(c.minSpeedMps)) continue;
      let entry = byCorner.get(c.corner);
      if (!entry) byCorner.set(c.corner, entry = { speeds: [], brakes: [], throttles: [] });
      entry.speeds.push(c.minSpeedMps * 3.6);
      if (c.brakePointM !== null) entry.brakes.push(c.brakePointM);
      if (c.throttleCommitM !== null) entry.throttles.push(c.throttleCommitM);
    }
  }
  const out: CornerConsistency[] = [];
  for (const [corner, { speeds, brakes, throttles }] of [...byCorner].sort((a, b) => a[0] - b[0])) {
    if (speeds.length < 2) continue;
    const speedStd = sampleStd(speeds);
    const brake = spread(brakes), throttle = spread(throttles);
    const speedScore = halfScore(
      (100 * unbiasedStd(speedStd, speeds.length)) / mean(speeds),
      MIN_SPEED_HALF_PCT,
    );
    const brakeScore = brake ? halfScore(unbiasedStd(brake.std, brakes.length), BRAKE_HALF_M) : null;
    const throttleScore = throttle
      ? halfScore(unbiasedStd(throttle.std, throttles.length), THROTTLE_HALF_M)
      : null;
    out.push({
      corner,
      samples: speeds.length,
      minSpeedStdKmh: speedStd,
      minSpeedRangeKmh: Math.max(...speeds) - Math.min(...speeds),
      brakePointStdM: brake?.std ?? null,
      brakePointRangeM: brake?.range ?? null,
      throttleCommitStdM: throttle?.std ?? null,
      throttleCommitRangeM: throttle?.range ?? null,
      score: roundScore(weightedScore([[speedScore, 0.5], [brakeScore, 0.25], [throttleScore, 0.25]])),
    });
  }
  return out;
}

/** Sample std and range, or null with fewer than 2 values. */
function spread(values: readonly number[]): { std: number; range: number } | null {
  if (values.length < 2) return null;
  return { std: sampleStd(values), range: Math.max(...values) - Math.min(...values) };
}
