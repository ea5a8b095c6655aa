/**
 * The `gains` stage: segments, gain tiers 1 and 2, and the theoretical best lap.
 *
 * @module
 */

import {
  clockedAnalysisLaps,
  CornersKey,
  defineStage,
  DistanceLapsKey,
  GainsKey,
  LapsKey,
  TheoreticalLapKey,
} from "../../sdk/mod.ts";
import { segmentGains } from "./segment_gains.ts";
import { stitchTheoreticalLap } from "./theoretical_lap.ts";

/** Fewest analysed laps for gains to mean anything (a best and at least one other). */
const MIN_LAPS = 2;

/** Consistency and composite gains per corner and straight, and the stitched theoretical best lap. */
export const gainsStage = defineStage({
  id: "gains",
  description:
    "Splits the lap into corners and straights and measures, per segment, the average and the composite (best segments) time on the table.",
  consumes: { corners: CornersKey, laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { gains: GainsKey, theoreticalLap: TheoreticalLapKey },
  run(ctx, { corners, laps, distanceLaps }) {
    const { laps: analysed, bestIndex } = clockedAnalysisLaps(laps, distanceLaps);
    if (analysed.length < MIN_LAPS || bestIndex < 0) {
      ctx.report({
        severity: "info",
        code: "too_few_laps",
        message:
          `time gains need at least ${MIN_LAPS} complete counted laps; this session has ${analysed.length}`,
      });
      return { gains: null, theoreticalLap: null };
    }
    const gains = segmentGains(analysed, bestIndex, corners);
    return { gains, theoreticalLap: stitchTheoreticalLap(gains, analysed, analysed[bestIndex]) };
  },
});
