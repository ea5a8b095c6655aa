/**
 * What to aim for in each of the session's corners, from the optimal lap:
 * the target minimum speed (the lowest optimal speed around the corner's
 * apex), the target brake point (where the optimal lap starts braking for
 * it), and the time the best lap loses against the optimal lap from the
 * earlier of the two brake points (or the entry) to the exit.
 *
 * Better than the original: the compared zone includes the braking zone,
 * where most time is lost (the original compared the heading-rate zone
 * only), and time costs are signed, never clamped to zero.
 *
 * @module
 */

import {
  type Corner,
  type CornerKpi,
  type CornerTarget,
  elapsedAt,
  type LapClock,
  type OptimalProfile,
} from "../../sdk/mod.ts";

/** The target minimum speed is sought within ± max(30 % of the corner's length, 20 m) of its apex. */
const APEX_WINDOW_SHARE = 0.3;
/** Smallest half-width of that window, m. */
const MIN_APEX_WINDOW_M = 20;
/** An optimal corner belongs to a session corner when its apex is at most this far outside entry..exit, m. */
const MATCH_MARGIN_M = 30;

/** The optimal lap as a clock on the reference grid. */
export function optimalClock(profile: OptimalProfile): LapClock {
  return {
    timeS: profile.timeS,
    stepM: profile.stepM,
    lengthM: profile.lapLengthM,
    lapTimeS: profile.lapTimeS,
  };
}

/** Time from `fromM` forward to `toM` on a closed lap (across the line when `toM` ≤ `fromM`), s. */
export function timeBetween(clock: LapClock, fromM: number, toM: number): number {
  const wrap = (m: number) => ((m % clock.lengthM) + clock.lengthM) % clock.lengthM;
  const from = wrap(fromM), to = wrap(toM);
  const start = elapsedAt(clock, from), end = elapsedAt(clock, to);
  return to > from ? end - start : end + clock.lapTimeS - start;
}

/**
 * Targets for `corners` (metres on the best lap) from `profile`; `kpis`
 * are the best lap's corner KPIs (empty when unknown) and `best` its clock.
 */
export function cornerTargets(
  profile: OptimalProfile,
  corners: readonly Corner[],
  kpis: readonly CornerKpi[],
  best: LapClock,
): CornerTarget[] {
  const optimal = optimalClock(profile);
  const lengthM = profile.lapLengthM;
  return corners.map((corner) => {
    // Distances relative to the apex, so a corner across the line needs no special case.
    const entryRel = relativeBefore(corner.entryM - corner.apexM, lengthM);
    const exitRel = relativeAfter(corner.exitM - corner.apexM, lengthM);
    const halfWindow = Math.max(APEX_WINDOW_SHARE * (exitRel - entryRel), MIN_APEX_WINDOW_M);
    const target = lowestSpeed(
      profile,
      corner.apexM + Math.max(entryRel, -halfWindow),
      corner.apexM + Math.min(exitRel, halfWindow),
    );
    const brake = targetBrakePoint(profile, corner, entryRel, exitRel, target.m);
    const kpi = kpis.find((k) => k.corner === corner.number) ?? null;
    const driverBrake = kpi?.brakePointM ?? null;
    // The zone starts at the entry or at the earlier brake point (a brake point after the apex is ignored).
    const zoneStartRel = Math.min(
      entryRel,
      brake === null ? 0 : signedGapM(brake, corner.apexM, lengthM),
      driverBrake === null ? 0 : signedGapM(driverBrake, corner.apexM, lengthM),
    );
    const zoneStartM = wrapM(corner.apexM + zoneStartRel, lengthM);
    const zoneEndM = wrapM(corner.apexM + exitRel, lengthM);
    const optimalS = timeBetween(optimal, zoneStartM, zoneEndM);
    const bestLapS = timeBetween(best, zoneStartM, zoneEndM);
    return {
      corner: corner.number,
      label: corner.label,
      targetMinSpeedMps: target.speedMps,
      targetMinSpeedM: target.m,
      driverMinSpeedMps: kpi?.minSpeedMps ?? null,
      speedGapMps: kpi ? target.speedMps - kpi.minSpeedMps : null,
      targetBrakePointM: brake,
      driverBrakePointM: driverBrake,
      brakeGapM: brake === null || driverBrake === null ? null : signedGapM(driverBrake, brake, lengthM),
      zoneStartM,
      zoneEndM,
      optimalS,
      bestLapS,
      timeCostS: bestLapS - optimalS,
    };
  });
}

/** Lowest optimal speed from `fromM` to `toM` (either may lie beyond the line) and where it is. */
function lowestSpeed(profile: OptimalProfile, fromM: number, toM: number): { speedMps: number; m: number } {
  const n = profile.speedMps.length;
  const first = Math.round(fromM / profile.stepM), last = Math.round(toM / profile.stepM);
  let best = ((first % n) + n) % n;
  for (let k = first; k <= last; k++) {
    const i = ((k % n) + n) % n;
    if (profile.speedMps[i] < profile.speedMps[best]) best = i;
  }
  return { speedMps: profile.speedMps[best], m: best * profile.stepM };
}

/**
 * The brake point of the optimal corner that belongs to `corner` (its apex
 * within entry..exit ± 30 m, the nearest to the target minimum), or null.
 */
function targetBrakePoint(
  profile: OptimalProfile,
  corner: Corner,
  entryRel: number,
  exitRel: number,
  targetM: number,
): number | null {
  const lengthM = profile.lapLengthM;
  let chosen: number | null = null, nearest = Infinity;
  for (const optimal of profile.corners) {
    const rel = signedGapM(optimal.apexM, corner.apexM, lengthM);
    if (rel < entryRel - MATCH_MARGIN_M || rel > exitRel + MATCH_MARGIN_M) continue;
    const distance = Math.abs(signedGapM(optimal.apexM, targetM, lengthM));
    if (distance < nearest) {
      nearest = distance;
      chosen = optimal.brakePointM;
    }
  }
  return chosen;
}

/** `a − b` on a closed lap, in (−length/2, length/2]. */
function signedGapM(a: number, b: number, lengthM: number): number {
  let d = (a - b) % lengthM;
  if (d > lengthM / 2) d -= lengthM;
  if (d <= -lengthM / 2) d += lengthM;
  return d;
}

/** An offset that should be ≤ 0 (entry before apex), unwrapped. */
function relativeBefore(offsetM: number, lengthM: number): number {
  const d = offsetM % lengthM;
  return d > 0 ? d - lengthM : d;
}

/** An offset that should be ≥ 0 (exit after apex), unwrapped. */
function relativeAfter(offsetM: number, lengthM: number): number {
  const d = offsetM % lengthM;
  return d < 0 ? d + lengthM : d;
}

function wrapM(m: number, lengthM: number): number {
  return ((m % lengthM) + lengthM) % lengthM;
}
