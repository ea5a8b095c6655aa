/**
 * Time lost in each corner against your own best time through it: on an
 * average lap (consistency, wide bar) and on the best lap (composite, narrow
 * bar inside it); or, in the other mode, the best lap against the car's
 * optimum when the session has it.
 *
 * @module
 */

import { GainsKey, PhysicsGainsKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";

export default defineChart({
  axis: "plain",
  height: 260,
  modes: [{ id: "own", label: "Your best" }, { id: "optimal", label: "Optimal" }],
  figure(ctx) {
    const gains = ctx.data.artifact(GainsKey);
    const physics = ctx.data.artifact(PhysicsGainsKey);
    const { Plot, kit } = ctx;
    const narrow = ctx.width < 500;
    const axes = {
      x: { label: null, tickRotate: narrow ? -60 : 0 },
      y: { label: "Time lost (s)", grid: true },
      marginBottom: narrow ? 40 : 30,
    };
    if (ctx.mode === "optimal") {
      if (!physics || physics.corners.length === 0) return { empty: "No optimal lap for this session." };
      return {
        plot: {
          ...axes,
          x: { ...axes.x, domain: physics.corners.map((c) => c.label) },
          marks: [
            Plot.barY(physics.corners, { x: "label", y: "timeCostS", fill: "#9c36b5", inset: 4, tip: true }),
            Plot.ruleY([0]),
          ],
        },
      };
    }
    if (!gains) return { empty: "Gains need at least two counted laps." };
    // A wide bar for the average lap and a narrow one inside it for the best lap: one band per corner, no facets.
    const corners = gains.segments.filter((s) => s.segment.kind === "corner");
    const average = "average lap vs best segment", best = "best lap vs best segment";
    const inner = Math.max(2, ((ctx.width - 60) / Math.max(1, corners.length)) * 0.3);
    return {
      plot: {
        ...axes,
        x: { ...axes.x, domain: corners.map((s) => s.segment.id) },
        color: { domain: [average, best], range: ["#f4a261", kit.lapColor(0)], legend: true },
        marks: [
          Plot.barY(corners, {
            x: (s: { segment: { id: string } }) => s.segment.id,
            y: "consistencyS",
            fill: () => average,
            inset: 3,
          }),
          Plot.barY(corners, {
            x: (s: { segment: { id: string } }) => s.segment.id,
            y: "compositeS",
            fill: () => best,
            insetLeft: inner,
            insetRight: inner,
          }),
          Plot.ruleY([0]),
        ],
      },
    };
  },
});
