/**
 * The theoretical best lap as traces: each segment's elapsed time and speed
 * taken from the lap that owns the segment's best time, laid on the best
 * lap's grid and offset so the elapsed time runs on without a jump.
 *
 * Owners' points are matched at the same fraction of their lap as on the
 * best lap (`sdk/lap_clock.ts`). The grid's last point stands for the finish
 * line (it lies within one grid step of it), so the trace ends exactly at the
 * theoretical best time.
 *
 * @module
 */

import {
  type ClockedLap,
  elapsedAtFraction,
  type Gains,
  type TheoreticalLap,
  valueAt,
} from "../../sdk/mod.ts";

/**
 * Stitches the theoretical best lap of `gains` from `laps` (which must hold
 * every segment owner) on the grid of `best`.
 */
export function stitchTheoreticalLap(
  gains: Gains,
  laps: readonly ClockedLap[],
  best: ClockedLap,
): TheoreticalLap {
  const lapOf = new Map(laps.map((lap) => [lap.lap.number, lap]));
  const segments = gains.segments;
  const owners = segments.map((s) => s.bestLap);
  const { points, stepM } = best.grid;
  const referenceLengthM = best.clock.lengthM;
  const timeS = new Float64Array(points);
  const speedMps = new Float64Array(points);
  if (segments.length === 0 || points === 0) return { timeS, speedMps, owners };

  let k = -1;
  let offsetS = 0; // theoretical time at the start of segment k
  let owner = best;
  let ownerStartS = 0; // owner's elapsed time at the start of segment k
  const enterSegment = (next: number) => {
    if (k >= 0) offsetS += segments[k].bestS;
    k = next;
    owner = lapOf.get(owners[k])!;
    ownerStartS = elapsedAtFraction(owner.clock, segments[k].segment.startM / referenceLengthM);
  };
  enterSegment(0);
  for (let i = 0; i < points; i++) {
    const m = i * stepM;
    while (k < segments.length - 1 && m > segments[k].segment.endM) enterSegment(k + 1);
    const fraction = m / referenceLengthM;
    timeS[i] = offsetS + elapsedAtFraction(owner.clock, fraction) - ownerStartS;
    speedMps[i] = valueAt(owner.grid, owner.grid.channels.speedMps, fraction * owner.clock.lengthM);
  }
  timeS[points - 1] = gains.theoreticalBestS;
  return { timeS, speedMps, owners };
}
