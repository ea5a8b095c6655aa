/**
 * The `resample` stage: every lap onto the 0.7 m distance grid.
 *
 * @module
 */

import { defineStage, DistanceLapsKey, droppedSpeedSamples, LapsKey, SessionKey } from "../../sdk/mod.ts";
import { resampleLap } from "./resample.ts";

/**
 * A lap longer than this is not a lap of any circuit (the longest, the
 * Nürburgring's combined loop, is 26 km) but a glitched log: it is not put
 * on the grid, whose points it would number in the millions, m.
 */
export const MAX_GRID_LAP_M = 100_000;

/** Resamples every lap (same order as the laps artifact), except laps longer than {@linkcode MAX_GRID_LAP_M} (reported). */
export const resampleStage = defineStage({
  id: "resample",
  description:
    "Puts every lap on the 0.7 m distance grid, every channel linearly interpolated; distance from speed, including the speed of rows dropped for poor GPS.",
  consumes: { session: SessionKey, laps: LapsKey },
  produces: { distanceLaps: DistanceLapsKey },
  run(ctx, { session, laps }) {
    const speedSamples = droppedSpeedSamples(session);
    const distanceLaps = laps.flatMap((lap) => {
      ctx.signal.throwIfAborted();
      if (lap.distanceM > MAX_GRID_LAP_M) {
        ctx.report({
          severity: "warning",
          code: "lap_too_long",
          message:
            `lap ${lap.number} is ${(lap.distanceM / 1000).toFixed(0)} km long, which no circuit is: ` +
            "it is not put on the distance grid",
        });
        return [];
      }
      return [resampleLap(session, lap, speedSamples)];
    });
    return { distanceLaps };
  },
});
