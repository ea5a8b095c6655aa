import assert from "node:assert/strict";
import { testInputs } from "./_test_inputs.ts";
import { buildCoachingContext } from "./context.ts";
import { offlineReport } from "./offline_coach.ts";
import { draftErrors, draftSchema, reportErrors } from "./report_schema.ts";

const context = buildCoachingContext(testInputs())!;

const draft = () => ({
  summary: "Strong T2. Most time at T3.",
  priority_corners: [
    { corner: "T3", what: "Brake point varies.", how: "Use one marker." },
    { corner: "T1", what: "Minimum speed varies.", how: "Release earlier." },
  ],
  drills: [{ corner: "T3", title: "Brake marker", how: "Three laps on one marker." }],
});

Deno.test("a valid draft has no errors", () => {
  assert.deepEqual(draftErrors(draft(), context, ["T3", "T1"]), []);
});

Deno.test("draft errors name the exact path", () => {
  const bad = draft() as Record<string, unknown>;
  (bad.priority_corners as { how: unknown }[])[1].how = "  ";
  (bad.drills as unknown[]).push({ corner: "T1", title: 7, how: "x", extra: true });
  delete bad.summary;
  assert.deepEqual(draftErrors(bad, context, ["T3", "T1"]), [
    { path: "summary", message: "is missing" },
    { path: "priority_corners[1].how", message: "must not be empty" },
    { path: "drills[1].title", message: "must be a string, got a number" },
    { path: "drills[1].extra", message: "is not a known field" },
  ]);
});

Deno.test("the priority corners must be the fixed ones, in order, and drills must name known corners", () => {
  const swapped = draft();
  swapped.priority_corners.reverse();
  swapped.drills[0].corner = "T9";
  assert.deepEqual(draftErrors(swapped, context, ["T3", "T1"]), [
    { path: "priority_corners[0].corner", message: 'must be "T3", got "T1"' },
    { path: "priority_corners[1].corner", message: 'must be "T1", got "T3"' },
    { path: "drills[0].corner", message: '"T9" is not a corner of this session' },
  ]);
  assert.deepEqual(draftErrors(draft(), context, ["T3", "T1", "T2"]).map((e) => e.path), [
    "priority_corners",
  ]);
});

Deno.test("no draft at all is one error at the root", () => {
  assert.deepEqual(draftErrors(undefined, context, []), [{
    path: "",
    message: "must be an object, got nothing",
  }]);
});

Deno.test("the draft schema is a JSON Schema object with every field required", () => {
  const schema = draftSchema.jsonSchema as {
    type: string;
    required: string[];
    additionalProperties: boolean;
  };
  assert.equal(schema.type, "object");
  assert.deepEqual(schema.required, ["summary", "priority_corners", "drills"]);
  assert.equal(schema.additionalProperties, false);
});

Deno.test("a stored report must grade every corner once in lap order", () => {
  const report = offlineReport(context, "intermediate");
  assert.deepEqual(reportErrors(report, context), []);
  const missing = { ...report, corner_grades: report.corner_grades.slice(1) };
  assert.deepEqual(reportErrors(missing, context).map((e) => e.path), ["corner_grades"]);
  const badGrade = structuredClone(report) as unknown as {
    corner_grades: { braking: string }[];
    source: string;
  };
  badGrade.corner_grades[0].braking = "E";
  badGrade.source = "gpt";
  assert.deepEqual(reportErrors(badGrade, context).map((e) => e.path), [
    "corner_grades[0].braking",
    "source",
  ]);
});
