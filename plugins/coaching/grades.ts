/**
 * Corner grades computed from the numbers. The original asked the language
 * model to grade each corner from a rubric although every input was already
 * a number; here the engine grades and the model only narrates, so a grade
 * is reproducible and never inflated.
 *
 * Rubric (metric; the original's, converted from mph where it used mph):
 *
 * | grade | braking: brake-point sd | min speed: sd / gap to target | throttle: commit sd | consistency score |
 * | ----- | ----------------------- | ----------------------------- | ------------------- | ----------------- |
 * | A     | < 3 m                   | < 1.5 km/h / ≤ 3 km/h          | < 5 m               | ≥ 90              |
 * | B     | < 6 m                   | < 3 km/h / ≤ 6 km/h            | < 8 m               | ≥ 80              |
 * | C     | < 10 m                  | < 5 km/h / ≤ 10 km/h           | < 12 m              | ≥ 65              |
 * | D     | < 15 m                  | < 8 km/h / ≤ 15 km/h           | < 20 m              | ≥ 50              |
 * | F     | beyond                  | beyond                        | beyond              | below             |
 *
 * Braking drops one letter when the median peak deceleration is more than
 * 0.1 g below the corner's strongest (braking that is not committed). The
 * min-speed grade is the worse of the spread and the gap to the physics
 * target (a driver faster than the model there gets the spread grade).
 * `N/A`: no braking, no throttle commit, or fewer than two laps.
 *
 * @module
 */

import type { CornerGradeSet, CornerTargetSummary, Grade, LapSpread } from "../../sdk/mod.ts";

const LETTERS: readonly Grade[] = ["A", "B", "C", "D", "F"];

/** Brake-point sd limits for A..D, m. */
const BRAKE_SD_M = [3, 6, 10, 15];
/** Minimum-speed sd limits for A..D, km/h. */
const MIN_SPEED_SD_KMH = [1.5, 3, 5, 8];
/** Gap-to-target limits for A..D, km/h (inclusive). */
const TARGET_GAP_KMH = [3, 6, 10, 15];
/** Throttle-commit sd limits for A..D, m. */
const THROTTLE_SD_M = [5, 8, 12, 20];
/** Consistency-score floors for A..D. */
const SCORE_FLOOR = [90, 80, 65, 50];
/** Peak braking this far below the corner's strongest costs a letter, g. */
const SOFT_BRAKING_G = 0.1;

/** The letter for `value` under ascending `limits` (below limits[0] is A). */
function byLimits(value: number, limits: readonly number[], inclusive = false): Grade {
  const i = limits.findIndex((limit) => (inclusive ? value <= limit : value < limit));
  return LETTERS[i < 0 ? 4 : i];
}

/** The letter for `value` under descending `floors` (at or above floors[0] is A). */
function byFloors(value: number, floors: readonly number[]): Grade {
  const i = floors.findIndex((floor) => value >= floor);
  return LETTERS[i < 0 ? 4 : i];
}

/** The worse of two letters. */
function worse(a: Grade, b: Grade): Grade {
  return LETTERS[Math.max(LETTERS.indexOf(a), LETTERS.indexOf(b))];
}

/** The letter one step lower (F stays F). */
function lower(grade: Grade): Grade {
  return LETTERS[Math.min(4, LETTERS.indexOf(grade) + 1)];
}

/** What the grades are computed from. */
export interface GradeInputs {
  /** Whether the driver brakes for the corner. */
  braking: boolean;
  /** Brake point across laps, or null. */
  brakePointM: LapSpread | null;
  /** Peak deceleration across laps, with the strongest, or null. */
  peakBrakeG: (LapSpread & { best: number }) | null;
  /** Minimum speed across laps. */
  minSpeedKmh: LapSpread;
  /** Throttle commit across laps, or null. */
  throttleCommitM: LapSpread | null;
  /** Physics target, or null. */
  target: CornerTargetSummary | null;
  /** Consistency score 0..100, or null. */
  consistencyScore: number | null;
}

/** Grades one corner by the rubric in this module's documentation. */
export function gradeCorner(inputs: GradeInputs): CornerGradeSet {
  const { brakePointM, peakBrakeG, minSpeedKmh, throttleCommitM, target } = inputs;
  let braking: Grade = "N/A";
  if (inputs.braking && brakePointM?.std != null) {
    braking = byLimits(brakePointM.std, BRAKE_SD_M);
    if (peakBrakeG && peakBrakeG.best - peakBrakeG.median > SOFT_BRAKING_G) braking = lower(braking);
  }
  let minSpeed: Grade = minSpeedKmh.std === null ? "N/A" : byLimits(minSpeedKmh.std, MIN_SPEED_SD_KMH);
  if (minSpeed !== "N/A" && target?.speedGapKmh != null && target.speedGapKmh > 0) {
    minSpeed = worse(minSpeed, byLimits(target.speedGapKmh, TARGET_GAP_KMH, true));
  }
  const throttle: Grade = throttleCommitM?.std != null ? byLimits(throttleCommitM.std, THROTTLE_SD_M) : "N/A";
  const score = inputs.consistencyScore;
  const consistency: Grade = score === null || minSpeedKmh.laps < 2 ? "N/A" : byFloors(score, SCORE_FLOOR);
  return { braking, minSpeed, throttle, consistency };
}
