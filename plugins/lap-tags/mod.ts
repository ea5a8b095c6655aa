/**
 * The `lap-tags` plugin: every lap tagged clean, traffic-suspect,
 * off-track, mistake, cool-down or poor-gps, each tag with a reason in
 * plain words and numbers.
 *
 * Better than the original (ENGINE.md §10), whose tags were manual only:
 * mistakes are found from corner minimum speeds against the same corner's
 * median, with a threshold scaled to the driver's own spread
 * (`corner_drops.ts`); off-track from the cross-track offset to the laps'
 * median line through corners (`line_excursions.ts`); traffic from a lift
 * or braking away from corners where the other laps accelerate
 * (`lifts.ts`); poor GPS from the `gps-quality` stage's stretches, so one
 * definition of poor GPS serves both. The precedence rules are in
 * `tag_laps.ts`.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { lapTagsStage } from "./stage.ts";

export default definePlugin({
  id: "lap-tags",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "Automatic lap tags (clean, traffic-suspect, off-track, mistake, cool-down, poor-gps) with reasons.",
  stages: [lapTagsStage],
});
