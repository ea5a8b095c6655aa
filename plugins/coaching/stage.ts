/**
 * The `coaching-context` stage: the cheap, deterministic part of coaching
 * that belongs in the pipeline. The report itself (a paid, slow call) is
 * not a stage: the server writes it in a background job (`coach.ts`).
 *
 * @module
 */

import {
  CoachingContextKey,
  ConsistencyKey,
  CornerKpisKey,
  CornersKey,
  defineStage,
  DeltaKey,
  GainsKey,
  LapsKey,
  LapTagsKey,
  PhysicsGainsKey,
  TrackKey,
} from "../../sdk/mod.ts";
import { buildCoachingContext } from "./context.ts";

/** Summarises the session for a coach. */
export const coachingContextStage = defineStage({
  id: "coaching-context",
  description:
    "Summarises every corner over the analysed laps (median, best lap, spread), its gains, physics target and grades, and ranks the corners by time on the table.",
  consumes: {
    track: TrackKey,
    laps: LapsKey,
    corners: CornersKey,
    cornerKpis: CornerKpisKey,
    gains: GainsKey,
    consistency: ConsistencyKey,
    delta: DeltaKey,
    physicsGains: PhysicsGainsKey,
    lapTags: LapTagsKey,
  },
  produces: { context: CoachingContextKey },
  run(ctx, inputs) {
    const context = buildCoachingContext({ ...inputs, userLapTags: ctx.settings.userLapTags });
    if (!context) {
      ctx.report({
        severity: "info",
        code: "no_analysed_lap",
        message: "no complete counted lap, so there is nothing to coach from",
      });
    } else if (context.corners.length === 0) {
      ctx.report({
        severity: "info",
        code: "no_corners",
        message: "no corners were found, so coaching can only speak about lap times",
      });
    }
    return { context };
  },
});
