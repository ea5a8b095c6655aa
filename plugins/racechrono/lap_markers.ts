/**
 * Start/finish crossings from RaceChrono's `lap_number` column.
 *
 * @module
 */

import type { LapMarker } from "../../sdk/mod.ts";

/**
 * One marker per change of the lap number: the crossing lies between the
 * last row of the old lap and the first row of the new one, so the marker
 * is the midpoint with half the interval as uncertainty.
 *
 * The column is empty (`NaN`) before the first crossing; the first number
 * to appear is a crossing too. A `NaN` after that (an unreadable value) is
 * ignored, as are rows whose time does not increase.
 */
export function lapMarkersFromLapNumbers(timeS: Float64Array, lapNumber: Float64Array): LapMarker[] {
  const markers: LapMarker[] = [];
  let lastLap = NaN; // NaN: before the first crossing
  let lastTime = -Infinity; // time of the last row of the current lap
  let started = false;
  for (let i = 0; i < timeS.length; i++) {
    const t = timeS[i];
    if (!(t > lastTime)) continue;
    const lap = lapNumber[i];
    if (Number.isNaN(lap)) {
      if (!started) lastTime = t;
      continue;
    }
    if (lap !== lastLap && lastTime > -Infinity) {
      markers.push({ timeS: (lastTime + t) / 2, uncertaintyS: (t - lastTime) / 2 });
    }
    started = true;
    lastLap = lap;
    lastTime = t;
  }
  return markers;
}
