/**
 * Corner KPIs of one lap: minimum speed and where, brake point and peak
 * braking, throttle commit, apex type and time in the corner, measured on
 * the lap's own speed.
 *
 * Better than the original:
 * - longitudinal acceleration is derived from speed, so every logger gets
 *   every KPI, IMU or not (the original silently gave none without its
 *   `calc` acceleration channel);
 * - the braking that counts is the one that serves this corner's minimum
 *   (see `pedal_events.ts`), not the first −0.1 g in a window hung off a
 *   heading-rate entry;
 * - the minimum's place is where the hold at the minimum starts (see
 *   `speed_minimum.ts`), so a brake point is never measured back from a
 *   point already on the throttle;
 * - a KPI that would be read where the logger measured no speed (a
 *   dropout bridged by a straight line) is reported unmeasured instead of
 *   guessed from the bridge.
 *
 * @module
 */

import {
  type ApexType,
  type Corner,
  type CornerKpi,
  createScratch,
  longitudinalG,
  movingAverage,
  timeAt,
  type UnmeasuredKpi,
} from "../../sdk/mod.ts";
import { anySet } from "./data_gaps.ts";
import { type LapWindow, metresAt, pointAt } from "./lap_window.ts";
import { brakingBefore, LONG_G_WINDOW_M, THROTTLE_HOLD_M, throttleCommitAfter } from "./pedal_events.ts";
import { speedMinimum } from "./speed_minimum.ts";

/** The lap's speed is averaged over this distance before its minimum is taken, m. */
const SPEED_SMOOTHING_M = 3;
/** A speed apex further than this share of the corner from the geometric apex is early or late. */
export const APEX_TOLERANCE = 0.1;

/** The lap's averaged speed and longitudinal g, rebuilt for every lap in the same buffers. */
const speedScratch = createScratch(), longGScratch = createScratch();

/**
 * The KPIs of every corner on the lap in `window`, in corner order.
 * `bridged` marks the points interpolated across missing samples (see
 * `data_gaps.ts`); null when there are none.
 */
export function lapCornerKpis(
  corners: readonly Corner[],
  window: LapWindow,
  bridged: Uint8Array | null = null,
): CornerKpi[] {
  const { lap } = window;
  const speed = movingAverage(
    lap.channels.speedMps,
    Math.max(1, Math.round(SPEED_SMOOTHING_M / lap.stepM)),
    speedScratch(lap.points),
  );
  const longG = longitudinalG(lap, LONG_G_WINDOW_M, longGScratch(lap.points));
  const lineM = window.offsetPoints * lap.stepM;
  // An event read at index i uses speeds up to half the averaging window either side.
  const reach = Math.ceil(LONG_G_WINDOW_M / 2 / lap.stepM) + 1;
  const hold = Math.round(THROTTLE_HOLD_M / lap.stepM);
  return corners.map((corner): CornerKpi => {
    const entry = pointAt(window, corner.entryM), exit = pointAt(window, corner.exitM);
    const minimum = speedMinimum(speed, entry, exit);
    const unmeasured: UnmeasuredKpi[] = [];
    const minMeasured = !anySet(bridged, entry, exit);
    if (!minMeasured) unmeasured.push("min-speed");

    let braking = brakingBefore(longG, minimum.index, lap.stepM);
    const brakeSpanEnd = braking ? braking.brakeIndex : minimum.index;
    const brakeSpanStart = braking ? braking.startIndex : brakeSpanEnd;
    if (!minMeasured || anySet(bridged, brakeSpanStart - reach, brakeSpanEnd + reach)) {
      braking = null;
      unmeasured.push("brake-point");
    }
    let commit = throttleCommitAfter(longG, minimum.index, lap.stepM);
    if (!minMeasured || (commit >= 0 && anySet(bridged, minimum.index, commit + hold + reach))) {
      commit = -1;
      unmeasured.push("throttle-commit");
    }
    const minSpeedM = metresAt(window, minimum.index);
    return {
      corner: corner.number,
      minSpeedMps: minimum.speedMps,
      minSpeedM,
      brakePointM: braking ? metresAt(window, braking.brakeIndex) : null,
      peakBrakeG: braking ? braking.peakG : null,
      throttleCommitM: commit >= 0 ? metresAt(window, commit) : null,
      apexType: apexType(corner, minSpeedM),
      timeInCornerS: timeAt(lap, corner.exitM + lineM) - timeAt(lap, corner.entryM + lineM),
      ...(unmeasured.length > 0 ? { unmeasured } : {}),
    };
  });
}

/** Early / on time / late: the speed apex against the geometric apex, as a share of the corner's length. */
export function apexType(corner: Corner, minSpeedM: number): ApexType {
  const lengthM = corner.exitM - corner.entryM;
  if (!(lengthM > 0)) return "on-time";
  const offset = (minSpeedM - corner.geometricApexM) / lengthM;
  return offset < -APEX_TOLERANCE ? "early" : offset > APEX_TOLERANCE ? "late" : "on-time";
}
