/**
 * Tier 3 of the gains: per corner and straight segment of the gains
 * plugin, the driver's best time against the optimal lap's.
 *
 * @module
 */

import type { Gains, LapClock, SegmentPhysicsGain } from "../../sdk/mod.ts";
import { timeBetween } from "./corner_targets.ts";

/** Optimal time and tier-3 gain per segment of `gains` (metres on the best lap, as the optimal lap's grid). */
export function segmentPhysicsGains(gains: Gains, optimal: LapClock): SegmentPhysicsGain[] {
  return gains.segments.map(({ segment, bestS, bestLapS }) => {
    const optimalS = segment.endM - segment.startM >= optimal.lengthM
      ? optimal.lapTimeS
      : timeBetween(optimal, segment.startM, segment.endM);
    return { segment, optimalS, bestS, bestLapS, physicsS: bestS - optimalS };
  });
}
