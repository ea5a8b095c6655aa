/**
 * One corner summarised over the analysed laps: medians, the best lap's
 * values and spreads of the KPIs instead of every lap (so the context does
 * not grow with the session), the gains in the corner and on the straight
 * after it, the physics target, and the grades.
 *
 * @module
 */

import type {
  ApexType,
  Consistency,
  Corner,
  CornerCoachingSummary,
  CornerKpi,
  CornerTargetSummary,
  Gains,
  LapDelta,
  PhysicsGains,
} from "../../sdk/mod.ts";
import { gradeCorner } from "./grades.ts";
import { lapSpread, lapSpreadWithBest } from "./lap_spread.ts";

const KMH_PER_MPS = 3.6;

/** What the per-corner summaries are computed from. */
export interface CornerSummaryInputs {
  /** The session's corners. */
  corners: readonly Corner[];
  /** Per analysed lap (same order as `lapNumbers`), its corner KPIs by corner number. */
  kpisByLap: readonly ReadonlyMap<number, CornerKpi>[];
  /** Index of the best lap in `kpisByLap`, or -1. */
  bestIndex: number;
  /** Best lap's number, or null. */
  bestLap: number | null;
  /** Gains, or null. */
  gains: Gains | null;
  /** Delta-T of every analysed lap against the best lap (others are ignored). */
  delta: readonly LapDelta[];
  /** Physics tier and targets, or null. */
  physicsGains: PhysicsGains | null;
  /** Consistency, or null. */
  consistency: Consistency | null;
}

/** Summaries of every corner some analysed lap has KPIs for, in corner order. */
export function summariseCorners(inputs: CornerSummaryInputs): CornerCoachingSummary[] {
  return inputs.corners.flatMap((corner) => summariseCorner(corner, inputs) ?? []);
}

function summariseCorner(corner: Corner, inputs: CornerSummaryInputs): CornerCoachingSummary | null {
  const { kpisByLap, bestIndex } = inputs;
  const kpis = kpisByLap.map((byCorner) => byCorner.get(corner.number) ?? null);
  const pick = (f: (k: CornerKpi) => number | null) => kpis.map((k) => (k ? f(k) : null));
  const minSpeedKmh = lapSpreadWithBest(pick((k) => k.minSpeedMps * KMH_PER_MPS), bestIndex, false);
  const timeInCornerS = lapSpreadWithBest(pick((k) => k.timeInCornerS), bestIndex, true);
  if (!minSpeedKmh || !timeInCornerS) return null;
  const brakePointM = lapSpread(pick((k) => k.brakePointM), bestIndex);
  const peakBrakeG = lapSpreadWithBest(pick((k) => k.peakBrakeG), bestIndex, false);
  const throttleCommitM = lapSpread(pick((k) => k.throttleCommitM), bestIndex);
  const { consistencyGainS, compositeGainS, exitStraightGainS } = cornerGains(corner, inputs.gains);
  const target = cornerTarget(corner, inputs.physicsGains);
  const consistencyScore = inputs.consistency?.corners.find((c) => c.corner === corner.number)?.score ?? null;
  return {
    corner: corner.number,
    label: corner.label,
    name: corner.name,
    direction: corner.direction,
    braking: corner.braking,
    minSpeedKmh,
    brakePointM,
    peakBrakeG,
    throttleCommitM,
    timeInCornerS,
    apexType: mostCommonApexType(kpis),
    consistencyGainS,
    compositeGainS,
    exitStraightGainS,
    meanDeltaS: meanCornerDelta(corner.number, inputs.bestLap, inputs.delta),
    target,
    consistencyScore,
    timeOnTableS: (consistencyGainS ?? 0) + (exitStraightGainS ?? 0),
    grades: gradeCorner({
      braking: corner.braking,
      brakePointM,
      peakBrakeG,
      minSpeedKmh,
      throttleCommitM,
      target,
      consistencyScore,
    }),
  };
}

/**
 * Tier 1 and 2 gains of the corner's segments (a corner cut by the line has
 * two) and tier 1 of the straight right after its main segment.
 */
function cornerGains(
  corner: Corner,
  gains: Gains | null,
): { consistencyGainS: number | null; compositeGainS: number | null; exitStraightGainS: number | null } {
  if (!gains) return { consistencyGainS: null, compositeGainS: null, exitStraightGainS: null };
  let consistencyGainS = 0, compositeGainS = 0, found = false;
  let exitStraightGainS: number | null = null;
  gains.segments.forEach((s, i) => {
    if (s.segment.kind !== "corner" || s.segment.corner !== corner.number) return;
    found = true;
    consistencyGainS += s.consistencyS;
    compositeGainS += s.compositeS;
    const next = gains.segments[(i + 1) % gains.segments.length];
    if (s.segment.id === corner.label && next.segment.kind === "straight") {
      exitStraightGainS = next.consistencyS;
    }
  });
  return found
    ? { consistencyGainS, compositeGainS, exitStraightGainS }
    : { consistencyGainS: null, compositeGainS: null, exitStraightGainS: null };
}

/** The corner's physics target in display units, or null. */
function cornerTarget(corner: Corner, physics: PhysicsGains | null): CornerTargetSummary | null {
  const t = physics?.corners.find((c) => c.corner === corner.number);
  if (!t) return null;
  return {
    minSpeedKmh: t.targetMinSpeedMps * KMH_PER_MPS,
    speedGapKmh: t.speedGapMps === null ? null : t.speedGapMps * KMH_PER_MPS,
    brakePointM: t.targetBrakePointM,
    brakeGapM: t.brakeGapM,
    timeCostS: t.timeCostS,
  };
}

/** Mean time lost in the corner by the other laps against the best lap, s; null without other laps. */
function meanCornerDelta(corner: number, bestLap: number | null, delta: readonly LapDelta[]): number | null {
  let sum = 0, n = 0;
  for (const d of delta) {
    if (d.reference !== bestLap || d.lap === bestLap) continue;
    const c = d.corners.find((x) => x.corner === corner);
    if (c && Number.isFinite(c.cornerS)) {
      sum += c.cornerS;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** The apex type most laps share (ties: on-time, then early, then late). */
function mostCommonApexType(kpis: readonly (CornerKpi | null)[]): ApexType {
  const counts: Record<ApexType, number> = { "on-time": 0, early: 0, late: 0 };
  for (const k of kpis) if (k) counts[k.apexType]++;
  return (["on-time", "early", "late"] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
}
