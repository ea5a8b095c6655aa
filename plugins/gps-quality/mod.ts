/**
 * The `gps-quality` plugin: a 0..100 GPS quality score per session, its
 * grade, the metrics and reasons behind it, and the poor stretches.
 *
 * Better than the original (ENGINE.md §11):
 * - lateral scatter is the cross-track distance from the laps' median line,
 *   with laps lined up on common stations, so along-track misalignment is
 *   no longer counted as lateral error (`scatter.ts`);
 * - spikes are found on the raw GPS epochs, not on the interpolated grid
 *   speed, and never across a gap (`fixes.ts`);
 * - rows the session filter dropped count through the time without a usable
 *   fix, instead of being silently absent from the accuracy percentile;
 * - the noisy heading-jitter metric on unsmoothed "straights" and the lap
 *   distance CV (which measures line choice and speed-sensor error more
 *   than GPS) are replaced by the scatter measure;
 * - the poor stretches are returned with their reasons, not just a grade.
 * Breakpoints and weights are in `scoring.ts`, with what each one means.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { gpsQualityStage } from "./stage.ts";

export default definePlugin({
  id: "gps-quality",
  version: "1.1.0",
  sdk: "^1.0",
  description: "GPS quality score 0..100 with grade, reasons and the poor stretches.",
  stages: [gpsQualityStage],
});
