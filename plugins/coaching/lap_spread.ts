/**
 * Summaries of one KPI across laps: median, the best lap's value, spread.
 *
 * @module
 */

import { type LapSpread, median, sampleStd } from "../../sdk/mod.ts";

/**
 * The spread of `values` (one per lap, `null` where the lap lacks it), with
 * the value of the lap at `bestIndex`; null when no lap has a value.
 */
export function lapSpread(values: readonly (number | null)[], bestIndex: number): LapSpread | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  const best = bestIndex >= 0 ? values[bestIndex] ?? null : null;
  return {
    median: median(present),
    bestLap: best !== null && Number.isFinite(best) ? best : null,
    std: present.length >= 2 ? sampleStd(present) : null,
    laps: present.length,
  };
}

/** {@linkcode lapSpread} plus the best value over the laps: the largest, or the smallest when `lowerIsBetter`. */
export function lapSpreadWithBest(
  values: readonly (number | null)[],
  bestIndex: number,
  lowerIsBetter: boolean,
): (LapSpread & { best: number }) | null {
  const spread = lapSpread(values, bestIndex);
  if (!spread) return null;
  let best = lowerIsBetter ? Infinity : -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    best = lowerIsBetter ? Math.min(best, v) : Math.max(best, v);
  }
  return { ...spread, best };
}
