/**
 * Where each lap ran across the track: the signed distance from the
 * session's own median line, measured perpendicular to that line.
 *
 * The median line is the point-wise median position of the reference laps at
 * common stations (see `lap_alignment.ts`), so it follows what the driver
 * usually does and one lap that went wide does not move it. A lap's offset at
 * a station is its distance to the nearest point of the line, sought from
 * the same station along the line, so along-track misalignment between laps
 * does not show up as lateral error.
 *
 * @module
 */

import { createLocalProjection, type LocalProjection } from "./geo.ts";
import { type CommonStations, commonStations, pointwiseMedian, valuesAtStations } from "./lap_alignment.ts";
import { createScratch } from "./scratch.ts";
import type { DistanceLap } from "./laps.ts";

/** Laps' positions relative to their median line. */
export interface LineOffsets {
  /** The stations the line and the offsets are sampled at. */
  stations: CommonStations;
  /** Local projection of the positions (origin: the first reference lap's start). */
  projection: LocalProjection;
  /** The median line, local metres east, one point per station; the line is closed (last point joins the first). */
  lineX: Float64Array;
  /** The median line, local metres north. */
  lineY: Float64Array;
  /**
   * Per lap of the `laps` argument (same order): signed offset from the
   * median line at each station, m, positive to the left of the direction of
   * travel; `NaN` where the lap has no position there.
   */
  offsetsM: Float64Array[];
}

/** Options of {@linkcode lineOffsets}. */
export interface LineOffsetOptions {
  /** Spacing of the stations, m (default 2.1: every third grid point). */
  stepM?: number;
  /** Only stations (m from the line) for which this returns true get an offset; the rest are `NaN`. Default: all. */
  where?: (stationM: number) => boolean;
}

/** Fewest reference laps for a median line (with two, the median is just their mean). */
export const MIN_LINE_LAPS = 3;

/**
 * Most reference laps the median line is built from (spread evenly over the
 * session): beyond this the line moves by millimetres while the cost grows.
 */
export const MAX_LINE_LAPS = 15;

/** How many line segments either side of a lap's own station the nearest point is sought in. */
const SEARCH_SEGMENTS = 6;
/** A lap's latitudes and longitudes at the stations, before projection (rebuilt for every lap). */
const latScratch = createScratch(), lonScratch = createScratch();

/**
 * Offsets of `laps` from the median line of `referenceLaps` (at most
 * {@linkcode MAX_LINE_LAPS} of them, spread evenly), at stations every
 * `options.stepM` metres; `null` with fewer than {@linkcode MIN_LINE_LAPS} reference laps
 * with positions.
 *
 * @example
 * ```ts ignore
 * const offsets = lineOffsets(distanceLaps, analysisDistanceLaps);
 * offsets?.offsetsM[0][100]; // lap 0's offset 100 stations (210 m) into the lap
 * ```
 */
export function lineOffsets(
  laps: readonly DistanceLap[],
  referenceLaps: readonly DistanceLap[],
  options: LineOffsetOptions = {},
): LineOffsets | null {
  const { stepM = 2.1, where } = options;
  const hasPosition = (lap: DistanceLap) => lap.channels.latDeg && lap.channels.lonDeg && lap.points > 1;
  const refs = evenlySpread(referenceLaps.filter(hasPosition), MAX_LINE_LAPS);
  if (refs.length < MIN_LINE_LAPS) return null;
  const stations = commonStations(refs, stepM);
  if (!stations) return null;
  const origin = refs[0].channels;
  const projection = createLocalProjection(origin.latDeg[0], origin.lonDeg[0]);
  const projected = new Map<DistanceLap, { x: Float64Array; y: Float64Array }>();
  const xy = (lap: DistanceLap) => {
    let p = projected.get(lap);
    if (!p) {
      // The projection is affine, so interpolating degrees and then projecting is exact (and cheaper).
      const lat = valuesAtStations(lap, lap.channels.latDeg, stations, latScratch(stations.count));
      const lon = valuesAtStations(lap, lap.channels.lonDeg, stations, lonScratch(stations.count));
      p = projection.projectArrays(lat, lon);
      projected.set(lap, p);
    }
    return p;
  };
  const refXy = refs.map(xy);
  const lineX = pointwiseMedian(refXy.map((p) => p.x), stations.count);
  const lineY = pointwiseMedian(refXy.map((p) => p.y), stations.count);
  for (let k = 0; k < stations.count; k++) {
    if (!Number.isFinite(lineX[k]) || !Number.isFinite(lineY[k])) return null;
  }
  const wanted = new Uint8Array(stations.count);
  for (let k = 0; k < stations.count; k++) wanted[k] = !where || where(k * stepM) ? 1 : 0;
  const offsetsM = laps.map((lap) => {
    const out = new Float64Array(stations.count).fill(NaN);
    if (!hasPosition(lap)) return out;
    const { x, y } = xy(lap);
    for (let k = 0; k < stations.count; k++) {
      if (wanted[k] && x[k] === x[k] && y[k] === y[k]) {
        out[k] = offsetFromClosedLine(lineX, lineY, x[k], y[k], k);
      }
    }
    return out;
  });
  return { stations, projection, lineX, lineY, offsetsM };
}

/**
 * Signed distance of (px, py) from the closed line through `lx`, `ly`
 * (positive left of travel): starting at segment `start`, walks along the
 * line while the distance keeps falling (at most {@linkcode SEARCH_SEGMENTS}
 * each way), so it stays on the stretch of line the lap is on.
 */
function offsetFromClosedLine(
  lx: Float64Array,
  ly: Float64Array,
  px: number,
  py: number,
  start: number,
): number {
  const n = lx.length;
  let best = start, bestD2 = segmentDistance2(lx, ly, best, px, py);
  for (let s = 0, seg = start; s < SEARCH_SEGMENTS; s++) {
    seg = seg === 0 ? n - 1 : seg - 1;
    const d2 = segmentDistance2(lx, ly, seg, px, py);
    if (!(d2 < bestD2)) break;
    best = seg;
    bestD2 = d2;
  }
  if (best === start) {
    for (let s = 0, seg = start; s < SEARCH_SEGMENTS; s++) {
      seg = seg + 1 === n ? 0 : seg + 1;
      const d2 = segmentDistance2(lx, ly, seg, px, py);
      if (!(d2 < bestD2)) break;
      best = seg;
      bestD2 = d2;
    }
  }
  const j = best + 1 === n ? 0 : best + 1;
  const cross = (lx[j] - lx[best]) * (py - ly[best]) - (ly[j] - ly[best]) * (px - lx[best]);
  const d = Math.sqrt(bestD2);
  return cross < 0 ? -d : d;
}

/** Squared distance from (px, py) to segment `i` (point i to point i + 1, wrapping) of a closed line. */
function segmentDistance2(lx: Float64Array, ly: Float64Array, i: number, px: number, py: number): number {
  const j = i + 1 === lx.length ? 0 : i + 1;
  const dx = lx[j] - lx[i], dy = ly[j] - ly[i];
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - lx[i]) * dx + (py - ly[i]) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = lx[i] + t * dx - px, ey = ly[i] + t * dy - py;
  return ex * ex + ey * ey;
}

/** At most `max` items of `items`, evenly spread, first and last included; all of them when there are few. */
export function evenlySpread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.slice(0, max);
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]);
}
