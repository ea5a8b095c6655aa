/**
 * The `delta` stage: every analysed lap against the best lap, and the best
 * lap against the theoretical best.
 *
 * @module
 */

import {
  clockedAnalysisLaps,
  CornersKey,
  defineStage,
  DeltaKey,
  DistanceLapsKey,
  type LapClock,
  type LapDelta,
  LapsKey,
  type TheoreticalLap,
  TheoreticalLapKey,
} from "../../sdk/mod.ts";
import { lapDelta } from "./lap_delta.ts";

/** Delta-T of each analysed lap vs the best lap, then of the best lap vs the theoretical best. */
export const deltaStage = defineStage({
  id: "delta",
  description:
    "Delta-T along the lap, total and per corner, for every counted lap against the best lap and for the best lap against the theoretical best.",
  consumes: {
    corners: CornersKey,
    laps: LapsKey,
    distanceLaps: DistanceLapsKey,
    theoreticalLap: TheoreticalLapKey,
  },
  produces: { delta: DeltaKey },
  run(ctx, { corners, laps, distanceLaps, theoreticalLap }) {
    const { laps: analysed, bestIndex } = clockedAnalysisLaps(laps, distanceLaps);
    const best = analysed[bestIndex];
    if (!best) {
      ctx.report({
        severity: "info",
        code: "no_best_lap",
        message: "no complete counted lap, so there is no delta-T to show",
      });
      return { delta: [] };
    }
    const reference = { number: best.lap.number, clock: best.clock };
    const points = best.grid.points;
    // One buffer for every trace: one allocation instead of one per lap.
    const traces = new Float64Array(points * (analysed.length + 1));
    const trace = (k: number) => traces.subarray(k * points, (k + 1) * points);
    const delta: LapDelta[] = analysed.map((lap, k) => {
      ctx.signal.throwIfAborted();
      return lapDelta({ number: lap.lap.number, clock: lap.clock }, reference, corners, trace(k));
    });
    if (theoreticalLap && theoreticalLap.timeS.length === points) {
      const theoretical = {
        number: "theoretical" as const,
        clock: theoreticalClock(theoreticalLap, best.clock),
      };
      delta.push(lapDelta(reference, theoretical, corners, trace(analysed.length)));
    }
    return { delta };
  },
});

/** The theoretical lap's clock: its times on the best lap's grid, ending at the theoretical best. */
function theoreticalClock(theoretical: TheoreticalLap, best: LapClock): LapClock {
  const { timeS } = theoretical;
  return { timeS, stepM: best.stepM, lengthM: best.lengthM, lapTimeS: timeS[timeS.length - 1] };
}
