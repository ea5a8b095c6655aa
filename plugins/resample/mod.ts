/**
 * The `resample` plugin: laps on a uniform 0.7 m distance grid.
 *
 * Better than the original: each lap starts exactly at its interpolated
 * line crossing (not at the first sample after it), and heading is
 * unwrapped before interpolation.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { resampleStage } from "./stage.ts";

export default definePlugin({
  id: "resample",
  version: "1.2.0",
  sdk: "^1.0",
  description: "Resamples every lap onto the 0.7 m distance grid.",
  stages: [resampleStage],
});
