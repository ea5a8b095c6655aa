/**
 * The rules that turn the evidence into tags, with a plain-language reason
 * for each:
 * - `cool-down`: the in-lap (or a lap that never reached the line), the
 *   out-lap, and any lap slower than 1.15 × the median analysis lap or
 *   slow in most corners (at least 3, and half of those compared) - unless
 *   the time was lost in one or two corners, which makes it a mistake lap;
 * - `mistake`: a corner taken far slower than usual (`corner_drops.ts`);
 * - `off-track`: a lateral excursion from the usual line through a corner
 *   (`line_excursions.ts`), or a lap the laps stage found cut short;
 * - `traffic-suspect`: a lift or braking away from corners where the other
 *   laps accelerate (`lifts.ts`);
 * - `poor-gps`: the lap overlaps a poor-GPS stretch (`poor_gps.ts`);
 * - `clean`: none of these.
 * Cool-down, in- and out-laps are not searched for mistakes, excursions or
 * lifts: a driver cruising slows everywhere.
 *
 * @module
 */

import type { AutoLapTag, GpsBadSpan, Lap, LapTagging } from "../../sdk/mod.ts";
import type { CornerDrops } from "./corner_drops.ts";
import type { LineExcursions } from "./line_excursions.ts";
import type { UnusualLift } from "./lifts.ts";
import { gpsProblemsOf } from "./poor_gps.ts";

/** Everything the tags are decided from; null parts could not be measured. */
export interface LapEvidence {
  /** Median time of the analysis laps, s. */
  medianLapTimeS: number | null;
  /** Corners far slower than usual. */
  drops: CornerDrops | null;
  /** Excursions from the usual line. */
  excursions: LineExcursions | null;
  /** Unusual lifts, by lap number. */
  lifts: Map<number, UnusualLift[]> | null;
  /** Poor-GPS stretches of the session. */
  badSpans: readonly GpsBadSpan[];
  /** Display label of each corner, by number (e.g. "T5"). */
  cornerLabels: ReadonlyMap<number, string>;
}

/** A lap slower than this × the median analysis lap is a cool-down lap. */
export const COOL_DOWN_RATIO = 1.15;
/** A lap with drops in at least this many corners ... */
const SLOW_EVERYWHERE_MIN_CORNERS = 3;
/** ... and at least this fraction of the corners compared is slow everywhere. */
const SLOW_EVERYWHERE_FRACTION = 0.5;

/** Tags every lap, in lap order. */
export function tagLaps(laps: readonly Lap[], evidence: LapEvidence): LapTagging[] {
  return laps.map((lap) => {
    const found: [AutoLapTag, string][] = [];
    const coolDown = coolDownReason(lap, evidence);
    if (coolDown) found.push(["cool-down", coolDown]);
    else found.push(...incidents(lap, evidence));
    const gps = gpsProblemsOf(lap, evidence.badSpans);
    if (gps.length > 0) {
      found.push([
        "poor-gps",
        gps.map((p) =>
          `${p.durationS.toFixed(1)} s of poor GPS from ${p.fromLapS.toFixed(1)} s into the lap (${p.reason})`
        )
          .join("; "),
      ]);
    }
    if (found.length === 0) found.push(["clean", cleanReason(lap, evidence)]);
    return { lap: lap.number, tags: found.map(([tag]) => tag), reasons: found.map(([, reason]) => reason) };
  });
}

function coolDownReason(lap: Lap, evidence: LapEvidence): string | null {
  if (!lap.complete) return "in-lap: did not reach the line";
  if (lap.kind === "in") return "in-lap: back to the pits";
  const pace = paceText(lap, evidence.medianLapTimeS);
  if (lap.kind === "out") return `out-lap from the pits${pace}`;
  const ratio = evidence.medianLapTimeS ? lap.timeS! / evidence.medianLapTimeS : 1;
  const drops = evidence.drops?.byLap.get(lap.number) ?? [];
  const compared = evidence.drops?.cornersCompared ?? 0;
  const slowEverywhere = drops.length >= SLOW_EVERYWHERE_MIN_CORNERS &&
    drops.length >= SLOW_EVERYWHERE_FRACTION * compared;
  if (slowEverywhere) {
    return `slow everywhere: ${drops.length} of ${compared} corners more than ${
      percent(evidence.drops!.thresholdFraction)
    } below your usual minimum speed${pace}`;
  }
  if (ratio > COOL_DOWN_RATIO && drops.length === 0) return `slow lap${pace}`;
  return null;
}

function incidents(lap: Lap, evidence: LapEvidence): [AutoLapTag, string][] {
  const out: [AutoLapTag, string][] = [];
  const label = (n: number) => evidence.cornerLabels.get(n) ?? `C${n}`;
  const offTrack: string[] = [];
  if (lap.excludedReason?.includes("shorter")) offTrack.push(`lap ${lap.excludedReason}`);
  for (const e of evidence.excursions?.byLap.get(lap.number) ?? []) {
    offTrack.push(
      `${Math.abs(e.peakOffsetM).toFixed(1)} m ${
        e.peakOffsetM > 0 ? "left" : "right"
      } of your usual line through ${label(e.corner)} for ${e.lengthM.toFixed(0)} m`,
    );
  }
  if (offTrack.length > 0) out.push(["off-track", offTrack.join("; ")]);
  const drops = evidence.drops?.byLap.get(lap.number) ?? [];
  if (drops.length > 0) {
    const slow = drops.map((d) =>
      `${label(d.corner)} at ${kmh(d.minSpeedMps)} km/h, ${kmh(d.usualMps - d.minSpeedMps)} km/h (${
        percent(d.dropFraction)
      }) below your usual ${kmh(d.usualMps)} km/h`
    );
    out.push(["mistake", slow.join("; ") + paceText(lap, evidence.medianLapTimeS)]);
  }
  const lifts = evidence.lifts?.get(lap.number) ?? [];
  if (lifts.length > 0) {
    const text = lifts.map((l) =>
      `${l.peakDecelG.toFixed(2)} g deceleration for ${(l.toM - l.fromM).toFixed(0)} m at ${
        l.fromM.toFixed(0)
      } m${
        l.afterCorner === null ? "" : ` (after ${label(l.afterCorner)})`
      } where your other laps accelerate at ${l.usualG.toFixed(2)} g`
    );
    out.push(["traffic-suspect", `lifted or braked away from corners: ${text.join("; ")}`]);
  }
  return out;
}

function cleanReason(lap: Lap, evidence: LapEvidence): string {
  const checks: string[] = [];
  if (evidence.drops) {
    checks.push(`every corner within ${percent(evidence.drops.thresholdFraction)} of your usual speed`);
  }
  if (evidence.excursions) {
    checks.push(`on your usual line within ${evidence.excursions.thresholdM.toFixed(1)} m`);
  }
  if (evidence.lifts) checks.push("no unusual lift");
  const pace = paceText(lap, evidence.medianLapTimeS).replace(/^ \(|\)$/g, "");
  if (checks.length === 0) return `${pace || "complete lap"}; not compared with other laps (fewer than 3)`;
  return `${pace}; ${checks.join(", ")}`;
}

/** " (112.3 s, 1.09 × the median 103.1 s)", or the time alone without a median. */
function paceText(lap: Lap, medianS: number | null): string {
  if (lap.timeS === null) return "";
  if (!medianS) return ` (${lap.timeS.toFixed(1)} s)`;
  return ` (${lap.timeS.toFixed(1)} s, ${(lap.timeS / medianS).toFixed(2)} × the median ${
    medianS.toFixed(1)
  } s)`;
}

const kmh = (mps: number) => (mps * 3.6).toFixed(0);
const percent = (fraction: number) => `${(100 * fraction).toFixed(0)} %`;
