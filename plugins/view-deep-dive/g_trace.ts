/**
 * Longitudinal and lateral g against distance for the selected laps
 * (longitudinal solid, lateral dashed).
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";
import { ggAt, selectedGg } from "./_gg_laps.ts";
import { cornerBands } from "./_lap_traces.ts";

export default defineChart({
  axis: "distance",
  height: 220,
  modes: [{ id: "both", label: "Both" }, { id: "long", label: "Longitudinal" }, {
    id: "lat",
    label: "Lateral",
  }],
  figure(ctx) {
    const { laps, stepM } = selectedGg(ctx);
    if (laps.length === 0) return { empty: "No g data for the selected laps (only counted laps have it)." };
    const { Plot, kit } = ctx;
    const series = (values: readonly number[], color: string, dashed: boolean) => {
      const s = kit.gridSeries(values, stepM, ctx.width);
      return Plot.line({ length: s.length }, {
        x: s.x,
        y: s.y,
        stroke: color,
        strokeWidth: 1.25,
        strokeDasharray: dashed ? "4 3" : undefined,
      });
    };
    const marks = laps.flatMap(({ gg, color }) => [
      ...(ctx.mode !== "lat" ? [series(gg.longG, color, false)] : []),
      ...(ctx.mode !== "long" ? [series(gg.latG, color, true)] : []),
    ]);
    return {
      plot: {
        y: { label: "g", grid: true },
        marks: [...cornerBands(ctx), Plot.ruleY([0], { strokeOpacity: 0.4 }), ...marks],
      },
      readout: (d) =>
        laps.map(({ lap, gg }) =>
          `L${lap} long ${ggAt(gg.longG, stepM, d).toFixed(2)} lat ${ggAt(gg.latG, stepM, d).toFixed(2)}`
        ).join(" · "),
    };
  },
});
