/**
 * The `resample` stage: every lap onto the 0.7 m distance grid.
 *
 * @module
 */

import { defineStage, DistanceLapsKey, droppedSpeedSamples, LapsKey, SessionKey } from "../../sdk/mod.ts";
import { resampleLap } from "./resample.ts";

/** Resamples every lap (same order as the laps artifact). */
export const resampleStage = defineStage({
  id: "resample",
  description:
    "Puts every lap on the 0.7 m distance grid, every channel linearly interpolated; distance from speed, including the speed of rows dropped for poor GPS.",
  consumes: { session: SessionKey, laps: LapsKey },
  produces: { distanceLaps: DistanceLapsKey },
  run(ctx, { session, laps }) {
    const speedSamples = droppedSpeedSamples(session);
    const distanceLaps = laps.map((lap) => {
      ctx.signal.throwIfAborted();
      return resampleLap(session, lap, speedSamples);
    });
    return { distanceLaps };
  },
});
