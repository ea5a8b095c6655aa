/**
 * Puts a lap on the 0.7 m distance grid: distance is speed integrated over
 * time from the lap's start crossing; every channel is linearly
 * interpolated; heading is unwrapped first so 359° → 1° does not pass 180°.
 *
 * Better than bridging a poor-GPS stretch with a straight line: rows dropped
 * for their position fix keep their Doppler speed (`speedSamples` of the
 * session's dropped spans), so distance and speed there come from measured
 * speed; only the position channels are bridged. (A 2 s bridge over the
 * start of a braking zone shortened the rest of the lap by about 4 m.)
 *
 * Speed: `timeS` and `speedMps` are computed at once; every other channel is
 * computed the first time it is read (then kept as an ordinary property), so
 * the channels no stage reads cost nothing. On a 2-hour session the grid
 * holds tens of MB, and on this kind of host writing fresh memory is the main
 * cost of the whole pipeline. The values are the same either way.
 *
 * @module
 */

import {
  createScratch,
  type DistanceLap,
  droppedSpeedSamples,
  firstAbove,
  GRID_STEP_M,
  type Lap,
  type Session,
  type SpeedSamples,
} from "../../sdk/mod.ts";

/**
 * Resamples one lap. The lap's first grid point is its start crossing
 * (interpolated between samples), so `timeS` at the grid is the elapsed lap time.
 *
 * The lap's points are the start crossing, its rows (with the speed
 * samples of dropped rows between them), and the end crossing; the grid's
 * position among them (segment and fraction) is found once and applied to
 * every channel. `speedSamples` defaults to the session's
 * ({@linkcode droppedSpeedSamples}); a caller resampling many laps passes
 * them once.
 */
export function resampleLap(
  session: Session,
  lap: Lap,
  speedSamples: SpeedSamples = droppedSpeedSamples(session),
): DistanceLap {
  const { channels } = session;
  const points = lapPoints(session, lap, speedSamples);
  const n = points.timeS.length;
  // One channel's values at the lap's points, in a scratch buffer refilled for each channel.
  const valuesAt = (column: Float64Array, at = valueAt) => {
    const values = scratch(n);
    for (let k = 0; k < n; k++) values[k] = at(column, points.row[k]);
    return values;
  };

  // Distance along the lap at each point, from speed and time.
  const speedPoints = valuesAt(channels.speedMps);
  for (const [k, v] of points.measuredSpeed) speedPoints[k] = v;
  const distance = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    distance[k] = distance[k - 1] +
      0.5 * (speedPoints[k] + speedPoints[k - 1]) * (points.timeS[k] - points.timeS[k - 1]);
  }
  const grid = gridPosition(distance);
  const speedMps = onGrid(speedPoints, grid);
  // Elapsed time: the crossings' and samples' own times, not interpolated session times.
  const timePoints = scratch(n);
  for (let k = 0; k < n; k++) timePoints[k] = points.timeS[k] - lap.startTimeS;
  const result: Record<string, Float64Array> = { timeS: onGrid(timePoints, grid), speedMps };
  for (const name in channels) {
    const column = channels[name];
    if (!column || name === "timeS" || name === "speedMps") continue;
    defineOnFirstRead(result, name, () => {
      if (name !== "headingDeg") return onGrid(valuesAt(column), grid);
      const values = valuesAt(column, headingAt);
      unwrapDegrees(values);
      const heading = onGrid(values, grid);
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

/** A lap's points: where each lies among the session's rows, its time, and measured speeds of dropped rows. */
interface LapPoints {
  /** Fractional session row of each point (whole for a row, between rows for a crossing or a dropped sample). */
  row: Float64Array;
  /** Session time of each point, s. */
  timeS: Float64Array;
  /** Point index → speed of a dropped row, m/s (interpolating the kept rows would bridge it). */
  measuredSpeed: Map<number, number>;
}

/** The start crossing, the lap's rows with the dropped rows' speed samples merged in by time, the end crossing. */
function lapPoints(session: Session, lap: Lap, samples: SpeedSamples): LapPoints {
  const t = session.channels.timeS;
  const firstSample = firstAbove(samples.timeS, lap.startTimeS);
  let lastSample = firstSample;
  while (lastSample < samples.timeS.length && samples.timeS[lastSample] < lap.endTimeS) lastSample++;
  const rows = lap.endRow - lap.startRow;
  const n = rows + 2 + lastSample - firstSample;
  const row = new Float64Array(n), timeS = new Float64Array(n);
  const measuredSpeed = new Map<number, number>();
  row[0] = fractionalRow(t, lap.startRow, lap.startTimeS);
  timeS[0] = lap.startTimeS;
  let k = 1, s = firstSample;
  for (let r = lap.startRow; r < lap.endRow || s < lastSample; k++) {
    if (s < lastSample && (r >= lap.endRow || samples.timeS[s] < t[r])) {
      timeS[k] = samples.timeS[s];
      row[k] = fractionalRow(t, r, timeS[k]);
      measuredSpeed.set(k, samples.speedMps[s++]);
    } else {
      timeS[k] = t[r];
      row[k] = r++;
    }
  }
  row[n - 1] = fractionalRow(t, lap.endRow, lap.endTimeS);
  timeS[n - 1] = lap.endTimeS;
  return { row, timeS, measuredSpeed };
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

/** A heading at a fractional row, degrees: the short way round between neighbours (359° → 1° passes 0°). */
function headingAt(column: Float64Array, row: number): number {
  const i = Math.floor(row);
  const u = row - i;
  if (u === 0) return column[i];
  const turn = ((((column[i + 1] - column[i]) % 360) + 540) % 360) - 180;
  return (((column[i] + u * turn) % 360) + 360) % 360;
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
