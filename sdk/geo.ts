/**
 * Geometry helpers for plugin authors: great-circle distance, a local metric
 * projection, and polylines with stations and a spatial index.
 *
 * Positions on the ground are handled in local metres: project latitude and
 * longitude with {@linkcode createLocalProjection}, then measure along and
 * across a line with {@linkcode createPolyline}.
 *
 * @module
 */

/** Mean Earth radius used by every helper here, m (the IUGG mean radius). */
export const EARTH_RADIUS_M = 6_371_000;

const DEG_TO_RAD = Math.PI / 180;

/**
 * Great-circle distance between two points, m (haversine formula on a sphere of
 * radius {@linkcode EARTH_RADIUS_M}).
 *
 * @example
 * ```ts
 * import { haversineM } from "./geo.ts";
 * const oneDegreeOfLatitudeM = haversineM(0, 0, 1, 0); // about 111,195 m
 * ```
 */
export function haversineM(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): number {
  const dLat = (lat2Deg - lat1Deg) * DEG_TO_RAD;
  const dLon = (lon2Deg - lon1Deg) * DEG_TO_RAD;
  const s = Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1Deg * DEG_TO_RAD) * Math.cos(lat2Deg * DEG_TO_RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(s), Math.sqrt(Math.max(0, 1 - s)));
}

/** A point in local metres: `x` east, `y` north of the projection origin. */
export interface PointM {
  /** Metres east of the origin. */
  x: number;
  /** Metres north of the origin. */
  y: number;
}

/** A latitude/longitude pair, degrees (WGS 84). */
export interface LatLonDeg {
  /** Latitude, degrees north. */
  latDeg: number;
  /** Longitude, degrees east. */
  lonDeg: number;
}

/**
 * An equirectangular projection to local metres around an origin: `x` east,
 * `y` north. Accurate to well under 0.1 % within a few kilometres of the
 * origin, which is all a circuit needs. Create with {@linkcode createLocalProjection}.
 */
export interface LocalProjection {
  /** Latitude of the origin, degrees. */
  readonly originLatDeg: number;
  /** Longitude of the origin, degrees. */
  readonly originLonDeg: number;
  /** Metres per degree of latitude. */
  readonly mPerDegLat: number;
  /** Metres per degree of longitude at the origin's latitude. */
  readonly mPerDegLon: number;
  /** Metres east of the origin for a longitude, degrees. */
  toX(lonDeg: number): number;
  /** Metres north of the origin for a latitude, degrees. */
  toY(latDeg: number): number;
  /** Projects one point to local metres. */
  project(latDeg: number, lonDeg: number): PointM;
  /** Projects columns of points; `NaN` in gives `NaN` out. */
  projectArrays(latDeg: Float64Array, lonDeg: Float64Array): { x: Float64Array; y: Float64Array };
  /** Latitude, degrees, of a local `y`, m. */
  toLatDeg(y: number): number;
  /** Longitude, degrees, of a local `x`, m. */
  toLonDeg(x: number): number;
  /** Inverse of {@linkcode LocalProjection.project}. */
  unproject(x: number, y: number): LatLonDeg;
}

/**
 * Creates a {@linkcode LocalProjection} centred on a point, degrees.
 *
 * @example
 * ```ts
 * import { createLocalProjection } from "./geo.ts";
 * const proj = createLocalProjection(33.5326, -86.6197);
 * const { x, y } = proj.project(33.5335, -86.6197); // x ≈ 0, y ≈ 100 m
 * const back = proj.unproject(x, y); // { latDeg: 33.5335, lonDeg: -86.6197 }
 * ```
 */
export function createLocalProjection(originLatDeg: number, originLonDeg: number): LocalProjection {
  if (!Number.isFinite(originLatDeg) || !Number.isFinite(originLonDeg) || Math.abs(originLatDeg) >= 90) {
    throw new RangeError(
      `projection origin must be a finite point off the poles (${originLatDeg}, ${originLonDeg})`,
    );
  }
  const mPerDegLat = EARTH_RADIUS_M * DEG_TO_RAD;
  const mPerDegLon = mPerDegLat * Math.cos(originLatDeg * DEG_TO_RAD);
  const toX = (lonDeg: number) => (lonDeg - originLonDeg) * mPerDegLon;
  const toY = (latDeg: number) => (latDeg - originLatDeg) * mPerDegLat;
  const toLatDeg = (y: number) => originLatDeg + y / mPerDegLat;
  const toLonDeg = (x: number) => originLonDeg + x / mPerDegLon;
  return Object.freeze({
    originLatDeg,
    originLonDeg,
    mPerDegLat,
    mPerDegLon,
    toX,
    toY,
    toLatDeg,
    toLonDeg,
    project: (latDeg: number, lonDeg: number): PointM => ({ x: toX(lonDeg), y: toY(latDeg) }),
    unproject: (x: number, y: number): LatLonDeg => ({ latDeg: toLatDeg(y), lonDeg: toLonDeg(x) }),
    projectArrays(latDeg: Float64Array, lonDeg: Float64Array) {
      if (latDeg.length !== lonDeg.length) {
        throw new RangeError(`latitude and longitude lengths differ (${latDeg.length} vs ${lonDeg.length})`);
      }
      const x = new Float64Array(latDeg.length);
      const y = new Float64Array(latDeg.length);
      for (let i = 0; i < latDeg.length; i++) {
        x[i] = (lonDeg[i] - originLonDeg) * mPerDegLon;
        y[i] = (latDeg[i] - originLatDeg) * mPerDegLat;
      }
      return { x, y };
    },
  });
}

/** Options of {@linkcode createPolyline}. */
export interface PolylineOptions {
  /** The last point joins the first (a circuit). Default `false`. */
  closed?: boolean;
  /** Side of a spatial-index cell, m. Default 25. */
  cellSizeM?: number;
}

/** The point of a polyline nearest to a query point. */
export interface NearestOnPolyline {
  /** Index of the segment it lies on (segment `i` runs from point `i` to point `i + 1`, wrapping when closed). */
  segment: number;
  /** Position along that segment, 0..1. */
  t: number;
  /** Metres along the line from point 0, `0 <= stationM < lengthM`. */
  stationM: number;
  /** Distance from the query point, m. */
  distanceM: number;
  /** Distance with a side: positive when the query point is left of the direction of travel, m. */
  signedOffsetM: number;
  /** The nearest point, local metres east. */
  x: number;
  /** The nearest point, local metres north. */
  y: number;
}

/** A point at a station of a polyline, with the direction of travel there. */
export interface PointOnPolyline {
  /** Local metres east. */
  x: number;
  /** Local metres north. */
  y: number;
  /** Direction of travel, radians counter-clockwise from east (as `Math.atan2(dy, dx)`). */
  headingRad: number;
}

/**
 * A line through points in local metres, with the station (metres along the
 * line) of every point and a uniform-grid index of its segments, so the
 * nearest point to a query is found in about constant time. Create with
 * {@linkcode createPolyline}. Treat the arrays as read-only.
 */
export interface Polyline {
  /** Points, metres east. */
  readonly x: Float64Array;
  /** Points, metres north. */
  readonly y: Float64Array;
  /** Whether the last point joins the first. */
  readonly closed: boolean;
  /** Station of every point, m along the line from point 0 (`stationM[0] = 0`). */
  readonly stationM: Float64Array;
  /** Total length, m (including the closing segment of a closed line). */
  readonly lengthM: number;
  /** Number of segments: points − 1, or points when closed. */
  readonly segmentCount: number;
  /** Side of a spatial-index cell, m. */
  readonly cellSizeM: number;
  /**
   * The nearest point of the line to (`x`, `y`), or `null` when none lies within
   * `maxDistanceM` (default: no limit).
   */
  nearest(x: number, y: number, maxDistanceM?: number): NearestOnPolyline | null;
  /**
   * The nearest point among the segments within `windowM` of `hintStationM`
   * (either side, wrapping on a closed line), or `null` beyond `maxDistanceM`.
   * Follows a continuous trace without jumping to another part of the line
   * that passes close by.
   */
  nearestNear(
    x: number,
    y: number,
    hintStationM: number,
    windowM: number,
    maxDistanceM?: number,
  ): NearestOnPolyline | null;
  /** The point at a station, m; wraps on a closed line, clamps to the ends of an open one. */
  pointAt(stationM: number): PointOnPolyline;
  /**
   * `toStationM − fromStationM`, m; on a closed line the shorter way round,
   * in (−lengthM/2, lengthM/2], so crossing point 0 forwards is positive.
   */
  stationDeltaM(fromStationM: number, toStationM: number): number;
}

/** Most cells a polyline's index may have; a larger extent gets larger cells. */
const MAX_GRID_CELLS = 4_000_000;

/**
 * Creates a {@linkcode Polyline} from points in local metres (at least two,
 * finite, with a non-zero length).
 *
 * @example
 * ```ts
 * import { createPolyline } from "./geo.ts";
 * // A 100 m square driven anticlockwise.
 * const square = createPolyline([0, 100, 100, 0], [0, 0, 100, 100], { closed: true });
 * square.lengthM; // 400
 * const hit = square.nearest(50, -3, 10); // { stationM: 50, distanceM: 3, signedOffsetM: -3, ... }
 * square.pointAt(450); // { x: 50, y: 0, headingRad: 0 }
 * ```
 */
export function createPolyline(
  xIn: ArrayLike<number>,
  yIn: ArrayLike<number>,
  options: PolylineOptions = {},
): Polyline {
  const n = xIn.length;
  if (yIn.length !== n) throw new RangeError(`x and y lengths differ (${n} vs ${yIn.length})`);
  if (n < 2) throw new RangeError(`a polyline needs at least 2 points, got ${n}`);
  const x = Float64Array.from(xIn);
  const y = Float64Array.from(yIn);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`polyline point ${i} is not finite (${x[i]}, ${y[i]})`);
    }
  }
  const closed = options.closed ?? false;
  const segmentCount = closed ? n : n - 1;
  const segDx = new Float64Array(segmentCount);
  const segDy = new Float64Array(segmentCount);
  const segLenM = new Float64Array(segmentCount);
  const stationM = new Float64Array(n);
  let lengthM = 0;
  for (let i = 0; i < segmentCount; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    segDx[i] = x[j] - x[i];
    segDy[i] = y[j] - y[i];
    segLenM[i] = Math.sqrt(segDx[i] * segDx[i] + segDy[i] * segDy[i]);
    lengthM += segLenM[i];
    if (i + 1 < n) stationM[i + 1] = lengthM;
  }
  if (!(lengthM > 0)) throw new RangeError("a polyline needs a non-zero length");
  const grid = buildSegmentGrid(x, y, segmentCount, options.cellSizeM ?? 25);

  /** Largest segment index whose start station is <= s (s already within range). */
  const segmentAt = (s: number): number => {
    let lo = 0;
    let hi = segmentCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (stationM[mid] <= s) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const wrapStation = (s: number): number => {
    if (!closed) return Math.min(Math.max(s, 0), lengthM);
    const w = s % lengthM;
    return w < 0 ? w + lengthM : w;
  };

  // Scratch for the best candidate of one query (reset by every query).
  let bestSeg = -1;
  let bestT = 0;
  let bestD2 = Infinity;
  const consider = (seg: number, px: number, py: number) => {
    const ax = x[seg];
    const ay = y[seg];
    const len2 = segLenM[seg] * segLenM[seg];
    let t = len2 > 0 ? ((px - ax) * segDx[seg] + (py - ay) * segDy[seg]) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = ax + t * segDx[seg] - px;
    const ey = ay + t * segDy[seg] - py;
    const d2 = ex * ex + ey * ey;
    if (d2 < bestD2 || (bestSeg < 0 && d2 <= bestD2)) {
      bestSeg = seg;
      bestT = t;
      bestD2 = d2;
    }
  };
  const result = (px: number, py: number): NearestOnPolyline | null => {
    if (bestSeg < 0) return null;
    const seg = bestSeg;
    const t = bestT;
    const nx = x[seg] + t * segDx[seg];
    const ny = y[seg] + t * segDy[seg];
    const distanceM = Math.sqrt(bestD2);
    const cross = segDx[seg] * (py - y[seg]) - segDy[seg] * (px - x[seg]);
    let s = stationM[seg] + t * segLenM[seg];
    if (s >= lengthM) s = closed ? s - lengthM : lengthM;
    return {
      segment: seg,
      t,
      stationM: s,
      distanceM,
      signedOffsetM: cross < 0 ? -distanceM : distanceM,
      x: nx,
      y: ny,
    };
  };

  return {
    x,
    y,
    closed,
    stationM,
    lengthM,
    segmentCount,
    cellSizeM: grid.cellSizeM,
    nearest(px, py, maxDistanceM = Infinity) {
      if (!Number.isFinite(px) || !Number.isFinite(py) || !(maxDistanceM >= 0)) return null;
      bestSeg = -1;
      bestD2 = maxDistanceM * maxDistanceM;
      const { cellSizeM: cell, cols, rows, minX, minY, cellStart, cellSegments } = grid;
      const outX = Math.max(minX - px, 0, px - (minX + cols * cell));
      const outY = Math.max(minY - py, 0, py - (minY + rows * cell));
      if (outX * outX + outY * outY > bestD2) return null;
      const cx = Math.floor((px - minX) / cell);
      const cy = Math.floor((py - minY) / cell);
      const fx = px - minX - cx * cell;
      const fy = py - minY - cy * cell;
      const edgeM = Math.min(fx, cell - fx, fy, cell - fy);
      // Rings of cells around the query's cell, nearest first; only the parts inside the grid.
      const minRing = Math.max(0, -cx, cx - (cols - 1), -cy, cy - (rows - 1));
      const maxRing = Math.max(Math.abs(cx), Math.abs(cols - 1 - cx), Math.abs(cy), Math.abs(rows - 1 - cy));
      const scanCell = (ix: number, iy: number) => {
        const rx = Math.max(minX + ix * cell - px, 0, px - (minX + (ix + 1) * cell));
        const ry = Math.max(minY + iy * cell - py, 0, py - (minY + (iy + 1) * cell));
        if (rx * rx + ry * ry > bestD2) return;
        const c = iy * cols + ix;
        for (let e = cellStart[c]; e < cellStart[c + 1]; e++) consider(cellSegments[e], px, py);
      };
      for (let k = minRing; k <= maxRing; k++) {
        if (k > 0) {
          const ringM = (k - 1) * cell + edgeM;
          if (ringM * ringM > bestD2) break;
        }
        const ix0 = Math.max(cx - k, 0);
        const ix1 = Math.min(cx + k, cols - 1);
        const iy0 = Math.max(cy - k, 0);
        const iy1 = Math.min(cy + k, rows - 1);
        for (let iy = iy0; iy <= iy1; iy++) {
          if (iy === cy - k || iy === cy + k) {
            for (let ix = ix0; ix <= ix1; ix++) scanCell(ix, iy);
          } else {
            if (cx - k >= 0 && cx - k < cols) scanCell(cx - k, iy);
            if (k > 0 && cx + k >= 0 && cx + k < cols) scanCell(cx + k, iy);
          }
        }
      }
      return result(px, py);
    },
    nearestNear(px, py, hintStationM, windowM, maxDistanceM = Infinity) {
      if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(hintStationM)) return null;
      bestSeg = -1;
      bestD2 = maxDistanceM * maxDistanceM;
      const spanM = 2 * Math.max(windowM, 0);
      if (closed && spanM >= lengthM) {
        for (let i = 0; i < segmentCount; i++) consider(i, px, py);
        return result(px, py);
      }
      const from = wrapStation(hintStationM - windowM);
      let seg = segmentAt(from);
      let walkedM = stationM[seg] - from;
      for (let visited = 0; visited < segmentCount; visited++) {
        consider(seg, px, py);
        walkedM += segLenM[seg];
        if (walkedM >= spanM) break;
        seg++;
        if (seg === segmentCount) {
          if (!closed) break;
          seg = 0;
        }
      }
      return result(px, py);
    },
    pointAt(s) {
      const w = wrapStation(s);
      let seg = segmentAt(w);
      const t = segLenM[seg] > 0 ? Math.min((w - stationM[seg]) / segLenM[seg], 1) : 0;
      const px = x[seg] + t * segDx[seg];
      const py = y[seg] + t * segDy[seg];
      for (let k = 0; k < segmentCount && segLenM[seg] === 0; k++) seg = (seg + 1) % segmentCount;
      return { x: px, y: py, headingRad: Math.atan2(segDy[seg], segDx[seg]) };
    },
    stationDeltaM(fromStationM, toStationM) {
      const d = toStationM - fromStationM;
      if (!closed) return d;
      let w = d % lengthM;
      if (w > lengthM / 2) w -= lengthM;
      else if (w <= -lengthM / 2) w += lengthM;
      return w;
    },
  };
}

/** Segment buckets on a uniform grid, in compressed-row form. */
interface SegmentGrid {
  cellSizeM: number;
  cols: number;
  rows: number;
  minX: number;
  minY: number;
  /** Segments of cell `c` are `cellSegments[cellStart[c] .. cellStart[c + 1])`. */
  cellStart: Int32Array;
  cellSegments: Int32Array;
}

function buildSegmentGrid(
  x: Float64Array,
  y: Float64Array,
  segmentCount: number,
  cellSizeM: number,
): SegmentGrid {
  if (!(cellSizeM > 0)) throw new RangeError(`cellSizeM must be positive, got ${cellSizeM}`);
  const n = x.length;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  let cell = cellSizeM;
  const cellsAt = (c: number) => (Math.floor((maxX - minX) / c) + 1) * (Math.floor((maxY - minY) / c) + 1);
  while (cellsAt(cell) > MAX_GRID_CELLS) cell *= 2;
  const cols = Math.floor((maxX - minX) / cell) + 1;
  const rows = Math.floor((maxY - minY) / cell) + 1;
  const cellCount = cols * rows;
  // Cell range of every segment's bounding box; two passes: count, then fill.
  const ix0 = new Int32Array(segmentCount);
  const ix1 = new Int32Array(segmentCount);
  const iy0 = new Int32Array(segmentCount);
  const iy1 = new Int32Array(segmentCount);
  const cellStart = new Int32Array(cellCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    const j = s + 1 === n ? 0 : s + 1;
    ix0[s] = Math.floor((Math.min(x[s], x[j]) - minX) / cell);
    ix1[s] = Math.floor((Math.max(x[s], x[j]) - minX) / cell);
    iy0[s] = Math.floor((Math.min(y[s], y[j]) - minY) / cell);
    iy1[s] = Math.floor((Math.max(y[s], y[j]) - minY) / cell);
    for (let iy = iy0[s]; iy <= iy1[s]; iy++) {
      for (let ix = ix0[s]; ix <= ix1[s]; ix++) cellStart[iy * cols + ix + 1]++;
    }
  }
  for (let c = 0; c < cellCount; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, cellCount);
  const cellSegments = new Int32Array(cellStart[cellCount]);
  for (let s = 0; s < segmentCount; s++) {
    for (let iy = iy0[s]; iy <= iy1[s]; iy++) {
      for (let ix = ix0[s]; ix <= ix1[s]; ix++) cellSegments[fill[iy * cols + ix]++] = s;
    }
  }
  return { cellSizeM: cell, cols, rows, minX, minY, cellStart, cellSegments };
}
