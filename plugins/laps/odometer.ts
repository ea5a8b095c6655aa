/**
 * The session's odometer: distance driven since its first sample, from
 * every speed it measured (the rows dropped for poor GPS included), and the
 * time at which a distance was reached. Built once per session and shared
 * by the crossing search and the laps.
 *
 * @module
 */

import { firstAbove, measuredSpeed, type Session } from "../../sdk/mod.ts";

/** Distance driven at any time, and the time at any distance. */
export interface Odometer {
  /** Distance driven by time `t` (s on the session's axis), m; clamped at the session's ends. */
  distanceAt(t: number): number;
  /** The time the distance `m` was reached, s; clamped at the session's ends. */
  timeAt(m: number): number;
}

/** One odometer per session: sessions are never changed once parsed. */
const odometers = new WeakMap<Session, Odometer>();

/** The session's odometer (built on first use). */
export function odometerOf(session: Session): Odometer {
  let odometer = odometers.get(session);
  if (!odometer) {
    const { timeS, speedMps } = measuredSpeed(session);
    const distanceM = cumulativeDistance(timeS, speedMps);
    odometer = {
      distanceAt: (t) => interpolate(timeS, distanceM, t),
      timeAt: (m) => interpolate(distanceM, timeS, m),
    };
    odometers.set(session, odometer);
  }
  return odometer;
}

/** Distance driven since the first sample, m, by integrating speed over time. */
function cumulativeDistance(timeS: Float64Array, speedMps: Float64Array): Float64Array {
  const out = new Float64Array(timeS.length);
  for (let i = 1; i < timeS.length; i++) {
    out[i] = out[i - 1] + 0.5 * (speedMps[i] + speedMps[i - 1]) * (timeS[i] - timeS[i - 1]);
  }
  return out;
}

/** Linear interpolation of `values` at `x` on the ascending axis `xs`, clamped at the ends. */
function interpolate(xs: Float64Array, values: Float64Array, x: number): number {
  const i = firstAbove(xs, x);
  if (i <= 0) return values[0];
  if (i >= xs.length) return values[xs.length - 1];
  const u = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
  return values[i - 1] + u * (values[i] - values[i - 1]);
}
