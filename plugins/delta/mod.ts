/**
 * The `delta` plugin: delta-T between laps along the distance grid, with the
 * time lost or gained per corner and on the straight after it.
 *
 * Better than the original (see `lap_delta.ts`): laps are matched at the
 * same fraction of their distance, so the trace covers the whole lap and
 * ends exactly at the lap-time difference instead of stopping at the shorter
 * lap; each corner also gets the straight its exit speed feeds, and the
 * per-corner values add up to the total. `lapDelta` compares any two laps.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { deltaStage } from "./stage.ts";

export { lapDelta, type TimedLap } from "./lap_delta.ts";

export default definePlugin({
  id: "delta",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Delta-T along the lap, total and per corner, against the best lap and the theoretical best.",
  stages: [deltaStage],
});
