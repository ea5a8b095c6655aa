/**
 * The coaching report's schema and its runtime validation, with a path for
 * every problem. Two documents are checked:
 *
 * - the **draft** the language model submits (summary, the fixed priority
 *   corners with what/how, drills): shape, known corners, the priority list
 *   exactly as the analysis fixed it;
 * - the **report** as stored and served ({@linkcode CoachingReport}): the
 *   draft plus the engine's `time_s` per priority and the grades.
 *
 * @module
 */

import type { CoachingContext, CoachingReport, CornerGrades, Drill, PriorityCorner } from "../../sdk/mod.ts";
import {
  finite,
  list,
  nullable,
  oneOf,
  record,
  type Schema,
  type SchemaError,
  schemaErrors,
  text,
} from "./_schema.ts";

/** Grade letters. */
export const GRADES = ["A", "B", "C", "D", "F", "N/A"] as const;

/** Longest summary, characters. */
const SUMMARY_MAX = 900;
/** Longest what/how/drill text, characters. */
const ITEM_MAX = 600;
/** Most drills in a report. */
export const MAX_DRILLS = 3;

/** What the language model submits: the report without the numbers the engine owns. */
export interface ReportDraft {
  /** Summary. */
  summary: string;
  /** The fixed priority corners, with what and how. */
  priority_corners: { corner: string; what: string; how: string }[];
  /** Drills. */
  drills: Drill[];
}

const cornerLabel = text('Corner label exactly as in the context, e.g. "T5"', 1, 24);
const drill: Schema<Drill> = record<Drill>("An exercise for the next session", {
  corner: nullable(cornerLabel),
  title: text("Short name of the drill", 1, 80),
  how: text("What to do, lap by lap, with the reference numbers from the context", 1, ITEM_MAX),
});
const summary = text("Two or three sentences: strengths first, then the biggest opportunity", 1, SUMMARY_MAX);
const grade = oneOf("Grade", GRADES);

/** Schema of the draft; its JSON Schema is the report tool's input schema. */
export const draftSchema: Schema<ReportDraft> = record<ReportDraft>("A coaching report", {
  summary,
  priority_corners: list(
    record<ReportDraft["priority_corners"][number]>("One priority corner", {
      corner: cornerLabel,
      what: text("What happens there, quoting numbers from the context", 1, ITEM_MAX),
      how: text("One concrete change for the next session and why", 1, ITEM_MAX),
    }),
    0,
    4,
  ),
  drills: list(drill, 1, MAX_DRILLS),
});

/** Schema of a stored report. */
export const reportSchema: Schema<CoachingReport> = record<CoachingReport>("A coaching report", {
  summary,
  priority_corners: list(
    record<PriorityCorner>("One priority corner", {
      corner: cornerLabel,
      time_s: finite("Time on the table there, s"),
      what: text("What happens there", 1, ITEM_MAX),
      how: text("How to fix it", 1, ITEM_MAX),
    }),
    0,
    4,
  ),
  corner_grades: list(
    record<CornerGrades>("Grades of one corner", {
      corner: cornerLabel,
      braking: grade,
      min_speed: grade,
      throttle: grade,
      consistency: grade,
    }),
    0,
    500,
  ),
  drills: list(drill, 0, MAX_DRILLS),
  source: oneOf("Who wrote it", ["claude", "offline"]),
});

/**
 * Problems of a draft: its shape, then that the priority corners are exactly
 * `expectedPriorities` in order and every drill names a corner of the context.
 */
export function draftErrors(
  value: unknown,
  context: CoachingContext,
  expectedPriorities: readonly string[],
): SchemaError[] {
  const errors = schemaErrors(draftSchema, value);
  if (errors.length > 0) return errors;
  const draft = value as ReportDraft;
  const got = draft.priority_corners.map((p) => p.corner);
  if (got.length !== expectedPriorities.length) {
    errors.push({
      path: "priority_corners",
      message: `must list exactly ${expectedPriorities.length} corner(s): ${
        expectedPriorities.join(", ") || "none"
      }`,
    });
  }
  got.forEach((label, i) => {
    if (i < expectedPriorities.length && label !== expectedPriorities[i]) {
      errors.push({
        path: `priority_corners[${i}].corner`,
        message: `must be "${expectedPriorities[i]}", got "${label}"`,
      });
    }
  });
  errors.push(...unknownDrillCorners(draft.drills, context));
  return errors;
}

/** Problems of a stored report: its shape, known corners, and one grade entry per corner in lap order. */
export function reportErrors(value: unknown, context: CoachingContext): SchemaError[] {
  const errors = schemaErrors(reportSchema, value);
  if (errors.length > 0) return errors;
  const report = value as CoachingReport;
  const labels = new Set(context.corners.map((c) => c.label));
  report.priority_corners.forEach((p, i) => {
    if (!labels.has(p.corner)) {
      errors.push({
        path: `priority_corners[${i}].corner`,
        message: `"${p.corner}" is not a corner of this session`,
      });
    }
  });
  const expected = context.corners.map((c) => c.label);
  const graded = report.corner_grades.map((g) => g.corner);
  if (graded.join("\u0000") !== expected.join("\u0000")) {
    errors.push({
      path: "corner_grades",
      message: `must grade every corner once, in lap order: ${expected.join(", ")}`,
    });
  }
  errors.push(...unknownDrillCorners(report.drills, context));
  return errors;
}

function unknownDrillCorners(drills: readonly Drill[], context: CoachingContext): SchemaError[] {
  const labels = new Set(context.corners.map((c) => c.label));
  return drills.flatMap((d, i) =>
    d.corner !== null && !labels.has(d.corner)
      ? [{ path: `drills[${i}].corner`, message: `"${d.corner}" is not a corner of this session` }]
      : []
  );
}
