/**
 * Laps from crossings: lap n runs from the n-th crossing to the next; the
 * stretch after the last crossing is an unfinished lap. Each lap is labelled
 * out / flying / in and checked against the session's typical distance and
 * time; a lap the driver tagged as not representative (traffic, off-line,
 * experimental, cold tyres) is kept but not counted.
 *
 * @module
 */

import {
  firstAbove,
  type Lap,
  type LapKind,
  type Reporter,
  type Session,
  userExclusion,
} from "../../sdk/mod.ts";
import { odometerOf } from "./odometer.ts";

/** Below this speed the car is stopped (pits, grid), m/s. */
const STOPPED_MPS = 3;
/**
 * A lap after a stop is an out-lap when the car stopped within this
 * distance before the lap's start (a pit lane is shorter); a car that
 * stopped further back (a spin mid-lap) starts its next lap at speed, m.
 */
const PIT_EXIT_M = 1000;
/** A lap shorter than this fraction of the median lap distance is dropped. */
const MIN_DISTANCE_FRACTION = 0.8;
/** A complete flying lap shorter than this fraction of the median distance was cut short: not counted. */
const CUT_DISTANCE_FRACTION = 0.97;
/** A lap slower than this multiple of the median flying lap is kept but not counted. */
const SLOW_TIME_RATIO = 1.5;
/** An unfinished lap shorter than this is no lap at all, m. */
const MIN_PARTIAL_M = 50;

/**
 * Builds the laps of a session from its crossing times (s, ascending);
 * `userLapTags` are the driver's own tags by lap number.
 */
export function buildLaps(
  session: Session,
  crossings: readonly number[],
  report: Reporter,
  userLapTags: Readonly<Record<string, readonly string[]>> = {},
): Lap[] {
  const { timeS, speedMps } = session.channels;
  const { distanceAt, timeAt } = odometerOf(session);
  const endTime = timeS[timeS.length - 1];
  const spans: { start: number; end: number; complete: boolean }[] = [];
  crossings.forEach((start, i) => {
    const complete = i + 1 < crossings.length;
    spans.push({ start, end: complete ? crossings[i + 1] : endTime, complete });
  });
  const stopped = (t0: number, t1: number) => minSpeed(timeS, speedMps, t0, t1) < STOPPED_MPS;
  // When the car was PIT_EXIT_M before where it is at `t`, s.
  const pitExitBefore = (t: number) => timeAt(distanceAt(t) - PIT_EXIT_M);

  let laps: Lap[] = spans.map((span, i) => {
    const kind: LapKind = !span.complete || stopped(span.start, span.end)
      ? "in"
      : stopped(i === 0 ? timeS[0] : Math.max(spans[i - 1].start, pitExitBefore(span.start)), span.start)
      ? "out"
      : "flying";
    return {
      number: i + 1,
      kind,
      startTimeS: span.start,
      endTimeS: span.end,
      timeS: span.complete ? span.end - span.start : null,
      distanceM: distanceAt(span.end) - distanceAt(span.start),
      complete: span.complete,
      included: false,
      excludedReason: null,
      startRow: firstAbove(timeS, span.start),
      endRow: span.complete ? firstAbove(timeS, span.end) : timeS.length,
    };
  });

  const medianDistance = median(laps.filter((l) => l.complete).map((l) => l.distanceM));
  laps = laps.filter((lap) => {
    const tooShort = lap.complete
      ? lap.distanceM < MIN_DISTANCE_FRACTION * medianDistance
      : lap.distanceM < MIN_PARTIAL_M;
    if (tooShort) {
      report({
        severity: "info",
        code: "short_lap_dropped",
        message: `lap ${lap.number} dropped: ${lap.distanceM.toFixed(0)} m is under ${
          lap.complete ? `${MIN_DISTANCE_FRACTION * 100} % of the median lap distance` : `${MIN_PARTIAL_M} m`
        }`,
      });
    }
    return !tooShort;
  });

  const medianTime = median(laps.filter((l) => l.complete && l.kind === "flying").map((l) => l.timeS!));
  for (const lap of laps) {
    lap.excludedReason = exclusionReason(lap, medianDistance, medianTime) ??
      userExclusion(userLapTags[lap.number]);
  }
  for (const lap of laps) lap.included = lap.excludedReason === null;
  return laps;
}

function exclusionReason(lap: Lap, medianDistance: number, medianTime: number): string | null {
  if (!lap.complete) return "did not reach the line";
  if (lap.kind === "out") return "out-lap";
  if (lap.kind === "in") return "in-lap";
  if (lap.distanceM < CUT_DISTANCE_FRACTION * medianDistance) {
    return `${(100 * (1 - lap.distanceM / medianDistance)).toFixed(1)} % shorter than the typical lap (cut?)`;
  }
  if (lap.timeS! > SLOW_TIME_RATIO * medianTime) {
    return `slower than ${SLOW_TIME_RATIO} × the median lap (${medianTime.toFixed(3)} s)`;
  }
  return null;
}

function minSpeed(timeS: Float64Array, speedMps: Float64Array, t0: number, t1: number): number {
  let min = Infinity;
  for (let i = firstAbove(timeS, t0); i < timeS.length && timeS[i] < t1; i++) {
    if (speedMps[i] < min) min = speedMps[i];
  }
  return min;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}
