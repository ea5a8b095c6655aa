/**
 * Puts a lap on the 0.7 m distance grid: distance is speed integrated over
 * time from the lap's start crossing; every channel is linearly
 * interpolated; heading is unwrapped first so 359° → 1° does not pass 180°.
 *
 * Speed: `timeS` and `speedMps` are computed at once; every other channel is
 * computed the first time it is read (then kept as an ordinary property), so
 * the channels no stage reads cost nothing. On a 2-hour session the grid
 * holds tens of MB, and on this kind of host writing fresh memory is the main
 * cost of the whole pipeline. The values are the same either way.
 *
 * @module
 */

import { createScratch, type DistanceLap, GRID_STEP_M, type Lap, type Session } from "../../sdk/mod.ts";

/**
 * Resamples one lap. The lap's first grid point is its start crossing
 * (interpolated between samples), so `timeS` at the grid is the elapsed lap time.
 *
 * The lap's points are the start crossing, its rows, and the end crossing;
 * the grid's position among them (segment and fraction) is found once and
 * applied to every channel.
 */
export function resampleLap(session: Session, lap: Lap): DistanceLap {
  const { channels } = session;
  const t = channels.timeS;
  const first = lap.startRow;
  const rows = lap.endRow - lap.startRow;
  const n = rows + 2;
  const startAt = fractionalRow(t, lap.startRow, lap.startTimeS);
  const endAt = fractionalRow(t, lap.endRow, lap.endTimeS);
  // One channel's values at the lap's points, in a scratch buffer refilled for each channel.
  const lapPoints = (column: Float64Array) => {
    const points = scratch(n);
    points[0] = valueAt(column, startAt);
    points.set(column.subarray(first, first + rows), 1);
    points[n - 1] = valueAt(column, endAt);
    return points;
  };

  // Distance along the lap at each point, from speed and time.
  const speedPoints = lapPoints(channels.speedMps);
  const distance = new Float64Array(n);
  let prevTime = lap.startTimeS;
  for (let k = 1; k < n; k++) {
    const time = k < n - 1 ? t[first + k - 1] : lap.endTimeS;
    distance[k] = distance[k - 1] + 0.5 * (speedPoints[k] + speedPoints[k - 1]) * (time - prevTime);
    prevTime = time;
  }
  const grid = gridPosition(distance);
  const speedMps = onGrid(speedPoints, grid);
  // Elapsed time: the crossings' own times, not interpolated session times.
  const timePoints = scratch(n);
  timePoints[0] = 0;
  for (let k = 0; k < rows; k++) timePoints[k + 1] = t[first + k] - lap.startTimeS;
  timePoints[n - 1] = lap.endTimeS - lap.startTimeS;
  const result: Record<string, Float64Array> = { timeS: onGrid(timePoints, grid), speedMps };
  for (const name in channels) {
    const column = channels[name];
    if (!column || name === "timeS" || name === "speedMps") continue;
    defineOnFirstRead(result, name, () => {
      const points = lapPoints(column);
      if (name !== "headingDeg") return onGrid(points, grid);
      unwrapDegrees(points);
      const heading = onGrid(points, grid);
      for (let i = 0; i < heading.length; i++) heading[i] = ((heading[i] % 360) + 360) % 360;
      return heading;
    });
  }
  return {
    number: lap.number,
    points: grid.segment.length,
    stepM: GRID_STEP_M,
    channels: result as DistanceLap["channels"],
  };
}

/**
 * Adds channel `name` to `channels` as an enumerable property whose value
 * `compute` makes on the first read; from then on it is a plain data
 * property holding that value (assigning works too).
 */
function defineOnFirstRead(
  channels: Record<string, Float64Array>,
  name: string,
  compute: () => Float64Array,
): void {
  const settle = (value: Float64Array) =>
    Object.defineProperty(channels, name, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(channels, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** One channel's values at a lap's points, rebuilt for every channel and lap in the same buffer. */
const scratch = createScratch();

/** Where each grid point lies among a lap's points: between `segment[i]` and the next, at `fraction[i]`. */
interface GridPosition {
  /** Index of the lap point at or before the grid point. */
  segment: Int32Array;
  /** 0..1 of the way from that point to the next. */
  fraction: Float64Array;
}

/** The grid points (every {@linkcode GRID_STEP_M} m up to the lap's distance) among the lap's points. */
function gridPosition(distance: Float64Array): GridPosition {
  const n = distance.length;
  const count = Math.floor(distance[n - 1] / GRID_STEP_M) + 1;
  const segment = new Int32Array(count);
  const fraction = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < count; i++) {
    const d = i * GRID_STEP_M;
    while (j < n - 2 && distance[j + 1] <= d) j++;
    const span = distance[j + 1] - distance[j];
    segment[i] = j;
    fraction[i] = span > 0 ? Math.min(1, Math.max(0, (d - distance[j]) / span)) : 0;
  }
  return { segment, fraction };
}

/** Values at the grid points, linear between the lap points either side. */
function onGrid(values: Float64Array, { segment, fraction }: GridPosition): Float64Array {
  const out = new Float64Array(segment.length);
  for (let i = 0; i < out.length; i++) {
    const j = segment[i];
    const a = values[j];
    out[i] = a + fraction[i] * (values[j + 1] - a);
  }
  return out;
}

/** The fractional row at which time `at` falls, searching around `row`. */
function fractionalRow(t: Float64Array, row: number, at: number): number {
  let i = Math.min(Math.max(row, 1), t.length - 1);
  while (i > 1 && t[i - 1] > at) i--;
  while (i < t.length - 1 && t[i] < at) i++;
  const u = (at - t[i - 1]) / (t[i] - t[i - 1]);
  return i - 1 + Math.min(1, Math.max(0, u));
}

/** A channel's value at a fractional row (linear between neighbours). */
function valueAt(column: Float64Array, row: number): number {
  const i = Math.floor(row);
  const u = row - i;
  return u === 0 ? column[i] : column[i] + u * (column[i + 1] - column[i]);
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
