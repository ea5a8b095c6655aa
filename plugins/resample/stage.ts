/**
 * The `resample` stage: every lap onto the 0.7 m distance grid.
 *
 * @module
 */

import { defineStage, DistanceLapsKey, LapsKey, SessionKey } from "../../sdk/mod.ts";
import { resampleLap } from "./resample.ts";

/** Resamples every lap (same order as the laps artifact). */
export const resampleStage = defineStage({
  id: "resample",
  description: "Puts every lap on the 0.7 m distance grid, every channel linearly interpolated.",
  consumes: { session: SessionKey, laps: LapsKey },
  produces: { distanceLaps: DistanceLapsKey },
  run(ctx, { session, laps }) {
    const distanceLaps = laps.map((lap) => {
      ctx.signal.throwIfAborted();
      return resampleLap(session, lap);
    });
    return { distanceLaps };
  },
});
