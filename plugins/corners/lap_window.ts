/**
 * A lap on the distance grid extended a little past both ends of the lap,
 * so that a corner, a braking zone or a throttle commit across the
 * start/finish line is measured on continuous data: the stretch before the
 * line comes from the previous lap and the stretch after it from the next
 * one (when they follow on without a gap); a circuit's reference trace is
 * extended periodically with its own other end.
 *
 * @module
 */

import { type DistanceLap, distanceLapsOf, type Lap, valueAt } from "../../sdk/mod.ts";

/** Laps closer in time than this at their shared crossing follow on from each other, s. */
const CONTIGUOUS_S = 1e-6;

/**
 * One lap with margins. `lap` holds the extended data as a
 * {@linkcode DistanceLap}, so the SDK's grid helpers work on it; grid point
 * `offsetPoints` is the start/finish line, so point `i` is
 * `(i − offsetPoints) × stepM` metres from the line (negative before it).
 * `timeS` is continuous: negative before the line, beyond the lap time after it.
 */
export interface LapWindow {
  /** The extended lap (its `number` is the lap's). */
  lap: DistanceLap;
  /** Grid point of the start/finish line. */
  offsetPoints: number;
  /** Grid points of the lap itself. */
  lapPoints: number;
}

/** Metres from the line of window point `i`. */
export function metresAt(window: LapWindow, i: number): number {
  return (i - window.offsetPoints) * window.lap.stepM;
}

/** Window point nearest to `m` metres from the line, clamped to the window. */
export function pointAt(window: LapWindow, m: number): number {
  const i = Math.round(m / window.lap.stepM) + window.offsetPoints;
  return Math.min(Math.max(i, 0), window.lap.points - 1);
}

/** Laps and their grids, paired by position, in lap order. */
export interface GriddedLaps {
  /** The laps that have a grid. */
  laps: Lap[];
  /** Their grids. */
  grids: DistanceLap[];
}

/** Pairs every lap with its grid (matched by number); laps without one are left out. */
export function griddedLaps(laps: readonly Lap[], distanceLaps: readonly DistanceLap[]): GriddedLaps {
  const grids = distanceLapsOf(laps, distanceLaps);
  const numbers = new Set(grids.map((grid) => grid.number));
  return { laps: laps.filter((lap) => numbers.has(lap.number)), grids };
}

/**
 * The window of lap `index` of `gridded` with up to `marginPoints` grid
 * points of each neighbouring lap that follows on without a gap. Carries
 * `timeS`, `speedMps` and the other named channels the lap has (a neighbour
 * lacking one lends nothing). The neighbours are read at the window's own
 * grid positions, counted from the line with the laps' driven distances, and
 * `timeS` is made continuous. Each channel's array comes from `allocate`
 * (every value is written), so a caller measuring lap after lap can reuse
 * its buffers.
 */
export function lapWindow(
  gridded: GriddedLaps,
  index: number,
  marginPoints: number,
  extraChannels: readonly string[] = [],
  allocate: (channel: string, points: number) => Float64Array = (_, points) => new Float64Array(points),
): LapWindow {
  const { laps, grids } = gridded;
  const lap = grids[index];
  const names = ["timeS", "speedMps", ...extraChannels].filter((name) => lap.channels[name]);
  const has = (grid: DistanceLap) => names.every((name) => grid.channels[name]);
  const previous = index > 0 && followsOn(laps[index - 1], laps[index]) && has(grids[index - 1])
    ? grids[index - 1]
    : null;
  const next = index + 1 < grids.length && followsOn(laps[index], laps[index + 1]) && has(grids[index + 1])
    ? grids[index + 1]
    : null;
  const before = previous ? Math.min(marginPoints, previous.points - 1) : 0;
  const after = next ? Math.min(marginPoints, next.points - 1) : 0;
  const points = before + lap.points + after;
  const stepM = lap.stepM;
  const channels: Record<string, Float64Array> = {};
  for (const name of names) {
    const out = allocate(name, points);
    out.set(lap.channels[name], before);
    // Lap times run line to line, so the neighbours' elapsed times shift by whole lap times.
    const isTime = name === "timeS";
    if (previous) {
      const lengthM = laps[index - 1].distanceM, shift = isTime ? laps[index - 1].timeS! : 0;
      for (let i = 0; i < before; i++) {
        out[i] = valueAt(previous, previous.channels[name], lengthM - (before - i) * stepM) - shift;
      }
    }
    if (next) {
      const lengthM = laps[index].distanceM, shift = isTime ? laps[index].timeS! : 0;
      for (let i = before + lap.points; i < points; i++) {
        out[i] = valueAt(next, next.channels[name], (i - before) * stepM - lengthM) + shift;
      }
    }
    channels[name] = out;
  }
  return {
    lap: { number: lap.number, points, stepM, channels: channels as DistanceLap["channels"] },
    offsetPoints: before,
    lapPoints: lap.points,
  };
}

/**
 * A window over a closed speed trace (one lap, point `n` = point 0),
 * extended periodically by `marginPoints` each side; `timeS` is integrated
 * from the speed.
 */
export function periodicWindow(speedMps: Float64Array, stepM: number, marginPoints: number): LapWindow {
  const speed = periodicExtension(speedMps, marginPoints);
  const timeS = new Float64Array(speed.length);
  for (let i = 1; i < speed.length; i++) {
    const v = (speed[i] + speed[i - 1]) / 2;
    timeS[i] = timeS[i - 1] + (v > 0 ? stepM / v : 0);
  }
  const lineTimeS = timeS[marginPoints];
  for (let i = 0; i < timeS.length; i++) timeS[i] -= lineTimeS;
  return {
    lap: { number: 0, points: speed.length, stepM, channels: { speedMps: speed, timeS } },
    offsetPoints: marginPoints,
    lapPoints: speedMps.length,
  };
}

/**
 * A closed trace (one lap of values, point `n` = point 0) extended
 * periodically by `marginPoints` at each end.
 */
export function periodicExtension(values: Float64Array, marginPoints: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n + 2 * marginPoints);
  for (let i = 0; i < out.length; i++) out[i] = values[(((i - marginPoints) % n) + n) % n];
  return out;
}

function followsOn(first: Lap, second: Lap): boolean {
  return second.number === first.number + 1 && Math.abs(second.startTimeS - first.endTimeS) < CONTIGUOUS_S;
}
