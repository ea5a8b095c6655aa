/**
 * Laps that overlap a stretch of poor GPS, as the `gps-quality` stage
 * found them (dropped rows, gaps, displaced positions, weak fixes), and
 * whether a stretch of a lap was driven during one (its positions and
 * speeds there are interpolated or unreliable, so no other tag is drawn
 * from them).
 *
 * @module
 */

import { type DistanceLap, type GpsBadSpan, type Lap, timeAt } from "../../sdk/mod.ts";

/** A poor stretch within one lap. */
export interface LapGpsProblem {
  /** Where it starts, s into the lap (0 when it began before the lap). */
  fromLapS: number;
  /** How long it lasts inside the lap, s. */
  durationS: number;
  /** Why the GPS was poor. */
  reason: string;
}

/** The poor stretches inside `lap`, in time order. */
export function gpsProblemsOf(lap: Lap, badSpans: readonly GpsBadSpan[]): LapGpsProblem[] {
  const out: LapGpsProblem[] = [];
  for (const span of badSpans) {
    const from = Math.max(span.startS, lap.startTimeS), to = Math.min(span.endS, lap.endTimeS);
    if (to < from) continue;
    out.push({ fromLapS: from - lap.startTimeS, durationS: to - from, reason: span.reason });
  }
  return out;
}

/** Whether the stretch `fromM`..`toM` (the lap's own metres) was driven during a poor-GPS span. */
export function duringPoorGps(
  lap: Lap,
  grid: DistanceLap,
  fromM: number,
  toM: number,
  badSpans: readonly GpsBadSpan[],
): boolean {
  const fromS = lap.startTimeS + timeAt(grid, fromM), toS = lap.startTimeS + timeAt(grid, toM);
  return badSpans.some((span) => span.startS <= toS && span.endS >= fromS);
}
