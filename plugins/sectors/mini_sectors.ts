/**
 * Equal-distance mini-sectors: each analysed lap's time in each, the best
 * per sector and the lap that owns it, and their sum.
 *
 * Better than the original: one pass over laps × sectors (the original
 * recomputed each sector's mean inside its per-lap loop, O(laps² × sectors));
 * sector boundaries are matched at the same fraction of each lap's distance
 * and the last one is the line itself, so a lap shorter than the best lap
 * has a real last-sector time instead of a clamped one, and each lap's
 * sector times add up to its lap time.
 *
 * @module
 */

import { bestSplits, type ClockedLap, type Sectors, splitTimes } from "../../sdk/mod.ts";

/** `count` mini-sectors over the reference length `referenceLengthM` (the best lap's), for `laps` (at least one). */
export function miniSectors(laps: readonly ClockedLap[], referenceLengthM: number, count: number): Sectors {
  const boundariesM = Float64Array.from({ length: count + 1 }, (_, k) => (k / count) * referenceLengthM);
  boundariesM[count] = referenceLengthM;
  const timesPerLap = laps.map((lap) => splitTimes(lap.clock, boundariesM, referenceLengthM));
  const { bestS, owner, theoreticalS } = bestSplits(timesPerLap);
  return {
    sectors: Array.from({ length: count }, (_, k) => ({
      index: k + 1,
      startM: boundariesM[k],
      endM: boundariesM[k + 1],
      bestS: bestS[k],
      bestLap: laps[owner[k]].lap.number,
    })),
    laps: laps.map((lap, i) => ({ lap: lap.lap.number, timesS: Array.from(timesPerLap[i]) })),
    theoreticalBestS: theoreticalS,
  };
}
