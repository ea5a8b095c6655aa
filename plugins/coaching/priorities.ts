/**
 * Which corners a report puts first: those with the most time on the table,
 * as many as the driver's skill level can work on in one session (the
 * original's caps: novice 2, intermediate 3, advanced 4). Fixed by the
 * analysis, so the language model narrates them but cannot reorder or
 * invent them.
 *
 * @module
 */

import type { CoachingContext, CornerCoachingSummary, SkillLevel } from "../../sdk/mod.ts";

/** Priorities per skill level. */
export const MAX_PRIORITIES: Readonly<Record<SkillLevel, number>> = {
  novice: 2,
  intermediate: 3,
  advanced: 4,
};

/** Less time than this on the table is not worth a priority, s. */
export const MIN_PRIORITY_S = 0.01;

/** The priority corners, most time on the table first. */
export function priorityCorners(context: CoachingContext, skill: SkillLevel): CornerCoachingSummary[] {
  const byNumber = new Map(context.corners.map((c) => [c.corner, c]));
  return context.ranking
    .map((n) => byNumber.get(n)!)
    .filter((c) => c.timeOnTableS >= MIN_PRIORITY_S)
    .slice(0, MAX_PRIORITIES[skill]);
}
