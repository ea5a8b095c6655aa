/**
 * The reference lap's speed against the physics-optimal speed for the
 * session's car on the same line: where the car had more to give.
 *
 * @module
 */

import { OptimalProfileKey } from "../../sdk/keys.ts";
import { defineChart } from "../../sdk/views.ts";
import { cornerBands, selectedLaps, valueAt } from "./_lap_traces.ts";

export default defineChart({
  axis: "distance",
  height: 240,
  figure(ctx) {
    const optimal = ctx.data.artifact(OptimalProfileKey);
    if (!optimal) return { empty: "No optimal lap for this session." };
    const [ref] = selectedLaps(ctx);
    const { Plot, kit, units } = ctx;
    const o = kit.gridSeries(optimal.speedMps, optimal.stepM, ctx.width, units.toSpeed);
    const marks = [
      ...cornerBands(ctx),
      Plot.line({ length: o.length }, {
        x: o.x,
        y: o.y,
        stroke: "currentColor",
        strokeWidth: 1.25,
        strokeDasharray: "5 3",
      }),
    ];
    if (ref) {
      const s = kit.distanceSeries(ref.trace, "speedMps", ctx.width, units.toSpeed);
      marks.push(Plot.line({ length: s.length }, { x: s.x, y: s.y, stroke: ref.color, strokeWidth: 1.5 }));
    }
    return {
      plot: {
        subtitle: `Optimal ${
          units.formatLapTime(optimal.lapTimeS)
        } (dashed, car ${optimal.vehicleSource}) · best lap ${units.formatLapTime(optimal.bestLapTimeS)}`,
        y: { label: `Speed (${units.speedLabel})`, grid: true },
        marks,
      },
      readout(d) {
        const i = Math.min(optimal.speedMps.length - 1, Math.max(0, Math.round(d / optimal.stepM)));
        const parts = [`optimal ${units.formatSpeed(optimal.speedMps[i])}`];
        if (ref) parts.unshift(`L${ref.lap} ${units.formatSpeed(valueAt(ref.trace, "speedMps", d))}`);
        return parts.join(" · ");
      },
    };
  },
});
