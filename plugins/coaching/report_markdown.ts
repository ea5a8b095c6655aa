/**
 * A coaching report as Markdown, for the Debrief view's export: summary,
 * priority corners, grades table and drills, and who wrote it.
 *
 * @module
 */

import type { CoachingReport } from "../../sdk/mod.ts";

/** What the export says about the session besides the report. */
export interface ReportHeading {
  /** Title line, e.g. the circuit and the date. */
  title: string;
  /** Who wrote the report, e.g. `Claude (claude-haiku-4-5)` or `the offline coach`. */
  author: string;
}

/** Escapes the characters that would break a table cell or start Markdown syntax. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** The report as a Markdown document. */
export function reportMarkdown(report: CoachingReport, heading: ReportHeading): string {
  const lines = [
    `# Coaching report: ${heading.title}`,
    "",
    `*Written by ${heading.author}.*`,
    "",
    report.summary,
    "",
  ];
  if (report.priority_corners.length > 0) {
    lines.push("## Priority corners", "");
    report.priority_corners.forEach((p, i) => {
      lines.push(`${i + 1}. **${p.corner}** (${p.time_s.toFixed(2)} s per lap on the table)`);
      lines.push(`   - What: ${p.what}`, `   - How: ${p.how}`);
    });
    lines.push("");
  }
  if (report.corner_grades.length > 0) {
    lines.push(
      "## Corner grades",
      "",
      "| Corner | Braking | Min speed | Throttle | Consistency |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const g of report.corner_grades) {
      lines.push(`| ${cell(g.corner)} | ${g.braking} | ${g.min_speed} | ${g.throttle} | ${g.consistency} |`);
    }
    lines.push("");
  }
  if (report.drills.length > 0) {
    lines.push("## Drills for the next session", "");
    for (const d of report.drills) {
      lines.push(`- **${d.title}**${d.corner ? ` (${d.corner})` : ""}: ${d.how}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
