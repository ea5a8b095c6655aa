/**
 * Session data: one logger file as columns of typed arrays, one entry per sample.
 *
 * @module
 */

import type { LatLonDeg } from "./geo.ts";

/**
 * The channels of a session, one `Float64Array` per channel, all of one length
 * (the row count). Missing samples are `NaN`. Names carry their unit.
 *
 * `timeS`, `latDeg`, `lonDeg` and `speedMps` are always present; the rest only
 * when the logger recorded them. A format may add channels of its own under
 * other names (camelCase with a unit suffix).
 */
export interface Channels {
  /** Seconds since the first sample of the file. Strictly increasing. */
  timeS: Float64Array;
  /** Latitude, degrees north (WGS 84). */
  latDeg: Float64Array;
  /** Longitude, degrees east (WGS 84). */
  lonDeg: Float64Array;
  /** Ground speed, m/s (GPS Doppler where the logger gives it). */
  speedMps: Float64Array;
  /** Course over ground, degrees clockwise from north. */
  headingDeg?: Float64Array;
  /** Altitude, m. */
  altitudeM?: Float64Array;
  /** Estimated horizontal GPS accuracy, m. */
  accuracyM?: Float64Array;
  /** Satellites used in the fix. */
  satellites?: Float64Array;
  /** Longitudinal acceleration, g; positive = accelerating, negative = braking. */
  longAccelG?: Float64Array;
  /** Lateral acceleration, g, with the sign the logger uses. */
  latAccelG?: Float64Array;
  /** Yaw rate, degrees per second. */
  yawRateDps?: Float64Array;
  /** The logger's own cumulative distance, m. */
  odometerM?: Float64Array;
  /** Any further channel a format provides. */
  [channel: string]: Float64Array | undefined;
}

/** Names of the channels every session has. */
export const REQUIRED_CHANNELS = ["timeS", "latDeg", "lonDeg", "speedMps"] as const;

/**
 * A start/finish crossing as the logger itself marked it: a hint for lap
 * splitting (RaceChrono's lap column, AiM's beacon markers).
 */
export interface LapMarker {
  /** Best estimate of the crossing, seconds on the session's `timeS` axis. */
  timeS: number;
  /** Half-width of the interval the crossing lies in, s (0 for an exact beacon time). */
  uncertaintyS: number;
}

/** One parsed logger file. Produced by a format plugin, read by every stage. */
export interface Session {
  /** File name as uploaded (no directories). */
  file: string;
  /** Id of the format plugin that read it, e.g. `"racechrono"`. */
  format: string;
  /** Number of samples kept (the length of every channel). */
  rows: number;
  /** The samples, column by column. */
  channels: Channels;
  /** 1-based line of the file each sample came from (for diagnostics). */
  sourceLine: Int32Array;
  /** Unix time of the first sample, s, when the file says it. */
  startUnixS: number | null;
  /** The circuit name the logger stored, if any (a hint; matching uses the GPS trace). */
  trackNameHint: string | null;
  /** The logger's own start/finish crossings, if it recorded them. */
  lapMarkers: LapMarker[];
  /** Free-form key/value metadata from the file's preamble. */
  metadata: Record<string, string>;
  /** Stretches of rows the format or the session builder dropped (poor GPS, gaps), in time order. */
  droppedSpans?: DroppedSpan[];
}

/** A stretch of the file whose samples were not kept, and why. */
export interface DroppedSpan {
  /** Time of the first dropped sample, s on the session's `timeS` axis. */
  startS: number;
  /** Time of the last dropped sample, s. */
  endS: number;
  /** Samples dropped. */
  rows: number;
  /**
   * `"accuracy"` (worse than the filter allows), `"satellites"` (too few),
   * `"dropout"` (no samples at all) or `"implausible"` (a position hundreds
   * of kilometres from the rest of the session or a speed no car reaches:
   * no fix, or a corrupted value).
   */
  reason: "accuracy" | "satellites" | "dropout" | "implausible";
  /**
   * The dropped samples' times (s, on the session's axis) and ground speeds
   * (m/s), for a stretch dropped for its position fix: Doppler speed does not
   * depend on the fix, so distance and speed are still read from them
   * ({@linkcode droppedSpeedSamples}). Absent for a dropout and for rows
   * without a finite speed.
   */
  speedSamples?: SpeedSamples;
}

/** What was left out of a dropped stretch, in words: "positions not used (speed kept)" or "samples not used". */
export function droppedSpanUse(span: Pick<DroppedSpan, "speedSamples">): string {
  return span.speedSamples ? "positions not used (speed kept)" : "samples not used";
}

/** Ground-speed samples: times (s) and speeds (m/s), the same length, times ascending. */
export interface SpeedSamples {
  /** Sample times, s on the session's `timeS` axis. */
  timeS: Float64Array;
  /** Ground speed at each time, m/s. */
  speedMps: Float64Array;
}

/**
 * The speed samples of every stretch dropped for its position fix, merged
 * in time order (empty when there are none).
 */
export function droppedSpeedSamples(session: Pick<Session, "droppedSpans">): SpeedSamples {
  const spans = (session.droppedSpans ?? []).flatMap((s) => s.speedSamples ? [s.speedSamples] : []);
  const n = spans.reduce((sum, s) => sum + s.timeS.length, 0);
  const merged = { timeS: new Float64Array(n), speedMps: new Float64Array(n) };
  let at = 0;
  for (const s of spans.sort((a, b) => a.timeS[0] - b.timeS[0])) {
    merged.timeS.set(s.timeS, at);
    merged.speedMps.set(s.speedMps, at);
    at += s.timeS.length;
  }
  return merged;
}

/**
 * Every speed the session measured, in time order: its rows and the speed
 * samples of rows dropped for their position fix (the rows' own arrays
 * when there are none). Distance driven is this integrated over time.
 */
export function measuredSpeed(session: Pick<Session, "channels" | "droppedSpans">): SpeedSamples {
  const rows = { timeS: session.channels.timeS, speedMps: session.channels.speedMps };
  const dropped = droppedSpeedSamples(session);
  if (dropped.timeS.length === 0) return rows;
  const n = rows.timeS.length + dropped.timeS.length;
  const merged = { timeS: new Float64Array(n), speedMps: new Float64Array(n) };
  let i = 0, j = 0;
  for (let k = 0; k < n; k++) {
    const fromRows = j >= dropped.timeS.length ||
      (i < rows.timeS.length && rows.timeS[i] <= dropped.timeS[j]);
    if (fromRows) {
      merged.timeS[k] = rows.timeS[i];
      merged.speedMps[k] = rows.speedMps[i++];
    } else {
      merged.timeS[k] = dropped.timeS[j];
      merged.speedMps[k] = dropped.speedMps[j++];
    }
  }
  return merged;
}

/**
 * The session's position at `timeS` (s on its axis), linear between the two
 * samples around it (the first or last sample outside the session), or null
 * where a position is missing.
 *
 * @example
 * ```ts
 * import { positionAt } from "./session.ts";
 * const channels = {
 *   timeS: Float64Array.of(0, 1),
 *   latDeg: Float64Array.of(10, 10.001),
 *   lonDeg: Float64Array.of(20, 20),
 *   speedMps: Float64Array.of(0, 0),
 * };
 * console.assert(Math.abs(positionAt({ channels }, 0.5)!.latDeg - 10.0005) < 1e-9);
 * ```
 */
export function positionAt(session: Pick<Session, "channels">, timeS: number): LatLonDeg | null {
  const { timeS: t, latDeg, lonDeg } = session.channels;
  if (t.length < 2) return null;
  let i = 1;
  while (i < t.length - 1 && t[i] < timeS) i++;
  const u = Math.min(1, Math.max(0, (timeS - t[i - 1]) / (t[i] - t[i - 1])));
  const at = {
    latDeg: latDeg[i - 1] + u * (latDeg[i] - latDeg[i - 1]),
    lonDeg: lonDeg[i - 1] + u * (lonDeg[i] - lonDeg[i - 1]),
  };
  return Number.isFinite(at.latDeg) && Number.isFinite(at.lonDeg) ? at : null;
}
