/**
 * Speed against distance for the reference and comparison laps, over the
 * corner bands.
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";
import { cornerBands, lapsReadout, selectedLaps } from "./_lap_traces.ts";

export default defineChart({
  axis: "distance",
  height: 260,
  figure(ctx) {
    const laps = selectedLaps(ctx);
    if (laps.length === 0) return { empty: "No lap with a speed trace is selected." };
    const { Plot, units, kit } = ctx;
    return {
      plot: {
        y: { label: `Speed (${units.speedLabel})`, grid: true },
        marks: [
          ...cornerBands(ctx),
          ...laps.map(({ trace, color }) => {
            const s = kit.distanceSeries(trace, "speedMps", ctx.width, units.toSpeed);
            return Plot.line({ length: s.length }, { x: s.x, y: s.y, stroke: color, strokeWidth: 1.5 });
          }),
        ],
      },
      readout: (d) => lapsReadout(laps, "speedMps", d, (v) => units.formatSpeed(v)),
    };
  },
});
