/**
 * The `consistency` stage.
 *
 * @module
 */

import { ConsistencyKey, CornerKpisKey, defineStage, LapsKey } from "../../sdk/mod.ts";
import { measureConsistency, MIN_CONFIDENT_LAPS } from "./measure.ts";

/** Lap-time and per-corner consistency of the analysis laps, with 0..100 scores. */
export const consistencyStage = defineStage({
  id: "consistency",
  description:
    "Lap-time spread and per-corner spread of minimum speed, brake point and throttle commit, scored 0..100.",
  consumes: { laps: LapsKey, cornerKpis: CornerKpisKey },
  produces: { consistency: ConsistencyKey },
  run(ctx, { laps, cornerKpis }) {
    const consistency = measureConsistency(laps, cornerKpis);
    if (!consistency) {
      ctx.report({
        severity: "info",
        code: "consistency_few_laps",
        message: "consistency needs at least 2 complete flying laps",
      });
    } else if (consistency.provisional) {
      ctx.report({
        severity: "info",
        code: "consistency_provisional",
        message:
          `consistency from only ${consistency.laps.length} laps is provisional (${MIN_CONFIDENT_LAPS} or more make it firm)`,
      });
    }
    return { consistency };
  },
});
