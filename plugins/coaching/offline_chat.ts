/**
 * The offline coach's chat: without an API key, a question is answered from
 * the context by rules. A question naming corners (`T5`, `turn 5`, or an
 * official name) gets those corners' numbers, grades and, for a priority
 * corner, the report's advice; a question about laps gets the lap times;
 * anything else gets the report's summary and priorities.
 *
 * @module
 */

import type { CoachingContext, CoachingReport, CornerCoachingSummary } from "../../sdk/mod.ts";
import { gForce, kmh, lapTime, metres, orDash, seconds, spread } from "./display.ts";

/** Corners a question names, at most this many, answer in detail. */
const MAX_CORNERS_ANSWERED = 3;

/** The offline answer to `question`. */
export function offlineAnswer(
  context: CoachingContext,
  report: CoachingReport | null,
  question: string,
): string {
  const corners = cornersNamed(context, question).slice(0, MAX_CORNERS_ANSWERED);
  if (corners.length > 0) return corners.map((c) => cornerAnswer(c, report)).join("\n\n");
  if (/\b(laps?|lap ?times?|best|fastest|slowest|pace)\b/i.test(question)) return lapAnswer(context);
  const parts = [report?.summary ?? lapAnswer(context)];
  if (report && report.priority_corners.length > 0) {
    parts.push(
      `Work on ${
        report.priority_corners.map((p) => `${p.corner} (${seconds(p.time_s)} s per lap)`).join(", ")
      } first.`,
    );
  }
  parts.push("Ask about a corner (for example its label, like T1) for its numbers.");
  return parts.join(" ");
}

/** Corners named in `question`, in lap order. */
export function cornersNamed(context: CoachingContext, question: string): CornerCoachingSummary[] {
  const q = question.toLowerCase();
  const numbers = new Set([...q.matchAll(/\b(?:t|turn|c|corner)\s?(\d+)\b/g)].map((m) => Number(m[1])));
  return context.corners.filter((c) => {
    const labelNumbers = (c.label.match(/\d+/g) ?? []).map(Number);
    if (new RegExp(`\\b${c.label.toLowerCase()}\\b`).test(q)) return true;
    const [first, last = first] = labelNumbers;
    if (first !== undefined && [...numbers].some((n) => n >= first && n <= last)) return true;
    return c.name !== null &&
      c.name.split(/\s*[,/&]\s*/).some((n) => n.length > 3 && q.includes(n.toLowerCase()));
  });
}

function cornerAnswer(c: CornerCoachingSummary, report: CoachingReport | null): string {
  const v = c.minSpeedKmh;
  const lines = [
    `${c.name ? `${c.label} (${c.name})` : c.label}: minimum speed best ${kmh(v.best)} km/h, median ${
      kmh(v.median)
    } km/h${v.std === null ? "" : ` (sd ${spread(v.std)})`}.`,
  ];
  if (c.brakePointM) {
    lines.push(
      `Brake point median ${metres(c.brakePointM.median)} m${
        c.brakePointM.std === null ? "" : ` (sd ${spread(c.brakePointM.std)} m)`
      }${c.peakBrakeG ? `, peak braking ${gForce(c.peakBrakeG.median)} g` : ""}.`,
    );
  }
  if (c.throttleCommitM) lines.push(`Throttle commit median ${metres(c.throttleCommitM.median)} m.`);
  lines.push(`Time on the table: ${seconds(c.timeOnTableS)} s per lap.`);
  if (c.target) {
    lines.push(
      `The physics-optimal lap carries ${kmh(c.target.minSpeedKmh)} km/h there${
        c.target.brakePointM === null ? "" : ` and brakes at ${metres(c.target.brakePointM)} m`
      }.`,
    );
  }
  const g = c.grades;
  lines.push(
    `Grades: braking ${g.braking}, minimum speed ${g.minSpeed}, throttle ${g.throttle}, consistency ${g.consistency}.`,
  );
  const priority = report?.priority_corners.find((p) => p.corner === c.label);
  if (priority) lines.push(`${priority.what} ${priority.how}`);
  return lines.join(" ");
}

function lapAnswer(context: CoachingContext): string {
  if (context.bestLap === null || context.bestLapTimeS === null) {
    return "No complete counted lap in this session.";
  }
  const parts = [
    `Best lap: L${context.bestLap} in ${
      lapTime(context.bestLapTimeS)
    } s over ${context.laps.length} analysed laps`,
  ];
  if (context.meanLapTimeS !== null) parts.push(`mean ${lapTime(context.meanLapTimeS)} s`);
  if (context.lapTimeStdS !== null) parts.push(`sd ${seconds(context.lapTimeStdS)} s`);
  parts.push(`theoretical best ${orDash(context.theoreticalBestS, lapTime)} s`);
  return `${parts.join(", ")}.`;
}
