/**
 * The offline coach: a report in the same schema as Claude's, written by
 * rules from the same context, for every self-hosted user without an API
 * key (and as the fallback when a Claude report fails). The original, with
 * no key, "succeeded" with a sentence asking the operator to set one.
 *
 * Priority corners are the analysis' own (most time on the table, see
 * `priorities.ts`). For each, the coach picks the clearest problem by how
 * far each measure is past its "worth fixing" level: brake-point spread
 * (6 m), minimum-speed spread (3 km/h), gap to the physics target's minimum
 * speed (5 km/h), braking earlier than the optimal lap (15 m), throttle
 * spread (8 m); with none of those, it points at the time spread itself.
 * Every number it writes is formatted as in the context, so the number
 * check traces all of them.
 *
 * @module
 */

import type {
  CoachingContext,
  CoachingReport,
  CornerCoachingSummary,
  Drill,
  SkillLevel,
} from "../../sdk/mod.ts";
import { assembleReport } from "./assemble_report.ts";
import { kmh, lapTime, metres, seconds, spread } from "./display.ts";
import { priorityCorners } from "./priorities.ts";
import { MAX_DRILLS, type ReportDraft } from "./report_schema.ts";

/** One diagnosed problem of a corner. */
interface Finding {
  /** How far past its "worth fixing" level, 1 = at the level. */
  severity: number;
  what: string;
  how: string;
  drill: Omit<Drill, "corner">;
}

/** The offline report. */
export function offlineReport(context: CoachingContext, skill: SkillLevel): CoachingReport {
  return assembleReport(offlineDraft(context, skill), context, "offline");
}

/** The offline coach's draft (before the engine adds times and grades). */
export function offlineDraft(context: CoachingContext, skill: SkillLevel): ReportDraft {
  const priorities = priorityCorners(context, skill);
  const findings = priorities.map((c) => mainFinding(c, skill));
  const drills: Drill[] = priorities.slice(0, MAX_DRILLS).map((c, i) => ({
    corner: c.label,
    ...findings[i].drill,
  }));
  if (drills.length === 0) {
    drills.push({
      corner: null,
      title: "Repeatable laps",
      how:
        "Drive 3 laps at 8/10 using the same brake markers and turn-in points every lap, then compare them.",
    });
  }
  return {
    summary: summaryOf(context, priorities),
    priority_corners: priorities.map((c, i) => ({
      corner: c.label,
      what: findings[i].what,
      how: findings[i].how,
    })),
    drills,
  };
}

function summaryOf(context: CoachingContext, priorities: readonly CornerCoachingSummary[]): string {
  const sentences: string[] = [];
  const strong = strongestCorners(context, priorities);
  if (strong.length > 0) {
    sentences.push(
      `Your most repeatable corners are ${
        joinLabels(strong.map((c) => c.label))
      }: keep driving them the same way.`,
    );
  }
  if (context.bestLap !== null && context.bestLapTimeS !== null) {
    let lap = `Best lap: L${context.bestLap} in ${lapTime(context.bestLapTimeS)} s`;
    if (context.theoreticalBestS !== null) {
      lap += `; your best corners and straights add up to ${lapTime(context.theoreticalBestS)} s`;
    }
    if (context.optimalLapTimeS !== null) {
      lap += `; the physics-optimal lap on your line is ${lapTime(context.optimalLapTimeS)} s`;
    }
    sentences.push(`${lap}.`);
  }
  if (priorities.length > 0) {
    const parts = priorities.map((c) => `${c.label} (${seconds(c.timeOnTableS)} s per lap)`);
    sentences.push(`The most time is on the table at ${joinLabels(parts)}.`);
  } else {
    sentences.push(
      "With fewer than two analysed laps there is nothing to compare yet: drive more laps for corner-by-corner coaching.",
    );
  }
  return sentences.join(" ");
}

/** Up to two corners outside the priorities with the best grades (A = 4 ... F = 0; N/A ignored). */
function strongestCorners(
  context: CoachingContext,
  priorities: readonly CornerCoachingSummary[],
): CornerCoachingSummary[] {
  const points: Record<string, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };
  const rated = context.corners
    .filter((c) => !priorities.includes(c))
    .map((c) => {
      const letters = Object.values(c.grades).filter((g) => g !== "N/A");
      return {
        c,
        average: letters.length ? letters.reduce((s, g) => s + points[g], 0) / letters.length : -1,
      };
    })
    .filter((r) => r.average >= 3)
    .sort((a, b) => b.average - a.average || a.c.timeOnTableS - b.c.timeOnTableS || a.c.corner - b.c.corner);
  return rated.slice(0, 2).map((r) => r.c);
}

function joinLabels(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The clearest problem of a corner (see the module documentation). */
function mainFinding(c: CornerCoachingSummary, skill: SkillLevel): Finding {
  const findings: Finding[] = [];
  const label = c.label;
  const brake = c.brakePointM;
  if (c.braking && brake?.std != null) {
    const ref = brake.bestLap ?? brake.median;
    findings.push({
      severity: brake.std / 6,
      what: `Your brake point moves from lap to lap: sd ${spread(brake.std)} m around a median of ${
        metres(brake.median)
      } m.`,
      how: skill === "advanced"
        ? `Brake at ${
          metres(ref)
        } m every lap and vary only the release, so your entry speed into ${label} becomes repeatable.`
        : `Pick one fixed marker at about ${
          metres(ref)
        } m and start braking there every lap; consistency first, braking later comes after.`,
      drill: {
        title: "Brake marker",
        how: `Choose a marker at about ${
          metres(ref)
        } m before ${label}. For 3 laps brake exactly there and notice where the car ends up at the apex.`,
      },
    });
  }
  const v = c.minSpeedKmh;
  if (v.std !== null) {
    findings.push({
      severity: v.std / 3,
      what: `Your minimum speed changes from lap to lap: sd ${spread(v.std)} km/h, best ${
        kmh(v.best)
      } km/h against a median of ${kmh(v.median)} km/h.`,
      how: skill === "advanced"
        ? `Aim for ${
          kmh(v.best)
        } km/h every lap: trail the brake off smoothly to the apex so the car keeps rotating without scrubbing speed.`
        : `Aim for ${
          kmh(v.best)
        } km/h at the slowest point every lap: ease off the brake a little earlier and let the car roll through the middle.`,
      drill: {
        title: "Apex speed",
        how: `Drive 3 laps at 8/10 aiming for ${
          kmh(v.best)
        } km/h at the slowest point of ${label}, then check the numbers after the session.`,
      },
    });
  }
  const t = c.target;
  if (t?.speedGapKmh != null && t.speedGapKmh > 0 && v.bestLap !== null) {
    findings.push({
      severity: t.speedGapKmh / 5,
      what: `The physics-optimal lap carries ${
        kmh(t.minSpeedKmh)
      } km/h through the slowest point; your best lap carried ${kmh(v.bestLap)} km/h.`,
      how:
        `Carry more speed in small steps: release the brake a little sooner and look further through ${label} to the exit, adding a little speed each session.`,
      drill: {
        title: "More minimum speed",
        how:
          `Each lap through ${label}, brake at the same point but release a little earlier; stop adding speed as soon as the car needs a correction.`,
      },
    });
  }
  if (t?.brakeGapM != null && t.brakeGapM < 0 && t.brakePointM !== null && brake?.bestLap != null) {
    findings.push({
      severity: -t.brakeGapM / 15,
      what: `Your best lap starts braking at ${metres(brake.bestLap)} m; the optimal lap brakes at ${
        metres(t.brakePointM)
      } m, later than you.`,
      how:
        `Move your brake point later in 5 m steps while keeping the same minimum speed; stop when the entry stops feeling controlled.`,
      drill: {
        title: "Later braking",
        how:
          `Start at your usual marker and brake 5 m later each lap for 3 laps; keep the apex speed and exit the same.`,
      },
    });
  }
  const throttle = c.throttleCommitM;
  if (throttle?.std != null) {
    const ref = throttle.bestLap ?? throttle.median;
    findings.push({
      severity: throttle.std / 8,
      what: `Your throttle commit point varies: sd ${spread(throttle.std)} m around a median of ${
        metres(throttle.median)
      } m.`,
      how: `Get the car turned first, then commit to the throttle at the same point every lap, by about ${
        metres(ref)
      } m, and keep squeezing.`,
      drill: {
        title: "Throttle point",
        how:
          `For 3 laps pick the point where you can go to the throttle in ${label} without lifting again, and commit there every lap.`,
      },
    });
  }
  const best = findings.reduce<Finding | null>(
    (a, b) => (a === null || b.severity > a.severity ? b : a),
    null,
  );
  if (best && best.severity >= 1) return best;
  return {
    severity: 0,
    what: `Your time through ${label} varies: best ${seconds(c.timeInCornerS.best)} s against a median of ${
      seconds(c.timeInCornerS.median)
    } s.`,
    how:
      "Repeat what you did on your best pass: the same brake point, the same line and the same throttle point.",
    drill: best?.drill ?? {
      title: "Repeat the best pass",
      how:
        `Drive 3 laps at 8/10 through ${label} using exactly the same markers, then compare your times there.`,
    },
  };
}
