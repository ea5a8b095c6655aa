/**
 * How well a session's GPS trace follows a circuit's reference line: the
 * share of the trace on the line (fit), the share of the line the trace
 * drove over (coverage) and the direction it drove it in.
 *
 * @module
 */

import { createLocalProjection, createPolyline, type Session, type Track } from "../../sdk/mod.ts";

/** A trace sample counts as on the line within this distance, m. */
export const FIT_RADIUS_M = 12;
/** A line point counts as driven when a trace sample passes within this distance, m. */
export const COVERAGE_RADIUS_M = 15;
/** The line is split into bins of this length for coverage, m. */
export const COVERAGE_BIN_M = 10;
/** Spacing of the line points used for matching, m (the files hold ~0.7 m). */
const LINE_SPACING_M = 3;
/** Consecutive samples further apart than this many pick intervals are not joined (a gap or a stop). */
const MAX_PAIR_INTERVALS = 2.5;

/** A thinned copy of a session's moving GPS samples, in time order. */
export interface MovingTrace {
  /** Row of the session each sample came from. */
  rows: Int32Array;
  /** Latitude per sample, degrees. */
  latDeg: Float64Array;
  /** Longitude per sample, degrees. */
  lonDeg: Float64Array;
  /** Time per sample, s (the session's `timeS`). */
  timeS: Float64Array;
  /** Speed per sample, m/s. */
  speedMps: Float64Array;
  /** Nominal time between picked rows, s. */
  intervalS: number;
  /** Bounding box of the samples, degrees (`NaN` when there are none). */
  minLatDeg: number;
  /** See {@linkcode MovingTrace.minLatDeg}. */
  maxLatDeg: number;
  /** See {@linkcode MovingTrace.minLatDeg}. */
  minLonDeg: number;
  /** See {@linkcode MovingTrace.minLatDeg}. */
  maxLonDeg: number;
}

/** Options of {@linkcode sampleMovingTrace}. */
export interface TraceOptions {
  /** Time between picked rows, s. Default 0.4 (about 10 m at speed). */
  intervalS?: number;
  /** Rows at or below this speed are left out, m/s. Default 5. */
  minSpeedMps?: number;
  /** At most this many picks: a long session gets a longer interval. Default 3000. */
  maxSamples?: number;
}

/**
 * Picks every k-th row (about every `intervalS`, fewer on a long session) and
 * keeps those moving with a position. Reads only the picked rows, so a 2-hour
 * file costs no more to match than a few laps.
 */
export function sampleMovingTrace(session: Session, options: TraceOptions = {}): MovingTrace {
  const { timeS, latDeg, lonDeg, speedMps } = session.channels;
  const minSpeedMps = options.minSpeedMps ?? 5;
  const maxSamples = options.maxSamples ?? 3000;
  const n = session.rows;
  const periodS = n > 1 ? (timeS[n - 1] - timeS[0]) / (n - 1) : 1;
  const stride = Math.max(1, Math.round((options.intervalS ?? 0.4) / periodS), Math.ceil(n / maxSamples));
  const capacity = Math.ceil(n / stride);
  const picked = new Int32Array(capacity);
  let count = 0;
  for (let i = 0; i < n; i += stride) {
    if (speedMps[i] > minSpeedMps && Number.isFinite(latDeg[i]) && Number.isFinite(lonDeg[i])) {
      picked[count++] = i;
    }
  }
  const rows = picked.slice(0, count);
  const trace: MovingTrace = {
    rows,
    latDeg: new Float64Array(count),
    lonDeg: new Float64Array(count),
    timeS: new Float64Array(count),
    speedMps: new Float64Array(count),
    intervalS: stride * periodS,
    minLatDeg: NaN,
    maxLatDeg: NaN,
    minLonDeg: NaN,
    maxLonDeg: NaN,
  };
  for (let k = 0; k < count; k++) {
    const r = rows[k];
    trace.latDeg[k] = latDeg[r];
    trace.lonDeg[k] = lonDeg[r];
    trace.timeS[k] = timeS[r];
    trace.speedMps[k] = speedMps[r];
  }
  for (let k = 0; k < count; k++) {
    if (!(trace.latDeg[k] >= trace.minLatDeg)) trace.minLatDeg = trace.latDeg[k];
    if (!(trace.latDeg[k] <= trace.maxLatDeg)) trace.maxLatDeg = trace.latDeg[k];
    if (!(trace.lonDeg[k] >= trace.minLonDeg)) trace.minLonDeg = trace.lonDeg[k];
    if (!(trace.lonDeg[k] <= trace.maxLonDeg)) trace.maxLonDeg = trace.lonDeg[k];
  }
  return trace;
}

/**
 * Distance between the bounding box of a circuit's line and that of a trace,
 * m (0 when they overlap). A cheap test run before {@linkcode measureLineFit}.
 */
export function boundingBoxGapM(track: Track, trace: MovingTrace): number {
  if (trace.rows.length === 0) return Infinity;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  // About 400 points (10-20 m apart on a circuit) are plenty for a test against kilometres.
  const stride = Math.max(1, Math.floor(track.latDeg.length / 400));
  for (let i = 0; i < track.latDeg.length; i += stride) {
    minLat = Math.min(minLat, track.latDeg[i]);
    maxLat = Math.max(maxLat, track.latDeg[i]);
    minLon = Math.min(minLon, track.lonDeg[i]);
    maxLon = Math.max(maxLon, track.lonDeg[i]);
  }
  const proj = createLocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
  const gapLatM = Math.max(0, minLat - trace.maxLatDeg, trace.minLatDeg - maxLat) * proj.mPerDegLat;
  const gapLonM = Math.max(0, minLon - trace.maxLonDeg, trace.minLonDeg - maxLon) * proj.mPerDegLon;
  return Math.hypot(gapLatM, gapLonM);
}

/** How a trace fits one circuit's line. */
export interface LineFit {
  /** Fraction of the trace's samples within {@linkcode FIT_RADIUS_M} of the line, 0..1. */
  fit: number;
  /** Fraction of the line (in {@linkcode COVERAGE_BIN_M} bins) the trace drove over, 0..1. */
  coverage: number;
  /**
   * Fraction of consecutive on-line sample pairs that move forward along the
   * line (point order), 0..1; `NaN` when no pair was on the line.
   */
  forwardFraction: number;
  /** Trace samples used. */
  samples: number;
}

/**
 * Projects every trace sample onto the circuit's line and measures fit,
 * coverage and direction. Consecutive samples on the line whose progress
 * along it agrees with the distance driven (mean speed × time) also mark the
 * bins between them,
 * so a thinned trace still covers the line; pairs that jump (where the line
 * passes near itself) count for neither coverage nor direction.
 */
export function measureLineFit(track: Track, trace: MovingTrace): LineFit {
  const proj = createLocalProjection(track.latDeg[0], track.lonDeg[0]);
  // Every k-th line point, about LINE_SPACING_M apart: cheaper to index and query, and
  // within centimetres of the full line at the fit radius.
  const points = track.latDeg.length;
  const k = Math.max(
    1,
    Math.floor(track.lengthM / points > 0 ? LINE_SPACING_M / (track.lengthM / points) : 1),
  );
  const kept = Math.ceil(points / k);
  const x = new Float64Array(kept);
  const y = new Float64Array(kept);
  for (let i = 0; i < kept; i++) {
    x[i] = proj.toX(track.lonDeg[i * k]);
    y[i] = proj.toY(track.latDeg[i * k]);
  }
  const line = createPolyline(x, y, { closed: true });
  const binCount = Math.max(1, Math.ceil(line.lengthM / COVERAGE_BIN_M));
  const driven = new Uint8Array(binCount);
  const markBins = (fromM: number, toM: number) => {
    const first = Math.floor(Math.min(fromM, toM) / COVERAGE_BIN_M);
    const last = Math.floor(Math.max(fromM, toM) / COVERAGE_BIN_M);
    for (let b = first; b <= last; b++) driven[((b % binCount) + binCount) % binCount] = 1;
  };

  const n = trace.rows.length;
  let onLine = 0;
  let forward = 0;
  let backward = 0;
  let prevStationM = NaN;
  let prevK = -1;
  for (let k = 0; k < n; k++) {
    const hit = line.nearest(proj.toX(trace.lonDeg[k]), proj.toY(trace.latDeg[k]), COVERAGE_RADIUS_M);
    if (hit === null) {
      prevStationM = NaN;
      continue;
    }
    if (hit.distanceM <= FIT_RADIUS_M) onLine++;
    markBins(hit.stationM, hit.stationM);
    const dtS = trace.timeS[k] - trace.timeS[prevK];
    if (!Number.isNaN(prevStationM) && dtS <= MAX_PAIR_INTERVALS * trace.intervalS) {
      const drivenM = 0.5 * (trace.speedMps[k] + trace.speedMps[prevK]) * dtS;
      const progressM = line.stationDeltaM(prevStationM, hit.stationM);
      if (Math.abs(progressM) <= 1.5 * drivenM + 2 * COVERAGE_RADIUS_M) {
        if (progressM > 0) forward++;
        else if (progressM < 0) backward++;
        markBins(prevStationM, prevStationM + progressM);
      }
    }
    prevStationM = hit.stationM;
    prevK = k;
  }
  let covered = 0;
  for (let b = 0; b < binCount; b++) covered += driven[b];
  return {
    fit: n > 0 ? onLine / n : 0,
    coverage: covered / binCount,
    forwardFraction: forward + backward > 0 ? forward / (forward + backward) : NaN,
    samples: n,
  };
}
