/**
 * How repeatable the driver was: lap times and, per corner, minimum speed,
 * brake point and throttle commit.
 *
 * @module
 */

/** Spread of one corner across laps. */
export interface CornerConsistency {
  /** {@linkcode Corner.number}. */
  corner: number;
  /** Laps that contributed. */
  samples: number;
  /** Standard deviation of the minimum speed, km/h. */
  minSpeedStdKmh: number;
  /** Max − min of the minimum speed, km/h. */
  minSpeedRangeKmh: number;
  /** Standard deviation of the brake point, m; null when fewer than 2 laps brake. */
  brakePointStdM: number | null;
  /** Latest − earliest brake point, m; null when fewer than 2 laps brake. */
  brakePointRangeM: number | null;
  /** Standard deviation of the throttle-commit point, m; null when fewer than 2 laps have one. */
  throttleCommitStdM: number | null;
  /** Latest − earliest throttle-commit point, m; null when fewer than 2 laps have one. */
  throttleCommitRangeM: number | null;
  /** 0..100, higher is more consistent (formula in the consistency plugin's docs). */
  score: number;
}

/** Consistency of a session. */
export interface Consistency {
  /** Laps analysed. */
  laps: number[];
  /** Mean lap time, s. */
  meanLapTimeS: number;
  /** Standard deviation of lap times, s. */
  lapTimeStdS: number;
  /** Slowest − fastest lap time, s. */
  lapTimeSpreadS: number;
  /** 0..100 for lap times alone. */
  lapScore: number;
  /** Per corner. */
  corners: CornerConsistency[];
  /** 0..100 overall (formula in the consistency plugin's docs). */
  score: number;
  /** True when there were too few laps for the scores to mean much (they are then provisional). */
  provisional: boolean;
}
