/**
 * The coaching context written out as the compact text block the language
 * model reads: a session header, one table row per corner, and the fixed
 * priority list. Deterministic, and bounded: it does not grow with the
 * number of laps (lap times are listed for at most
 * {@linkcode MAX_LISTED_LAPS} laps), and when a circuit has so many corners
 * that the block would exceed {@linkcode CONTEXT_TOKEN_BUDGET}, the corners
 * with the least time on the table are written in a short form, and then
 * left out (never a priority corner).
 *
 * @module
 */

import type { CoachingContext, CornerCoachingSummary, DriverProfile } from "../../sdk/mod.ts";
import { gForce, kmh, lapTime, metres, orDash, score, seconds, signed, spread } from "./display.ts";
import { priorityCorners } from "./priorities.ts";

/** Most tokens the context block may take (estimated by {@linkcode estimateTokens}). */
export const CONTEXT_TOKEN_BUDGET = 3000;

/** Lap times listed at most; beyond, the fastest ones are listed. */
export const MAX_LISTED_LAPS = 100;

/** Flagged laps listed at most. */
export const MAX_LISTED_FLAGGED_LAPS = 30;

/** Characters per token of the estimate: on the safe side for number-heavy text (English prose is nearer 4). */
const CHARS_PER_TOKEN = 3;

/** Estimated tokens of `text` for Claude's tokenizer: one per {@linkcode CHARS_PER_TOKEN} characters, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** The context block for the language model. */
export function renderPromptContext(context: CoachingContext, profile: DriverProfile): string {
  const head = sessionLines(context, profile);
  const priorities = priorityCorners(context, profile.skill);
  const tail = [
    "",
    "PRIORITY CORNERS (most time on the table, fixed by the analysis, in this order):",
    priorities.length > 0
      ? priorities.map((c) => `${c.label} ${seconds(c.timeOnTableS)} s`).join(", ")
      : "none (no corner has measurable time on the table)",
  ];
  // Over budget, the lowest-ranked corners are shortened first, then left out (never a priority corner).
  const full = new Map(context.corners.map((c) => [c.corner, cornerRow(c)]));
  const short = new Map(context.corners.map((c) => [c.corner, shortCornerRow(c)]));
  const level = new Map<number, "full" | "short" | "omitted">(context.corners.map((c) => [c.corner, "full"]));
  const fixed = [...head, "", ...cornerHeader(context), ...tail].join("\n").length;
  let chars = fixed + [...full.values()].reduce((sum, row) => sum + row.length + 1, 0);
  const omittedNote = (n: number) => `(${n} more corners with the least time on the table left out)`;
  const keep = new Set(priorities.map((c) => c.corner));
  const byRank = [...context.ranking].reverse();
  let omitted = 0;
  while (Math.ceil(chars / CHARS_PER_TOKEN) > CONTEXT_TOKEN_BUDGET) {
    const toShort = byRank.find((n) => level.get(n) === "full");
    const toOmit = toShort === undefined
      ? byRank.find((n) => level.get(n) === "short" && !keep.has(n))
      : undefined;
    if (toShort !== undefined) {
      level.set(toShort, "short");
      chars += short.get(toShort)!.length - full.get(toShort)!.length;
    } else if (toOmit !== undefined) {
      level.set(toOmit, "omitted");
      chars -= short.get(toOmit)!.length + 1 + (omitted > 0 ? omittedNote(omitted).length + 1 : 0);
      omitted++;
      chars += omittedNote(omitted).length + 1;
    } else break;
  }
  const rows = context.corners.flatMap((c) => {
    const at = level.get(c.corner);
    return at === "omitted" ? [] : [at === "short" ? short.get(c.corner)! : full.get(c.corner)!];
  });
  if (omitted > 0) rows.push(omittedNote(omitted));
  return [...head, "", ...cornerHeader(context), ...rows, ...tail].join("\n");
}

function sessionLines(context: CoachingContext, profile: DriverProfile): string[] {
  const lines = ["SESSION"];
  lines.push(
    context.track
      ? `track: ${context.track.name}, ${metres(context.track.lengthM)} m`
      : "track: unknown circuit (corners are numbered C1, C2... in lap order)",
  );
  lines.push(
    `laps: ${context.totalLaps} in the session, ${context.laps.length} analysed (complete counted flying laps)`,
  );
  const listed = context.laps.length <= MAX_LISTED_LAPS
    ? context.laps
    : [...context.laps].sort((a, b) => a.timeS - b.timeS).slice(0, MAX_LISTED_LAPS).sort((a, b) =>
      a.lap - b.lap
    );
  const which = listed.length < context.laps.length ? ` of the ${listed.length} fastest laps` : "";
  lines.push(`lap times${which} (s): ${listed.map((l) => `L${l.lap} ${lapTime(l.timeS)}`).join(", ")}`);
  if (context.bestLap !== null && context.bestLapTimeS !== null) {
    const sd = context.lapTimeStdS === null ? "" : `; sd ${seconds(context.lapTimeStdS)} s`;
    lines.push(
      `best lap: L${context.bestLap}, ${lapTime(context.bestLapTimeS)} s; mean ${
        lapTime(context.meanLapTimeS ?? context.bestLapTimeS)
      } s${sd}`,
    );
    if (context.theoreticalBestS !== null) {
      lines.push(
        `theoretical best (best corner and straight times stitched): ${
          lapTime(context.theoreticalBestS)
        } s, ${seconds(context.bestLapTimeS - context.theoreticalBestS)} s under the best lap`,
      );
    }
    if (context.optimalLapTimeS !== null) {
      const model = context.vehicleSource === "given"
        ? "the driver's car data"
        : "grip estimated from this session";
      lines.push(
        `physics-optimal lap on this line (${model}): ${lapTime(context.optimalLapTimeS)} s, ${
          seconds(context.bestLapTimeS - context.optimalLapTimeS)
        } s under the best lap`,
      );
    }
  }
  if (context.consistency) {
    const { score: s, lapScore, provisional } = context.consistency;
    lines.push(
      `consistency score: ${score(s)} of 100 (lap times ${score(lapScore)})${
        provisional ? ", provisional: few laps" : ""
      }`,
    );
  }
  if (context.flaggedLaps.length > 0) {
    const listed = context.flaggedLaps.slice(0, MAX_LISTED_FLAGGED_LAPS);
    const more = context.flaggedLaps.length - listed.length;
    lines.push(
      `analysed laps flagged by automatic tags: ${
        listed.map((f) => `L${f.lap} (${f.tags.join(", ")})`).join("; ")
      }${more > 0 ? `; and ${more} more` : ""}`,
    );
  }
  const ownTags = (leftOut: boolean) =>
    (context.driverTags ?? []).filter((t) => t.leftOut === leftOut).map((t) =>
      `L${t.lap} (${t.tags.join(", ")})`
    );
  if (ownTags(true).length > 0) {
    lines.push(`laps the driver left out of the analysis, with their tags: ${ownTags(true).join("; ")}`);
  }
  if (ownTags(false).length > 0) lines.push(`the driver's own lap notes: ${ownTags(false).join("; ")}`);
  lines.push(`driver skill level: ${profile.skill}`);
  if (profile.equipment?.trim()) lines.push(`equipment: ${profile.equipment.trim().replace(/\s+/g, " ")}`);
  if (profile.vehicle) {
    const v = profile.vehicle;
    lines.push(
      `car: ${metres(v.massKg)} kg, ${metres(v.powerW / 1000)} kW at the wheels, grip ${
        gForce(v.muLat)
      } g lateral, ${gForce(v.muBrake)} g braking`,
    );
  }
  return lines;
}

function cornerHeader(context: CoachingContext): string[] {
  return [
    `CORNERS (${context.corners.length}, in lap order). Units: speeds km/h, positions m from the start/finish line, times s, braking in g.`,
    "med = median over the analysed laps, best lap = value on the best lap, sd = standard deviation across laps, - = not available.",
    "Columns: corner | turn | min speed best/med/best lap/sd | brake point med/best lap/sd | peak braking med/strongest | throttle commit med/best lap/sd | time in corner best/med | apex | time on table in corner + on the straight after = total | mean loss to best lap | target min speed (best lap's gap) | target brake point (best lap: + later, - earlier) | best lap's cost vs optimal | consistency score | grades braking/min speed/throttle/consistency",
  ];
}

function cornerName(c: CornerCoachingSummary): string {
  return c.name ? `${c.label} (${c.name})` : c.label;
}

function cornerRow(c: CornerCoachingSummary): string {
  const triple = (
    s: { median: number; bestLap: number | null; std: number | null } | null,
    write: (x: number) => string,
  ) => s ? `${write(s.median)}/${orDash(s.bestLap, write)}/${orDash(s.std, spread)}` : "-";
  const v = c.minSpeedKmh;
  const t = c.target;
  const g = c.grades;
  return [
    cornerName(c),
    `${c.direction}${c.braking ? ", brakes" : ""}`,
    `${kmh(v.best)}/${kmh(v.median)}/${orDash(v.bestLap, kmh)}/${orDash(v.std, spread)}`,
    triple(c.brakePointM, metres),
    c.peakBrakeG ? `${gForce(c.peakBrakeG.median)}/${gForce(c.peakBrakeG.best)}` : "-",
    triple(c.throttleCommitM, metres),
    `${seconds(c.timeInCornerS.best)}/${seconds(c.timeInCornerS.median)}`,
    c.apexType,
    c.consistencyGainS === null
      ? "-"
      : `${seconds(c.consistencyGainS)}+${seconds(c.exitStraightGainS ?? 0)}=${seconds(c.timeOnTableS)}`,
    orDash(c.meanDeltaS, seconds),
    t ? `${kmh(t.minSpeedKmh)} (${orDash(t.speedGapKmh, (x) => signed(x))})` : "-",
    t?.brakePointM != null ? `${metres(t.brakePointM)} (${orDash(t.brakeGapM, (x) => signed(x, 0))})` : "-",
    t ? seconds(t.timeCostS) : "-",
    orDash(c.consistencyScore, score),
    `${g.braking}/${g.minSpeed}/${g.throttle}/${g.consistency}`,
  ].join(" | ");
}

function shortCornerRow(c: CornerCoachingSummary): string {
  const g = c.grades;
  return `${cornerName(c)} | time on table ${
    seconds(c.timeOnTableS)
  } | grades ${g.braking}/${g.minSpeed}/${g.throttle}/${g.consistency}`;
}
