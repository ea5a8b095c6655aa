/**
 * The fastest time per split over several laps and the lap that set it: the
 * building block of every "theoretical best" (segments, mini-sectors).
 *
 * @module
 */

/** Fastest time per split and who owns it. */
export interface BestSplits {
  /** Fastest time per split, s. */
  bestS: Float64Array;
  /** Index (into the laps given) of the lap that set each best; the earlier lap wins a tie. */
  owner: Int32Array;
  /** Σ bestS: the theoretical best, s. */
  theoreticalS: number;
}

/**
 * Fastest split times over laps, O(laps × splits). Every lap must have the
 * same number of splits (a `RangeError` otherwise); no laps give no splits.
 *
 * @example
 * ```ts
 * import { bestSplits } from "./best_splits.ts";
 * const { bestS, owner, theoreticalS } = bestSplits([
 *   Float64Array.of(10, 20),
 *   Float64Array.of(11, 19),
 * ]);
 * // bestS = [10, 19], owner = [0, 1], theoreticalS = 29
 * ```
 */
export function bestSplits(timesPerLap: readonly Float64Array[]): BestSplits {
  const splits = timesPerLap[0]?.length ?? 0;
  const bestS = new Float64Array(splits).fill(Infinity);
  const owner = new Int32Array(splits).fill(-1);
  timesPerLap.forEach((times, lap) => {
    if (times.length !== splits) throw new RangeError(`lap ${lap} has ${times.length} splits, not ${splits}`);
    for (let k = 0; k < splits; k++) {
      if (times[k] < bestS[k]) {
        bestS[k] = times[k];
        owner[k] = lap;
      }
    }
  });
  let theoreticalS = 0;
  for (let k = 0; k < splits; k++) theoreticalS += bestS[k];
  return { bestS, owner, theoreticalS };
}
