import assert from "node:assert/strict";
import { testInputs } from "./_test_inputs.ts";
import { buildCoachingContext } from "./context.ts";
import { offlineReport } from "./offline_coach.ts";
import { reportMarkdown } from "./report_markdown.ts";

Deno.test("the Markdown export holds every part of the report", () => {
  const report = offlineReport(buildCoachingContext(testInputs())!, "intermediate");
  const md = reportMarkdown(report, { title: "Test Ring, 2026-11-25", author: "the offline coach" });
  assert.ok(md.startsWith("# Coaching report: Test Ring, 2026-11-25\n\n*Written by the offline coach.*"));
  assert.ok(md.includes(report.summary));
  for (const p of report.priority_corners) {
    assert.ok(md.includes(`**${p.corner}** (${p.time_s.toFixed(2)} s per lap on the table)`));
    assert.ok(md.includes(`   - How: ${p.how}`));
  }
  const rows = md.split("\n").filter((l) => /^\| T\d/.test(l));
  assert.deepEqual(rows.map((r) => r.split(" | ")[0].slice(2)), report.corner_grades.map((g) => g.corner));
  for (const d of report.drills) assert.ok(md.includes(`- **${d.title}**`));
});
