import assert from "node:assert/strict";
import { oneLapInputs, testInputs } from "./_test_inputs.ts";
import { buildCoachingContext } from "./context.ts";
import { untraceableNumbers } from "./number_check.ts";
import { offlineReport } from "./offline_coach.ts";
import { MAX_PRIORITIES } from "./priorities.ts";
import { renderPromptContext } from "./prompt_context.ts";
import { reportErrors } from "./report_schema.ts";

const context = buildCoachingContext(testInputs())!;

for (const skill of ["novice", "intermediate", "advanced"] as const) {
  Deno.test(`offline report (${skill}): valid, labelled, priorities from the ranking, every number traceable`, () => {
    const report = offlineReport(context, skill);
    assert.equal(report.source, "offline");
    assert.deepEqual(reportErrors(report, context), []);
    const expected = context.ranking.slice(0, MAX_PRIORITIES[skill]).map((n) =>
      context.corners.find((c) => c.corner === n)!
    );
    assert.deepEqual(report.priority_corners.map((p) => p.corner), expected.map((c) => c.label));
    report.priority_corners.forEach((p, i) =>
      assert.equal(p.time_s, Math.round(expected[i].timeOnTableS * 100) / 100)
    );
    assert.deepEqual(untraceableNumbers(report, renderPromptContext(context, { skill })), []);
    assert.ok(report.drills.length >= 1);
    assert.deepEqual(report.corner_grades.map((g) => g.corner), context.corners.map((c) => c.label));
    if (skill === "novice") assert.doesNotMatch(JSON.stringify(report), /trail/i, "no jargon for novices");
  });
}

Deno.test("the offline coach names the clearest problem of a corner", () => {
  // T3: brake-point sd 8.7 m (1.45 × its 6 m level) beats min-speed sd 2.6 km/h (0.87 × 3 km/h).
  const t3 = offlineReport(context, "intermediate").priority_corners.find((p) => p.corner === "T3")!;
  assert.match(t3.what, /brake point/);
});

Deno.test("with one lap there are no priorities and the summary says why", () => {
  const one = buildCoachingContext(oneLapInputs())!;
  const report = offlineReport(one, "intermediate");
  assert.deepEqual(report.priority_corners, []);
  assert.match(report.summary, /fewer than two analysed laps/);
  assert.deepEqual(reportErrors(report, one), []);
});
