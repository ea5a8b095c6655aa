/**
 * A complete lap's elapsed time as a function of distance, exact at both
 * crossings of the line, and the one rule every cross-lap comparison uses to
 * say which point of one lap matches a point of another: the same fraction of
 * the lap's distance.
 *
 * Why not the same metre: each lap's distance is integrated from its own
 * speed, so laps differ by a few metres (up to 6 m on our sample sessions)
 * and a fixed metre drifts by that much along the track. Matching by fraction
 * keeps both lines aligned, so split times of a lap add up to its lap time
 * exactly and a delta-T trace ends at the true lap-time difference.
 *
 * @module
 */

import { analysisLaps, bestLap } from "./lap_sets.ts";
import type { DistanceLap, Lap } from "./laps.ts";

/** A complete lap with its distance grid and clock, as cross-lap stages use it. */
export interface ClockedLap {
  /** The lap. */
  readonly lap: Lap;
  /** Its distance-domain channels. */
  readonly grid: DistanceLap;
  /** Its elapsed time against distance. */
  readonly clock: LapClock;
}

/** Elapsed time against distance for one complete lap (or a stitched lap). */
export interface LapClock {
  /** Elapsed time at grid point `i` (`i × stepM` from the line), s; starts at 0. */
  readonly timeS: Float64Array;
  /** Grid spacing, m. */
  readonly stepM: number;
  /** Line-to-line distance, m; never before the last grid point. */
  readonly lengthM: number;
  /** Line-to-line time, s. */
  readonly lapTimeS: number;
}

/**
 * The clock of a complete lap: its grid times plus its exact length and lap
 * time, so the stretch between the last grid point and the line is covered.
 * Throws a `RangeError` for a lap that never reached the line.
 */
export function lapClock(lap: Lap, grid: DistanceLap): LapClock {
  if (lap.timeS === null) throw new RangeError(`lap ${lap.number} never reached the line`);
  const lastGridM = (grid.points - 1) * grid.stepM;
  return {
    timeS: grid.channels.timeS,
    stepM: grid.stepM,
    lengthM: Math.max(lap.distanceM, lastGridM),
    lapTimeS: lap.timeS,
  };
}

/**
 * The complete laps of `laps` that have a grid in `distanceLaps` (matched by
 * number), in the order of `laps`, with their clocks.
 */
export function clockedLaps(laps: readonly Lap[], distanceLaps: readonly DistanceLap[]): ClockedLap[] {
  const gridOf = new Map(distanceLaps.map((grid) => [grid.number, grid]));
  return laps.flatMap((lap) => {
    const grid = gridOf.get(lap.number);
    return grid && grid.points > 1 && lap.timeS !== null ? [{ lap, grid, clock: lapClock(lap, grid) }] : [];
  });
}

/** The laps the analysis uses, with their clocks, and which of them is the best lap. */
export interface ClockedAnalysis {
  /** {@linkcode analysisLaps} that have a grid, in lap order. */
  laps: ClockedLap[];
  /** Index of the best lap in `laps`, or -1 when there is none. */
  bestIndex: number;
}

/** The analysis laps of a session with their clocks, and the best lap among them. */
export function clockedAnalysisLaps(
  laps: readonly Lap[],
  distanceLaps: readonly DistanceLap[],
): ClockedAnalysis {
  const clocked = clockedLaps(analysisLaps(laps), distanceLaps);
  const best = bestLap(laps);
  return { laps: clocked, bestIndex: clocked.findIndex((lap) => lap.lap.number === best?.number) };
}

/**
 * Elapsed time at `m` metres from the line, s: linear between grid points,
 * and from the last grid point to the line towards the lap time. Clamped to
 * 0 before the line and to the lap time after it.
 *
 * @example
 * ```ts
 * import { elapsedAt } from "./lap_clock.ts";
 * // Grid points at 0, 0.7 and 1.4 m; the line is 1.6 m away.
 * const clock = { timeS: Float64Array.of(0, 0.1, 0.2), stepM: 0.7, lengthM: 1.6, lapTimeS: 0.23 };
 * elapsedAt(clock, 1.05); // 0.15
 * elapsedAt(clock, 1.6); // 0.23: the lap time, at the line
 * ```
 */
export function elapsedAt(clock: LapClock, m: number): number {
  return elapsedAtPoint(clock, m / clock.stepM);
}

/**
 * Elapsed time at fractional grid position `x` (distance / step), s: the
 * same as {@linkcode elapsedAt}, and exact at whole grid points.
 */
export function elapsedAtPoint(clock: LapClock, x: number): number {
  const t = clock.timeS;
  if (x <= 0) return t[0];
  const last = t.length - 1;
  if (x >= last) {
    const lineX = clock.lengthM / clock.stepM;
    if (x >= lineX) return clock.lapTimeS;
    return t[last] + ((x - last) / (lineX - last)) * (clock.lapTimeS - t[last]);
  }
  const i = Math.floor(x);
  return t[i] + (x - i) * (t[i + 1] - t[i]);
}

/** Elapsed time at a fraction of the lap's distance (0 = start line, 1 = finish line), s. */
export function elapsedAtFraction(clock: LapClock, fraction: number): number {
  return elapsedAt(clock, fraction * clock.lengthM);
}

/**
 * Times between consecutive boundaries, s. The boundaries are metres on a
 * reference lap of `referenceLengthM`, ascending; each is matched on this lap
 * at the same fraction of the distance. Boundaries 0 and `referenceLengthM`
 * give splits that add up to the lap time.
 */
export function splitTimes(
  clock: LapClock,
  boundariesM: ArrayLike<number>,
  referenceLengthM: number,
): Float64Array {
  const splits = new Float64Array(Math.max(0, boundariesM.length - 1));
  if (splits.length === 0) return splits;
  let previous = elapsedAtFraction(clock, boundariesM[0] / referenceLengthM);
  for (let k = 0; k < splits.length; k++) {
    const next = elapsedAtFraction(clock, boundariesM[k + 1] / referenceLengthM);
    splits[k] = next - previous;
    previous = next;
  }
  return splits;
}
