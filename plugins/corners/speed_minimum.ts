/**
 * Where a speed minimum is reached. A driver often holds the minimum speed
 * for some metres before committing to the throttle; on measured speed the
 * lowest sample then falls anywhere along that hold (even past the
 * throttle commit), so the minimum's place is taken where the hold starts.
 *
 * @module
 */

/** Speeds within this of the minimum count as holding it, m/s (0.36 km/h, above GPS speed noise). */
export const HOLD_MPS = 0.1;

/** The lowest speed between two indices and where its hold starts. */
export interface SpeedMinimum {
  /** Index where the speed first comes within {@linkcode HOLD_MPS} of the minimum, going back from it. */
  index: number;
  /** The minimum speed, m/s. */
  speedMps: number;
}

/** The minimum of `speedMps[from..to]` (inclusive) and the start of its hold. */
export function speedMinimum(speedMps: Float64Array, from: number, to: number): SpeedMinimum {
  let index = from;
  for (let i = from + 1; i <= to; i++) if (speedMps[i] < speedMps[index]) index = i;
  const minimum = speedMps[index];
  while (index > from && speedMps[index - 1] <= minimum + HOLD_MPS) index--;
  return { index, speedMps: minimum };
}
