/**
 * Rows no car on the session's circuit could have logged:
 *
 * - a position hundreds of kilometres from where the rest of the session
 *   was driven. Loggers write `0, 0` when they have no fix (a point in the
 *   Gulf of Guinea), and a corrupted value loses a digit of a latitude. One
 *   such row would add thousands of kilometres to its lap and move the
 *   session's map to the other side of the world;
 * - a speed below zero or above 150 m/s (540 km/h), where a logger wrote a
 *   placeholder or a corrupted value. One such row adds its speed times its
 *   period to the distance of its lap, stretching every grid point after it.
 *
 * @module
 */

import type { ParseContext } from "./format.ts";
import type { DroppedSpan } from "./session.ts";
import type { RawSession } from "./session_builder.ts";

/** A fix further than this north, south, east or west of the session's median position is not on its circuit, m. */
export const FAR_POSITION_M = 200_000;
/** No car on a circuit goes faster than this, m/s (540 km/h). */
export const MAX_SPEED_MPS = 150;
/** The median position is taken from at most this many evenly spread rows. */
const MEDIAN_SAMPLE_ROWS = 2001;
/** Metres per degree of latitude (and of longitude at the equator). */
const M_PER_DEG = 111_320;

/**
 * Clears `keep` for kept rows with a position more than
 * {@linkcode FAR_POSITION_M} north, south, east or west of the session's
 * median position (flat-earth offsets: ample at hundreds of kilometres), or a speed
 * outside 0 to {@linkcode MAX_SPEED_MPS}; reports each run of either kind
 * once (`position_outlier`, `speed_outlier`) and appends it to `dropped`
 * (reason `implausible`, no speed kept: a logger without a fix has no
 * Doppler speed either).
 */
export function dropImplausibleRows(
  raw: RawSession,
  keep: Uint8Array,
  ctx: ParseContext,
  dropped: DroppedSpan[],
): void {
  const { latDeg, lonDeg, speedMps, timeS } = raw.channels;
  const limits = plausibleLimits(latDeg, lonDeg, keep);
  // Most files have no implausible row: find the first one with a tight loop before anything else.
  const start = firstImplausible(raw.channels, keep, limits);
  if (start < 0) return;
  const runs = { position: new RowRun(), speed: new RowRun() };
  const close = (kind: keyof typeof runs) => {
    const run = runs[kind];
    if (run.first < 0) return;
    const { first, last, rows, worst } = run;
    dropped.push({ startS: timeS[first], endS: timeS[last], rows, reason: "implausible" });
    const where = first === last
      ? `line ${raw.lines[first]}`
      : `lines ${raw.lines[first]}–${raw.lines[last]}`;
    const what = kind === "position"
      ? `position ${Math.round(worst / 1000)} km from the rest of the session (no fix, or a corrupted value)`
      : `speed ${(worst * 3.6).toFixed(0)} km/h, which no car reaches`;
    ctx.report({
      severity: "warning",
      code: `${kind}_outlier`,
      file: ctx.file,
      line: raw.lines[first],
      message: `${where}: ${what}; ${rows === 1 ? "row" : `${rows} rows`} skipped`,
    });
    run.first = -1;
  };
  const { position, speed } = runs;
  for (let i = start; i < keep.length; i++) {
    if (!keep[i]) continue;
    const awayM = farAwayM(latDeg[i], lonDeg[i], limits);
    // A row far away is reported as that alone, whatever its speed.
    const tooFast = awayM === 0 && implausibleSpeed(speedMps[i]);
    if (awayM > 0) position.add(i, awayM);
    else close("position");
    if (tooFast) speed.add(i, speedMps[i]);
    else close("speed");
    if (awayM > 0 || tooFast) keep[i] = 0;
  }
  close("position");
  close("speed");
}

/** Where positions stop being plausible: the session's median position and the offsets beyond it, degrees. */
interface PlausibleLimits {
  latDeg: number;
  lonDeg: number;
  latSpanDeg: number;
  lonSpanDeg: number;
  mPerDegLon: number;
}

/** The limits around the median position of the kept rows (none, infinitely wide, when no row has a position). */
function plausibleLimits(latDeg: Float64Array, lonDeg: Float64Array, keep: Uint8Array): PlausibleLimits {
  const centre = medianPosition(latDeg, lonDeg, keep);
  if (!centre) {
    return { latDeg: 0, lonDeg: 0, latSpanDeg: Infinity, lonSpanDeg: Infinity, mPerDegLon: M_PER_DEG };
  }
  const mPerDegLon = M_PER_DEG * Math.cos((centre.latDeg * Math.PI) / 180);
  return {
    ...centre,
    latSpanDeg: FAR_POSITION_M / M_PER_DEG,
    lonSpanDeg: Math.min(180, FAR_POSITION_M / mPerDegLon),
    mPerDegLon,
  };
}

/** How far a position beyond the limits lies from their centre, m; 0 for a plausible one. */
function farAwayM(latDeg: number, lonDeg: number, limits: PlausibleLimits): number {
  const dLat = Math.abs(latDeg - limits.latDeg);
  let dLon = Math.abs(lonDeg - limits.lonDeg);
  if (dLon > 180) dLon = 360 - dLon;
  if (!(dLat > limits.latSpanDeg || dLon > limits.lonSpanDeg)) return 0;
  return Math.hypot(dLat * M_PER_DEG, dLon * limits.mPerDegLon);
}

function implausibleSpeed(speedMps: number): boolean {
  return speedMps < 0 || speedMps > MAX_SPEED_MPS;
}

/** Index of the first kept row with an implausible position or speed, or -1. */
function firstImplausible(
  channels: RawSession["channels"],
  keep: Uint8Array,
  limits: PlausibleLimits,
): number {
  const { latDeg, lonDeg, speedMps } = channels;
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] && (farAwayM(latDeg[i], lonDeg[i], limits) > 0 || implausibleSpeed(speedMps[i]))) return i;
  }
  return -1;
}

/** A run of implausible rows being collected. */
class RowRun {
  first = -1;
  last = -1;
  rows = 0;
  /** The value furthest from plausible (distance or speed). */
  worst = 0;

  add(i: number, value: number): void {
    if (this.first < 0) [this.first, this.rows, this.worst] = [i, 0, value];
    this.last = i;
    this.rows++;
    if (Math.abs(value) > Math.abs(this.worst)) this.worst = value;
  }
}

/** The median latitude and longitude of evenly spread kept rows, or null when none has a position. */
function medianPosition(
  latDeg: Float64Array,
  lonDeg: Float64Array,
  keep: Uint8Array,
): { latDeg: number; lonDeg: number } | null {
  const stride = Math.max(1, Math.floor(keep.length / MEDIAN_SAMPLE_ROWS));
  const lats: number[] = [], lons: number[] = [];
  for (let i = 0; i < keep.length; i += stride) {
    if (keep[i] && Number.isFinite(latDeg[i]) && Number.isFinite(lonDeg[i])) {
      lats.push(latDeg[i]);
      lons.push(lonDeg[i]);
    }
  }
  if (lats.length === 0) return null;
  const median = (xs: number[]) => Float64Array.from(xs).sort()[xs.length >> 1];
  return { latDeg: median(lats), lonDeg: median(lons) };
}
