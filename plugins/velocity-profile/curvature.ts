/**
 * Curvature of the line the driver actually drove (not a map's centre line),
 * from the session's own fastest laps, on a closed lap.
 *
 * Method:
 * 1. Heading along each lap: the logger's course over ground where it
 *    records one (GPS Doppler: far less noisy than differences of
 *    positions), else the direction of the chord through the positions a
 *    few metres either side, after averaging the positions over 5 m.
 * 2. Curvature = rate of change of heading over distance: the heading is
 *    averaged over 6 m, then differenced across ±10 m (divided by 20 m).
 *    One differentiation only (the original differentiated positions
 *    twice), and the heading samples near both ends of the window are
 *    averaged, not just two taken. The result is the mean curvature over
 *    20 m (exactly so for a bend shorter than 14 m): enough to make 0.25°
 *    of heading noise small, short enough to keep a hairpin's peak, and
 *    about as fast as a car can change the curvature of its path. The lap
 *    is closed: before the line the heading continues from the lap's end,
 *    a whole number of turns apart, so corners across the line are
 *    measured like any other (the original's non-periodic spline
 *    distorted them).
 * 3. Across the fastest laps (see `optimal_profile.ts`), the point-wise
 *    median on the reference lap's grid, laps matched by fraction of their
 *    distance: one lap's GPS glitch, traffic or off-line moment cannot
 *    move it.
 *
 * @module
 */

import {
  type ClockedLap,
  createLocalProjection,
  createScratch,
  type DistanceLap,
  movingAverage,
  pointwiseMedian,
} from "../../sdk/mod.ts";

/** Heading is averaged over this distance first, m. */
const HEADING_SMOOTHING_M = 6;
/** Curvature is the change of the averaged heading across ± this distance, m. */
const HALF_DIFF_M = 10;
/** Positions are averaged over this distance before a heading is taken from them, m. */
const POSITION_SMOOTHING_M = 5;
/** Half-chord of the heading taken from positions, m. */
const POSITION_HALF_CHORD_M = 2;

const DEG_TO_RAD = Math.PI / 180;
/** The extended heading's prefix sums, rebuilt for every lap (see {@linkcode closedLapCurvature}). */
const prefixScratch = createScratch();

/**
 * Unwrapped heading of a lap at every grid point, radians clockwise from
 * north: the logger's course over ground when it is present at every
 * point, else from positions; null when positions are missing too. The
 * course is written into `out` (at least `lap.points` long) when given.
 */
export function lapHeadingRad(lap: DistanceLap, out = new Float64Array(lap.points)): Float64Array | null {
  const course = lap.channels.headingDeg;
  if (course && allFinite(course)) {
    const heading = out.subarray(0, lap.points);
    for (let i = 0; i < lap.points; i++) heading[i] = course[i] * DEG_TO_RAD;
    return unwrapRadians(heading);
  }
  const { latDeg, lonDeg } = lap.channels;
  if (!latDeg || !lonDeg || !allFinite(latDeg) || !allFinite(lonDeg) || lap.points < 3) return null;
  const { x, y } = createLocalProjection(latDeg[0], lonDeg[0]).projectArrays(latDeg, lonDeg);
  return headingFromPositions(x, y, lap.stepM);
}

/**
 * Unwrapped heading, radians clockwise from north, of a closed line given
 * by positions every `stepM` metres (x east, y north; the last point is
 * followed by the first): the chord through the points ±2 m away after
 * averaging positions over 5 m.
 */
export function headingFromPositions(x: Float64Array, y: Float64Array, stepM: number): Float64Array {
  const n = x.length;
  const smoothing = Math.max(1, Math.round(POSITION_SMOOTHING_M / stepM));
  const h = Math.max(1, Math.round(POSITION_HALF_CHORD_M / stepM));
  const margin = Math.min(n, h + smoothing);
  const sx = wrappedMovingAverage(x, smoothing, margin), sy = wrappedMovingAverage(y, smoothing, margin);
  const heading = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = margin + i - h, b = margin + i + h;
    heading[i] = Math.atan2(sx[b] - sx[a], sy[b] - sy[a]);
  }
  return unwrapRadians(heading);
}

/**
 * Moving average over `windowPoints` of the values along a closed line (the
 * last point is followed by the first), extended `margin` points (at most
 * the line's) before the first and after the last: entry k belongs to
 * point k − margin, wrapping.
 */
export function wrappedMovingAverage(
  values: Float64Array,
  windowPoints: number,
  margin: number,
): Float64Array {
  const n = values.length;
  const extended = new Float64Array(n + 2 * margin);
  for (let k = 0; k < extended.length; k++) extended[k] = values[(k - margin + n) % n];
  return movingAverage(extended, windowPoints);
}

/**
 * Signed curvature (1/m, positive = left) of a closed lap from its
 * unwrapped heading at every `stepM` metres: the change across ±10 m of the
 * heading averaged over 6 m. The line closes after `lengthM` metres (its
 * last grid point is less than a step before that), turning a whole number
 * of times. With `stride` k, only every k-th point is computed (point
 * `j` of the result is grid point `j·k`). Written into `out` when given. O(n).
 */
export function closedLapCurvature(
  headingRad: Float64Array,
  stepM: number,
  lengthM: number,
  out?: Float64Array,
  stride = 1,
): Float64Array {
  const n = headingRad.length;
  const count = Math.ceil(n / stride);
  const curvature = (out ?? new Float64Array(count)).subarray(0, count);
  if (n < 2) return curvature.fill(0);
  const h = Math.max(1, Math.round(HALF_DIFF_M / stepM));
  const w = Math.max(1, Math.round(HEADING_SMOOTHING_M / stepM));
  const before = h + Math.ceil(w / 2), after = h + Math.floor(w / 2) + 1;
  // prefix[k] = Σ heading over extended points −before .. k − before − 1
  const prefix = periodicPrefixSum(headingRad, stepM, lengthM, before, after);
  // Σ heading over the w points centred on grid point i: prefix[i + a] − prefix[i + a − w]
  const a = before + Math.floor(w / 2) + 1;
  const scale = -1 / (2 * h * stepM * w); // heading is clockwise, curvature positive to the left
  for (let j = 0, i = 0; j < count; j++, i += stride) {
    const ahead = prefix[i + h + a] - prefix[i + h + a - w];
    const behind = prefix[i - h + a] - prefix[i - h + a - w];
    curvature[j] = (ahead - behind) * scale;
  }
  return curvature;
}

/**
 * Prefix sums of a closed lap's heading extended `before` grid points
 * before the line and `after` points past its last point: before the line
 * it continues from the lap's end, after it from the start, a whole number
 * of turns apart. Entry k is the sum of the first k extended headings. The
 * array is a scratch buffer, valid until the next call.
 */
function periodicPrefixSum(
  headingRad: Float64Array,
  stepM: number,
  lengthM: number,
  before: number,
  after: number,
): Float64Array {
  const n = headingRad.length;
  const turns = Math.round((headingRad[n - 1] - headingRad[0]) / (2 * Math.PI)) * 2 * Math.PI;
  const lastM = (n - 1) * stepM;
  const closingM = Math.max(lengthM - lastM, 0);
  /** Heading at `m` metres from the line, 0 ≤ m < lengthM (towards the next lap's start after the last point). */
  const headingAt = (m: number): number => {
    if (m >= lastM) {
      const share = closingM > 0 ? (m - lastM) / closingM : 0;
      return headingRad[n - 1] + share * (headingRad[0] + turns - headingRad[n - 1]);
    }
    const x = m / stepM, i = Math.floor(x);
    return headingRad[i] + (x - i) * (headingRad[i + 1] - headingRad[i]);
  };
  /** Heading at any distance: the laps before and after are this one, whole turns apart. */
  const extendedAt = (m: number): number => {
    const lap = Math.floor(m / lengthM);
    return headingAt(m - lap * lengthM) + lap * turns;
  };
  const prefix = prefixScratch(before + n + after + 1);
  prefix[0] = 0;
  let sum = 0, k = 0;
  for (let j = -before; j < 0; j++) prefix[++k] = sum += extendedAt(j * stepM);
  for (let j = 0; j < n; j++) prefix[++k] = sum += headingRad[j];
  for (let j = n; j < n + after; j++) prefix[++k] = sum += extendedAt(j * stepM);
  return prefix;
}

/** One lap of the driven line: its grid, and its clock for the exact line-to-line length. */
export type LineLap = Pick<ClockedLap, "grid" | "clock">;

/**
 * Curvature of the driven line on the grid of `reference`: the point-wise
 * median over `laps` (each matched to the reference by fraction of its
 * distance); laps without heading or positions are skipped. Null when
 * no lap is usable.
 */
export function drivenLineCurvature(laps: readonly LineLap[], reference: LineLap): Float64Array | null {
  const points = reference.grid.points;
  const columns: Float64Array[] = [];
  for (const lap of laps) {
    const heading = lapHeadingRad(lap.grid);
    if (!heading) continue;
    const curvature = closedLapCurvature(heading, lap.grid.stepM, lap.clock.lengthM);
    if (lap.grid === reference.grid) {
      columns.push(curvature);
      continue;
    }
    const scale = (lap.clock.lengthM / reference.clock.lengthM) * (reference.grid.stepM / lap.grid.stepM);
    const column = new Float64Array(points);
    const last = lap.grid.points - 1;
    for (let i = 0; i < points; i++) {
      const x = Math.min(i * scale, last), j = Math.min(Math.floor(x), last - 1), f = x - j;
      column[i] = curvature[j] + f * (curvature[j + 1] - curvature[j]);
    }
    columns.push(column);
  }
  if (columns.length === 0) return null;
  return columns.length === 1 ? columns[0] : pointwiseMedian(columns, points);
}

/** Removes 2π jumps in place so consecutive headings differ by less than π. */
function unwrapRadians(values: Float64Array): Float64Array {
  let offset = 0;
  for (let i = 1; i < values.length; i++) {
    const raw = values[i] + offset;
    const step = raw - values[i - 1];
    if (step > Math.PI) offset -= 2 * Math.PI;
    else if (step < -Math.PI) offset += 2 * Math.PI;
    values[i] += offset;
  }
  return values;
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}
