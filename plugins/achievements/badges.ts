/**
 * The badges and the thresholds of the rules that award them.
 *
 * @module
 */

/** How often a badge can be earned. */
export type BadgeRepeat = "once" | "per-track" | "per-corner" | "per-session";

/** One badge of the catalogue. */
export interface Badge {
  /** Stable id, kebab-case. */
  readonly id: string;
  /** Display name. */
  readonly title: string;
  /** The rule, one sentence a driver understands. */
  readonly description: string;
  /** Once, once per circuit, once per corner of a circuit, or once per session. */
  readonly repeat: BadgeRepeat;
}

/** Thresholds of the rules (documented in {@linkcode BADGES}). */
export const THRESHOLDS = {
  /** A streak counts sessions with at least this consistency score (0..100). */
  streakConsistencyScore: 80,
  /** Sessions in a row the streak needs. */
  streakSessions: 3,
  /** A mastered corner's minimum speed varies by less than this over the clean laps, km/h. */
  masterySpreadKmh: 1.5,
  /** Clean laps a mastered corner needs in one session. */
  masteryCleanLaps: 5,
  /** Timed laps a clean session needs. */
  cleanSessionLaps: 3,
  /** Distance milestones, km. */
  distanceKm: [100, 500, 1000, 5000],
  /** A personal best must beat the previous best by at least this, s (the resolution lap times are shown at). */
  personalBestMarginS: 0.001,
} as const;

/** Id of the distance badge for `km`. */
export function distanceBadgeId(km: number): string {
  return `distance-${km}km`;
}

/** Every badge, in display order. */
export const BADGES: readonly Badge[] = [
  {
    id: "first-session",
    title: "First laps",
    description: "Your first analysed session with a timed lap.",
    repeat: "once",
  },
  {
    id: "new-track",
    title: "New circuit",
    description: "Your first session with a timed lap at a circuit.",
    repeat: "per-track",
  },
  {
    id: "personal-best",
    title: "Personal best",
    description:
      "A session whose best lap beats your best at that circuit from every session driven before it.",
    repeat: "per-session",
  },
  {
    id: "consistency-streak",
    title: "In the groove",
    description:
      `${THRESHOLDS.streakSessions} sessions in a row (in the order driven) with a consistency score of ${THRESHOLDS.streakConsistencyScore} or more.`,
    repeat: "once",
  },
  {
    id: "corner-mastery",
    title: "Corner mastery",
    description:
      `A corner whose minimum speed stays within ${THRESHOLDS.masterySpreadKmh} km/h over at least ${THRESHOLDS.masteryCleanLaps} clean laps of one session.`,
    repeat: "per-corner",
  },
  {
    id: "clean-session",
    title: "Clean session",
    description:
      `A session of at least ${THRESHOLDS.cleanSessionLaps} timed laps with no lap tagged as a mistake or off-track.`,
    repeat: "once",
  },
  ...THRESHOLDS.distanceKm.map((km): Badge => ({
    id: distanceBadgeId(km),
    title: `${km} km`,
    description: `${km} km driven over all your sessions (every lap, out- and in-laps included).`,
    repeat: "once",
  })),
];
