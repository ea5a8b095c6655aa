/**
 * The `velocity-profile` plugin: the fastest lap the session's car could
 * physically drive on the session's own line, and the grip it shows.
 *
 * - `estimate-grip`: lateral and longitudinal g from GPS alone (v²·κ and
 *   Δ(v²/2)/Δs, see `lap_g.ts`), then 99th percentiles by speed band: the
 *   g-g envelope, friction circle, braking and traction limits and the
 *   acceleration curve (`grip_estimate.ts`); the g-g diagram per lap
 *   (`gg_diagram.ts`).
 * - `velocity-profile`: curvature of the driven line (median of the
 *   fastest laps, `curvature.ts`), a vehicle (`settings.vehicle`, else
 *   estimated from the grip, `vehicle_estimate.ts`), forward/backward
 *   passes inside the friction ellipse with power, drag and rolling
 *   resistance (`solver.ts`), and the optimal lap's corners with target
 *   minimum speed, brake point and time cost (`optimal_corners.ts`).
 *
 * For predictions without a session (`deno task validate-physics`): a
 * vehicle from a car's published specs and tyre category (the SDK's
 * `car_specs.ts`) on a circuit's reference line with its
 * gradient and banking where the circuit's data has them (`circuit_line.ts`).
 *
 * Better than the original: one documented model with the car's own
 * parameters and no correction factors; grip is never calibrated up per
 * corner to what the driver did (a circular benchmark), so the optimal lap
 * stays a physical limit; works for loggers without accelerometer
 * channels; closed circuits without tripling the lap; linear time
 * (a few milliseconds per lap instead of seconds).
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { estimateGripStage, velocityProfileStage } from "./stages.ts";

export { type CircuitLine, circuitLine } from "./circuit_line.ts";
export { type RoadShape, solveClosedLap, type SolvedLap } from "./solver.ts";

export default definePlugin({
  id: "velocity-profile",
  version: "1.0.0",
  sdk: "^1.0",
  description: "The physics-optimal lap of the session's car on its own line, and the grip it shows.",
  stages: [estimateGripStage, velocityProfileStage],
});
