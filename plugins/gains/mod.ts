/**
 * The `gains` plugin: how much time is on the table, tiers 1 and 2 (tier 3,
 * physics, is the velocity-profile plugin's own artifact).
 *
 * Better than the original:
 * - Segment times are taken at the same fraction of each lap's distance and
 *   end at the exact line-to-line time, so a lap's segment times add up to
 *   its lap time. The original read them at the same metre on grids that end
 *   at the last sample, so the last segment was clamped on shorter laps and
 *   segment sums did not match lap times.
 * - The theoretical best is Σ of the best segment times, so it equals the sum
 *   of the best segments by construction and is never slower than the best
 *   lap (the best lap is a candidate in every segment).
 * - A corner across the start/finish line is cut at the line instead of
 *   being lost; overlapping corners are clipped so segments tile the lap.
 * - Too few laps is a diagnostic, not a swallowed exception.
 *
 * Segment ids: `lapSegments` in `sdk/segments.ts`.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { gainsStage } from "./stage.ts";

export { segmentGains } from "./segment_gains.ts";
export { stitchTheoreticalLap } from "./theoretical_lap.ts";

export default definePlugin({
  id: "gains",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "Time on the table per corner and straight: consistency and composite (theoretical best) gains.",
  stages: [gainsStage],
});
