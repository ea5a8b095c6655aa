/**
 * The coaching context: the whole session reduced to what a coach needs,
 * deterministically (the same artifacts always give the same context), and
 * in a size that does not grow with the number of laps: each corner's KPIs
 * are summarised (median, best lap, spread) instead of listed per lap as the
 * original did.
 *
 * @module
 */

import {
  analysisLaps,
  bestLap as findBestLap,
  type CoachingContext,
  type Consistency,
  type Corner,
  type CornerKpi,
  type Gains,
  type Lap,
  type LapCornerKpis,
  type LapDelta,
  type LapTagging,
  mean,
  type PhysicsGains,
  sampleStd,
  type TrackMatch,
  userExclusion,
} from "../../sdk/mod.ts";
import { summariseCorners } from "./corner_summary.ts";

/** The artifacts a context is built from; the later ones may be missing (their stage did not run). */
export interface CoachingInputs {
  /** The circuit, or null. */
  track: TrackMatch | null;
  /** Every lap. */
  laps: readonly Lap[];
  /** The corners. */
  corners: readonly Corner[];
  /** Corner KPIs per lap. */
  cornerKpis: readonly LapCornerKpis[];
  /** Gains tiers 1 and 2, or null. */
  gains?: Gains | null;
  /** Consistency, or null. */
  consistency?: Consistency | null;
  /** Delta-T per lap. */
  delta?: readonly LapDelta[] | null;
  /** Physics tier and targets, or null. */
  physicsGains?: PhysicsGains | null;
  /** Automatic lap tags (only analysed laps' tags are kept). */
  lapTags?: readonly LapTagging[] | null;
  /** The driver's own tags by lap number (the run settings' `userLapTags`). */
  userLapTags?: Readonly<Record<string, readonly string[]>>;
}

/** Builds the context; null when the session has no analysed lap. */
export function buildCoachingContext(inputs: CoachingInputs): CoachingContext | null {
  const analysed = analysisLaps(inputs.laps);
  const best = findBestLap(inputs.laps);
  if (analysed.length === 0 || !best) return null;
  const kpisOf = new Map(inputs.cornerKpis.map((l) => [l.lap, l.corners]));
  const kpisByLap = analysed.map((lap) =>
    new Map((kpisOf.get(lap.number) ?? []).map((k: CornerKpi) => [k.corner, k]))
  );
  const bestIndex = analysed.indexOf(best);
  const corners = summariseCorners({
    corners: inputs.corners,
    kpisByLap,
    bestIndex,
    bestLap: best.number,
    gains: inputs.gains ?? null,
    delta: inputs.delta ?? [],
    physicsGains: inputs.physicsGains ?? null,
    consistency: inputs.consistency ?? null,
  });
  const times = analysed.map((lap) => lap.timeS!);
  const analysedNumbers = new Set(analysed.map((lap) => lap.number));
  const ranking = [...corners]
    .sort((a, b) => b.timeOnTableS - a.timeOnTableS || a.corner - b.corner)
    .map((c) => c.corner);
  const physics = inputs.physicsGains ?? null;
  const consistency = inputs.consistency ?? null;
  return {
    track: inputs.track ? { name: inputs.track.track.name, lengthM: inputs.track.track.lengthM } : null,
    totalLaps: inputs.laps.length,
    laps: analysed.map((lap) => ({ lap: lap.number, timeS: lap.timeS! })),
    bestLap: best.number,
    bestLapTimeS: best.timeS,
    meanLapTimeS: mean(times),
    lapTimeStdS: times.length >= 2 ? sampleStd(times) : null,
    theoreticalBestS: inputs.gains?.theoreticalBestS ?? null,
    optimalLapTimeS: physics?.optimalLapTimeS ?? null,
    vehicleSource: physics?.vehicleSource ?? null,
    consistency: consistency
      ? { score: consistency.score, lapScore: consistency.lapScore, provisional: consistency.provisional }
      : null,
    corners,
    ranking,
    flaggedLaps: (inputs.lapTags ?? [])
      .filter((t) => analysedNumbers.has(t.lap) && t.tags.some((tag) => tag !== "clean"))
      .map((t) => ({ lap: t.lap, tags: t.tags.filter((tag) => tag !== "clean") })),
    driverTags: Object.entries(inputs.userLapTags ?? {})
      .map(([lap, tags]) => ({ lap: Number(lap), tags: [...tags], leftOut: userExclusion(tags) !== null }))
      .filter((t) => t.tags.length > 0 && inputs.laps.some((l) => l.number === t.lap))
      .sort((a, b) => a.lap - b.lap),
  };
}
