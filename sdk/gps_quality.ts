/**
 * GPS quality of a session: a 0..100 score, a grade, the metrics behind it and
 * the stretches where the signal was poor.
 *
 * @module
 */

/** One metric of the score. */
export interface GpsQualityMetric {
  /** Stable id, e.g. `"accuracy-p90"`. */
  id: string;
  /** What it measures, for display. */
  label: string;
  /** The measured value, in `unit`; null when it could not be measured. */
  value: number | null;
  /** Unit of `value`. */
  unit: string;
  /** 0..100. */
  score: number | null;
  /** Weight in the overall score (weights of measured metrics sum to 1). */
  weight: number;
}

/** A stretch of poor GPS. */
export interface GpsBadSpan {
  /** Start, s on the session's time axis. */
  startS: number;
  /** End, s. */
  endS: number;
  /** Why it is poor. */
  reason: string;
}

/** GPS quality of a session. */
export interface GpsQuality {
  /** 0..100 weighted score. */
  score: number;
  /** A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else F. */
  grade: "A" | "B" | "C" | "D" | "F";
  /** Whether the data is good enough for corner and line analysis (score ≥ 40). */
  usable: boolean;
  /** The metrics. */
  metrics: GpsQualityMetric[];
  /** Plain-language reasons for every point lost. */
  reasons: string[];
  /** Poor stretches. */
  badSpans: GpsBadSpan[];
}
