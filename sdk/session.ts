/**
 * Session data: one logger file as columns of typed arrays, one entry per sample.
 *
 * @module
 */

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
  /** `"accuracy"` (worse than the filter allows), `"satellites"` (too few), or `"dropout"` (no samples at all). */
  reason: "accuracy" | "satellites" | "dropout";
}
