/**
 * Time on the table, three tiers: consistency (mean lap → theoretical best),
 * composite (best lap → theoretical best, the best segments stitched) and
 * physics (theoretical best → the car's optimal lap, when the session has it).
 *
 * @module
 */

import { GainsKey, PhysicsGainsKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

/** Kind of bar and its colour. */
const TIERS = [["total", "#8b93a1"], ["tier 1", "#e8590c"], ["tier 2", "#1f77d0"], [
  "tier 3",
  "#9c36b5",
]] as const;

/** Step names on a phone. */
const SHORT: Record<string, string> = {
  "Mean lap": "Mean",
  Consistency: "Tier 1",
  "Best lap": "Best",
  Composite: "Tier 2",
  Theoretical: "Theor.",
  Physics: "Tier 3",
  Optimal: "Optimal",
};

export default defineChart({
  axis: "plain",
  height: 250,
  figure(ctx) {
    const gains = ctx.data.artifact(GainsKey);
    if (!gains) return { empty: "Gains need at least two counted laps." };
    const physics = ctx.data.artifact(PhysicsGainsKey);
    const { Plot, units } = ctx;
    const steps: { step: string; y1: number; y2: number; kind: string; text: string }[] = [
      {
        step: "Mean lap",
        y1: 0,
        y2: gains.meanLapTimeS,
        kind: "total",
        text: units.formatLapTime(gains.meanLapTimeS),
      },
      {
        step: "Consistency",
        y1: gains.theoreticalBestS,
        y2: gains.meanLapTimeS,
        kind: "tier 1",
        text: `−${gains.consistencyS.toFixed(2)} s`,
      },
      {
        step: "Best lap",
        y1: 0,
        y2: gains.bestLapTimeS,
        kind: "total",
        text: units.formatLapTime(gains.bestLapTimeS),
      },
      {
        step: "Composite",
        y1: gains.theoreticalBestS,
        y2: gains.bestLapTimeS,
        kind: "tier 2",
        text: `−${gains.compositeS.toFixed(2)} s`,
      },
      {
        step: "Theoretical",
        y1: 0,
        y2: gains.theoreticalBestS,
        kind: "total",
        text: units.formatLapTime(gains.theoreticalBestS),
      },
    ];
    if (physics && physics.physicsS !== null) {
      const optimal = physics.optimalLapTimeS;
      steps.push(
        {
          step: "Physics",
          y1: Math.min(optimal, gains.theoreticalBestS),
          y2: Math.max(optimal, gains.theoreticalBestS),
          kind: "tier 3",
          text: `${physics.physicsS >= 0 ? "−" : "+"}${Math.abs(physics.physicsS).toFixed(2)} s`,
        },
        { step: "Optimal", y1: 0, y2: optimal, kind: "total", text: units.formatLapTime(optimal) },
      );
    }
    const present = TIERS.filter(([t]) => steps.some((s) => s.kind === t));
    const low = Math.min(...steps.map((s) => (s.kind === "total" ? s.y2 : s.y1)));
    const high = Math.max(...steps.map((s) => s.y2));
    const floor = Math.max(0, low - Math.max(1, (high - low) * 0.6));
    const top = high + (high - floor) * 0.12;
    const narrow = ctx.width < 520;
    // A tier's label goes inside its bar when the bar is tall enough, else above it like the totals'.
    const pxPerS = (ctx.height - 60) / (top - floor);
    const inside = (s: { kind: string; y1: number; y2: number }) =>
      s.kind !== "total" && (s.y2 - s.y1) * pxPerS >= 16;
    return {
      plot: {
        x: {
          domain: steps.map((s) => s.step),
          label: null,
          tickFormat: (step: string) => (narrow ? SHORT[step] : step),
        },
        y: { domain: [floor, top], label: "Lap time (s)", grid: true },
        color: { domain: present.map(([t]) => t), range: present.map(([, c]) => c), legend: true },
        clip: true,
        marks: [
          Plot.barY(steps, {
            x: "step",
            y1: (s: { y1: number }) => Math.max(floor, s.y1),
            y2: "y2",
            fill: "kind",
            inset: 6,
          }),
          Plot.text(steps.filter((s) => !inside(s)), {
            x: "step",
            y: "y2",
            text: "text",
            dy: -8,
            fontSize: narrow ? 9 : 11,
          }),
          Plot.text(steps.filter(inside), {
            x: "step",
            y: (s: { y1: number; y2: number }) => (s.y1 + s.y2) / 2,
            text: "text",
            fill: "white",
            fontSize: narrow ? 9 : 11,
            fontWeight: 600,
          }),
        ],
      },
    };
  },
});
