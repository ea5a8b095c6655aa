/**
 * The plugin's stages: `estimate-grip` (grip estimate and g-g diagram) and
 * `velocity-profile` (the optimal lap).
 *
 * @module
 */

import {
  analysisLaps,
  clockedLaps,
  defineStage,
  DistanceLapsKey,
  GgDiagramKey,
  GripEstimateKey,
  LapsKey,
  OptimalProfileKey,
} from "../../sdk/mod.ts";
import { createGgCollector } from "./gg_diagram.ts";
import { createGripTally } from "./grip_estimate.ts";
import { createLapGMeter } from "./lap_g.ts";
import { lineLaps, optimalProfile } from "./optimal_profile.ts";
import { vehicleFromGrip } from "./vehicle_estimate.ts";

/** Grip and g-g diagram of the analysis laps, from GPS-derived accelerations. */
export const estimateGripStage = defineStage({
  id: "estimate-grip",
  description: "Measures the g-g envelope, friction circle and acceleration curve the session shows.",
  consumes: { laps: LapsKey, distanceLaps: DistanceLapsKey },
  produces: { grip: GripEstimateKey, gg: GgDiagramKey },
  run(ctx, { laps, distanceLaps }) {
    const meter = createLapGMeter();
    const tally = createGripTally();
    const collector = createGgCollector();
    for (const { lap, grid, clock } of clockedLaps(analysisLaps(laps), distanceLaps)) {
      ctx.signal.throwIfAborted();
      const g = meter.measure(grid, clock.lengthM);
      if (!g) continue;
      tally.add(lap.number, g);
      collector.add(lap.number, g);
    }
    const grip = tally.result();
    if (!grip) {
      ctx.report({
        severity: "warning",
        code: "no_grip_estimate",
        message: "no complete flying lap with positions: grip and g-g diagram are empty",
      });
    }
    return { grip, gg: collector.result() };
  },
});

/** The physics-optimal lap on the best lap's grid. */
export const velocityProfileStage = defineStage({
  id: "velocity-profile",
  description:
    "Solves the fastest speed trace of the car (given, or estimated from the session's grip) on the driven line.",
  consumes: { laps: LapsKey, distanceLaps: DistanceLapsKey, grip: GripEstimateKey },
  produces: { profile: OptimalProfileKey },
  run(ctx, { laps, distanceLaps, grip }) {
    const chosen = lineLaps(laps, distanceLaps);
    if (!chosen) {
      ctx.report({
        severity: "warning",
        code: "no_optimal_lap",
        message: "no complete flying lap: no optimal lap",
      });
      return { profile: null };
    }
    const given = ctx.settings.vehicle;
    if (!given && !(grip && grip.frictionCircleG > 0)) {
      ctx.report({
        severity: "warning",
        code: "no_optimal_lap",
        message: "no vehicle given and no grip measured: no optimal lap (give one with --vehicle)",
      });
      return { profile: null };
    }
    const vehicle = given ?? vehicleFromGrip(grip!);
    const profile = optimalProfile(chosen, vehicle, given ? "given" : "estimated");
    if (!profile) {
      ctx.report({
        severity: "warning",
        code: "no_optimal_lap",
        message: "no lap has heading or positions to give the line's curvature: no optimal lap",
      });
    }
    return { profile };
  },
});
