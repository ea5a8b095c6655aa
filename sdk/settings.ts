/**
 * Settings of one analysis run, passed to every format and stage.
 *
 * @module
 */

import type { JsonValue } from "./app.ts";
import type { Vehicle } from "./vehicle.ts";

/** Which GPS samples are trusted for position. */
export interface GpsQualitySettings {
  /** Samples whose estimated accuracy is worse than this are dropped, m. */
  maxAccuracyM: number;
  /** Samples with fewer satellites than this are dropped. */
  minSatellites: number;
}

/** Settings of one analysis run. */
export interface RunSettings {
  /** Force this circuit (its slug) instead of matching the GPS trace; `null` to match. */
  trackSlug: string | null;
  /** GPS quality filter. */
  gps: GpsQualitySettings;
  /** Settings for individual plugins, by plugin id. */
  plugins: Record<string, Record<string, unknown>>;
  /** The car, for the physics-optimal lap; `null` to estimate grip and power from the session. */
  vehicle: Vehicle | null;
  /**
   * The driver's own tags of this session's laps, by lap number (`"5"`):
   * the server passes what the driver saved (see `lap_sets.ts` for the tags
   * that leave a lap out of the analysis). Laps without tags are absent.
   */
  userLapTags: Readonly<Record<string, readonly string[]>>;
  /**
   * What each plugin's `analysisData` returned for this run, by plugin id
   * (see `plugin.ts`); empty on the command line.
   */
  pluginData: Readonly<Record<string, JsonValue>>;
}

/** Settings used when a caller gives none: the original's GPS thresholds (2.0 m, 6 satellites). */
export const DEFAULT_SETTINGS: RunSettings = Object.freeze({
  trackSlug: null,
  gps: Object.freeze({ maxAccuracyM: 2.0, minSatellites: 6 }),
  plugins: Object.freeze({}),
  vehicle: null,
  userLapTags: Object.freeze({}),
  pluginData: Object.freeze({}),
}) as RunSettings;
