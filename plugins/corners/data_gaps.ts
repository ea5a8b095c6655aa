/**
 * Where a lap's grid holds no speed measurement: the stretches the
 * resampler bridged with straight lines because the logger has no samples
 * there (dropouts). Rows dropped for poor GPS accuracy or too few
 * satellites still measure speed (their `speedSamples`), so they are not
 * gaps here. A pedal event read in a gap would be an artefact of the
 * bridge (a linear speed ramp looks like steady braking), so the KPIs
 * leave it unmeasured.
 *
 * @module
 */

import { firstAtOrAbove } from "../../sdk/mod.ts";
import type { LapWindow } from "./lap_window.ts";

/** Samples further apart than this many typical logging periods have a gap between them. */
const GAP_PERIODS = 3;

/**
 * 1 at every point of `window` that lies strictly inside a gap (longer
 * than `gapS`, see {@linkcode gapThresholdS}) between consecutive speed
 * samples (`sessionTimeS`, ascending, on the session's time axis: its
 * rows, or those of the SDK's `measuredSpeed`), or null when the window has
 * no gap. `lapStartTimeS` is the lap's start crossing on the session's
 * time axis.
 */
export function bridgedPoints(
  window: LapWindow,
  lapStartTimeS: number,
  sessionTimeS: Float64Array,
  gapS: number,
): Uint8Array | null {
  const lapTime = window.lap.channels.timeS;
  const fromS = lapStartTimeS + lapTime[0], toS = lapStartTimeS + lapTime[lapTime.length - 1];
  const firstRow = Math.max(1, firstAtOrAbove(sessionTimeS, fromS));
  const lastRow = Math.min(sessionTimeS.length - 1, firstAtOrAbove(sessionTimeS, toS));
  let mask: Uint8Array | null = null;
  for (let row = firstRow; row <= lastRow; row++) {
    if (!(sessionTimeS[row] - sessionTimeS[row - 1] > gapS)) continue;
    mask ??= new Uint8Array(window.lap.points);
    const startS = sessionTimeS[row - 1] - lapStartTimeS, endS = sessionTimeS[row] - lapStartTimeS;
    for (let i = firstAtOrAbove(lapTime, startS); i < lapTime.length && lapTime[i] < endS; i++) {
      if (lapTime[i] > startS) mask[i] = 1;
    }
  }
  return mask;
}

/** Whether any point from `from` to `to` (inclusive, clamped) is set in `mask`. */
export function anySet(mask: Uint8Array | null, from: number, to: number): boolean {
  if (!mask) return false;
  for (let i = Math.max(0, from); i <= Math.min(mask.length - 1, to); i++) if (mask[i]) return true;
  return false;
}

/**
 * Samples further apart than this have a gap between them, s: a few
 * logging periods (the median spacing of up to 1000 sampled steps of the
 * time axis); Infinity for fewer than two samples.
 */
export function gapThresholdS(sessionTimeS: Float64Array): number {
  const stride = Math.max(1, Math.floor(sessionTimeS.length / 1000));
  const steps: number[] = [];
  for (let i = stride; i < sessionTimeS.length; i += stride) {
    steps.push(sessionTimeS[i] - sessionTimeS[i - 1]);
  }
  steps.sort((a, b) => a - b);
  return steps.length > 0 ? GAP_PERIODS * steps[steps.length >> 1] : Infinity;
}
