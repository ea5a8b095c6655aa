/**
 * The `corners` plugin: the corners of a session and every corner's KPIs on
 * every lap.
 *
 * Better than the original, whose fixed heading-rate threshold (1 deg/m over
 * a 20 m average, radius under ~57 m) found only 0 to 9 of the 8 to 25
 * corners of our sessions and merged esses (this plugin finds all 80 truth
 * corners of the shared sessions, apex within 7.2 m, and 44 of 46 on three
 * circuits outside them; `tests/corner_accuracy_test.ts`):
 * - a corner is where the driver slows for a bend: a dip of at least 4 km/h
 *   in the median speed of the analysis laps, confirmed by the curvature of
 *   the driven line (from GPS positions, robust to noise), so fast sweepers
 *   and kinks count while a lift on a straight does not; a dip across a
 *   left-right change is split into its two corners;
 * - corners and KPIs are measured on the closed lap, so a corner, braking
 *   zone or throttle commit across the start/finish line is whole (the
 *   original zero-padded the lap ends and split or lost such corners);
 * - official corners are placed by projecting the circuit's apex positions
 *   onto the session's driven line, not at a fraction of the lap length;
 * - KPIs follow the drivers' definitions (see `pedal_events.ts`, which also
 *   states how closely brake points can match the truth), work from speed
 *   alone, and are left unmeasured where the logger has no samples.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { detectCornersStage } from "./detect_stage.ts";
import { cornerKpisStage } from "./kpis_stage.ts";

export default definePlugin({
  id: "corners",
  version: "1.1.0",
  sdk: "^1.0",
  description: "Finds the corners where the driver slows, names them, and measures each one on every lap.",
  stages: [detectCornersStage, cornerKpisStage],
});
