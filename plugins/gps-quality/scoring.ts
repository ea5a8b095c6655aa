/**
 * From measured metrics to the 0..100 score, grade and plain-language
 * reasons. Each metric is scored by linear interpolation between
 * breakpoints (clamped at both ends); the score is the weighted mean of the
 * metrics that could be measured (their weights rescaled to sum to 1).
 *
 * @module
 */

import type { GpsQuality, GpsQualityMetric } from "../../sdk/mod.ts";

/** One metric's definition: how its value maps to 0..100 and how much it weighs. */
export interface MetricSpec {
  /** Stable id. */
  id: string;
  /** What it measures, for display. */
  label: string;
  /** Unit of the value. */
  unit: string;
  /** Weight before rescaling over the measured metrics. */
  weight: number;
  /** `[value, score]` pairs, values ascending. */
  breakpoints: readonly (readonly [number, number])[];
  /** Says in plain words what the value means for the driver. */
  explain(value: number): string;
}

/**
 * The metrics and their breakpoints. What a breakpoint means, in the terms
 * a driver can check:
 * - line scatter (weight 0.3, the metric that decides whether corner and
 *   line analysis can be trusted): laps within 0.5 m of their common line
 *   (90 % of the time) can be compared line against line; at 1 m an apex
 *   shift of a car's width is still visible; at 3 m (a quarter of a track's
 *   width) the line is not readable; 5 m scores 0.
 * - time without a usable fix (0.2): 0.5 % of a session is one lost corner
 *   in a 15-minute run; 5 % means several corners of every lap are blind.
 * - spikes per km (0.1): one jump every 5 km (about 1 per lap) is a
 *   nuisance; one per km spoils corners.
 * - estimated accuracy p90 (0.15) and satellites p10 (0.1): what the
 *   receiver says about itself; 0.5 m is a good external 10 Hz+ receiver,
 *   2 m is the limit the session filter keeps.
 * - fixes per second (0.15): at 5 Hz and faster brake points and corners
 *   are measured as well as at 25 Hz (measured on simulated sessions: brake
 *   points within 3.7 m on average); at 1 Hz, a phone's own receiver, the
 *   car covers 40 m between fixes: laps are still timed within 0.05 s, but
 *   brake points are 18 to 84 m out on average and one or two short corners
 *   of a lap go unseen.
 */
export const METRICS: readonly MetricSpec[] = [
  {
    id: "line-scatter-p90",
    label: "Scatter of the laps around their common line (90th percentile)",
    unit: "m",
    weight: 0.3,
    breakpoints: [[0.5, 100], [1, 85], [2, 55], [3, 30], [5, 0]],
    explain: (v) => `laps stray up to ${v.toFixed(2)} m from their common line (90 % of the time)`,
  },
  {
    id: "no-fix-time",
    label: "Time without a usable position while driving",
    unit: "%",
    weight: 0.2,
    breakpoints: [[0, 100], [0.5, 85], [2, 50], [5, 15], [10, 0]],
    explain: (v) => `no usable position for ${v.toFixed(2)} % of the session`,
  },
  {
    id: "spikes-per-km",
    label: "Position or speed jumps per km",
    unit: "1/km",
    weight: 0.1,
    breakpoints: [[0, 100], [0.2, 85], [1, 50], [5, 10], [20, 0]],
    explain: (v) => `${v.toFixed(2)} position or speed jumps per km`,
  },
  {
    id: "accuracy-p90",
    label: "Estimated position accuracy (90th percentile)",
    unit: "m",
    weight: 0.15,
    breakpoints: [[0.5, 100], [1, 85], [1.5, 55], [2, 20], [3, 0]],
    explain: (v) => `the receiver rated its accuracy ${v.toFixed(2)} m or worse 10 % of the time`,
  },
  {
    id: "satellites-p10",
    label: "Satellites in use (10th percentile)",
    unit: "satellites",
    weight: 0.1,
    breakpoints: [[4, 0], [6, 30], [8, 70], [10, 90], [12, 100]],
    explain: (v) => `only ${v.toFixed(0)} satellites or fewer were in use 10 % of the time`,
  },
  {
    id: "fix-rate",
    label: "Position fixes per second",
    unit: "Hz",
    weight: 0.15,
    breakpoints: [[1, 0], [2, 40], [5, 100]],
    explain: (v) =>
      `${v.toFixed(v < 10 ? 1 : 0)} position fixes per second: brake points and short corners need 5 or more`,
  },
];

/** Score of `value` by linear interpolation between breakpoints, clamped at the ends. */
export function scoreAt(breakpoints: MetricSpec["breakpoints"], value: number): number {
  const first = breakpoints[0], last = breakpoints[breakpoints.length - 1];
  if (value <= first[0]) return first[1];
  if (value >= last[0]) return last[1];
  for (let i = 1; i < breakpoints.length; i++) {
    const [x1, y1] = breakpoints[i];
    if (value <= x1) {
      const [x0, y0] = breakpoints[i - 1];
      return y0 + ((value - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return last[1];
}

/** Letter grade of a score: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else F. */
export function gradeOf(score: number): GpsQuality["grade"] {
  return score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "F";
}

/** Lowest score at which corner and line analysis are still meaningful. */
export const USABLE_SCORE = 40;

/**
 * Scores the measured values (by metric id; `null` = not measured) into
 * the score, grade, metrics and one reason per metric that lost points.
 */
export function scoreMetrics(
  values: Readonly<Record<string, number | null>>,
): Omit<GpsQuality, "badSpans"> {
  const measuredWeight = METRICS.reduce((sum, m) => sum + (values[m.id] != null ? m.weight : 0), 0);
  const metrics: GpsQualityMetric[] = [];
  const reasons: string[] = [];
  let score = 0;
  for (const spec of METRICS) {
    const value = values[spec.id] ?? null;
    const metricScore = value === null ? null : scoreAt(spec.breakpoints, value);
    const weight = value === null || measuredWeight === 0 ? 0 : spec.weight / measuredWeight;
    metrics.push({ id: spec.id, label: spec.label, value, unit: spec.unit, score: metricScore, weight });
    if (metricScore === null) continue;
    score += weight * metricScore;
    const lost = weight * (100 - metricScore);
    if (lost >= 0.05) reasons.push(`${capitalise(spec.explain(value!))}: −${lost.toFixed(1)} points.`);
  }
  const rounded = Math.round(score * 10) / 10;
  return { score: rounded, grade: gradeOf(rounded), usable: rounded >= USABLE_SCORE, metrics, reasons };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
