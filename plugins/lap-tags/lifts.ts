/**
 * Unusual lifts or braking away from corners, the trace traffic leaves: a
 * stretch of at least 15 m where the lap decelerates (below −0.08 g, beyond
 * what drag alone gives when lifting at speed) while the median of the
 * analysis laps accelerates there (above +0.05 g) and the gap between them
 * is over 0.2 g.
 *
 * "Away from corners" means outside every corner's zone on that lap: from
 * the lap's own brake point for the corner (its entry when it does not
 * brake) to the corner's exit. Braking early for a corner therefore does not
 * count as traffic, whatever the reason; only a lift that ends with the car
 * accelerating again before the next corner does. On the lap before the
 * in-lap, slowing that does not pick up again before the line is the
 * driver heading for the pits, not traffic. A stretch driven during poor
 * GPS is not judged (its speed is interpolated across the gap).
 *
 * @module
 */

import {
  commonStations,
  type Corner,
  type DistanceLap,
  evenlySpread,
  G,
  type GpsBadSpan,
  type Lap,
  type LapCornerKpis,
  MAX_LINE_LAPS,
  pointwiseMedian,
  stretchFactor,
  valuesAtStations,
} from "../../sdk/mod.ts";
import { duringPoorGps } from "./poor_gps.ts";

/** One unusual deceleration of a lap. */
export interface UnusualLift {
  /** Where it starts, m from the line (the lap's own metres). */
  fromM: number;
  /** Where it ends, m. */
  toM: number;
  /** Largest deceleration in it, g (positive). */
  peakDecelG: number;
  /** Median acceleration of the analysis laps there, g. */
  usualG: number;
  /** Number of the last corner before it, or null before the first corner. */
  afterCorner: number | null;
}

/** The lap decelerates beyond this, g. */
const LIFT_G = -0.08;
/** While the analysis laps accelerate beyond this, g. */
const USUAL_ACCEL_G = 0.05;
/** And the difference exceeds this, g. */
const MIN_GAP_G = 0.2;
/** For at least this distance, m. */
const MIN_LIFT_LENGTH_M = 15;
/** Before a corner's brake point (or entry) this much is still the corner's, m. */
const CORNER_MARGIN_M = 10;
/** Spacing of the comparison, m. */
const STEP_M = 2.5;
/** Acceleration is averaged over ±this many stations: 10 m, as for brake and throttle points. */
const HALF_WINDOW_STATIONS = 2;

/**
 * Finds the unusual lifts of `checked` laps against the median of the
 * `analysis` laps; `beforeInLap`: numbers of laps followed by the in-lap.
 * Null with fewer than 3 analysis laps.
 */
export function findUnusualLifts(
  checked: readonly { lap: Lap; grid: DistanceLap }[],
  analysis: readonly DistanceLap[],
  corners: readonly Corner[],
  kpis: readonly LapCornerKpis[],
  badSpans: readonly GpsBadSpan[],
  beforeInLap: ReadonlySet<number> = new Set(),
): Map<number, UnusualLift[]> | null {
  if (analysis.length < 3) return null;
  const stations = commonStations(analysis, STEP_M);
  if (!stations) return null;
  const gOf = new Map<DistanceLap, Float64Array>();
  const gAtStations = (lap: DistanceLap) => {
    let g = gOf.get(lap);
    if (!g) gOf.set(lap, g = stationG(valuesAtStations(lap, lap.channels.speedMps, stations)));
    return g;
  };
  const usual = pointwiseMedian(evenlySpread(analysis, MAX_LINE_LAPS).map(gAtStations), stations.count);
  const kpisByLap = new Map(kpis.map((k) => [k.lap, k]));
  const minStations = Math.ceil(MIN_LIFT_LENGTH_M / STEP_M);
  const out = new Map<number, UnusualLift[]>();
  for (const { lap, grid } of checked) {
    const g = gAtStations(grid);
    const stretch = stretchFactor(grid, stations);
    const lapLengthM = (grid.points - 1) * grid.stepM;
    const zones = cornerZones(corners, lapLengthM, kpisByLap.get(lap.number), kpisByLap.get(lap.number + 1));
    const atCorner = (m: number) => zones.some(([from, to]) => m >= from && m <= to);
    const lifts: UnusualLift[] = [];
    let k = 0;
    while (k < stations.count) {
      if (!isUnusual(g[k], usual[k])) {
        k++;
        continue;
      }
      const start = k;
      let peak = 0, usualSum = 0, corner = false;
      while (k < stations.count && isUnusual(g[k], usual[k])) {
        peak = Math.min(peak, g[k]);
        usualSum += usual[k];
        corner ||= atCorner(k * STEP_M * stretch);
        k++;
      }
      const toPits = beforeInLap.has(lap.number) && neverAcceleratesAgain(g, k);
      if (k - start < minStations || corner || toPits) continue;
      const fromM = start * STEP_M * stretch, toM = (k - 1) * STEP_M * stretch;
      if (duringPoorGps(lap, grid, fromM, toM, badSpans)) continue;
      lifts.push({
        fromM,
        toM,
        peakDecelG: -peak,
        usualG: usualSum / (k - start),
        afterCorner: lastCornerBefore(corners, fromM),
      });
    }
    out.set(lap.number, lifts);
  }
  return out;
}

/**
 * Longitudinal acceleration at each station, g, averaged over 10 m: the
 * mean of v·dv/ds across a window is exactly Δ(v²/2)/Δs (the window
 * shrinks at the ends; `NaN` speeds give `NaN`).
 */
function stationG(v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const lo = Math.max(0, k - HALF_WINDOW_STATIONS), hi = Math.min(n - 1, k + HALF_WINDOW_STATIONS);
    out[k] = hi > lo ? (v[hi] * v[hi] - v[lo] * v[lo]) / (2 * (hi - lo) * STEP_M * G) : 0;
  }
  return out;
}

/** Whether the lap stays below {@linkcode USUAL_ACCEL_G} from station `from` to its end. */
function neverAcceleratesAgain(g: Float64Array, from: number): boolean {
  for (let k = from; k < g.length; k++) if (g[k] >= USUAL_ACCEL_G) return false;
  return true;
}

function isUnusual(g: number, usual: number): boolean {
  return g < LIFT_G && usual > USUAL_ACCEL_G && usual - g > MIN_GAP_G;
}

/**
 * `[from, to]` stretches of one lap (its own metres) that belong to a
 * corner: from the brake point (or entry, if earlier) minus a margin, to the
 * exit. Braking for the first corner may start before the line: a brake
 * point past the corner's apex (distances wrap at the line) or below 0
 * lies at the end of the previous lap, so the next lap's brake points claim
 * the end of this one.
 */
function cornerZones(
  corners: readonly Corner[],
  lapLengthM: number,
  own: LapCornerKpis | undefined,
  next: LapCornerKpis | undefined,
): [number, number][] {
  const brakeOf = (kpis: LapCornerKpis | undefined) =>
    new Map(kpis?.corners.map((c) => [c.corner, c.brakePointM]));
  const ownBrake = brakeOf(own), nextBrake = brakeOf(next);
  const beforeLine = (c: Corner, m: number | null | undefined) => m != null && (m < 0 || m > c.apexM);
  const zones: [number, number][] = [];
  for (const c of corners) {
    const b = ownBrake.get(c.number);
    const fromM = Math.min(c.entryM, beforeLine(c, b) || b == null ? Infinity : b) - CORNER_MARGIN_M;
    zones.push([fromM, c.exitM]);
    if (fromM < 0) zones.push([lapLengthM + fromM, lapLengthM]);
    const n = nextBrake.get(c.number);
    if (beforeLine(c, n)) zones.push([(n! < 0 ? lapLengthM + n! : n!) - CORNER_MARGIN_M, lapLengthM]);
  }
  return zones;
}

function lastCornerBefore(corners: readonly Corner[], m: number): number | null {
  let last: number | null = null;
  for (const c of corners) if (c.exitM <= m) last = c.number;
  return last;
}
