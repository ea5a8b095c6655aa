/**
 * The `optimal-comparison` stage: the best lap against the optimal lap,
 * per corner (targets and time costs) and per segment (tier 3 of the gains).
 *
 * @module
 */

import {
  clockedAnalysisLaps,
  CornerKpisKey,
  CornersKey,
  defineStage,
  DistanceLapsKey,
  GainsKey,
  LapsKey,
  OptimalProfileKey,
  PhysicsGainsKey,
} from "../../sdk/mod.ts";
import { cornerTargets, optimalClock } from "./corner_targets.ts";
import { segmentPhysicsGains } from "./segment_gains.ts";

/** Driver vs optimal per corner and segment. */
export const optimalComparisonStage = defineStage({
  id: "optimal-comparison",
  description:
    "Compares the best lap with the optimal lap: target minimum speed, brake point and time cost per corner, and the physics tier of the gains per segment.",
  consumes: {
    profile: OptimalProfileKey,
    corners: CornersKey,
    kpis: CornerKpisKey,
    gains: GainsKey,
    laps: LapsKey,
    distanceLaps: DistanceLapsKey,
  },
  produces: { physics: PhysicsGainsKey },
  run(_ctx, { profile, corners, kpis, gains, laps, distanceLaps }) {
    if (!profile) return { physics: null }; // velocity-profile has said why
    const best = clockedAnalysisLaps(laps, distanceLaps).laps.find((l) =>
      l.lap.number === profile.referenceLap
    );
    if (!best) return { physics: null };
    const optimal = optimalClock(profile);
    const bestKpis = kpis.find((k) => k.lap === profile.referenceLap)?.corners ?? [];
    const theoreticalBestS = gains?.theoreticalBestS ?? null;
    return {
      physics: {
        vehicleSource: profile.vehicleSource,
        optimalLapTimeS: profile.lapTimeS,
        bestLapTimeS: profile.bestLapTimeS,
        bestLapToOptimalS: profile.bestLapTimeS - profile.lapTimeS,
        theoreticalBestS,
        physicsS: theoreticalBestS === null ? null : theoreticalBestS - profile.lapTimeS,
        segments: gains ? segmentPhysicsGains(gains, optimal) : [],
        corners: cornerTargets(profile, corners, bestKpis, best.clock),
      },
    };
  },
});
