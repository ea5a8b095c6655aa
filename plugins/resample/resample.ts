/**
 * Puts a lap on the 0.7 m distance grid: distance is speed integrated over
 * time from the lap's start crossing; every channel is linearly
 * interpolated; heading is unwrapped first so 359° → 1° does not pass 180°.
 *
 * @module
 */

import { type DistanceLap, GRID_STEP_M, type Lap, type Session } from "../../sdk/mod.ts";

/**
 * Resamples one lap. The lap's first grid point is its start crossing
 * (interpolated between samples), so `timeS` at the grid is the elapsed lap time.
 */
export function resampleLap(session: Session, lap: Lap): DistanceLap {
  const { channels } = session;
  const t = channels.timeS;
  // Sample positions of the lap: the start crossing, rows inside, the end crossing.
  const rows = lap.endRow - lap.startRow;
  const n = rows + 2;
  const time = new Float64Array(n);
  const srcIndex = new Float64Array(n); // fractional session row of each point
  time[0] = lap.startTimeS;
  srcIndex[0] = fractionalRow(t, lap.startRow, lap.startTimeS);
  for (let k = 0; k < rows; k++) {
    time[k + 1] = t[lap.startRow + k];
    srcIndex[k + 1] = lap.startRow + k;
  }
  time[n - 1] = lap.endTimeS;
  srcIndex[n - 1] = fractionalRow(t, lap.endRow, lap.endTimeS);

  const speed = sampleAt(channels.speedMps, srcIndex);
  const distance = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    distance[k] = distance[k - 1] + 0.5 * (speed[k] + speed[k - 1]) * (time[k] - time[k - 1]);
  }
  const points = Math.floor(distance[n - 1] / GRID_STEP_M) + 1;
  // For each grid point: the sample segment it falls in and where.
  const seg = new Int32Array(points);
  const frac = new Float64Array(points);
  let j = 0;
  for (let i = 0; i < points; i++) {
    const d = i * GRID_STEP_M;
    while (j < n - 2 && distance[j + 1] <= d) j++;
    const span = distance[j + 1] - distance[j];
    seg[i] = j;
    frac[i] = span > 0 ? Math.min(1, Math.max(0, (d - distance[j]) / span)) : 0;
  }
  const onGrid = (values: Float64Array) => {
    const out = new Float64Array(points);
    for (let i = 0; i < points; i++) {
      const a = values[seg[i]];
      out[i] = a + frac[i] * (values[seg[i] + 1] - a);
    }
    return out;
  };

  const elapsed = new Float64Array(n);
  for (let k = 0; k < n; k++) elapsed[k] = time[k] - lap.startTimeS;
  const result: Record<string, Float64Array> = { timeS: onGrid(elapsed), speedMps: onGrid(speed) };
  for (const [name, column] of Object.entries(channels)) {
    if (!column || name === "timeS" || name === "speedMps") continue;
    const values = sampleAt(column, srcIndex);
    if (name === "headingDeg") {
      unwrapDegrees(values);
      const grid = onGrid(values);
      for (let i = 0; i < points; i++) grid[i] = ((grid[i] % 360) + 360) % 360;
      result[name] = grid;
    } else {
      result[name] = onGrid(values);
    }
  }
  return {
    number: lap.number,
    points,
    stepM: GRID_STEP_M,
    channels: result as DistanceLap["channels"],
  };
}

/** The fractional row at which time `at` falls, searching around `row`. */
function fractionalRow(t: Float64Array, row: number, at: number): number {
  let i = Math.min(Math.max(row, 1), t.length - 1);
  while (i > 1 && t[i - 1] > at) i--;
  while (i < t.length - 1 && t[i] < at) i++;
  const u = (at - t[i - 1]) / (t[i] - t[i - 1]);
  return i - 1 + Math.min(1, Math.max(0, u));
}

/** Values of a channel at fractional rows (linear between neighbours). */
function sampleAt(column: Float64Array, rows: Float64Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const i = Math.floor(r);
    const u = r - i;
    out[k] = u === 0 ? column[i] : column[i] + u * (column[i + 1] - column[i]);
  }
  return out;
}

/** Removes 360° jumps in place so consecutive headings differ by less than 180°. */
function unwrapDegrees(values: Float64Array): void {
  let offset = 0;
  for (let k = 1; k < values.length; k++) {
    const raw = values[k] + offset;
    const step = raw - values[k - 1];
    if (step > 180) offset -= 360;
    else if (step < -180) offset += 360;
    values[k] += offset;
  }
}
