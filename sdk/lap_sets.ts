/**
 * The one definition of which laps the analysis uses, shared by every stage
 * so that their numbers reconcile.
 *
 * @module
 */

import type { DistanceLap, Lap } from "./laps.ts";

/**
 * Laps the analysis statistics use: complete flying laps not excluded by the
 * laps stage (not cut short, not slower than 1.5 × the median).
 */
export function analysisLaps(laps: readonly Lap[]): Lap[] {
  return laps.filter((lap) => lap.included && lap.complete && lap.timeS !== null);
}

/** The fastest of {@linkcode analysisLaps}, or null when there is none. */
export function bestLap(laps: readonly Lap[]): Lap | null {
  let best: Lap | null = null;
  for (const lap of analysisLaps(laps)) if (best === null || lap.timeS! < best.timeS!) best = lap;
  return best;
}

/** The distance-domain laps of the given laps, matched by number, in the same order. */
export function distanceLapsOf(laps: readonly Lap[], distanceLaps: readonly DistanceLap[]): DistanceLap[] {
  const byNumber = new Map(distanceLaps.map((d) => [d.number, d]));
  return laps.flatMap((lap) => byNumber.get(lap.number) ?? []);
}
