/**
 * The `consistency` plugin: how repeatable the driver was, lap to lap and
 * corner by corner, with 0..100 scores.
 *
 * Formula (details, constants and their calibration in `scores.ts`): each
 * part scores 100 × 2^(−σ̂ / half), σ̂ being the spread with its
 * small-sample bias removed and `half` the spread that halves the score:
 * lap time 1 % of the lap, corner minimum speed 2 % of the corner's speed,
 * brake point 10 m, throttle commit 15 m. Corner score = 0.5 speed + 0.25
 * brake + 0.25 throttle; overall = 0.5 lap score + 0.5 mean corner score.
 * What is measured, on which laps, is in `measure.ts`.
 *
 * Better than the original (ENGINE.md §8): scores do not saturate on
 * short sessions (small-sample bias removed, provisional below 3 laps,
 * null below 2 instead of a perfect 100); constants are half-score spreads
 * stated in physical terms instead of bare exponents, checked on simulated
 * drivers of known spread; only corners that exist are scored, with their
 * sample counts; the lap set is the one every stage uses.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { consistencyStage } from "./stage.ts";

export default definePlugin({
  id: "consistency",
  version: "1.0.0",
  sdk: "^1.0",
  description: "Lap-time and per-corner consistency with 0..100 scores.",
  stages: [consistencyStage],
});
