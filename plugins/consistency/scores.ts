/**
 * The consistency scores. Every part is scored the same way,
 *
 *     part score = 100 × 2^(−σ̂ / half)
 *
 * where σ̂ is the spread (a standard deviation corrected for small samples,
 * see below) and `half` is the spread that halves the score, stated in
 * terms a driver can check on track:
 *
 * | part                  | spread measured                                | half-score spread |
 * | --------------------- | ---------------------------------------------- | ----------------- |
 * | lap time              | σ of lap times as % of the mean lap            | 1 % (1 s per 100 s) |
 * | corner minimum speed  | σ of the corner's minimum speed as % of its mean | 2 % (2 km/h at 100 km/h) |
 * | corner brake point    | σ of the brake point, m                        | 10 m (two car lengths) |
 * | corner throttle commit| σ of the throttle-commit point, m              | 15 m (three car lengths) |
 *
 * So a spread of zero scores 100, the half-score spread 50, twice it 25,
 * and the score never saturates at 100 while there is any spread. Speed is
 * taken relative to the corner's speed so that a hairpin and a fast sweeper
 * are judged alike.
 *
 * Corner score = 0.5 × speed + 0.25 × brake + 0.25 × throttle (the weights
 * of parts that cannot be measured, e.g. no braking in a flat kink, go to
 * the others). Overall score = 0.5 × lap score + 0.5 × the mean of the
 * corner scores (the lap score alone when there are no corners).
 *
 * Small samples: the sample standard deviation of n laps underestimates
 * the true spread (by 20 % for 2 laps, 11 % for 3), which made the
 * original's scores saturate on short sessions. σ̂ = s / c4(n) removes that
 * bias; the result is flagged provisional below 3 laps.
 *
 * Calibration: the half-score spreads were set from what is physically
 * meaningful (above), then checked on simulated sessions (synth-session,
 * no mistakes) whose driver varies minimum speed by 1.2 %, braking effort
 * by 4 % and throttle delay by about 4 m per unit of `--consistency`. We
 * measured, for 0.3 (a very steady driver), 1.0 (the default) and 2.0 (an
 * erratic one): lap σ 0.19 / 0.39 / 0.70 %, median corner speed σ 0.4 /
 * 1.4 / 2.8 %, brake σ 1 / 3 / 6 m, throttle σ 1.5 / 4.5 / 7 m, scores
 * 87 / 73 / 57 on Barber (8 laps); on Roebling 76 / 68 / 54, where the
 * first flying lap, slowed by the out-lap, costs 0.5–1 s whatever the
 * driver. The simulation varies braking effort, not where the driver
 * starts braking, so its brake-point spread is small; the brake anchor was
 * kept at its physical value rather than fitted to it.
 *
 * @module
 */

import { stdBiasFactor } from "../../sdk/mod.ts";

/** Lap-time σ that halves the lap score, % of the mean lap time. */
export const LAP_HALF_PCT = 1;
/** Minimum-speed σ that halves its part of a corner score, % of the corner's mean minimum speed. */
export const MIN_SPEED_HALF_PCT = 2;
/** Brake-point σ that halves its part, m. */
export const BRAKE_HALF_M = 10;
/** Throttle-commit σ that halves its part, m. */
export const THROTTLE_HALF_M = 15;

/** 100 × 2^(−spread / half), for a spread ≥ 0. */
export function halfScore(spread: number, half: number): number {
  return 100 * Math.pow(2, -Math.max(0, spread) / half);
}

/** The spread estimate the scores use: sample std s over c4(n), so small samples are not flattered. */
export function unbiasedStd(sampleStd: number, n: number): number {
  return sampleStd / stdBiasFactor(n);
}

/** Weighted mean of the parts that are present (null parts skipped, weights rescaled). */
export function weightedScore(parts: readonly (readonly [score: number | null, weight: number])[]): number {
  let sum = 0, weights = 0;
  for (const [score, weight] of parts) {
    if (score === null) continue;
    sum += score * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : NaN;
}

/** Rounds a score to one decimal. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}
