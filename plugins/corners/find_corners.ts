/**
 * Corners of a reference trace: every place where the driver slows for a
 * bend, found from speed and curvature together.
 *
 * 1. Dips: local minima of the reference speed at least 4 km/h below the
 *    lower of their two neighbouring maxima (see `speed_dips.ts`), the
 *    truth files' definition applied to what the driver did.
 * 2. A dip across a change of turn direction is cut into its corners (see
 *    `corner_spans.ts`), so a fast kink taken with a brief lift before a
 *    slower bend of the other hand keeps its own corner.
 * 3. The line must bend: |curvature| (20 m mean) above 1/500 per m within
 *    60 m of the minimum, so a lift on a straight is not a corner.
 * 4. The apex is where the minimum speed is first reached (the start of any
 *    hold at it). Neighbouring corners meet where the car is fastest between
 *    their apexes (where the line straightens, if the driver holds one
 *    speed through an S); entry and exit are where |curvature| (20 m mean)
 *    falls below 1/500 per m, never past those meeting points.
 *
 * The trace is closed, so a corner may start before the line (negative
 * `entryM`) or end after it (`exitM` beyond the lap): it belongs to the lap
 * its apex is on. A trace that does not join up at the line (one lap ending
 * into the pits) is cut there instead.
 *
 * @module
 */

import { type Corner, longitudinalG } from "../../sdk/mod.ts";
import { periodicExtension, periodicWindow } from "./lap_window.ts";
import { brakingBefore, LONG_G_WINDOW_M, SEARCH_M } from "./pedal_events.ts";
import { cornerSpans, type Span, type SpanTrace } from "./corner_spans.ts";
import { periodicMovingAverage, type ReferenceTrace } from "./reference_trace.ts";
import { speedDips } from "./speed_dips.ts";
import { HOLD_MPS, type SpeedMinimum, speedMinimum } from "./speed_minimum.ts";

/** A corner's speed dip is at least this deep, m/s (4 km/h). */
export const MIN_DROP_MPS = 4 / 3.6;
/** The line bends where |curvature| averaged over {@linkcode CURVATURE_MEAN_M} is above this, 1/m. */
export const BEND_CURVATURE = 1 / 500;
/** Curvature is averaged over this distance for the bend test, m. */
export const CURVATURE_MEAN_M = 20;
/** A dip is a corner only if the line bends within this distance of its minimum, m. */
const BEND_SEARCH_M = 60;
/** After a split at a change of direction, a side is its own corner if its apex is this far inside it, m. */
const SETTLE_M = 10;

/**
 * The corners of a reference trace in lap order, numbered 1..N and
 * labelled `C1`...; no official names (see `official_corners.ts`).
 */
export function findCorners(reference: ReferenceTrace): Corner[] {
  const { points: n, stepM, speedMps } = reference;
  const meanPoints = Math.max(1, Math.round(CURVATURE_MEAN_M / stepM));
  const bend = periodicMovingAverage(reference.curvature.map(Math.abs), meanPoints);
  const signed = periodicMovingAverage(reference.curvature, meanPoints);
  const at = (values: Float64Array, i: number) => values[((i % n) + n) % n];
  // Spans use unwrapped indices in -n..2n; the speed is extended by a lap each side to match.
  const speedAround = periodicExtension(speedMps, n);
  const minimumOf = (span: Span): SpeedMinimum => {
    const { index, speedMps } = speedMinimum(speedAround, span.from + n, span.to + n);
    return { index: index - n, speedMps };
  };
  const apexOf = (span: Span) => minimumOf(span).index;
  const settle = Math.round(SETTLE_M / stepM);
  const search = Math.round(BEND_SEARCH_M / stepM);
  const bendsAt = (i: number) => at(bend, i) >= BEND_CURVATURE;
  const spanTrace: SpanTrace = {
    curvatureAt: (i) => at(signed, i),
    minimumOf,
    bendCurvature: BEND_CURVATURE,
    settlePoints: settle,
    searchPoints: search,
  };

  const spans: Span[] = [];
  for (const dip of speedDips(speedMps, MIN_DROP_MPS)) {
    let from = dip.leftMaxIndex > dip.minIndex ? dip.leftMaxIndex - n : dip.leftMaxIndex;
    let to = dip.rightMaxIndex < dip.minIndex ? dip.rightMaxIndex + n : dip.rightMaxIndex;
    if (!reference.closed) {
      // An open trace is cut at the line (see below for minima at the cut).
      from = Math.max(from, 0);
      to = Math.min(to, n - 1);
    }
    spans.push(...cornerSpans({ from, to }, spanTrace));
  }

  const apexes: number[] = [];
  for (const span of spans) {
    const apex = apexOf(span);
    // On an open trace, a minimum at the cut only exists because the two ends do not meet.
    const atCut = (apex - span.from < settle && span.from === 0) ||
      (span.to - apex < settle && span.to === n - 1);
    if (reference.closed || !atCut) {
      let bends = false;
      for (let i = Math.max(span.from, apex - search); i <= Math.min(span.to, apex + search) && !bends; i++) {
        bends = bendsAt(i);
      }
      if (bends) apexes.push(((apex % n) + n) % n);
    }
  }
  apexes.sort((a, b) => a - b);

  const window = periodicWindow(speedMps, stepM, Math.ceil(SEARCH_M / stepM));
  const longG = longitudinalG(window.lap, LONG_G_WINDOW_M);
  // Neighbouring corners meet where the car is fastest between them (as the truth files' corners
  // meet at the physics-limit speed's maxima); where the driver holds one speed from one apex to
  // the next (an S taken at one speed), where the line is straightest.
  const meeting = (a: number, b: number) => {
    let fastest = a + 1, straightest = a + 1;
    for (let i = a + 2; i < b; i++) {
      if (at(speedMps, i) > at(speedMps, fastest)) fastest = i;
      if (Math.abs(at(signed, i)) < Math.abs(at(signed, straightest))) straightest = i;
    }
    const held = at(speedMps, fastest) <= Math.max(at(speedMps, a), at(speedMps, b)) + HOLD_MPS;
    return held ? straightest : fastest;
  };
  const turnNear = (apex: number) => {
    for (let d = 0; d <= search; d++) {
      if (Math.abs(at(signed, apex - d)) >= BEND_CURVATURE) return Math.sign(at(signed, apex - d));
      if (Math.abs(at(signed, apex + d)) >= BEND_CURVATURE) return Math.sign(at(signed, apex + d));
    }
    return at(signed, apex) < 0 ? -1 : 1;
  };
  return apexes.map((apex, k): Corner => {
    // An open trace ends at the line.
    const previous = k > 0 ? apexes[k - 1] : reference.closed ? apexes[apexes.length - 1] - n : -1;
    const next = k + 1 < apexes.length ? apexes[k + 1] : reference.closed ? apexes[0] + n : n;
    const from = previous < 0 && !reference.closed ? 0 : meeting(previous, apex);
    const to = next >= n && !reference.closed ? n - 1 : meeting(apex, next);
    let entry = apex;
    while (entry > from && bendsAt(entry - 1)) entry--;
    let exit = apex;
    while (exit < to && bendsAt(exit + 1)) exit++;
    // The corner turns the way the line bends nearest its apex; its geometric apex is where it
    // bends that way most (a tail of the previous bend inside its bounds does not count).
    const turn = turnNear(apex);
    let geometric = apex;
    for (let i = entry; i <= exit; i++) {
      if (turn * at(signed, i) > turn * at(signed, geometric)) geometric = i;
    }
    const peakCurvature = at(signed, geometric);
    return {
      number: k + 1,
      label: `C${k + 1}`,
      name: null,
      officialNumbers: [],
      direction: turn > 0 ? "left" : "right",
      entryM: entry * stepM,
      apexM: apex * stepM,
      exitM: exit * stepM,
      geometricApexM: geometric * stepM,
      peakCurvature,
      braking: brakingBefore(longG, apex + window.offsetPoints, stepM) !== null,
    };
  });
}
