/**
 * Turns a coach's draft into the stored report: the engine adds the numbers
 * it owns (time on the table per priority corner, every grade), so those
 * never come from the language model.
 *
 * @module
 */

import type { CoachingContext, CoachingReport, CornerGrades, ReportSource } from "../../sdk/mod.ts";
import type { ReportDraft } from "./report_schema.ts";

/** Time on the table as a report states it: 2 decimals, as in the context. */
const roundSeconds = (s: number) => Math.round(s * 100) / 100;

/** The grades of every corner, in lap order. */
export function cornerGradesOf(context: CoachingContext): CornerGrades[] {
  return context.corners.map((c) => ({
    corner: c.label,
    braking: c.grades.braking,
    min_speed: c.grades.minSpeed,
    throttle: c.grades.throttle,
    consistency: c.grades.consistency,
  }));
}

/** The report from a valid draft (its corners must be the context's). */
export function assembleReport(
  draft: ReportDraft,
  context: CoachingContext,
  source: ReportSource,
): CoachingReport {
  const byLabel = new Map(context.corners.map((c) => [c.label, c]));
  return {
    summary: draft.summary.trim(),
    priority_corners: draft.priority_corners.map((p) => ({
      corner: p.corner,
      time_s: roundSeconds(byLabel.get(p.corner)?.timeOnTableS ?? 0),
      what: p.what.trim(),
      how: p.how.trim(),
    })),
    corner_grades: cornerGradesOf(context),
    drills: draft.drills.map((d) => ({ corner: d.corner, title: d.title.trim(), how: d.how.trim() })),
    source,
  };
}
