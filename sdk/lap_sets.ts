/**
 * The one definition of which laps the analysis uses, shared by every stage
 * so that their numbers reconcile.
 *
 * @module
 */

import type { DistanceLap, Lap } from "./laps.ts";

/**
 * Tags a driver puts on a lap to say it does not show their driving: the
 * laps stage leaves a lap with any of them (compared case-insensitively)
 * out of {@linkcode analysisLaps}, so the best lap, gains, consistency,
 * coaching and leaderboards all ignore it. Other tags (rain, new pads...)
 * are notes that change nothing.
 */
export const EXCLUDING_USER_TAGS: readonly string[] = ["traffic", "off-line", "experimental", "cold-tires"];

/**
 * Why the driver's own tags leave a lap out (`you tagged it traffic`), or
 * null when none of them is one of `excluding` (by default
 * {@linkcode EXCLUDING_USER_TAGS}; compared case-insensitively).
 */
export function userExclusion(
  tags: readonly string[] | undefined,
  excluding: readonly string[] = EXCLUDING_USER_TAGS,
): string | null {
  const found = (tags ?? []).filter((t) => excluding.includes(t.toLowerCase()));
  return found.length > 0 ? `you tagged it ${found.join(", ")}` : null;
}

/**
 * Laps the analysis statistics use: complete flying laps not excluded by the
 * laps stage (not cut short, not slower than 1.5 × the median, not tagged
 * by the driver with one of {@linkcode EXCLUDING_USER_TAGS}).
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
