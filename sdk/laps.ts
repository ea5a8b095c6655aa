/**
 * Laps in the time domain (index ranges of a session) and in the distance
 * domain (every channel on a uniform distance grid).
 *
 * @module
 */

/** What a lap is for the driver. */
export type LapKind = "out" | "flying" | "in";

/** One lap: the stretch of a session between two start/finish crossings. */
export interface Lap {
  /** Lap n starts at the n-th crossing of the line (RaceChrono's numbering). */
  number: number;
  /** Out-lap (leaves the pits), flying lap, or in-lap (returns to the pits). */
  kind: LapKind;
  /** Crossing that starts the lap, s on the session's `timeS` axis (interpolated between samples). */
  startTimeS: number;
  /** Crossing that ends the lap, s; for an unfinished lap, the time of its last sample. */
  endTimeS: number;
  /** Line-to-line time, s; `null` when the lap never reached the line. */
  timeS: number | null;
  /** Distance driven, m. */
  distanceM: number;
  /** Whether the lap reached the line again. */
  complete: boolean;
  /** Whether the lap counts for best-lap and session statistics. */
  included: boolean;
  /** Why it does not count, when `included` is false. */
  excludedReason: string | null;
  /** First session row of the lap (inclusive). */
  startRow: number;
  /** Last session row of the lap (exclusive). */
  endRow: number;
}

/** Spacing of the distance grid every lap is resampled onto, m. */
export const GRID_STEP_M = 0.7;

/**
 * One lap on the distance grid: grid point `i` is at `i * GRID_STEP_M` metres
 * from the lap's start line. Every channel of the session is linearly
 * interpolated onto the grid; `timeS` holds the elapsed lap time there.
 */
export interface DistanceLap {
  /** The lap's number (see {@linkcode Lap.number}). */
  number: number;
  /** Number of grid points. */
  points: number;
  /** Grid spacing, m (always {@linkcode GRID_STEP_M}). */
  stepM: number;
  /**
   * Channels on the grid, same names as the session's, plus `timeS` = elapsed
   * lap time at each grid point, s.
   */
  channels: Record<string, Float64Array> & { timeS: Float64Array; speedMps: Float64Array };
}
