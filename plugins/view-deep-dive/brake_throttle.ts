/**
 * Brake and throttle phases: the reference lap's longitudinal g (from
 * speed, so every lap and every logger has it) split into braking (below
 * zero, red) and accelerating (above, green); the comparison lap as a line
 * over it.
 *
 * @module
 */

import { defineChart } from "../../sdk/views.ts";
import { cornerBands, lapsReadout, selectedLaps } from "./_lap_traces.ts";

export default defineChart({
  axis: "distance",
  height: 190,
  figure(ctx) {
    const laps = selectedLaps(ctx).filter((l) => l.trace.channels.longG);
    if (laps.length === 0) return { empty: "No longitudinal g for the selected laps." };
    const { Plot, kit } = ctx;
    const [ref, comp] = laps;
    const s = kit.distanceSeries(ref.trace, "longG", ctx.width);
    const marks = [
      Plot.areaY({ length: s.length }, {
        x: s.x,
        y: s.y.map((v) => Math.min(0, v)),
        fill: kit.deltaColor("loss"),
        fillOpacity: 0.45,
      }),
      Plot.areaY({ length: s.length }, {
        x: s.x,
        y: s.y.map((v) => Math.max(0, v)),
        fill: kit.deltaColor("gain"),
        fillOpacity: 0.45,
      }),
      Plot.line({ length: s.length }, { x: s.x, y: s.y, stroke: ref.color, strokeWidth: 1 }),
    ];
    if (comp) {
      const c = kit.distanceSeries(comp.trace, "longG", ctx.width);
      marks.push(Plot.line({ length: c.length }, { x: c.x, y: c.y, stroke: comp.color, strokeWidth: 1.25 }));
    }
    return {
      plot: {
        y: { label: "← braking · g · throttle →", grid: true },
        marks: [...cornerBands(ctx), Plot.ruleY([0], { strokeOpacity: 0.5 }), ...marks],
      },
      readout: (d) => lapsReadout(laps, "longG", d, (v) => `${v.toFixed(2)} g`),
    };
  },
});
