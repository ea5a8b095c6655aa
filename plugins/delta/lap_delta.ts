/**
 * Delta-T between any two laps: where on the lap the compared lap gains or
 * loses time against the reference, along the reference's distance grid.
 *
 * Points are matched at the same fraction of each lap's distance
 * (`sdk/lap_clock.ts`), so both laps start and finish together: the trace
 * runs the whole lap and ends exactly at the lap-time difference. The
 * original matched the same metre and stopped at the shorter lap's end, so
 * its "total" was not the lap-time difference and a lap a few metres longer
 * showed a spurious ramp.
 *
 * @module
 */

import {
  type Corner,
  elapsedAtFraction,
  elapsedAtPoint,
  type LapClock,
  type LapDelta,
  lapSegments,
} from "../../sdk/mod.ts";
import { cornerDeltas } from "./corner_deltas.ts";

/** A lap to compare: its number (or `"theoretical"` for a stitched reference) and its clock. */
export interface TimedLap<N extends number | "theoretical" = number | "theoretical"> {
  /** The lap's number, or `"theoretical"`. */
  number: N;
  /** Elapsed time against distance. */
  clock: LapClock;
}

/**
 * Delta-T of `compared` against `reference`, s (positive = compared is
 * slower): one value per grid point of the reference, the lap-time
 * difference, and per corner the time lost in the corner (entry..exit) and
 * on the straight after it (exit..next corner's entry). Corner distances are
 * metres on the reference. The per-corner values add up to the total.
 * `out` (one value per reference grid point) receives the trace when given.
 *
 * @example
 * ```ts
 * import { lapDelta } from "./lap_delta.ts";
 * // Two 1.4 m "laps" on a 0.7 m grid: the compared one is 0.1 s slower, all of it in the second step.
 * const best = { number: 8, clock: { timeS: Float64Array.of(0, 1, 2), stepM: 0.7, lengthM: 1.4, lapTimeS: 2 } };
 * const lap3 = { number: 3, clock: { timeS: Float64Array.of(0, 1, 2.1), stepM: 0.7, lengthM: 1.4, lapTimeS: 2.1 } };
 * const delta = lapDelta(lap3, best, []);
 * delta.totalS; // 0.1 (= 2.1 − 2), and delta.deltaS ends at it
 * ```
 */
export function lapDelta(
  compared: TimedLap<number>,
  reference: TimedLap,
  corners: readonly Corner[],
  out?: Float64Array,
): LapDelta {
  const ref = reference.clock;
  // Grid position on the compared lap per grid point of the reference (1 for two laps of one length).
  const pointScale = (ref.stepM / compared.clock.stepM) * (compared.clock.lengthM / ref.lengthM);
  const points = ref.timeS.length;
  const deltaS = out ?? new Float64Array(points);
  if (deltaS.length !== points) throw new RangeError(`out has ${deltaS.length} points, not ${points}`);
  for (let i = 0; i < points - 1; i++) {
    deltaS[i] = elapsedAtPoint(compared.clock, i * pointScale) - ref.timeS[i];
  }
  const totalS = compared.clock.lapTimeS - ref.lapTimeS;
  // The last grid point lies within one step of the line and stands for it.
  if (points > 0) deltaS[points - 1] = totalS;

  const deltaAt = (m: number) =>
    elapsedAtFraction(compared.clock, m / ref.lengthM) - elapsedAtFraction(ref, m / ref.lengthM);
  const segments = lapSegments(corners, ref.lengthM);
  const segmentDeltas = new Float64Array(segments.length);
  let previous = deltaAt(0);
  segments.forEach((segment, k) => {
    const next = deltaAt(segment.endM);
    segmentDeltas[k] = next - previous;
    previous = next;
  });
  return {
    lap: compared.number,
    reference: reference.number,
    deltaS,
    totalS,
    corners: cornerDeltas(corners, segments, segmentDeltas),
  };
}
