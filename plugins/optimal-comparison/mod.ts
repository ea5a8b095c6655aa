/**
 * The `optimal-comparison` plugin: the best lap against the physics-optimal
 * lap of the `velocity-profile` plugin. Per corner of the session: the
 * target minimum speed and brake point and what missing them costs
 * (`corner_targets.ts`); per corner and straight segment of the gains: the
 * third tier, the driver's best time minus the optimal time
 * (`segment_gains.ts`).
 *
 * Better than the original: costs and gaps are signed (a negative cost is
 * a place where the driver beat the model, shown instead of clamped away);
 * corner zones include the braking zone; the optimal lap is an
 * uncalibrated physical limit, not grip raised per corner to what the
 * driver already did.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { optimalComparisonStage } from "./stage.ts";

export default definePlugin({
  id: "optimal-comparison",
  version: "1.0.0",
  sdk: "^1.0",
  description:
    "The best lap against the physics-optimal lap: targets and time costs per corner, gains tier 3.",
  stages: [optimalComparisonStage],
});
